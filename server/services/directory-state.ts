import type { Db } from '../db/connection';
import { publishedPointRows } from '../repos/offerings-repo';
import { entriesAfter, maxOutboxSeq, pendingUpTo, publishedPointRowsByIds } from '../repos/outbox-repo';
import { allPostcodes, allRegions } from '../repos/regions-repo';
import type { OfferingIndex, RebuildReason, ReindexProgress } from '../search/indexer';
import { writeNowOrLater } from '../search/outbox-lease';
import type { OutboxWorker } from '../search/outbox-worker';
import { PlaceNames } from '../search/place-names';
import { PointStore } from '../search/point-store';
import { TextIndex } from '../search/text-index';
import { RegionLookup } from './region-lookup';
import { SearchVocabulary } from './search-vocabulary';

/** Above this many changed offerings at once, reading all points anew is cheaper than patching. */
const FULL_RELOAD_ABOVE = 20_000;

/**
 * What the server keeps in memory, derived from SQLite: the region lookup and the map points. `version`
 * changes whenever they change, so caches keyed by it never serve stale answers.
 *
 * The map points follow the outbox, in every process (also one that did not apply an entry): when an
 * entry is done, its offering's point is read from SQLite again. Entries are done out of `seq` order when
 * one waits for a retry, so besides the highest `seq` seen, the entries still pending are remembered and
 * followed once they are done.
 */
export class DirectoryState {
  regions = new RegionLookup([], []);
  /** Place names and postcodes for reading a place out of a search query. */
  places = new PlaceNames([], []);
  points = new PointStore([]);
  /** Titles and words of the published offerings, for suggestions and spelling. */
  readonly vocabulary: SearchVocabulary;
  /** The offerings' texts in SQLite, for searching while Meilisearch is away (degraded-search.ts). */
  readonly text: TextIndex;
  /** Whether the text index holds every published offering (it is rebuilt in the background at start). */
  textReady = false;
  /** Settles when the latest rebuild of the text index has ended. */
  textRebuilt: Promise<void> = Promise.resolve();
  /** Offerings changed since the text index was last written (it waits while another connection writes). */
  private textBacklog = new Set<number>();
  /** Counts rebuilds of the text index, so a newer one stops an older one still running. */
  private textGeneration = 0;
  private closed = false;
  version = 0;
  /** The highest outbox `seq` looked at. */
  private seen = 0;
  /** Entries up to `seen` that were pending when looked at: seq → offering id. */
  private waiting = new Map<number, number>();

  constructor(
    private readonly db: Db,
    private readonly index: OfferingIndex,
    private readonly outbox?: OutboxWorker,
  ) {
    outbox?.onTick(() => this.followOutbox());
    this.vocabulary = new SearchVocabulary(db, () => this.version);
    this.text = new TextIndex(db);
  }

  /**
   * Whether the degraded search may use the text index: this process built or caught it up, and no other
   * process sharing the database has started rebuilding it since (a rebuild first marks it incomplete).
   */
  textUsable(): boolean {
    return this.textReady && this.text.current;
  }

  /** Stops background work that reads the database (before it is closed). */
  close(): void {
    this.closed = true;
  }

  /**
   * The text index as kept in the database, caught up with the outbox; rebuilt in the background when
   * that is not possible (see TextIndex.catchUp).
   */
  private startText(): void {
    if (this.text.catchUp()) {
      this.textGeneration++;
      this.textReady = true;
      this.textRebuilt = Promise.resolve();
      return;
    }
    this.rebuildText();
  }

  /**
   * Rebuilds the text index in the background, a batch per turn of the event loop; until it is done the
   * degraded search is off. A failure (the database closed during shutdown) leaves it off.
   */
  private rebuildText(): void {
    this.textReady = false;
    const generation = ++this.textGeneration;
    this.textRebuilt = this.text
      .rebuild(() => this.closed || generation !== this.textGeneration)
      .then((complete) => {
        if (generation === this.textGeneration) this.textReady = complete;
      })
      .catch(() => {
        if (generation === this.textGeneration) this.textReady = false;
      });
  }

