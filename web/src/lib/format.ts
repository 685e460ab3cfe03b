import type { I18n } from '../i18n/i18n';

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
