import { localizeIssue, zOfferingInput, zSiteInput, type OfferingInput } from '../../schema';
import type { z } from 'zod';
import { CsvFileError, formatCount, formatSize } from './csv-file-error';
import { decodeCsv, type CsvEncoding } from './decode';
import { columnForHeader, columnForPath, offeringColumns, setValueAt, statusColumn, type OfferingColumn } from './offering-columns';
import { readRecords, type CsvDelimiter } from './read-records';

export type OfferingFields = Omit<OfferingInput, 'locationId'>;

export interface RowError {
  /** German header of the column, or ROW_COLUMN for the row as a whole. */
  column: string;
  message: string;
  messageEn: string;
}

/** The "column" of an error about the whole row (e.g. a wrong number of cells). */
export const ROW_COLUMN = 'Zeile';

export interface ParsedSite {
  name: string | null;
  street: string;
  postcode: string;
  city: string;
}

export interface ParsedRow {
  /** 1-based line in the file where the row starts; the header is line 1. */
  line: number;
  id: number | null;
  /** The title cell as written, so a report can name rows that did not validate. */
  title: string | null;
  site: ParsedSite;
  /** The validated offering; null exactly when `errors` is not empty. */
  input: OfferingFields | null;
  errors: RowError[];
}

export interface CsvLimits {
  maxBytes: number;
  maxRows: number;
}

// Stands in for the site while the row is checked with the real schema; the import plan picks the site.
const PLACEHOLDER_LOCATION = 1;

/**
 * 5,000 rows: far more than any provider's programme list, and small enough that committing a whole file
 * (one transaction, ~2–3 s here) holds SQLite's write lock well inside the 5 s other writers wait for it.
 */
export const DEFAULT_CSV_LIMITS: CsvLimits = { maxBytes: 5 * 1024 * 1024, maxRows: 5_000 };

/**
 * Reads an uploaded offerings spreadsheet. File-level problems (size, encoding, columns) throw a
 * `CsvFileError`; problems in single rows are collected per row, so one bad line does not hide the rest.
 */
export function parseOfferingsCsv(
  bytes: Buffer,
  limits: CsvLimits = DEFAULT_CSV_LIMITS,
): { encoding: CsvEncoding; delimiter: CsvDelimiter; rows: ParsedRow[] } {
  if (bytes.length > limits.maxBytes) {
    const size = formatSize(bytes.length);
    const max = formatSize(limits.maxBytes);
    throw new CsvFileError(
      'too_large',
      `Die Datei ist ${size.de} groß; erlaubt sind höchstens ${max.de}. Bitte die Liste auf mehrere Dateien aufteilen.`,
      `The file is ${size.en}; at most ${max.en} are allowed. Please split the list into several files.`,
      { maxBytes: limits.maxBytes },
    );
  }
  const { text, encoding } = decodeCsv(bytes);
  const { delimiter, records } = readRecords(text);
  const [header, ...body] = records;
  if (!header) throw new CsvFileError('no_header', 'Die Datei hat keine Kopfzeile.', 'The file has no header line.');
  const layout = mapHeader(header.cells);
  const data = body.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (data.length > limits.maxRows) {
    const max = formatCount(limits.maxRows);
    throw new CsvFileError(
      'too_many_rows',
      `Die Datei hat ${formatCount(data.length).de} Einträge; höchstens ${max.de} sind auf einmal möglich. Bitte die Liste aufteilen.`,
      `The file has ${formatCount(data.length).en} entries; at most ${max.en} can be imported at once. Please split the list.`,
      { maxRows: limits.maxRows },
    );
  }
  return { encoding, delimiter, rows: data.map((r) => parseRow(r.line, r.cells, layout)) };
}

/** Which column each position of the file holds (null: ignored, e.g. the export's status). */
type Layout = (OfferingColumn | null)[];

