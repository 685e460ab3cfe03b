import {
  accessFeatures, categories, childProtectionMeasures, costs, formalities, fundingProgrammes, languages, phases, statuses,
} from '../../schema';
import { addScheme, date, integer, listOf, offeringNumber, oneOf, padPostcode, text, yesNo, type CellCodec } from './cells';
import { foldKey, vocabulary } from './vocabulary';

// The columns of the offerings spreadsheet, in template order. One column per field of OfferingInput
// (without locationId, which the site columns stand for), the offering number for updates and the site's
// address. The same list drives the template, the export, the import and the mapping of zod issue paths
// back to a column, so a new field needs one line here.

export interface OfferingColumn {
  /** German header, as in the template. */
  header: string;
  /** Other headers people are likely to write, matched with the same tolerance. */
  aliases?: string[];
  /** Where the value lives: a path into the offering input, or `site.*` / `id` for the row's address and number. */
  path: readonly string[];
  /** A file without this column is refused; optional columns fall back to what an empty cell means. */
  required: boolean;
  codec: CellCodec;
}

const col = (header: string, path: string, required: boolean, codec: CellCodec, aliases?: string[]): OfferingColumn => ({
  header, path: path.split('.'), required, codec, ...(aliases ? { aliases } : {}),
});

export const vocabularies = {
  categories: vocabulary(categories),
  formality: vocabulary(formalities),
  phases: vocabulary(phases),
  access: vocabulary(accessFeatures),
  languages: vocabulary(languages),
  cost: vocabulary(costs),
  childProtection: vocabulary(childProtectionMeasures),
  funding: vocabulary(fundingProgrammes),
  status: vocabulary(statuses),
};
const v = vocabularies;

export const offeringColumns: readonly OfferingColumn[] = [
  col('Nummer', 'id', false, offeringNumber, ['Nr', 'ID']),
  col('Titel', 'title', true, text(undefined)),
  col('Beschreibung', 'description', false, text('')),
  col('Kategorien', 'categories', true, listOf(v.categories), ['Kategorie']),
  col('Art des Angebots', 'formality', true, oneOf(v.formality), ['Art', 'Formalität']),
  col('Übergangsphasen', 'phases', true, listOf(v.phases), ['Phasen', 'Übergangsphase']),
  col('Alter von', 'minAge', true, integer(undefined), ['Alter ab', 'Mindestalter']),
  col('Alter bis', 'maxAge', true, integer(undefined), ['Höchstalter']),
  col('Sprachen', 'languages', true, listOf(v.languages), ['Sprache']),
  col('Kosten', 'cost', true, oneOf(v.cost)),
  col('Kostenhinweis', 'costNote', false, text(null)),
  col('BuT-fähig', 'butEligible', false, yesNo, ['BuT']),
  col('Barrierefreiheit', 'access', false, listOf(v.access)),
  col('Kinderschutz', 'childProtection', false, listOf(v.childProtection)),
  col('Plätze gesamt', 'capacity', false, integer(null), ['Plätze', 'Kapazität']),
  col('Plätze frei', 'seatsAvailable', false, integer(null), ['Freie Plätze']),
  col('Warteliste', 'waitingList', false, yesNo),
  col('Termine', 'schedule.text', true, text(undefined), ['Termin', 'Wann']),
  col('Beginn', 'schedule.startDate', false, date, ['Startdatum']),
  col('Ende', 'schedule.endDate', false, date, ['Enddatum']),
  col('Wiederholungsregel (RRULE)', 'schedule.rrule', false, text(undefined), ['RRULE', 'Wiederholungsregel']),
  col('Förderung', 'funding', false, listOf(v.funding), ['Förderprogramme']),
  col('Ehrenamtliche gesucht', 'seeksVolunteers', false, yesNo, ['Ehrenamtliche']),
  col('Standort', 'site.name', false, text(null), ['Standortname']),
  col('Straße', 'site.street', true, text(undefined), ['Straße und Hausnummer']),
  col('PLZ', 'site.postcode', true, text(undefined, padPostcode), ['Postleitzahl']),
  col('Ort', 'site.city', true, text(undefined), ['Stadt']),
  col('Kontakt Name', 'contact.name', false, text(undefined), ['Ansprechperson']),
  col('Kontakt E-Mail', 'contact.email', false, text(undefined), ['E-Mail']),
  col('Kontakt Telefon', 'contact.phone', false, text(undefined), ['Telefon']),
  col('Website', 'contact.website', false, text(undefined, addScheme), ['Webseite', 'Internetseite']),
];

/**
 * Only in the export, so providers see which entries are published; an import accepts the column and
 * ignores it (status is for moderation to decide, not for a spreadsheet).
 */
export const statusColumn: OfferingColumn = col('Status', 'status', false, oneOf(v.status));

export const exportColumns: readonly OfferingColumn[] = [...offeringColumns, statusColumn];

const byHeaderKey = new Map<string, OfferingColumn>();
for (const c of exportColumns) {
  for (const name of [c.header, ...(c.aliases ?? [])]) {
    // Two columns answering to one header would let a file fill the wrong field.
    if (byHeaderKey.has(foldKey(name))) throw new Error(`header "${name}" is ambiguous`);
    byHeaderKey.set(foldKey(name), c);
  }
}

/** The column a header names, tolerant of case, umlauts, spaces and punctuation ("kontakt email"). */
export const columnForHeader = (header: string): OfferingColumn | null => byHeaderKey.get(foldKey(header)) ?? null;

/** The column of a zod issue path: the column whose path is the longest prefix of it. */
export function columnForPath(path: readonly PropertyKey[]): OfferingColumn | null {
  let best: OfferingColumn | null = null;
  for (const c of offeringColumns) {
    const matches = c.path.every((p, i) => path[i] === p);
    if (matches && (!best || c.path.length > best.path.length)) best = c;
  }
  return best;
}

/** The German header of the column at a dotted path ("site.postcode" → "PLZ"). */
export function headerOf(path: string): string {
  const column = columnForPath(path.split('.'));
  if (!column) throw new Error(`no column for ${path}`);
  return column.header;
}

/** The value at a column's path in a nested object (undefined where a level is missing). */
export function valueAt(source: unknown, path: readonly string[]): unknown {
  let here = source;
  for (const key of path) here = here !== null && typeof here === 'object' ? (here as Record<string, unknown>)[key] : undefined;
  return here;
}

/** Sets a value at a path, creating the levels on the way; `undefined` leaves the field out. */
export function setValueAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  if (value === undefined) return;
  let here = target;
  for (const key of path.slice(0, -1)) here = (here[key] ??= {}) as Record<string, unknown>;
  here[path[path.length - 1]!] = value;
}
