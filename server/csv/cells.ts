import { germanLabel, readTerms, unknownTermsMessage, matchTerm, type Vocabulary } from './vocabulary';

// How one cell is read from a spreadsheet and written back. Reading is lenient about the ways spreadsheets
// and people write values (10,0 for 10; 15.09.2025 for 2025-09-15; WAHR for true); the zod schema then
// decides whether the value is allowed, so every rule is explained the same way as in the form.

export type CellResult = { ok: true; value: unknown } | { ok: false; message: string; messageEn: string };

export interface CellCodec {
  /** Free text: the only cells a spreadsheet could run as a formula, so the export protects them. */
  isText: boolean;
  read(cell: string): CellResult;
  write(value: unknown): string;
}

const ok = (value: unknown): CellResult => ({ ok: true, value });
const fail = (message: string, messageEn: string): CellResult => ({ ok: false, message, messageEn });

/** What an empty cell means for a field: not given, explicitly nothing, or empty text. */
type Empty = undefined | null | '';

// Text starting with = + - @ tab or CR is run as a formula by Excel and LibreOffice (CSV injection), e.g.
// =HYPERLINK("http://evil","x"). The export puts an apostrophe before such text, and the import takes it
// off again. Text that already starts with apostrophes and then such a character gets one more, so an
// apostrophe of the author's own survives the round trip.
const PROTECTED = /^'+[=+\-@\t\r]/;
const NEEDS_PROTECTION = /^'*[=+\-@\t\r]/;

/** Text as the export writes it: safe to open in a spreadsheet. */
export const protect = (value: string) => (NEEDS_PROTECTION.test(value) ? `'${value}` : value);
const unprotect = (cell: string) => (PROTECTED.test(cell) ? cell.slice(1) : cell);

export function text(empty: Empty, clean: (value: string) => string = (v) => v): CellCodec {
  return {
    isText: true,
    read: (cell) => {
      const value = unprotect(cell.replace(/\r\n?/g, '\n').trim());
      return ok(value === '' ? empty : clean(value));
    },
    write: (value) => (value == null ? '' : String(value)),
  };
}

/** "www.verein.de" is what people write; the schema wants a full address. */
export const addScheme = (v: string) => (/^[\w-]+(\.[\w-]+)+([/?#].*)?$/.test(v) ? `https://${v}` : v);

/** Excel drops the leading zero of "01067" when it takes the postcode for a number. */
export const padPostcode = (v: string) => (/^\d{4}$/.test(v) ? `0${v}` : v);

const THOUSANDS = /^\d{1,3}(\.\d{3})+$/;
const WHOLE = /^(-?\d+)(?:[.,]0+)?$/;

export function integer(empty: null | undefined): CellCodec {
  return {
    isText: false,
    read: (cell) => {
      const v = cell.trim();
      if (v === '') return ok(empty);
      if (THOUSANDS.test(v)) return ok(Number(v.replace(/\./g, '')));
      const m = WHOLE.exec(v);
      return m ? ok(Number(m[1])) : fail('Bitte eine ganze Zahl eingeben, z. B. 10.', 'Please enter a whole number, e.g. 10.');
    },
    write: (value) => (typeof value === 'number' ? String(value) : ''),
  };
}

/** Offering numbers from an earlier export; empty for a new entry. */
export const offeringNumber: CellCodec = {
  isText: false,
  read: (cell) => {
    const v = cell.trim();
    if (v === '') return ok(null);
    const m = WHOLE.exec(v);
    const n = m ? Number(m[1]) : NaN;
    return Number.isSafeInteger(n) && n > 0
      ? ok(n)
      : fail(
          'Die Nummer stammt aus einem Export; für neue Einträge bleibt sie leer.',
          'The number comes from an export; leave it empty for new entries.',
        );
  },
  write: (value) => (typeof value === 'number' ? String(value) : ''),
};

const yes = new Set(['ja', 'j', 'yes', 'y', 'x', '1', 'true', 'wahr']);
const no = new Set(['', 'nein', 'n', 'no', '0', 'false', 'falsch']);

/** Yes/no; an empty cell means no. WAHR/FALSCH is how German Excel writes booleans. */
export const yesNo: CellCodec = {
  isText: false,
  read: (cell) => {
    const v = cell.trim().toLowerCase();
    if (yes.has(v)) return ok(true);
    if (no.has(v)) return ok(false);
    return fail('Bitte „ja“ oder „nein“ eingeben.', 'Please enter "yes" or "no".');
  },
  write: (value) => (value === true ? 'ja' : 'nein'),
};

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/;

/** A date as YYYY-MM-DD or DD.MM.YYYY (German Excel's default), stored as YYYY-MM-DD. */
export const date: CellCodec = {
  isText: false,
  read: (cell) => {
    const v = cell.trim();
    if (v === '') return ok(undefined);
    const iso = ISO_DATE.exec(v);
    const german = GERMAN_DATE.exec(v);
    const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : german ? [german[3], german[2], german[1]] : [];
    const year = y && y.length === 2 ? 2000 + Number(y) : Number(y);
    const at = new Date(Date.UTC(year, Number(m) - 1, Number(d)));
    // Date.UTC rolls 31.02. over into March; a real date survives the trip unchanged.
    if (!y || at.getUTCFullYear() !== year || at.getUTCMonth() !== Number(m) - 1 || at.getUTCDate() !== Number(d)) {
      return fail('Bitte ein Datum wie 15.09.2025 oder 2025-09-15 eingeben.', 'Please enter a date like 15.09.2025 or 2025-09-15.');
    }
    return ok(at.toISOString().slice(0, 10));
  },
  write: (value) => {
    const m = typeof value === 'string' ? ISO_DATE.exec(value) : null;
    return m ? `${m[3]}.${m[2]}.${m[1]}` : '';
  },
};

/** One term of a vocabulary, by id or label. */
export function oneOf(v: Vocabulary): CellCodec {
  return {
    isText: false,
    read: (cell) => {
      const word = cell.trim();
      if (word === '') return ok(undefined);
      const id = matchTerm(v, word);
      if (id !== null) return ok(id);
      const { message, messageEn } = unknownTermsMessage(v, [word]);
      return fail(message, messageEn);
    },
    write: (value) => (typeof value === 'string' ? germanLabel(v, value) : ''),
  };
}

/** Several terms in one cell, separated by "," or "|"; exported as German labels joined by ", ". */
export function listOf(v: Vocabulary): CellCodec {
  return {
    isText: false,
    read: (cell) => {
      const { ids, unknown } = readTerms(v, cell);
      if (unknown.length === 0) return ok(ids);
      const { message, messageEn } = unknownTermsMessage(v, unknown);
      return fail(message, messageEn);
    },
    write: (value) => (Array.isArray(value) ? value.map((id) => germanLabel(v, String(id))).join(', ') : ''),
  };
}
