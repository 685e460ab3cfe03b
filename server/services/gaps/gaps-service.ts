import { DEFAULT_RADIUS_KM, type GapMunicipality, type GapsQuery, type GapsResponse, type TargetGroup } from '../../../schema';
import type { Db } from '../../db/connection';
import { HttpError } from '../../plugins/errors';
import { municipalityRegions } from '../../repos/regions-repo';
import type { OfferingSearch } from '../../search/offering-search';
import type { DirectoryState } from '../directory-state';
import type { RegionLookup } from '../region-lookup';
import { describeRegion } from '../region-names';
import { GapIndex } from './gap-index';
import { Lru } from '../../lib/lru';
import { MunicipalityTable, type Municipality } from './municipalities';
import { perThousand, round, summaryWithSettlements, worstServedFirst } from './ranking';
import { normaliseTargetGroup, targetGroupKey } from './target-group';

/**
 * Gap indexes kept: each holds ~40 bytes per matching offering (4 MB for 100,000), and a coordinator
 * looks at a few target groups at a time, switching regions and thresholds within each.
 */
const MAX_INDEXES = 8;

const notFound = (key: string) =>
  new HttpError(404, 'not_found', `Keine Region mit dem Schlüssel ${key} / No region with key ${key}`);

/**
 * How well each municipality of a region is served with offerings for a target group (GET /api/gaps).
 * The matching offerings are those of the whole country, so that the nearest one may lie across the
 * region's border; their index is cached per target group and directory version.
 */
export class GapsService {
  /**
   * Promises, so that requests arriving while a text query's ids are fetched share one build; all of them
   * built for `indexVersion` of the directory.
   */
  private readonly indexes = new Lru<string, Promise<GapIndex>>(MAX_INDEXES);
  private indexVersion = -1;
  private table?: { regions: RegionLookup; municipalities: MunicipalityTable };

  constructor(
    private readonly state: DirectoryState,
    private readonly search: OfferingSearch,
    private readonly db: Db,
  ) {}

  async gaps(query: GapsQuery): Promise<GapsResponse> {
    const { region: key, thresholdKm, ...group } = query;
    const region = key === undefined ? null : this.describe(key);
    const municipalities = this.municipalities().under(key ?? '');
    if (key !== undefined && municipalities.length === 0) throw notFound(key);
    const index = await this.indexFor(group);
    const rows = municipalities.map((m) => assess(m, index, thresholdKm));
    rows.sort(worstServedFirst);
    return { region, thresholdKm, municipalities: rows, summary: summaryWithSettlements(rows) };
  }

  /** The index of the target group's matching offerings, built on first use for this directory version. */
  indexFor(group: TargetGroup): Promise<GapIndex> {
    if (this.indexVersion !== this.state.version) {
      // Any change of the offerings may change every target group's points; stale indexes go at once
      // rather than holding memory until they are pushed out.
      this.indexes.clear();
      this.indexVersion = this.state.version;
    }
    const normal = normaliseTargetGroup(group);
    const key = targetGroupKey(normal);
    const cached = this.indexes.get(key);
    if (cached) return cached;
    const built = this.build(normal);
    const index = built.then((b) => b.index);
    this.indexes.set(key, index);
    // A failed build must not be served from the cache afterwards, nor one made while Meilisearch was away
    // (the degraded text search): once it is back, its matches count.
    const forget = () => {
      if (this.indexes.peek(key) === index) this.indexes.delete(key);
    };
    built.then((b) => b.degraded && forget(), forget);
    return index;
  }

  private async build(group: TargetGroup): Promise<{ index: GapIndex; degraded: boolean }> {
    // The store as it is now: the version the cache entry is recorded under.
    const points = this.state.points;
    const matching = group.q ? await this.search.matchingIds(group, points.size) : undefined;
    // No region, place or bbox among the filters: nearest offerings across every border.
    return { index: new GapIndex(points, points.select(group, DEFAULT_RADIUS_KM, matching?.ids)), degraded: matching?.degraded ?? false };
  }

  private describe(key: string): NonNullable<GapsResponse['region']> {
    const region = describeRegion(this.state.regions, key);
    if (!region) throw notFound(key);
    return region;
  }

  /** The municipality table, read again whenever the directory reloaded its regions. */
  private municipalities(): MunicipalityTable {
    if (this.table?.regions !== this.state.regions) {
      this.table = { regions: this.state.regions, municipalities: new MunicipalityTable(municipalityRegions(this.db)) };
    }
    return this.table.municipalities;
  }
}

/** One municipality's figures. */
function assess(m: Municipality, index: GapIndex, thresholdKm: number): GapMunicipality {
  const nearest = index.nearest(m.lng, m.lat);
  // Rounded once; `served` compares the rounded figure, so the list and the flag never disagree.
  const nearestKm = nearest ? round(nearest.km, 2) : null;
  const matching = index.countIn(m.keyNumber);
  return {
    key: m.key,
    name: m.name,
    population: m.population,
    populationEstimated: m.populationEstimated,
    settlement: m.settlement,
    matching,
    perThousand: perThousand(matching, m.population),
    nearestKm,
    nearestOfferingId: nearest?.offeringId ?? null,
    served: nearestKm !== null && nearestKm <= thresholdKm,
  };
}
