import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { OfferingHit, OfferingsResponse } from '../../../schema';
import { api } from '../api/client';

export interface SearchResult {
  /** The last answer; kept while the next one loads and after an error, so the page does not jump. */
  response: OfferingsResponse | null;
  /**
   * The query `response` answers, while it is the current answer: null from the moment a different first
   * page is asked for (a new query, a retry) until it arrives. What only fits the query it was made for (the
   * chips, whose remaining text replaces the search text, and the broader searches) is shown only when this
   * equals the page's query. Loading more pages keeps it: they answer the same query.
   */
  answered: string | null;
  hits: OfferingHit[];
  loading: boolean;
  /**
   * Why the last request failed. With `answered` null it was a first page (`retry` asks again); otherwise it was
   * "load more", and `loadMore` asks for the same page again.
   */
  error: string | null;
  loadMore(): void;
  retry(): void;
}

const PER_PAGE = 20;

/** Runs the search for a query string; loading more pages appends to the list. */
export function useSearch(query: string): SearchResult {
  const [response, setResponse] = useState<OfferingsResponse | null>(null);
  const [answered, setAnswered] = useState<string | null>(null);
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
      if (!append) setAnswered(null);
      try {
        const separator = query ? '&' : '';
        const result = await api.search(`${query}${separator}page=${pageNumber}&perPage=${PER_PAGE}`, abort.signal);
        // An answer that arrived just as a newer request replaced it belongs to the old query: drop it.
        if (abort.signal.aborted) return;
        page.current = pageNumber;
        setResponse(result);
        setAnswered(query);
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
    answered,
    hits,
    loading,
    error,
    loadMore: () => void fetchPage(page.current + 1, true),
    retry: () => setAttempt((n) => n + 1),
  };
}
