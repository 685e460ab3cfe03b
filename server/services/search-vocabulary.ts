import { categories } from '../../schema';
import { germanStopWords } from '../search/synonyms';
import type { Db } from '../db/connection';
import { editDistance } from '../lib/edit-distance';
import { publishedTitles } from '../repos/offerings-repo';
import { foldName } from '../lib/fold-name';

// The words and titles of the published offerings, in memory: titles many offerings share are suggested
// while typing (GET /api/suggest), and words are the dictionary for "Meinten Sie …?" when a query finds
// nothing. Rebuilt from SQLite when the directory changed, at most every half minute, after the answer that
// noticed it rather than before (reading 100,000 titles takes ~0.1 s).

const REBUILD_AFTER_MS = 30_000;
/** Words a title is not suggested for, though they start with what was typed. */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(germanStopWords.map(foldName));
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
  /** Words by first letter and length, so a correction compares a handful of words, not all of them. */
  buckets: Map<string, string[]>;
}

const bucketKey = (firstLetter: string, length: number) => `${firstLetter}${length}`;

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
  const buckets = new Map<string, string[]>();
  for (const word of words.keys()) {
    const key = bucketKey(word[0]!, word.length);
    const bucket = buckets.get(key);
    if (bucket) bucket.push(word);
    else buckets.set(key, [word]);
  }
  return { titles: list.slice(0, MAX_TITLES), words, buckets };
}

export class SearchVocabulary {
  private snapshot: Snapshot = { titles: [], words: new Map(), buckets: new Map() };
  private builtAt = 0;
  private builtVersion = -1;
  private building = false;

  constructor(
    private readonly db: Db,
    private readonly version: () => number,
  ) {}

  /** Reads all published titles now (at start-up, and in tests). */
  rebuild(): void {
    this.snapshot = snapshotOf(publishedTitles(this.db));
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
        } catch {
          // The previous snapshot stays (e.g. the database closed during shutdown); the next change tries again.
          this.builtAt = Date.now();
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
    // Titles that start with the text first, then those with a word that does; a short word such as "nach"
    // or "für" does not count as that word, or "Nach" would suggest "Lernförderung nach BuT" before "Nachhilfe".
    const starting: TitleEntry[] = [];
    const containing: TitleEntry[] = [];
    for (const title of this.current().titles) {
      if (!parts.every((p) => title.words.some((w) => w.startsWith(p) && !FUNCTION_WORDS.has(w)))) continue;
      if (title.folded.startsWith(parts[0]!)) starting.push(title);
      else if (containing.length < limit) containing.push(title);
      if (starting.length === limit) break;
    }
    return [...starting, ...containing].slice(0, limit);
  }


  /**
   * A known word close to `word` (one edit for short words, two from eight letters), the most frequent
   * one on a tie; undefined when the word is known or nothing is close.
   */
  correct(word: string): string | undefined {
    const folded = foldName(word);
    if (folded.length < 4 || folded.includes(' ')) return undefined;
    const { words, buckets } = this.current();
    if (words.has(folded)) return undefined;
    const max = folded.length >= 8 ? 2 : 1;
    // Typos rarely hit the first letter; only words of that letter and a near length are compared.
    const candidates: string[] = [];
    for (let length = folded.length - max; length <= folded.length + max; length++) {
      candidates.push(...(buckets.get(bucketKey(folded[0]!, length)) ?? []));
    }
    let best: { word: string; distance: number; count: number } | undefined;
    for (const candidate of candidates) {
      const count = words.get(candidate)!;
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
