import { useEffect, useState } from 'preact/hooks';

export interface Loaded<T> {
  /** The answer, or null while it loads and after a failure. */
  value: T | null;
  /** The last attempt failed: the page shows `retry` instead of waiting for an answer that will not come. */
  failed: boolean;
  retry(): void;
}

/**
 * Loads something the page needs (the taxonomy, the client config, a lazily loaded module) once `load` is
 * given; a failure is reported as `failed`, never as endless loading, and `retry` loads again. `load` must be a
 * stable function: a new one starts a new load.
 */
export function useLoad<T>(load: (() => Promise<T>) | null): Loaded<T> {
  const [value, setValue] = useState<T | null>(null);
  const [failed, setFailed] = useState(false);
  const start = () => {
    setFailed(false);
    load?.().then(setValue, (e: unknown) => {
      console.error(e);
      setFailed(true);
    });
  };
  // `start` changes with every render; `load` is what decides whether to load.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(start, [load]);
  return { value, failed, retry: start };
}
