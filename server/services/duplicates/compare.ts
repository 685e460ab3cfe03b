import { differentPeople, markers } from './markers';
import { editDistance } from '../../lib/edit-distance';
import { dice, isTypo, MIN_EDIT_LENGTH, STOP_WORDS } from './normalise';
import { descriptionOf, type Prepared } from './prepare';

// The rules for one pair of offerings, and the scores. Both kinds need what makes two offerings "for the
// same people about the same thing": a shared category, a shared phase and overlapping ages. Beyond that:
//
// same_entry (one programme entered twice, a data problem): one place (the same street address or pins
//   within SAME_SPOT_KM; up to SAME_ENTRY_KM with alike descriptions), near-identical folded titles, ages
//   mostly the same, no marker that tells the titles apart (holiday edition, level, audience, year:
//   markers.ts), date ranges that meet, not on different weekdays (named in the schedule or the title).
//   Any organisations: the same, alike ("Lesepaten e.V." / "Lesepaten") or different (two organisations
//   entering one joint programme) — but different ones at different addresses must share their text.
// parallel (a coordination hint): different organisations that are not alike, within PARALLEL_KM, the
//   smaller age range mostly inside the other, titles that do not name different audiences or levels
//   ("für Mädchen" / "für Jungen"), a score (closeness and overlap) of at least PARALLEL_MIN_SCORE, and not
//   the same entry.

/**
 * Two entries of one programme sit at one place. Pins set for one building by different people differ by
 * a few dozen metres; a site entered without a pin gets its postcode's position, possibly kilometres off,
 * but then the street address is the same. So: the same address, or pins within SAME_SPOT_KM. Farther, up
 * to SAME_ENTRY_KM, only with alike descriptions (≥ SHARED_TEXT): one text entered for two sites by
 * someone who mistyped the street; otherwise a provider's programme at two venues, or two providers' at
 * two schools a few streets apart ("Hausaufgabenhilfe", "Deutschkurs A1"), are two offerings. Two
 * organisations that are not alike, at different addresses, each with a text of its own, are two
 * offerings however close their pins (a charity's homework help and the school's across the square): a
 * generic title says nothing, and two organisations entering one programme give the venue's address.
 */
export const SAME_SPOT_KM = 0.15;
export const SAME_ENTRY_KM = 1;
export const SHARED_TEXT = 0.5;
/**
 * "A short distance": about what a primary-school child walks or a short bus ride, so both programmes
 * compete for the same families. Rural districts might argue for more; a coordinator looking for gaps
 * uses the gap map instead.
 */
export const PARALLEL_KM = 3;
/**
 * Titles name one programme when their folded keys are this alike by trigrams (the joined key, or its words
 * sorted: spelling variants, compounds, word order fold to ≥ 0.9 or 1), or when one is a typo or two of
 * the other (`typos`). Two programmes whose titles share a long part but differ by a word ("Malkurs" /
 * "Töpferkurs für Anfänger", "Bildungsurlaub: Türkisch" / "Englisch") are neither: ~0.8 by trigrams, 4–5
 * edits apart.
 */
export const SAME_TITLE = 0.9;
/** Typos allowed between two keys of this many letters: one from MIN_EDIT_LENGTH (8), two from 16. */
export function typos(length: number): number {
  return length >= 16 ? 2 : length >= MIN_EDIT_LENGTH ? 1 : 0;
}
/** Less alike titles still name one programme when the descriptions are this alike (one text pasted twice). */
export const SAME_TITLE_WITH_TEXT = 0.6;
export const SAME_TEXT = 0.8;
/** "Mostly the same ages" for one programme: shared years / all years of both ≥ this (6–10 and 6–12: 0.71). */
export const SAME_AGES = 0.5;
/** Parallel: the smaller age range lies at least this much inside the other (6–10 within 6–18: 1). */
export const PARALLEL_AGES = 0.5;
/**
 * Parallel programmes are worth a coordinator's look from this score on (parallelValue): the same for the
 * same people anywhere within PARALLEL_KM (≥ 0.6), or partly overlapping close by (e.g. half the
 * categories and phases, a third of the ages within 1.5 km: 0.45). A pair related only through a side
 * category a few km apart ("Berufe zum Anfassen" / "Berufssprachkurs Deutsch", 2.7 km: 0.26) is not.
 */
export const PARALLEL_MIN_SCORE = 0.4;
/** Organisations whose folded names (legal form removed) are this alike count as one: never parallel. */
export const ALIKE_ORGANISATIONS = 0.85;

export interface PairFacts {
  km: number;
  sameAddress: boolean;
  sharedCategories: number;
  sharedPhases: number;
  /** Years both age ranges cover (inclusive; ≤ 0: none). */
  sharedYears: number;
}

