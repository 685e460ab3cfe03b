import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Taxonomy } from '../../../schema';
import type { UiLanguage } from '../state/search-state';
import { messages, type MessageKey } from './messages';

export interface I18n {
  lang: UiLanguage;
  t(key: MessageKey, vars?: TextVars): string;
  /** The label of a vocabulary term in the interface language; the id itself while labels load. */
  term(vocabulary: string, id: string): string;
  formatNumber(n: number): string;
  formatDate(isoDate: string): string;
}

export type TextVars = Record<string, string | number>;

/** `text` with each `{name}` replaced by its value; numbers are written with `formatNumber`. */
export function fillIn(text: string, vars: TextVars | undefined, formatNumber: (n: number) => string): string {
  for (const [name, value] of Object.entries(vars ?? {})) {
    text = text.replaceAll(`{${name}}`, typeof value === 'number' ? formatNumber(value) : value);
  }
  return text;
}

export function createI18n(lang: UiLanguage, taxonomy: Taxonomy | null): I18n {
  const labels = new Map<string, string>();
  for (const [vocabulary, terms] of Object.entries(taxonomy ?? {})) {
    for (const term of terms) labels.set(`${vocabulary}:${term.id}`, term.label[lang]);
  }
  const locale = lang === 'de' ? 'de-DE' : 'en-GB';
  const numbers = new Intl.NumberFormat(locale);
  const dates = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return {
    lang,
    t: (key, vars) => fillIn(messages[lang][key], vars, numbers.format),
    term: (vocabulary, id) => labels.get(`${vocabulary}:${id}`) ?? id,
    formatNumber: (n) => numbers.format(n),
    formatDate: (isoDate) => {
      const date = new Date(`${isoDate}T00:00:00Z`);
      return Number.isNaN(date.getTime()) ? isoDate : dates.format(date);
    },
  };
}

export const I18nContext = createContext<I18n>(createI18n('de', null));
export const useI18n = () => useContext(I18nContext);
