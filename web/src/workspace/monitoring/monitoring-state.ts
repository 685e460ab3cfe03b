import { DEFAULT_GAP_THRESHOLD_KM, MAX_GAP_THRESHOLD_KM, zRegionKey, zTargetGroup, type TargetGroup } from '../../../../schema';

// The URL is the state of the monitoring pages, as it is on the family page: the region, the target group with
// the API's own parameter names (category, phase, age, cost, but, lang, access, formality, q), the distance
// threshold and, for the side-by-side comparison, a second target group whose parameters carry the prefix
// `b.` (`b.category=holiday_programme`). `compare=1` switches the comparison on even while the second
// group has no filter (all offerings).

export interface MonitoringState {
  /** A state (2 digits) or district (5) key; null until one is chosen. */
  region: string | null;
  thresholdKm: number;
  a: TargetGroup;
  /** The second target group; null: no comparison. */
  b: TargetGroup | null;
}

export const SECOND_GROUP_PREFIX = 'b.';
export const MIN_THRESHOLD_KM = 1;

const listKeys = ['category', 'phase', 'lang', 'formality', 'cost', 'access'] as const;
type ListKey = (typeof listKeys)[number];
const groupKeys = Object.keys(zTargetGroup.shape) as (keyof TargetGroup)[];

/** Reads one target group; a parameter that does not validate is dropped, not fatal. */
function parseGroup(params: URLSearchParams, prefix: string): TargetGroup {
  const group: Record<string, unknown> = {};
  for (const key of groupKeys) {
    const values = params.getAll(`${prefix}${key}`);
    if (values.length === 0) continue;
    const raw = (listKeys as readonly string[]).includes(key) ? values : values[0];
    const parsed = zTargetGroup.shape[key].safeParse(raw);
    if (parsed.success && parsed.data !== undefined) group[key] = parsed.data;
  }
  return group as TargetGroup;
}

export function parseMonitoringState(search: string): MonitoringState {
  const params = new URLSearchParams(search);
  const region = params.get('region');
  const threshold = Number(params.get('thresholdKm'));
  const hasSecond = params.get('compare') === '1' || [...params.keys()].some((key) => key.startsWith(SECOND_GROUP_PREFIX));
  return {
    region: region && zRegionKey.safeParse(region).success ? region : null,
    thresholdKm:
      params.has('thresholdKm') && Number.isFinite(threshold) && threshold >= MIN_THRESHOLD_KM && threshold <= MAX_GAP_THRESHOLD_KM
        ? threshold
        : DEFAULT_GAP_THRESHOLD_KM,
    a: parseGroup(params, ''),
    b: hasSecond ? parseGroup(params, SECOND_GROUP_PREFIX) : null,
  };
}

/** A target group's filters as API parameters, in a stable order (equal groups give equal URLs). */
export function appendGroup(params: URLSearchParams, group: TargetGroup, prefix = ''): URLSearchParams {
  if (group.q) params.set(`${prefix}q`, group.q);
  for (const key of listKeys) for (const value of group[key] ?? []) params.append(`${prefix}${key}`, value);
  if (group.age !== undefined) params.set(`${prefix}age`, String(group.age));
  // but=false ("not BuT-eligible") is a filter too: a search URL handed over with it keeps its meaning.
  if (group.but !== undefined) params.set(`${prefix}but`, String(group.but));
  return params;
}

/** The page's query string (without the interface language, which `href`/`go` add). */
export function serializeMonitoringState(state: MonitoringState): string {
  const params = new URLSearchParams();
  if (state.region) params.set('region', state.region);
  if (state.thresholdKm !== DEFAULT_GAP_THRESHOLD_KM) params.set('thresholdKm', String(state.thresholdKm));
  appendGroup(params, state.a);
  if (state.b) {
    params.set('compare', '1');
    appendGroup(params, state.b, SECOND_GROUP_PREFIX);
  }
  return params.toString();
}

/** `GET /api/gaps` for one target group of the state. */
export function gapsQuery(state: MonitoringState, group: TargetGroup): URLSearchParams {
  const params = new URLSearchParams();
  if (state.region) params.set('region', state.region);
  params.set('thresholdKm', String(state.thresholdKm));
  return appendGroup(params, group);
}

/** `GET /api/figures` and the exports: the region and the target group's filters. */
export function regionQuery(state: MonitoringState, group: TargetGroup): URLSearchParams {
  const params = new URLSearchParams();
  if (state.region) params.set('region', state.region);
  return appendGroup(params, group);
}

/** Whether the group narrows anything (otherwise it stands for all published offerings). */
export function isAllOfferings(group: TargetGroup): boolean {
  return Object.values(group).every((v) => v === undefined || v === false || (Array.isArray(v) && v.length === 0));
}

export function withList(group: TargetGroup, key: ListKey, values: string[]): TargetGroup {
  const next = { ...group, [key]: values.length > 0 ? values : undefined };
  if (next[key] === undefined) delete next[key];
  return next as TargetGroup;
}

export type { ListKey };
