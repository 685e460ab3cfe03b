import { prefixDistance } from '../lib/edit-distance';
import { foldName } from '../lib/fold-name';
import type { RegionLevel, RegionMatch } from '../../schema';
import type { PostcodeRow, RegionRow } from '../db/schema';

interface Entry {
  region: RegionRow;
  folded: string;
  words: string[];
}

export interface RegionQuery {
  q?: string;
  level?: RegionLevel;
  parent?: string;
  limit: number;
}

const levelRank: Record<RegionLevel, number> = { gemeinde: 0, kreis: 1, land: 2 };

/**
 * Finds regions by name (prefix, any word of the name, or with a typo) or postcode, offline, from the
 * reference data in memory (~12,000 regions and ~8,000 postcodes).
 */
export class RegionLookup {
  private readonly entries: Entry[];
  private readonly byKey: Map<string, RegionRow>;

  constructor(
    regions: readonly RegionRow[],
    private readonly postcodes: readonly PostcodeRow[],
  ) {
    this.entries = regions.map((region) => {
      const folded = foldName(region.name);
      return { region, folded, words: folded.split(' ') };
    });
    this.byKey = new Map(regions.map((r) => [r.key, r]));
  }

  get(key: string): RegionRow | undefined {
    return this.byKey.get(key);
  }

  /** A region by its official key, as the lookup answers it. */
  match(key: string): RegionMatch | undefined {
    const region = this.byKey.get(key);
    return region && toMatch(region);
  }

  find(query: RegionQuery): RegionMatch[] {
    const q = query.q?.trim() ?? '';
    if (/^\d{1,5}$/.test(q)) return this.findPostcodes(q, query);
    const candidates = this.entries.filter(
      (e) =>
        (!query.level || e.region.level === query.level) &&
        (!query.parent || e.region.key.startsWith(query.parent) && e.region.key !== query.parent),
    );
    if (q === '') {
      return candidates
        .map((e) => e.region)
        .sort((a, b) => a.name.localeCompare(b.name, 'de'))
        .slice(0, query.limit)
        .map(toMatch);
    }
    const folded = foldName(q);
    if (folded === '') return [];
    const maxTypos = folded.length >= 8 ? 2 : folded.length >= 4 ? 1 : 0;
    const scored: { region: RegionRow; score: number }[] = [];
    for (const e of candidates) {
      let score: number;
      if (e.folded === folded) score = 0;
      else if (e.folded.startsWith(folded)) score = 1;
      else if (e.words.some((w) => w.startsWith(folded))) score = 2;
      else if (maxTypos > 0 && prefixDistance(folded, e.folded, maxTypos) <= maxTypos) score = 3;
      else continue;
      scored.push({ region: e.region, score });
    }
    return scored
      .sort(
        (a, b) =>
          a.score - b.score ||
          b.region.weight - a.region.weight ||
          levelRank[a.region.level] - levelRank[b.region.level] ||
          a.region.key.localeCompare(b.region.key),
      )
      .slice(0, query.limit)
      .map((s) => toMatch(s.region));
  }

  private findPostcodes(prefix: string, query: RegionQuery): RegionMatch[] {
    const matches: RegionMatch[] = [];
    for (const p of this.postcodes) {
      if (!p.code.startsWith(prefix)) continue;
      if (query.parent && !p.regionKey.startsWith(query.parent)) continue;
      const region = this.byKey.get(p.regionKey);
      if (!region) continue;
      matches.push({ ...toMatch(region), name: `${p.code} ${p.place}`, lat: p.lat, lng: p.lng, postcode: p.code });
      if (matches.length >= query.limit) break;
    }
    return matches;
  }
}

function toMatch(r: RegionRow): RegionMatch {
  return { key: r.key, name: r.name, level: r.level, type: r.type, parentKey: r.parentKey, lat: r.lat, lng: r.lng, bbox: r.bbox };
}
