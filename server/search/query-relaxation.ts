import type { QueryTerm } from './query-words';

// When no offering contains every word of a query, the search answers with the offerings that contain
// the most important ones instead of nothing. Meilisearch's own `last`/`frequency` strategies were not
// used: they mix partial matches into one result whose total counts them all, and `last` keeps a filler
// word typed first. Here the words are chosen first, from exact counts, and then searched with every
// chosen word required, so totals and facets stay exact for what is shown.

/** Counts the offerings (with the query's filters) containing every term of each list, in one round trip. */
export type TermCounter = (lists: readonly (readonly QueryTerm[])[]) => Promise<number[]>;

export interface Relaxation {
  /** The terms searched instead of the query's. */
  terms: QueryTerm[];
  /** Typed words the shown offerings contain, and those left out. */
  matched: string[];
  dropped: string[];
}

/** A relaxed query stops trying subsets beyond this many words (each costs one more count). */
const MAX_SUBSET_WORDS = 8;

function partTerms(term: QueryTerm): [QueryTerm, QueryTerm] | undefined {
  if (!term.parts) return undefined;
  const [first, head] = term.parts;
  return [{ typed: first, token: first }, { typed: head, token: head }];
}

function describe(all: readonly QueryTerm[], chosen: readonly QueryTerm[]): Relaxation {
  const matched = [...new Set(chosen.map((t) => t.typed))];
  const kept = new Set(matched);
  const keptTokens = new Set(chosen.map((t) => t.token));
  const dropped = all
    .filter((t) => !kept.has(t.typed) && !keptTokens.has(t.token) && !(t.parts ?? []).some((p) => keptTokens.has(p)))
    .map((t) => t.typed);
  return { terms: [...chosen], matched, dropped };
}

/**
 * The most important words that some offering contains together, or undefined when no single word (nor
 * part of a compound word) is found. Words no offering contains are left out; a compound no offering
 * contains whole is replaced by its parts; of the rest, the most frequent word goes first, because the
 * rarer words say more about what is wanted ("Schwimmkurs" for "Schwimmen lernen": "schwimm", not "kurs").
 */
export async function relaxQuery(terms: readonly QueryTerm[], count: TermCounter): Promise<Relaxation | undefined> {
  if (terms.length === 0) return undefined;
  const splits = terms.map(partTerms);
  const singles: QueryTerm[] = [...terms, ...splits.flatMap((s) => s ?? [])];
  const singleCounts = await count(singles.map((t) => [t]));
  const frequency = new Map<string, number>(singles.map((t, i) => [t.token, singleCounts[i]!]));

  const candidates: QueryTerm[] = [];
  terms.forEach((term, i) => {
    if (frequency.get(term.token)! > 0) candidates.push(term);
    else for (const part of splits[i] ?? []) if (frequency.get(part.token)! > 0) candidates.push(part);
  });
  const unique = candidates.filter((t, i) => candidates.findIndex((u) => u.token === t.token) === i);
  if (unique.length === 0) return undefined;
  if (unique.length === 1) return describe(terms, unique);

  const considered = unique.slice(0, MAX_SUBSET_WORDS);
  const dropOne = considered.map((_, i) => considered.filter((__, j) => j !== i));
  const [together, ...without] = await count([considered, ...dropOne]);
  if (together! > 0) return describe(terms, considered);

  // Drop the most frequent word whose absence lets the others meet; on a tie, the later word.
  let best = -1;
  for (let i = 0; i < considered.length; i++) {
    if (without[i]! === 0) continue;
    if (best === -1 || frequency.get(considered[i]!.token)! >= frequency.get(considered[best]!.token)!) best = i;
  }
  if (best !== -1) return describe(terms, dropOne[best]!);
  // No two of them meet: the rarest word that is there.
  const rarest = considered.reduce((a, b) => (frequency.get(b.token)! < frequency.get(a.token)! ? b : a));
  return describe(terms, [rarest]);
}