function mapHeader(cells: string[]): Layout {
  const names = cells.map((c) => c.trim());
  // Spreadsheets often carry empty cells after the last header; they hold nothing.
  while (names.length > 0 && names[names.length - 1] === '') names.pop();
  const unknown: string[] = [];
  const duplicate: string[] = [];
  const seen = new Set<OfferingColumn>();
  const layout = names.map((name, i) => {
    const column = name === '' ? null : columnForHeader(name);
    if (!column) unknown.push(name === '' ? `(Spalte ${i + 1} ohne Überschrift)` : name);
    else if (seen.has(column)) duplicate.push(name);
    else seen.add(column);
    return column === statusColumn ? null : column;
  });
  const missing = offeringColumns.filter((c) => c.required && !seen.has(c)).map((c) => c.header);
  if (unknown.length + duplicate.length + missing.length > 0) {
    const q = (list: string[], open: string, close: string) => list.map((n) => `${open}${n}${close}`).join(', ');
    const de = [
      unknown.length ? `Unbekannte Spalten: ${q(unknown, '„', '“')}.` : '',
      duplicate.length ? `Doppelte Spalten: ${q(duplicate, '„', '“')}.` : '',
      missing.length ? `Es fehlen die Pflichtspalten ${q(missing, '„', '“')}.` : '',
      'Bitte die Spaltenüberschriften der Vorlage verwenden.',
    ];
    const en = [
      unknown.length ? `Unknown columns: ${q(unknown, '"', '"')}.` : '',
      duplicate.length ? `Duplicate columns: ${q(duplicate, '"', '"')}.` : '',
      missing.length ? `Required columns are missing: ${q(missing, '"', '"')}.` : '',
      'Please use the column headers of the template.',
    ];
    throw new CsvFileError('bad_columns', de.filter(Boolean).join(' '), en.filter(Boolean).join(' '), {
      unknown,
      duplicate,
      missing,
      allowed: offeringColumns.map((c) => c.header),
    });
  }
  return layout;
}

function parseRow(line: number, cells: string[], layout: Layout): ParsedRow {
  const cellOf = new Map<OfferingColumn, string>();
  layout.forEach((c, i) => c && cellOf.set(c, cells[i] ?? ''));
  const title = readTitle(cellOf);
  const extra = cells.slice(layout.length).some((c) => c.trim() !== '');
  if (cells.length < layout.length || extra) {
    return {
      line, id: null, title, site: { name: null, street: '', postcode: '', city: '' }, input: null,
      errors: [{
        column: ROW_COLUMN,
        message: `Die Zeile hat ${cells.length} Zellen, die Kopfzeile ${layout.length}. Vermutlich fehlt ein Trennzeichen oder eines ist zu viel.`,
        messageEn: `The row has ${cells.length} cells, the header ${layout.length}. Probably a delimiter is missing or one too many.`,
      }],
    };
  }

  const errors: RowError[] = [];
  const failed = new Set<string>();
  const values: Record<string, unknown> = { schedule: {}, contact: {}, site: {} };
  for (const column of offeringColumns) {
    // A column the file leaves out means the same as an empty cell (e.g. no contact phone).
    const read = column.codec.read(cellOf.get(column) ?? '');
    if (read.ok) setValueAt(values, column.path, read.value);
    else {
      errors.push({ column: column.header, message: read.message, messageEn: read.messageEn });
      failed.add(column.header);
    }
  }
  const { id = null, site: siteValues, ...fields } = values as { id?: number | null; site: Record<string, unknown> } & Record<string, unknown>;
  const siteCheck = zSiteInput.safeParse(siteValues);
  const inputCheck = zOfferingInput.safeParse({ ...fields, locationId: PLACEHOLDER_LOCATION });
  const issues = [
    ...(siteCheck.error?.issues ?? []).map((issue) => ({ issue, path: ['site', ...issue.path] })),
    ...(inputCheck.error?.issues ?? []).map((issue) => ({ issue, path: issue.path })),
  ];
  for (const { issue, path } of issues) {
    const column = columnForPath(path)?.header ?? ROW_COLUMN;
    // A cell that could not be read already has its message; the schema would only repeat it vaguely.
    if (failed.has(column)) continue;
    errors.push(issueError(column, issue));
  }
  const order = (e: RowError) => offeringColumns.findIndex((c) => c.header === e.column);
  errors.sort((a, b) => order(a) - order(b));

  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const site = {
    name: typeof siteValues.name === 'string' ? siteValues.name : null,
    street: text(siteValues.street),
    postcode: text(siteValues.postcode),
    city: text(siteValues.city),
  };
  let input: OfferingFields | null = null;
  if (errors.length === 0 && inputCheck.success) {
    const { locationId: _placeholder, ...rest } = inputCheck.data;
    input = rest;
  }
  return { line, id: typeof id === 'number' ? id : null, title, site, input, errors };
}

const titleColumn = columnForPath(['title']);

/** The title as the import reads it (trimmed, without the export's formula protection). */
function readTitle(cellOf: ReadonlyMap<OfferingColumn, string>): string | null {
  const read = titleColumn?.codec.read(cellOf.get(titleColumn) ?? '');
  return read?.ok && typeof read.value === 'string' ? read.value : null;
}

function issueError(column: string, issue: z.core.$ZodIssue): RowError {
  return { column, message: localizeIssue(issue, 'de'), messageEn: localizeIssue(issue, 'en') };
}
