import { z } from 'zod';
import { termIds, type Term } from './labels';

/**
 * Languages an offering can be held in (ISO 639-1), chosen for the languages most spoken in German
 * households and by recently arrived families. Extending the list only needs a new entry here.
 */
export const languages = [
  { id: 'de', label: { de: 'Deutsch', en: 'German' } },
  { id: 'en', label: { de: 'Englisch', en: 'English' } },
  { id: 'tr', label: { de: 'Türkisch', en: 'Turkish' } },
  { id: 'ar', label: { de: 'Arabisch', en: 'Arabic' } },
  { id: 'uk', label: { de: 'Ukrainisch', en: 'Ukrainian' } },
  { id: 'ru', label: { de: 'Russisch', en: 'Russian' } },
  { id: 'pl', label: { de: 'Polnisch', en: 'Polish' } },
  { id: 'ro', label: { de: 'Rumänisch', en: 'Romanian' } },
  { id: 'fa', label: { de: 'Persisch (Farsi, Dari)', en: 'Persian (Farsi, Dari)' } },
  { id: 'ku', label: { de: 'Kurdisch', en: 'Kurdish' } },
  { id: 'it', label: { de: 'Italienisch', en: 'Italian' } },
  { id: 'el', label: { de: 'Griechisch', en: 'Greek' } },
  { id: 'hr', label: { de: 'Kroatisch', en: 'Croatian' } },
  { id: 'sr', label: { de: 'Serbisch', en: 'Serbian' } },
  { id: 'bs', label: { de: 'Bosnisch', en: 'Bosnian' } },
  { id: 'sq', label: { de: 'Albanisch', en: 'Albanian' } },
  { id: 'bg', label: { de: 'Bulgarisch', en: 'Bulgarian' } },
  { id: 'es', label: { de: 'Spanisch', en: 'Spanish' } },
  { id: 'fr', label: { de: 'Französisch', en: 'French' } },
  { id: 'pt', label: { de: 'Portugiesisch', en: 'Portuguese' } },
  { id: 'vi', label: { de: 'Vietnamesisch', en: 'Vietnamese' } },
  { id: 'ps', label: { de: 'Paschtu', en: 'Pashto' } },
  { id: 'ti', label: { de: 'Tigrinya', en: 'Tigrinya' } },
  { id: 'so', label: { de: 'Somali', en: 'Somali' } },
  { id: 'zh', label: { de: 'Chinesisch', en: 'Chinese' } },
  { id: 'da', label: { de: 'Dänisch', en: 'Danish' } },
] as const satisfies readonly Term[];

export const zLanguage = z.enum(termIds(languages));
export type Language = z.infer<typeof zLanguage>;
