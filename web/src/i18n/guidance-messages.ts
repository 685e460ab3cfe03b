import type { UiLanguage } from '../state/search-state';
import { fillIn, type I18n, type TextVars } from './i18n';

// The search guidance's texts. Only the guidance chunk imports this module, so they load with it, right after
// the first paint, and stay out of the first bundle every visitor loads (tests/e2e/workspace-bundle.test.ts).

const de = {
  queryChips: 'Als Filter übernehmen?',
  applyChip: 'Filter {label} anwenden',
  relaxed: 'Keine Angebote enthalten alle Wörter – diese passen zu „{words}“.',
  relaxedDropped: 'Ohne: {words}',
  alternatives: 'So finden Sie mehr:',
  altSpelling: 'Meinten Sie „{q}“?',
  altWithoutPlace: 'Ohne Ort suchen',
  altWiderRadius: 'Umkreis {km} km',
  altWithoutFilter: 'Ohne Filter „{label}“',
  altWithoutWords: 'Ohne Suchwörter',
  // The API answered without its search engine (`degraded`): what differs, calmly, and what does not.
  degraded:
    'Die Suche ist gerade eingeschränkt: Tippfehler werden nicht erkannt und die Ergebnisse können anders sortiert sein als sonst. Alle Filter gelten wie immer.',
};

export type GuidanceKey = keyof typeof de;

const en: Record<GuidanceKey, string> = {
  queryChips: 'Use as filter?',
  applyChip: 'Apply filter {label}',
  relaxed: 'No offering contains all the words – these match “{words}”.',
  relaxedDropped: 'Left out: {words}',
  alternatives: 'To find more:',
  altSpelling: 'Did you mean “{q}”?',
  altWithoutPlace: 'Search without the place',
  altWiderRadius: 'Radius {km} km',
  altWithoutFilter: 'Without the filter “{label}”',
  altWithoutWords: 'Without search words',
  degraded:
    'Search is limited right now: typos are not recognised and the results may be in a different order. All filters apply as usual.',
};

const guidanceMessages: Record<UiLanguage, Record<GuidanceKey, string>> = { de, en };

/** Like `i18n.t`, for the guidance's texts, in the interface language of `i18n`. */
export function guidanceText(i18n: I18n): (key: GuidanceKey, vars?: TextVars) => string {
  return (key, vars) => fillIn(guidanceMessages[i18n.lang][key], vars, i18n.formatNumber);
}