const years = (p: Prepared) => p.item.maxAge - p.item.minAge + 1;

/** Shared years / all years of both ranges (Jaccard of the age ranges). */
export function ageJaccard(a: Prepared, b: Prepared, shared: number): number {
  return shared <= 0 ? 0 : shared / (Math.max(a.item.maxAge, b.item.maxAge) - Math.min(a.item.minAge, b.item.minAge) + 1);
}

function bits(n: number): number {
  let c = 0;
  for (let m = n; m !== 0; m &= m - 1) c++;
  return c;
}
const maskJaccard = (x: number, y: number) => bits(x & y) / Math.max(1, bits(x | y));

export function sameOrganisation(a: Prepared, b: Prepared): boolean {
  return a.item.providerId === b.item.providerId;
}

export function organisationSimilarity(a: Prepared, b: Prepared): number {
  if (sameOrganisation(a, b) || a.organisationKey === b.organisationKey) return 1;
  return dice(a.organisation, b.organisation);
}

/** What two offerings share and how far apart they are. */
export function pairFacts(a: Prepared, b: Prepared, km: number): PairFacts {
  return {
    km,
    sameAddress: a.address !== null && a.address === b.address,
    sharedCategories: a.categoryMask & b.categoryMask,
    sharedPhases: a.phaseMask & b.phaseMask,
    sharedYears: Math.min(a.item.maxAge, b.item.maxAge) - Math.max(a.item.minAge, b.item.minAge) + 1,
  };
}

/** The precondition of both kinds: a shared category, a shared phase, shared ages. */
export function mayRelate(f: PairFacts): boolean {
  return f.sharedCategories !== 0 && f.sharedPhases !== 0 && f.sharedYears > 0;
}

/**
 * Below this trigram similarity, titles are not a typo or two apart (an edit in a key of 8 letters or more
 * keeps at least half its trigrams), so edits are not counted.
 */
const TYPO_TRIGRAMS = 0.45;

export interface TitleMatch {
  /** 0–1: the better of trigram Dice (joined key, sorted words) and 1 − edits / length. */
  value: number;
  /** Whether the titles name one programme by themselves (SAME_TITLE, or within `typos`). */
  same: boolean;
}

/** How alike two folded titles are (see SAME_TITLE). */
export function titleMatch(a: Prepared, b: Prepared): TitleMatch {
  const grams = Math.max(dice(a.title, b.title), dice(a.titleSorted, b.titleSorted));
  if (grams >= SAME_TITLE) return { value: grams, same: true };
  const length = Math.min(a.titleKey.length, b.titleKey.length);
  if (grams < TYPO_TRIGRAMS || length < MIN_EDIT_LENGTH) return { value: grams, same: false };
  const edits = editDistance(a.titleKey, b.titleKey);
  return { value: Math.max(grams, 1 - edits / Math.max(a.titleKey.length, b.titleKey.length)), same: edits <= typos(length) };
}

export function titleSimilarity(a: Prepared, b: Prepared): number {
  return titleMatch(a, b).value;
}

export function textSimilarity(a: Prepared, b: Prepared): number {
  return dice(descriptionOf(a), descriptionOf(b));
}

/**
 * How sure it is that a pair is one programme entered twice, 0–1 (the rule aside):
 * 0.5 · title similarity + 0.2 · closeness (1 at the same address or spot, 0 at SAME_ENTRY_KM)
 * + 0.15 · age Jaccard + 0.15 · the better of description similarity and an identical schedule.
 * A pair just at the title threshold scores about 0.75, one typed twice identically 1.
 */
export function sameEntryValue(a: Prepared, b: Prepared, f: PairFacts, title = titleSimilarity(a, b), text = textSimilarity(a, b)): number {
  const closeness = f.sameAddress ? 1 : Math.max(0, 1 - f.km / SAME_ENTRY_KM);
  const support = Math.max(text, a.schedule === b.schedule ? 1 : 0);
  return clamp(0.5 * title + 0.2 * closeness + 0.15 * ageJaccard(a, b, f.sharedYears) + 0.15 * support);
}

/**
 * Whether the titles' markers tell them apart. A marker word of one title that is a typo of a word of the
 * other ("Jugendtreff" / "Jugentdreff") is the same word, not another edition or audience; numbers and
 * short words (A1, 2026) are never typos.
 */
export function markersDiffer(a: Prepared, b: Prepared): boolean {
  if (a.markers === b.markers) return false;
  const untwinned = (mine: readonly string[], theirs: readonly string[]) => mine.filter((w) => !theirs.some((v) => isTypo(w, v)));
  return markers(untwinned(a.markerWords, b.words)) !== markers(untwinned(b.markerWords, a.words));
}

