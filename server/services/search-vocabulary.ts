import { eq } from 'drizzle-orm';
import { categories } from '../../schema';
import type { Db } from '../db/connection';
import { offerings } from '../db/schema';
import { foldName } from './region-lookup';

// The words and titles of the published offerings, in memory: titles many offerings share are suggested
// while typing (GET /api/suggest), and words are the dictionary for "Meinten Sie …?" when a query finds
// nothing. Rebuilt from SQLite in the background when the directory changed, at most every half minute,
// so a request never waits for it.

const REBUILD_AFTER_MS = 30_000;
/** Titles kept for suggestions: the most frequent ones; enough for a district, bounded for the country. */
const MAX_TITLES = 30_000;

export interface TitleEntry {
  text: string;
  folded: string;
  /** The folded words, for matching a typed word's start against any word of the title. */
  words: string[];
  count: number;
}

interface Snapshot {
  titles: TitleEntry[];
  /** Folded word → how many titles (with their counts) contain it. */
  words: Map<string, number>;
}

function snapshotOf(titles: readonly string[]): Snapshot {
  const byFolded = new Map<string, { text: string; count: number }>();
  for (const title of titles) {
    const text = title.trim().replace(/\s+/g, ' ');
    const folded = foldName(text);
    if (folded === '') continue;
    const entry = byFolded.get(folded);
    if (entry) entry.count++;
    else byFolded.set(folded, { text, count: 1 });
  }
  const words = new Map<string, number>();
  const add = (word: string, n: number) => {
    if (word.length >= 3 && !/^\d+$/.test(word)) words.set(word, (words.get(word) ?? 0) + n);
  };
  const list: TitleEntry[] = [];
  for (const [folded, { text, count }] of byFolded) {
    const titleWords = folded.split(' ');
    for (const word of titleWords) add(word, count);
    list.push({ text, folded, words: titleWords, count });
  }
  for (const c of categories) for (const word of foldName(`${c.label.de} ${c.label.en}`).split(' ')) add(word, 1);
  list.sort((a, b) => b.count - a.count || a.text.length - b.text.length || a.text.localeCompare(b.text, 'de'));
  return { titles: list.slice(0, MAX_TITLES), words };
}

/** Edit distance with transpositions (Damerau, optimal string alignment), giving up beyond `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      row[j] = value;
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length]!;
}

export class SearchVocabulary {
  private snapshot: Snapshot = { titles: [], words: new Map() };
  private builtAt = 0;
  private builtVersion = -1;
  private building = false;

  constructor(
    private readonly db: Db,
    private readonly version: () => number,
  ) {}

  /** Reads all published titles now (at start-up, and in tests). */
  rebuild(): void {
    const rows = this.db.select({ title: offerings.title }).from(offerings).where(eq(offerings.status, 'published')).all();
    this.snapshot = snapshotOf(rows.map((r) => r.title));
    this.builtAt = Date.now();
    this.builtVersion = this.version();
  }

  /** The current snapshot; schedules a rebuild after the answer when the directory changed meanwhile. */
  private current(): Snapshot {
    const stale = this.version() !== this.builtVersion && Date.now() - this.builtAt > REBUILD_AFTER_MS;
    if (stale && !this.building) {
      this.building = true;
      setImmediate(() => {
        try {
          this.rebuild();
        } finally {
          this.building = false;
        }
      });
    }
    return this.snapshot;
  }

  /** Titles with a word starting with the typed text (all its words, in any order), most frequent first. */
  titles(typed: string, limit: number): TitleEntry[] {
    const parts = foldName(typed).split(' ').filter(Boolean);
    if (parts.length === 0) return [];
    const found: TitleEntry[] = [];
    for (const title of this.current().titles) {
      if (parts.every((p) => title.words.some((w) => w.startsWith(p)))) {
        found.push(title);
        if (found.length === limit) break;
      }
    }
    return found;
  }

  /**
   * A known word close to `word` (one edit for short words, two from eight letters), the most frequent
   * one on a tie; undefined when the word is known or nothing is close.
   */
  correct(word: string): string | undefined {
    const folded = foldName(word);
    if (folded.length < 4 || folded.includes(' ')) return undefined;
    const { words } = this.current();
    if (words.has(folded)) return undefined;
    const max = folded.length >= 8 ? 2 : 1;
    let best: { word: string; distance: number; count: number } | undefined;
    for (const [candidate, count] of words) {
      const distance = editDistance(folded, candidate, max);
      if (distance > max) continue;
      if (!best || distance < best.distance || (distance === best.distance && count > best.count)) {
        best = { word: candidate, distance, count };
      }
    }
    return best && this.spelledAsInTitles(best.word);
  }

  /** A folded word as titles write it ("nachhilfe" → "Nachhilfe"), so the suggestion reads naturally. */
  private spelledAsInTitles(folded: string): string {
    for (const title of this.snapshot.titles) {
      const index = title.words.indexOf(folded);
      if (index === -1) continue;
      const written = title.text.split(/[^\p{L}\p{N}]+/u).filter(Boolean)[index];
      if (written && foldName(written) === folded) return written;
    }
    return folded;
  }
}
