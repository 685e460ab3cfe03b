import { useEffect, useState } from 'preact/hooks';

export interface AppLocation {
  pathname: string;
  search: string;
}

const read = (): AppLocation => ({ pathname: location.pathname, search: location.search });
const listeners = new Set<() => void>();

/**
 * Changes the address. `push` makes a history entry (filters, opening an offering: back undoes them);
 * `replace` does not (map moves, which would otherwise flood the history).
 */
export function navigate(url: string, mode: 'push' | 'replace' = 'push'): void {
  const target = new URL(url, location.href);
  if (target.pathname === location.pathname && target.search === location.search) return;
  if (mode === 'push') history.pushState(null, '', target);
  else history.replaceState(null, '', target);
  for (const listener of listeners) listener();
}

/** The current address; re-renders on navigate() and on back/forward. */
export function useLocation(): AppLocation {
  const [current, setCurrent] = useState(read);
  useEffect(() => {
    const update = () => setCurrent(read());
    listeners.add(update);
    addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      removeEventListener('popstate', update);
    };
  }, []);
  return current;
}
