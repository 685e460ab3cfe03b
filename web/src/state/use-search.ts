import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { OfferingHit, OfferingsResponse } from '../../../schema';
import { api } from '../api/client';

export interface SearchResult {
  response: OfferingsResponse | null;
  hits: OfferingHit[];
  loading: boolean;
  error: string | null;
  loadMore(): void;
  retry(): void;
}

const PER_PAGE = 20;

/** Runs the search for a query string; loading more pages appends to the list. */
export function useSearch(query: string): SearchResult {
  const [response, setResponse] = useState<OfferingsResponse | null>(null);
  const [hits, setHits] = useState<OfferingHit[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const page = useRef(1);
  const controller = useRef<AbortController | null>(null);

  const fetchPage = useCallback(
    async (pageNumber: number, append: boolean) => {
      controller.current?.abort();
      const abort = (controller.current = new AbortController());
      setLoading(true);
      setError(null);
      try {
        const separator = query ? '&' : '';
        const result = await api.search(`${query}${separator}page=${pageNumber}&perPage=${PER_PAGE}`, abort.signal);
        page.current = pageNumber;
        setResponse(result);
        setHits((previous) => (append ? [...previous, ...result.hits] : result.hits));
      } catch (e) {
        if ((e as Error).name !== 'AbortError') setError((e as Error).message);
      } finally {
        if (controller.current === abort) setLoading(false);
      }
    },
    [query],
  );

  useEffect(() => {
    void fetchPage(1, false);
    return () => controller.current?.abort();
  }, [fetchPage, attempt]);

  return {
    response,
    hits,
    loading,
    error,
    loadMore: () => void fetchPage(page.current + 1, true),
    retry: () => setAttempt((n) => n + 1),
  };
}