/** A title's folded words that carry meaning: no small words, no place name (see prepare.ts `words`). */
function contentWords(p: Prepared): string[] {
  return p.words.filter((w) => !STOP_WORDS.has(w));
}

/**
 * Whether each title has a word of its own where the other has another ("Krabbelgruppe Rot" / "Krabbelgruppe
 * Blau", "Lernwerkstatt Nord" / "Süd"): two groups of one course, whose description is often pasted into
 * both. A word of one side is not its own when it is a spelling variant or typo of the other side's word
 * (isTypo) or the same words joined or split otherwise: found inside the other title ("Club" in
 * "Leseclub Bücherwurm"), or holding a word the other has alone ("Leseclub" holds "Club"). A word only
 * added on one side ("Leseclub" / "Leseclub Bücherwurm") is no replacement.
 */
export function wordReplaced(a: Prepared, b: Prepared): boolean {
  const [wa, wb] = [contentWords(a), contentWords(b)];
  const onlyA = wa.filter((w) => !wb.includes(w));
  const onlyB = wb.filter((w) => !wa.includes(w));
  const ownWords = (mine: readonly string[], theirs: readonly string[], theirsOnly: readonly string[], theirKey: string) => {
    const joined = theirs.join('');
    return mine.filter(
      (w) => !theirKey.includes(w) && !joined.includes(w) && !theirsOnly.some((v) => (v.length >= 3 && w.includes(v)) || isTypo(w, v)),
    );
  };
  return ownWords(onlyA, wb, onlyB, b.titleKey).length > 0 && ownWords(onlyB, wa, onlyA, a.titleKey).length > 0;
}

/** Same entry: the score when the pair is one programme entered twice (see the file comment), null otherwise. */
export function sameEntryScore(a: Prepared, b: Prepared, f: PairFacts): number | null {
  if (!mayRelate(f) || (!f.sameAddress && f.km > SAME_ENTRY_KM)) return null;
  if (ageJaccard(a, b, f.sharedYears) < SAME_AGES) return null;
  if (markersDiffer(a, b)) return null;
  if (a.from > b.until || b.from > a.until) return null;
  if (a.weekdays !== 0 && b.weekdays !== 0 && (a.weekdays & b.weekdays) === 0) return null;
  const title = titleMatch(a, b);
  if (!title.same && title.value < SAME_TITLE_WITH_TEXT) return null;
  const text = textSimilarity(a, b);
  // Less alike titles only with the text pasted twice, and not when a word of the title was swapped for another.
  if (!title.same && (text < SAME_TEXT || wordReplaced(a, b))) return null;
  if (!f.sameAddress && text < SHARED_TEXT && (f.km > SAME_SPOT_KM || textsOfTheirOwn(a, b))) return null;
  return sameEntryValue(a, b, f, title.value, text);
}

/** Two organisations that are not alike, each describing its offering (see SAME_SPOT_KM). */
function textsOfTheirOwn(a: Prepared, b: Prepared): boolean {
  return organisationSimilarity(a, b) < ALIKE_ORGANISATIONS && descriptionOf(a).length > 0 && descriptionOf(b).length > 0;
}

/**
 * How closely two programmes overlap, 0–1 (the rule aside): 0.4 · closeness (1 at the same spot, 0 at
 * PARALLEL_KM) + 0.25 · age Jaccard + 0.2 · phase Jaccard + 0.15 · category Jaccard.
 */
export function parallelValue(a: Prepared, b: Prepared, f: PairFacts): number {
  return clamp(
    0.4 * Math.max(0, 1 - f.km / PARALLEL_KM) +
      0.25 * ageJaccard(a, b, f.sharedYears) +
      0.2 * maskJaccard(a.phaseMask, b.phaseMask) +
      0.15 * maskJaccard(a.categoryMask, b.categoryMask),
  );
}

/** Parallel programmes: the score when two different organisations do the same nearby, null otherwise. */
export function parallelScore(a: Prepared, b: Prepared, f: PairFacts): number | null {
  if (!mayRelate(f) || f.km > PARALLEL_KM || sameOrganisation(a, b)) return null;
  if (f.sharedYears / Math.min(years(a), years(b)) < PARALLEL_AGES) return null;
  if (differentPeople(a.who, b.who)) return null;
  const score = parallelValue(a, b, f);
  if (score < PARALLEL_MIN_SCORE || organisationSimilarity(a, b) >= ALIKE_ORGANISATIONS) return null;
  return score;
}

function clamp(x: number): number {
  return Math.min(1, Math.max(0, Math.round(x * 1000) / 1000));
}
