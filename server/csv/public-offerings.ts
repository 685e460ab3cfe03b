import type { PublicExportRow } from '../repos/public-export-repo';
import { date, listOf, oneOf, protect, yesNo } from './cells';
import { quote } from './export-offerings';
import { vocabularies as v } from './offering-columns';

// The public export of a search's offerings as a spreadsheet, for people comparing and planning: German
// headers and labels, written like the providers' export (export-offerings.ts) so Excel opens it as it is.
// Only public fields; ids and machine-readable values are in the GeoJSON export.

export const BOM = '\uFEFF';
export const CRLF = '\r\n';

/** One export row with the link to its public detail page. */
export type LinkedRow = PublicExportRow & { url: string };

interface Column {
  header: string;
  /** Text is protected against formula injection; numbers are written as they are. */
  text: boolean;
  write(row: LinkedRow): string;
}

const categories = listOf(v.categories);
const phases = listOf(v.phases);
const languages = listOf(v.languages);
const access = listOf(v.access);
const formality = oneOf(v.formality);
const cost = oneOf(v.cost);

/** German Excel reads "47,9961" as a number and "47.9961" as text or a date. */
const decimal = (n: number) => String(n).replace('.', ',');

const textColumn = (header: string, write: (r: LinkedRow) => string): Column => ({ header, text: true, write });
const numberColumn = (header: string, write: (r: LinkedRow) => string): Column => ({ header, text: false, write });

export const publicColumns: readonly Column[] = [
  numberColumn('Nr.', (r) => String(r.id)),
  textColumn('Titel', (r) => r.title),
  textColumn('Anbieter', (r) => r.providerName),
  textColumn('Kategorien', (r) => categories.write(r.categories)),
  textColumn('Übergänge/Phasen', (r) => phases.write(r.phases)),
  numberColumn('Alter von', (r) => String(r.minAge)),
  numberColumn('Alter bis', (r) => String(r.maxAge)),
  textColumn('Formalität', (r) => formality.write(r.formality)),
  textColumn('Kosten', (r) => cost.write(r.cost)),
  textColumn('BuT', (r) => yesNo.write(r.butEligible)),
  textColumn('Sprachen', (r) => languages.write(r.languages)),
  textColumn('Barrierefreiheit', (r) => access.write(r.access)),
  textColumn('Straße', (r) => r.street),
  textColumn('PLZ', (r) => r.postcode),
  textColumn('Ort', (r) => r.city),
  textColumn('Gemeindeschlüssel', (r) => r.regionKey),
  numberColumn('Breitengrad', (r) => decimal(r.lat)),
  numberColumn('Längengrad', (r) => decimal(r.lng)),
  numberColumn('Zuletzt bestätigt', (r) => date.write(r.lastConfirmedAt)),
  textColumn('Link', (r) => r.url),
];

/** The first line of the file, after the BOM. */
export const csvHeader = (): string => publicColumns.map((c) => quote(c.header)).join(';') + CRLF;

/** Lines of rows, each ended by CRLF; text cells protected against formula injection. */
export function csvLines(rows: readonly LinkedRow[]): string {
  let out = '';
  for (const row of rows) {
    out += publicColumns.map((c) => quote(c.text ? protect(c.write(row)) : c.write(row))).join(';') + CRLF;
  }
  return out;
}
