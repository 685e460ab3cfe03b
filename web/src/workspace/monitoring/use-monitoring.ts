import { useLocation } from 'preact-iso';
import { useEffect, useMemo } from 'preact/hooks';
import { useWorkspace } from '../context';
import { parseMonitoringState, serializeMonitoringState, type MonitoringState } from './monitoring-state';

export interface Monitoring {
  state: MonitoringState;
  /** Applies a new state: a new history entry, so Back returns to the previous selection. */
  update(next: MonitoringState): void;
  /** A monitoring page's link carrying the current selection (and the interface language). */
  linkTo(path: string, state?: MonitoringState): string;
  /** True while it is still unknown whether a signed-in coordinator's own region will be chosen. */
  deciding: boolean;
}

/**
 * The monitoring pages' state from the URL. A coordinator who opens a page without a region starts with their
 * own (the URL is then completed in place, so it can be shared as it is); everyone else picks one.
 */
export function useMonitoring(): Monitoring {
  const { me, href, go } = useWorkspace();
  const { url, path } = useLocation();
  const search = url.includes('?') ? url.slice(url.indexOf('?')) : '';
  const state = useMemo(() => parseMonitoringState(search), [search]);
  const ownRegion = me?.role === 'coordinator' ? me.regionPrefix : null;

  useEffect(() => {
    if (state.region || !ownRegion) return;
    go(`${path}?${serializeMonitoringState({ ...state, region: ownRegion })}`, true);
  }, [state.region, ownRegion, path]);

  const linkTo = (to: string, next = state) => {
    const query = serializeMonitoringState(next);
    return href(query ? `${to}?${query}` : to);
  };
  return {
    state,
    update: (next) => {
      const query = serializeMonitoringState(next);
      go(query ? `${path}?${query}` : path);
    },
    linkTo,
    deciding: !state.region && (me === undefined || ownRegion !== null),
  };
}
