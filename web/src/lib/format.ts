import type { I18n } from '../i18n/i18n';
import type { SearchState } from '../state/search-state';

/** "6–10 Jahre"; an open upper end (99 and more) reads "ab 18 Jahren". */
export function formatAges(i18n: I18n, min: number, max: number): string {
  return max >= 99 ? i18n.t('agesFrom', { min }) : i18n.t('ages', { min, max });
}

export function formatDistance(i18n: I18n, km: number): string {
  const rounded = km < 10 ? Math.round(km * 10) / 10 : Math.round(km);
  return i18n.t('distance', { km: rounded });
}

/** A list of vocabulary labels as one readable string. */
export function termList(i18n: I18n, vocabulary: string, ids: readonly string[]): string {
  return ids.map((id) => i18n.term(vocabulary, id)).join(', ');
}

/**
 * How a picked region is named in the place field, the filter chips and the URL: a district with its type
 * ("Landkreis Regen", not "Regen", which is also a town), anything else by its name ("Zwiesel", "Bayern").
 */
export function placeLabel(match: { name: string; level: string; type: string; postcode?: string }): string {
  return match.level === 'kreis' && !match.postcode && /kreis$/i.test(match.type) ? `${match.type} ${match.name}` : match.name;
}

/** The taxonomy vocabulary of each list filter, for naming its values. */
export const vocabularyOf = {
  category: 'categories',
  phase: 'phases',
  lang: 'languages',
  formality: 'formalities',
  cost: 'costs',
  access: 'accessFeatures',
} as const;
export type ListFilter = keyof typeof vocabularyOf;

/** What to call the place of a search: as picked, else the region key or the coordinates a link gave. */
export function placeText({ place, filters }: SearchState): string | undefined {
  if (!filters.near && !filters.region) return undefined;
  return place ?? filters.region ?? (filters.near && `${filters.near.lat.toFixed(3)}, ${filters.near.lng.toFixed(3)}`);
}
