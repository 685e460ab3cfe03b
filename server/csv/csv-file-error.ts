/** Why a whole file was refused (as opposed to single rows, which are reported per row). */
export type CsvFileErrorCode =
  | 'empty'
  | 'utf16'
  | 'binary'
  | 'too_large'
  | 'too_many_rows'
  | 'no_header'
  | 'bad_columns'
  | 'malformed';

/**
 * A problem with the file as a whole. `message` carries both languages ("Deutsch / English") like the
 * app's other error answers; `de` and `en` are there for a page that shows only one of them.
 */
export class CsvFileError extends Error {
  constructor(
    readonly code: CsvFileErrorCode,
    readonly de: string,
    readonly en: string,
    readonly details?: unknown,
  ) {
    super(`${de} / ${en}`);
    this.name = 'CsvFileError';
  }
}

/** 10000 → "10.000" (German) and "10,000" (English), as people read numbers in messages. */
export function formatCount(n: number): { de: string; en: string } {
  return { de: n.toLocaleString('de-DE'), en: n.toLocaleString('en-GB') };
}

/** A byte count as people read it in an error message: "5 MB", "1,5 MB", "800 KB". */
export function formatSize(bytes: number): { de: string; en: string } {
  const [value, unit] =
    bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'MB'] : bytes >= 1024 ? [bytes / 1024, 'KB'] : [bytes, 'Bytes'];
  const rounded = Math.round(value * 10) / 10;
  return {
    de: `${rounded.toLocaleString('de-DE')} ${unit}`,
    en: `${rounded.toLocaleString('en-GB')} ${unit === 'Bytes' ? 'bytes' : unit}`,
  };
}
