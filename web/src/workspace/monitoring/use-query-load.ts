import { useEffect, useState } from 'preact/hooks';
import type { Loaded } from '../lib/use-load';

export interface QueryLoaded<T> extends Loaded<T> {
  /** True while an answer for the current key is on its way; `data` may still hold the previous one. */
  loading: boolean;
}

/**
 * Loads `load()` whenever `key` (the query) changes. Unlike a fresh page load, the previous answer stays on
 * screen while the next one comes (marked busy), so changing a filter does not blank the map and tables.
 */
export function useQueryLoad<T>(key: string, load: () => Promise<T>): QueryLoaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setError(null);
    setLoading(true);
    load().then(
      (value) => {
        if (!current) return;
        setData(value);
        setLoading(false);
      },
      (e: unknown) => {
        if (!current) return;
        setError(e instanceof Error ? e : new Error(String(e)));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, round]);
  return { data, error, loading, reload: () => setRound((n) => n + 1), set: setData };
}
