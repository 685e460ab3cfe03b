import { CsvError, parse } from 'csv-parse/sync';
import { CsvFileError } from './csv-file-error';

// Splits decoded text into records and remembers the line each one starts on, so a report can say
// "Zeile 7" and mean the line a person sees in an editor, even when cells above hold line breaks.

export type CsvDelimiter = ';' | ',' | '\t';

export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  cells: string[];
}

/** Excel writes "sep=;" as a first line when asked to; it names the delimiter and is not a header. */
const SEP_LINE = /^sep=(.)\r?\n?/i;

/**
 * Picks the delimiter that occurs most often outside quotes in the header line. German Excel writes `;`,
 * other spreadsheets `,`, some tools tabs; `;` wins a tie because it is what German users have.
 */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++;
  }
  return (Object.keys(counts) as CsvDelimiter[]).reduce((best, d) => (counts[d] > counts[best] ? d : best), ';');
}

/** All records of the text, with their starting lines; completely empty lines are skipped. */
export function readRecords(text: string): { delimiter: CsvDelimiter; records: CsvRecord[] } {
  const sep = SEP_LINE.exec(text);
  const named = sep?.[1];
  // The "sep=" line is blanked rather than removed, so the lines below keep their numbers.
  const body = sep ? text.replace(SEP_LINE, '\n') : text;
  const firstLine = body.replace(/^[\r\n]+/, '').split(/\r\n|\r|\n/, 1)[0] ?? '';
  const delimiter: CsvDelimiter = named === ';' || named === ',' || named === '\t' ? named : detectDelimiter(firstLine);

  // csv-parse counts positions in UTF-8 bytes, so the line lookup works on the same bytes.
  const bytes = Buffer.from(body, 'utf8');
  const lines = lineIndex(bytes);
  let lastEnd = 0;
  const startLine = (end: number) => lines.lineAt(skipLineBreaks(bytes, end));
  let parsed: { record: string[]; info: { bytes: number } }[];
  try {
    // With `info`, records come as { record, info }; the overloads of parse() do not express that.
    parsed = parse(bytes, {
      delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      // Where the last good record ended: a broken quote starts in the record after it.
      on_record: (record, context) => {
        lastEnd = context.bytes;
        return record;
      },
    }) as unknown as typeof parsed;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = startLine(lastEnd);
    const unclosed = error.code === 'CSV_QUOTE_NOT_CLOSED';
    throw new CsvFileError(
      'malformed',
      `Die Datei ist ab Zeile ${line} nicht lesbar${unclosed ? ': ein Anführungszeichen (") wird nicht geschlossen' : ''}. ` +
        'Bitte die Zeile prüfen oder die Datei neu aus der Tabellenkalkulation speichern.',
      `The file cannot be read from line ${line}${unclosed ? ': a quotation mark (") is never closed' : ''}. ` +
        'Please check that line or save the file again from the spreadsheet.',
      { line },
    );
  }
  let previousEnd = 0;
  const records = parsed.map(({ record, info }) => {
    const line = startLine(previousEnd);
    previousEnd = info.bytes;
    return { line, cells: record };
  });
  return { delimiter, records };
}

function skipLineBreaks(bytes: Buffer, at: number): number {
  let i = at;
  while (i < bytes.length && (bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return i;
}

/** Where lines start; "\r\n", "\n" and a lone "\r" (old Mac exports) each end a line. */
function lineIndex(bytes: Buffer): { lineAt(offset: number): number } {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) starts.push(i + 1);
  }
  return {
    lineAt(offset) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1;
    },
  };
}
