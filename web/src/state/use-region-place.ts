import { useEffect, useRef } from 'preact/hooks';
import { api } from '../api/client';
import { placeLabel } from '../lib/format';
import type { SearchState } from './search-state';

/**
 * Links from other pages give a region as its key only (`?region=09276`). This looks the name up and puts it
 * in the URL as `place` (without a history entry), so chips, the summary and the place field say
 * "Landkreis Regen"; until then, or if the lookup fails, they show the key.
 */
export function useRegionPlace(state: SearchState, update: (next: SearchState, mode: 'replace') => void): void {
  const latest = useRef(state);
  latest.current = state;
  const key = state.filters.region;
  const named = state.place !== undefined;
  useEffect(() => {
    if (!key || named) return;
    const controller = new AbortController();
    api.region(key, controller.signal).then(
      (match) => {
        const now = latest.current;
        if (now.filters.region === key && now.place === undefined) update({ ...now, place: placeLabel(match) }, 'replace');
      },
      () => undefined, // the key stays readable where the name would be
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, named]);
}
