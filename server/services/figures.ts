import { DEFAULT_RADIUS_KM, type FigureSet, type FiguresQuery, type FiguresResponse } from '../../schema';
import { Lru } from '../lib/lru';
import { HttpError } from '../plugins/errors';
import type { OfferingSearch } from '../search/offering-search';
import type { DirectoryState } from './directory-state';
import { keyRange, tally, toFigureSet, type KeyRange } from './figures-tally';
import { staleCutoff, today } from './offering-rules';
import { describeRegion } from './region-names';

type Area = Pick<FigureSet, 'scope' | 'key' | 'name'> & { range: KeyRange };

interface Entry {
  version: number;
  day: string;
  response: FiguresResponse;
}

export interface FiguresOptions {
  /** The clock; "not confirmed for 12 months" is counted from its date in Germany. */
  now?: () => Date;
  maxEntries?: number;
}

const unknownRegion = (key: string) =>
  new HttpError(404, 'not_found', `Keine Region mit dem Schlüssel ${key} / No region with key ${key}`);

/**
 * The day (since 1970-01-01) from which on an entry counts as confirmed within 12 months: the same cutoff as
 * "stale" in the workspace. On 29 February the cutoff is "…-02-29" of a year without one; the workspace
 * compares date strings, so 28 February is before it and 1 March not, which is where Date.UTC rolls it to.
 */
function staleBeforeDay(now: Date): number {
  const [y, m, d] = staleCutoff(today(now)).split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/**
 * Figures for the Bildungskonferenz: counts of the published offerings matching a target group in a region,
 * its state and the whole country, in one pass over the in-memory points. Answers are kept per query until
 * the points change or the day turns (the 12-month count depends on the date).
 */
export class FiguresService {
  private readonly cache: Lru<string, Entry>;
  private readonly now: () => Date;

  constructor(
    private readonly state: DirectoryState,
    private readonly search: OfferingSearch,
    options: FiguresOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.cache = new Lru(options.maxEntries ?? 32);
  }

  async figures(query: FiguresQuery): Promise<FiguresResponse> {
    const key = JSON.stringify(query);
    const now = this.now();
    const day = today(now);
    const cached = this.cache.get(key);
    if (cached && cached.version === this.state.version && cached.day === day) return cached.response;
    const version = this.state.version;
    const { response, degraded } = await this.compute(query, now);
    // Figures counted while Meilisearch was away are not kept: once it is back, its text search counts.
    if (!degraded) this.cache.set(key, { version, day, response });
    return response;
  }

  private async compute(query: FiguresQuery, now: Date): Promise<{ response: FiguresResponse; degraded: boolean }> {
    const { region, ...targetGroup } = query;
    const areas = this.areas(region);
    const points = this.state.points;
    // The whole country is counted, so the text search must not be narrowed to the region.
    const matching = targetGroup.q ? await this.search.matchingIds(targetGroup, points.size) : undefined;
    const positions = points.select(targetGroup, DEFAULT_RADIUS_KM, matching?.ids);
    const tallies = tally(points.columns, positions, areas.map((a) => a.range), staleBeforeDay(now));
    const response = {
      sets: areas.map(({ range: _range, ...area }, i) => toFigureSet(tallies[i]!, area)),
      generatedAt: now.toISOString(),
    };
    return { response, degraded: matching?.degraded ?? false };
  }

  /** The region, its state when the region lies below state level, and the country. */
  private areas(regionKey: string | undefined): Area[] {
    const country: Area = { scope: 'country', key: null, name: 'Deutschland', range: keyRange(null) };
    if (regionKey === undefined) return [country];
    const stateKey = regionKey.slice(0, 2);
    const region = describeRegion(this.state.regions, regionKey);
    const state = this.state.regions.get(stateKey);
    if (!region || !state) throw unknownRegion(regionKey);
    const stateArea: Area = { scope: 'state', key: stateKey, name: state.name, range: keyRange(stateKey) };
    if (regionKey.length === 2) return [{ ...stateArea, scope: 'region' }, country];
    return [{ scope: 'region', key: regionKey, name: region.name, range: keyRange(regionKey) }, stateArea, country];
  }
}