  /**
   * Brings the search index in line with SQLite (a full rebuild when asked, or when the start-up check
   * finds it necessary), reloads the in-memory data, then starts the outbox worker. Returns why it rebuilt.
   */
  async refresh(
    options: { reindex?: boolean; onProgress?: (p: ReindexProgress) => void } = {},
  ): Promise<RebuildReason | 'busy' | 'asked'> {
    let outcome: RebuildReason | 'busy' | 'asked';
    if (options.reindex) {
      await this.index.reindex(this.db, options.onProgress);
      outcome = 'asked';
    } else {
      outcome = await this.index.ensureInSync(this.db, options.onProgress);
    }
    const regions = allRegions(this.db);
    const postcodes = allPostcodes(this.db).sort((a, b) => a.code.localeCompare(b.code));
    this.regions = new RegionLookup(regions, postcodes);
    this.places = new PlaceNames(regions, postcodes);
    this.reloadPoints();
    this.vocabulary.rebuild();
    this.startText();
    this.outbox?.start();
    return outcome;
  }

  /**
   * Writes the changed offerings' texts, unless another connection holds SQLite's write lock: then they
   * wait for the next look at the outbox, so this process never stops to wait for the lock.
   */
  private followText(changed: ReadonlySet<number>): void {
    for (const id of changed) this.textBacklog.add(id);
    if (this.textBacklog.size === 0) return;
    if (this.textBacklog.size > FULL_RELOAD_ABOVE) {
      this.textBacklog.clear();
      this.rebuildText();
      return;
    }
    const ids = [...this.textBacklog];
    const seq = this.seen;
    if (writeNowOrLater(this.db, () => (this.text.apply(ids, seq), true))) this.textBacklog.clear();
  }

  /** All points anew, and where in the outbox they stand (one read transaction: a consistent snapshot). */
  private reloadPoints(): void {
    this.db.transaction(() => {
      this.points = new PointStore(publishedPointRows(this.db));
      this.seen = maxOutboxSeq(this.db);
      this.waiting = new Map(pendingUpTo(this.db, this.seen).map((e) => [e.seq, e.offeringId]));
    });
    this.version++;
  }

  /**
   * Patches the map points of offerings whose outbox entries were done since the last look. The text index
   * follows every new entry at once, done or not: it mirrors SQLite, and the points decide what is shown.
   */
  followOutbox(): void {
    const textChanged = new Set<number>();
    const patch = this.db.transaction(() => {
      const changed = new Set<number>();
      for (const entry of entriesAfter(this.db, this.seen)) {
        this.seen = entry.seq;
        textChanged.add(entry.offeringId);
        if (entry.done) changed.add(entry.offeringId);
        else this.waiting.set(entry.seq, entry.offeringId);
      }
      if (this.waiting.size > 0) {
        const stillPending = new Set(pendingUpTo(this.db, this.seen).map((e) => e.seq));
        for (const [seq, offeringId] of this.waiting) {
          if (stillPending.has(seq)) continue;
          changed.add(offeringId);
          this.waiting.delete(seq);
        }
      }
      // An offering with an entry still pending is patched once that entry is done, so the map shows what
      // the search shows, not a state Meilisearch has not received yet.
      for (const offeringId of this.waiting.values()) changed.delete(offeringId);
      if (changed.size === 0 || changed.size > FULL_RELOAD_ABOVE) return changed.size === 0 ? null : 'all';
      return { ids: changed, rows: publishedPointRowsByIds(this.db, [...changed]) };
    });
    this.followText(textChanged);
    if (patch === null) return;
    if (patch === 'all') {
      // The reload moves `seen` to the newest entry: entries written since the look above reach the text
      // index here, or a restart would catch up from past them.
      const looked = this.seen;
      this.reloadPoints();
      this.followText(new Set(entriesAfter(this.db, looked).filter((e) => e.seq <= this.seen).map((e) => e.offeringId)));
      return;
    }
    this.points = this.points.withChanges(patch.ids, patch.rows);
    this.version++;
  }
}
