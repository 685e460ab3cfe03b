import { protect } from './cells';
import { exportColumns, valueAt, type OfferingColumn } from './offering-columns';
import type { OfferingFields, ParsedSite } from './parse-offerings';

// Exports are opened in Excel first: UTF-8 with a BOM (without it Excel reads Windows-1252 and breaks
// umlauts), `;` (German Excel's list separator), CRLF, and no cell that Excel would run as a formula.

export interface ExportRow {
  id: number;
  input: OfferingFields;
  site: ParsedSite;
  /** Moderation status id (e.g. "published"); shown as its German label. */
  status?: string;
}

const BOM = '\uFEFF';

/** A cell as CSV: quoted when it holds the delimiter, quotes, line breaks or edge spaces. */
export function quote(cell: string): string {
  return /[;"\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** One CSV line of values; text cells are protected against formula injection. */
function line(columns: readonly OfferingColumn[], source: unknown): string {
  return columns
    .map((c) => {
      const written = c.codec.write(valueAt(source, c.path));
      return quote(c.codec.isText ? protect(written) : written);
    })
    .join(';');
}

/** A whole file: the header and one line per source object (shaped like `{ id, site, status, ...input }`). */
export function toCsvFile(columns: readonly OfferingColumn[], sources: readonly unknown[]): Buffer {
  const lines = [columns.map((c) => quote(c.header)).join(';'), ...sources.map((s) => line(columns, s))];
  return Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');
}

/**
 * A provider's offerings as a spreadsheet in the columns of the template (plus their status), so the
 * file can be edited and uploaded again as an update.
 */
export function offeringsToCsv(rows: readonly ExportRow[]): Buffer {
  return toCsvFile(
    exportColumns,
    rows.map((r) => ({ ...r.input, id: r.id, site: r.site, status: r.status })),
  );
}
