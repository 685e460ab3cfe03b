import {
  accessFeatures, categories, costs, formalities, languages, needGroups, phases,
  type FigureSet,
} from '../../schema';
import { pointMasks, regionRange, type PointColumns } from '../search/point-store';

// Counting for the figures: one pass over the selected positions of the point store's columns, adding each
// offering to every area (region, state, country) whose municipality-key range contains it. Bit i of a mask
// column is index i of the vocabulary array (see vocabulary-mask.ts), so counts are kept in arrays of the
// same order and only turned into records at the end.

/** An area as the inclusive range of 8-digit municipality keys it covers. */
export interface KeyRange {
  from: number;
  to: number;
}

/** The range of municipality keys an official key prefix (2, 3, 5 or 8 digits) covers; none: all. */
export function keyRange(prefix: string | null): KeyRange {
  const [from, to] = regionRange(prefix ?? undefined);
  return { from, to };
}

/**
 * One mask per need group over the access bits: the group's features except "not wheelchair accessible",
 * which says the opposite of accessible and must not make an offering count for mobility.
 */
const needMasks = needGroups.map((group) =>
  pointMasks.access.of(accessFeatures.filter((f) => f.group === group && f.id !== 'wheelchair_no').map((f) => f.id))!,
);
const freeIndex = costs.findIndex((c) => c.id === 'free');

export interface Tally {
  total: number;
  categories: Int32Array;
  phases: Int32Array;
  formality: Int32Array;
  cost: Int32Array;
  access: Int32Array;
  accessByNeed: Int32Array;
  languages: Int32Array;
  butEligible: number;
  seeksVolunteers: number;
  notConfirmed12Months: number;
}

function emptyTally(): Tally {
  return {
    total: 0,
    categories: new Int32Array(categories.length),
    phases: new Int32Array(phases.length),
    formality: new Int32Array(formalities.length),
    cost: new Int32Array(costs.length),
    access: new Int32Array(accessFeatures.length),
    accessByNeed: new Int32Array(needGroups.length),
    languages: new Int32Array(languages.length),
    butEligible: 0,
    seeksVolunteers: 0,
    notConfirmed12Months: 0,
  };
}

/**
 * Counts the offerings at `positions` once per area that contains them. `staleBeforeDay`: offerings last
 * confirmed before this day (days since 1970-01-01) count as not confirmed for 12 months.
 */
export function tally(
  columns: Readonly<PointColumns>,
  positions: readonly number[],
  areas: readonly KeyRange[],
  staleBeforeDay: number,
): Tally[] {
  const tallies = areas.map(emptyTally);
  const { region, categoryMask, phaseMask, formality, cost, accessMask, languageMask, but, volunteers, confirmedDay } = columns;
  for (const p of positions) {
    const key = region[p]!;
    for (let a = 0; a < areas.length; a++) {
      const area = areas[a]!;
      if (key < area.from || key > area.to) continue;
      const t = tallies[a]!;
      t.total++;
      pointMasks.category.countAt(t.categories, categoryMask, p);
      pointMasks.phase.countAt(t.phases, phaseMask, p);
      pointMasks.language.countAt(t.languages, languageMask, p);
      pointMasks.access.countAt(t.access, accessMask, p);
      for (let g = 0; g < needMasks.length; g++) if (pointMasks.access.anyAt(accessMask, p, needMasks[g]!)) t.accessByNeed[g]!++;
      // 255 marks a value outside the vocabulary (the database's checks should never let one through).
      if (formality[p]! < formalities.length) t.formality[formality[p]!]!++;
      if (cost[p]! < costs.length) t.cost[cost[p]!]!++;
      t.butEligible += but[p]!;
      t.seeksVolunteers += volunteers[p]!;
      if (confirmedDay[p]! < staleBeforeDay) t.notConfirmed12Months++;
    }
  }
  return tallies;
}

/** Every id of a vocabulary with its count, zero included, in vocabulary order. */
function record<Id extends string>(terms: readonly { id: Id }[], counts: Int32Array): Record<Id, number> {
  return Object.fromEntries(terms.map((t, i) => [t.id, counts[i]!])) as Record<Id, number>;
}

export function toFigureSet(t: Tally, area: Pick<FigureSet, 'scope' | 'key' | 'name'>): FigureSet {
  return {
    ...area,
    total: t.total,
    categories: record(categories, t.categories),
    phases: record(phases, t.phases),
    formality: record(formalities, t.formality),
    cost: record(costs, t.cost),
    access: record(accessFeatures, t.access),
    accessByNeed: record(needGroups.map((id) => ({ id })), t.accessByNeed),
    languages: record(languages, t.languages),
    free: t.cost[freeIndex]!,
    butEligible: t.butEligible,
    seeksVolunteers: t.seeksVolunteers,
    notConfirmed12Months: t.notConfirmed12Months,
  };
}
