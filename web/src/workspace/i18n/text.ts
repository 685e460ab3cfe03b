import type { UiLanguage } from '../../state/search-state';
import { useWorkspace } from '../context';

/** Texts of one page group in both languages; English must have every German key. */
export interface Texts<K extends string> {
  de: Record<K, string>;
  en: Record<K, string>;
}

export type Translate<K extends string> = (key: K, vars?: Record<string, string | number>) => string;

/** Keeps each page group's wording in its own lazy chunk instead of one big dictionary for all pages. */
export function defineTexts<K extends string>(de: Record<K, string>, en: Record<NoInfer<K>, string>): Texts<K> {
  return { de, en };
}

export function translate<K extends string>(texts: Texts<K>, lang: UiLanguage): Translate<K> {
  const numbers = new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB');
  return (key, vars) => {
    let text: string = texts[lang][key];
    for (const [name, value] of Object.entries(vars ?? {})) {
      text = text.replaceAll(`{${name}}`, typeof value === 'number' ? numbers.format(value) : value);
    }
    return text;
  };
}

/** The translate function of `texts` in the current interface language. */
export function useTexts<K extends string>(texts: Texts<K>): Translate<K> {
  return translate(texts, useWorkspace().lang);
}
