import type { OfferingFields } from '../../../server/csv/parse-offerings';
import { offeringDefaults } from '../../helpers/fixtures';

// Builds CSV files the way spreadsheets write them, so the tests read real bytes and not parsed objects.

/** The columns most files in the tests use (the required ones plus a few optional ones). */
export const HEADERS = [
  'Nummer', 'Titel', 'Kategorien', 'Art des Angebots', 'Übergangsphasen', 'Alter von', 'Alter bis', 'Sprachen',
  'Kosten', 'BuT-fähig', 'Termine', 'Beginn', 'Standort', 'Straße', 'PLZ', 'Ort', 'Kontakt E-Mail',
] as const;
export type Header = (typeof HEADERS)[number];

/** A row that imports without errors; tests override the cells they are about. */
export function validRow(overrides: Partial<Record<Header, string>> = {}): Record<Header, string> {
  return {
    Nummer: '',
    Titel: 'Hausaufgabenhilfe Regen',
    Kategorien: 'Hausaufgabenhilfe',
    'Art des Angebots': 'Non-formal',
    Übergangsphasen: 'Grundschule',
    'Alter von': '6',
    'Alter bis': '10',
    Sprachen: 'Deutsch',
    Kosten: 'Kostenlos',
    'BuT-fähig': 'nein',
    Termine: 'Mo–Do 14–16 Uhr',
    Beginn: '',
    Standort: '',
    Straße: 'Stadtplatz 3',
    PLZ: '94209',
    Ort: 'Regen',
    'Kontakt E-Mail': '',
    ...overrides,
  };
}

/** The input `validRow()` stands for. */
export const validInput: OfferingFields = {
  ...offeringDefaults,
  title: 'Hausaufgabenhilfe Regen',
  description: '',
  categories: ['homework_help'],
  schedule: { text: 'Mo–Do 14–16 Uhr' },
};

/** Quotes a cell the way Excel does: only when it has to. */
export function quoteCell(cell: string, delimiter: string): string {
  return cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function csvText(
  headers: readonly string[],
  rows: readonly Record<string, string>[],
  { delimiter = ';', eol = '\r\n' }: { delimiter?: string; eol?: string } = {},
): string {
  const line = (cells: readonly string[]) => cells.map((c) => quoteCell(c, delimiter)).join(delimiter);
  return [line(headers), ...rows.map((r) => line(headers.map((h) => r[h] ?? '')))].join(eol) + eol;
}

export const utf8 = (text: string) => Buffer.from(text, 'utf8');
