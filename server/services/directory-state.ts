import type { Db } from '../db/connection';
import { publishedPointRows } from '../repos/offerings-repo';
import { allPostcodes, allRegions } from '../repos/regions-repo';
import type { OfferingIndex, ReindexProgress } from '../search/indexer';
import { PointStore } from '../search/point-store';
import { RegionLookup } from './region-lookup';

/**
 * What the server keeps in memory, derived from SQLite: the region lookup and the map points. `version`
 * changes whenever they are rebuilt, so caches keyed by it never serve stale answers.
 */
export class DirectoryState {
  regions = new RegionLookup([], []);
  points = new PointStore([]);
  version = 0;

  constructor(
    private readonly db: Db,
    private readonly index: OfferingIndex,
  ) {}

  /** Brings the search index in line with SQLite, then reloads the in-memory data. */
  async refresh(options: { reindex?: boolean; onProgress?: (p: ReindexProgress) => void } = {}): Promise<void> {
    if (options.reindex) await this.index.reindex(this.db, options.onProgress);
    else await this.index.ensureInSync(this.db, options.onProgress);
    this.regions = new RegionLookup(allRegions(this.db), allPostcodes(this.db).sort((a, b) => a.code.localeCompare(b.code)));
    this.points = new PointStore(publishedPointRows(this.db));
    this.version++;
  }
}
