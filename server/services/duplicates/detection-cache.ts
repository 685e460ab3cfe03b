import { Lru } from '../../lib/lru';

// Detection over a region is the expensive part of GET /api/duplicates (Berlin 0.6 s, NRW 1.7 s at 100,000
// offerings), and a coordinator pages through its result, switches tabs and comes back. The groups found are
// kept per region together with a fingerprint of what they were found from; an answer is reused only while
// the fingerprint holds, and for a short while at most, as a safety net for changes the fingerprint misses.

/** Regions kept: a coordinator looks at one or two at a time; a big city's groups take a few MB. */
const MAX_REGIONS = 8;
/** How long an entry is trusted even when nothing seems to have changed. */
const TTL_MS = 60_000;

export interface DetectionCacheOptions {
  maxEntries?: number;
  ttlMs?: number;
  /** The clock, in ms. */
  now?: () => number;
}

interface Entry<T> {
  fingerprint: string;
  at: number;
  value: T;
}

/** What was computed for a region, kept while its fingerprint holds and for at most `ttlMs`. */
export class DetectionCache<T> {
  private readonly entries: Lru<string, Entry<T>>;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: DetectionCacheOptions = {}) {
    this.entries = new Lru(options.maxEntries ?? MAX_REGIONS);
    this.ttlMs = options.ttlMs ?? TTL_MS;
    this.now = options.now ?? Date.now;
  }

  /**
   * The value kept for `region` when it was computed from data with this `fingerprint` less than the time
   * to live ago; otherwise `compute()`, kept from now on. Read the fingerprint before the data the value
   * is computed from: a change in between then only costs one more computation.
   */
  get(region: string, fingerprint: string, compute: () => T): T {
    const now = this.now();
    const entry = this.entries.get(region);
    if (entry && entry.fingerprint === fingerprint && now - entry.at < this.ttlMs) return entry.value;
    const value = compute();
    this.entries.set(region, { fingerprint, at: now, value });
    return value;
  }
}
