import { needGroups, type FigureSet, type Taxonomy } from '../../../../schema';
import type { I18n } from '../../i18n/i18n';

// The figures for the Bildungskonferenz as rows of counts, one count per area (region, state, country), in
// the order the page shows them. Shares are computed where they are shown, from each area's own total.

export const sectionIds = ['categories', 'phases', 'formality', 'access', 'cost', 'languages', 'volunteers', 'stale'] as const;
export type SectionId = (typeof sectionIds)[number];

export interface FigureRow {
  id: string;
  label: string;
  /** One count per set, in the order of the response's sets. */
  counts: number[];
}

export interface FigureSection {
  id: SectionId;
  rows: FigureRow[];
}

/** Languages are many; the chart shows the most frequent ones in the region. */
export const LANGUAGES_SHOWN = 10;

type RowLabel = 'row_free' | 'row_but' | 'row_volunteers' | 'row_stale';

function listRows(sets: FigureSet[], ids: readonly string[], countsOf: (set: FigureSet) => Record<string, number | undefined>, label: (id: string) => string): FigureRow[] {
  return ids
    .map((id) => ({ id, label: label(id), counts: sets.map((set) => countsOf(set)[id] ?? 0) }))
    .filter((row) => row.counts.some((n) => n > 0));
}

/** Largest count in the first set (the region) first; ties keep the vocabulary's order. */
function byRegionCount(rows: FigureRow[]): FigureRow[] {
  return rows.map((row, i) => ({ row, i })).sort((a, b) => (b.row.counts[0] ?? 0) - (a.row.counts[0] ?? 0) || a.i - b.i).map(({ row }) => row);
}

/**
 * The sections of the figures page. The vocabularies' order comes from the taxonomy the workspace loaded (the
 * schema's own lists would add exports to the family page's first bundle, which holds them).
 */
export function figureSections(sets: FigureSet[], taxonomy: Taxonomy, i18n: I18n, rowLabel: (key: RowLabel) => string): FigureSection[] {
  const vocabularyIds = (vocabulary: string) => (taxonomy[vocabulary] ?? []).map((term) => term.id);
  // Ids counted in the answer but missing from the taxonomy (none expected) still get a row, at the end.
  const ids = (vocabulary: string, counts: (set: FigureSet) => Record<string, number>) => {
    const known = vocabularyIds(vocabulary);
    const extra = sets.flatMap((set) => Object.keys(counts(set))).filter((id, i, all) => !known.includes(id) && all.indexOf(id) === i);
    return [...known, ...extra];
  };
  const single = (id: RowLabel, count: (set: FigureSet) => number): FigureRow => ({ id, label: rowLabel(id), counts: sets.map(count) });
  return [
    { id: 'categories', rows: byRegionCount(listRows(sets, ids('categories', (s) => s.categories), (s) => s.categories, (id) => i18n.term('categories', id))) },
    // Life order: the order of the phases carries meaning.
    { id: 'phases', rows: listRows(sets, ids('phases', (s) => s.phases), (s) => s.phases, (id) => i18n.term('phases', id)) },
    { id: 'formality', rows: listRows(sets, ids('formalities', (s) => s.formality), (s) => s.formality, (id) => i18n.term('formalities', id)) },
    { id: 'access', rows: listRows(sets, needGroups, (s) => s.accessByNeed, (id) => i18n.term('accessNeedGroups', id)) },
    { id: 'cost', rows: [single('row_free', (s) => s.free), single('row_but', (s) => s.butEligible)] },
    {
      id: 'languages',
      rows: byRegionCount(listRows(sets, ids('languages', (s) => s.languages), (s) => s.languages, (id) => i18n.term('languages', id))).slice(0, LANGUAGES_SHOWN),
    },
    { id: 'volunteers', rows: [single('row_volunteers', (s) => s.seeksVolunteers)] },
    { id: 'stale', rows: [single('row_stale', (s) => s.notConfirmed12Months)] },
  ];
}
