import type { QueryTerm } from './query-words';

// When no offering contains every word of a query, the search answers with the offerings that contain
// the most important ones instead of nothing. Meilisearch's own `last`/`frequency` strategies were not
// used: they mix partial matches into one result whose total counts them all, and `last` keeps a filler
// word typed first. Here the words are chosen first, from exact counts, and then searched with every
// chosen word required, so totals and facets stay exact for what is shown.
//
// Round 1 counts every word alone in the forms it may take: its stem, the word as typed (Meilisearch's
// typo tolerance works on words, and a misspelt word stems oddly: "Bewerbungstrainig"), its stem as the
// start of a word (a verb for its compound: "töpfern" → "Töpferkurs"), and for a compound its parts.
// Round 2 counts, for each reading of the query (compounds whole, or as their first part, or as both
// parts), the rarest word, the two rarest together, and so on: rare words say most about what is wanted.
// The reading that keeps the most typed words wins; on a tie the one closest to what was typed.

/** Counts the offerings (with the query's filters) containing every term of each list, in one round trip. */
export type TermCounter = (lists: readonly (readonly QueryTerm[])[]) => Promise<number[]>;

export interface Relaxation {
  /** The terms searched instead of the query's. */
  terms: QueryTerm[];
  /** Typed words the shown offerings contain, and those left out. */
  matched: string[];
  dropped: string[];
  /** Whether a word was left out or only a part of it searched (the page says so); not for a changed form only. */
  partial: boolean;
}

/** One typed word as searched in a reading: one term, or a compound's parts (all required). */
interface Unit {
  source: QueryTerm;
  terms: QueryTerm[];
  count: number;
  /** Whether this is the word itself (in any form) rather than a part of it. */
  whole: boolean;
}

/** Meilisearch searches the first ten words of a query and ignores the rest. */
const MAX_SEARCHED_WORDS = 10;
/** Words beyond these are left out of a relaxed query, which bounds its counts (~5 forms per word). */
const MAX_RELAXED_WORDS = 6;

function key(terms: readonly QueryTerm[]): string {
  return terms.map((t) => `${t.prefix ? '^' : ''}${t.token}`).join(' ');
}

/** The forms a word is tried in, closest to what was typed first. */
function wholeForms(term: QueryTerm): QueryTerm[][] {
  const forms: QueryTerm[][] = [[{ typed: term.typed, token: term.token }]];
  const typed = term.typed.toLowerCase();
  if (typed !== term.token) forms.push([{ typed: term.typed, token: typed }]);
  if (term.token.length >= 4) forms.push([{ typed: term.typed, token: term.token, prefix: true }]);
  return forms;
}

function partForms(term: QueryTerm): { both: QueryTerm[]; first: QueryTerm[] } | undefined {
  if (!term.parts) return undefined;
  const [first, rest] = term.parts;
  const [firstTyped, restTyped] = term.partsTyped ?? term.parts;
  const firstTerm = { typed: firstTyped, token: first };
  return { both: [firstTerm, { typed: restTyped, token: rest }], first: [firstTerm] };
}

/** The rarest units first; at most one prefix term, since Meilisearch allows only the last word as one. */
function prefixSets(units: readonly Unit[]): Unit[][] {
  const sorted = [...units].sort((a, b) => a.count - b.count);
  const sets: Unit[][] = [];
  let prefixes = 0;
  let words = 0;
  const chosen: Unit[] = [];
  for (const unit of sorted) {
    const hasPrefix = unit.terms.some((t) => t.prefix);
    if ((hasPrefix && prefixes > 0) || words + unit.terms.length > MAX_SEARCHED_WORDS) continue;
    if (hasPrefix) prefixes++;
    words += unit.terms.length;
    chosen.push(unit);
    sets.push([...chosen]);
  }
  return sets;
}

function describe(all: readonly QueryTerm[], units: readonly Unit[]): Relaxation {
  const used = new Set(units.map((u) => u.source));
  const terms = units.flatMap((u) => u.terms);
  return {
    terms,
    matched: [...new Set(terms.map((t) => t.typed))],
    dropped: all.filter((t) => !used.has(t)).map((t) => t.typed),
    partial: used.size < all.length || units.some((u) => !u.whole),
  };
}

/**
 * The most important words that some offering contains together, or undefined when no word, in no form,
 * is found.
 */
export async function relaxQuery(all: readonly QueryTerm[], count: TermCounter): Promise<Relaxation | undefined> {
  if (all.length === 0) return undefined;
  const terms = all.slice(0, MAX_RELAXED_WORDS);
  const tried = new Map<string, QueryTerm[]>();
  for (const term of terms) {
    for (const form of wholeForms(term)) tried.set(key(form), form);
    const parts = partForms(term);
    if (parts) for (const form of [parts.both, parts.first]) tried.set(key(form), form);
  }
  const lists = [...tried.values()];
  const counts = new Map<string, number>();
  (await count(lists)).forEach((n, i) => counts.set(key(lists[i]!), n));
  const found = (form: QueryTerm[]) => counts.get(key(form)) ?? 0;

  const wholeUnit = (term: QueryTerm): Unit | undefined => {
    const form = wholeForms(term).find((f) => found(f) > 0);
    return form && { source: term, terms: form, count: found(form), whole: true };
  };
  const partUnit = (term: QueryTerm, which: 'both' | 'first'): Unit | undefined => {
    const form = partForms(term)?.[which];
    return form && found(form) > 0 ? { source: term, terms: form, count: found(form), whole: false } : undefined;
  };
  // Readings: every word whole where it is found (else as its parts); then compounds as their parts.
  const asTyped = terms.map((t) => wholeUnit(t) ?? partUnit(t, 'both') ?? partUnit(t, 'first'));
  const readings: (Unit | undefined)[][] = [asTyped];
  if (terms.some((t) => t.parts)) {
    readings.push(terms.map((t, i) => partUnit(t, 'both') ?? asTyped[i]));
    readings.push(terms.map((t, i) => partUnit(t, 'first') ?? asTyped[i]));
  }
  const candidates = readings.flatMap((reading) => prefixSets(reading.filter((u): u is Unit => u !== undefined)));
  if (candidates.length === 0) return undefined;
  const totals = await count(candidates.map((set) => set.flatMap((u) => u.terms)));

  let best: Unit[] | undefined;
  candidates.forEach((set, i) => {
    if (totals[i]! > 0 && (!best || set.length > best.length)) best = set;
  });
  return best && describe(all, best);
}
