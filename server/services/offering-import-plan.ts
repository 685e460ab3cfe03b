import { headerOf, offeringColumns, valueAt } from '../csv/offering-columns';
import { ROW_COLUMN, type OfferingFields, type ParsedRow, type RowError } from '../csv/parse-offerings';
import { foldName } from '../lib/fold-name';

// What an uploaded spreadsheet would do, decided before anything is written: which rows create, update or
// leave an offering alone, which sites are reused or created, and what stops a row. The import route shows
// this plan and carries it out; nothing here touches the database.

export interface ExistingSite {
  id: number;
  name: string | null;
  street: string;
  postcode: string;
  city: string;
}

export interface NewSite {
  name: string | null;
  street: string;
  postcode: string;
  city: string;
  regionKey: string;
  lat: number;
  lng: number;
}

export interface PostcodePlace {
  regionKey: string;
  lat: number;
  lng: number;
  place: string;
}

export interface ImportContext {
  /** The organisation's sites. */
  sites: readonly ExistingSite[];
  /** The organisation's own offerings by id; any other number in the file is refused. */
  ownOfferings: ReadonlyMap<number, { status: string; input: OfferingFields; locationId: number }>;
  /** The gazetteer: where a postcode lies, or null for a postcode that does not exist. */
  postcode: (code: string) => PostcodePlace | null;
}

export type PlannedAction = 'create' | 'update' | 'unchanged' | 'error';

export interface FieldChange {
  /** Dotted path in the offering input ("schedule.text"), or "locationId" for a move to another site. */
  field: string;
  /** German column header. */
  column: string;
  old: unknown;
  new: unknown;
}

/** Rows that share a new address share one `NewSite` object; `siteKey` groups them too. */
export type PlannedSite = { existingId: number } | { new: NewSite };

export interface PlannedRow {
  line: number;
  action: PlannedAction;
  id: number | null;
  title: string | null;
  /** Null only for an error row whose address could not be resolved. */
  site: PlannedSite | null;
  changes: FieldChange[];
  errors: RowError[];
}

export interface ImportPlan {
  rows: PlannedRow[];
  summary: { create: number; update: number; unchanged: number; errors: number; newSites: number };
}

/**
 * The key two addresses share when they are the same place as people write it: case, spaces, umlauts and
 * "Str." / "Strasse" / "Straße" do not matter.
 */
export function siteKey(street: string, postcode: string): string {
  // "Hauptstraße", "Hauptstrasse" and "Hauptstr." all end up as "hauptstr".
  const folded = foldName(street).replace(/strasse\b/g, 'str');
  return `${postcode.trim()}|${folded.replace(/ /g, '')}`;
}

const NUMBER = headerOf('id');
const POSTCODE = headerOf('site.postcode');
const SITE = headerOf('site.name');
const SITE_HEADERS = new Set(offeringColumns.filter((c) => c.path[0] === 'site').map((c) => c.header));
// The fields compared for an update: every column of the offering itself (not the number, not the address).
const fieldColumns = offeringColumns.filter((c) => c.path[0] !== 'id' && c.path[0] !== 'site');

/** Plans the import of parsed rows for one organisation. Pure: the same input gives the same plan. */
export function planImport(parsed: readonly ParsedRow[], ctx: ImportContext): ImportPlan {
  const existing = new Map<string, ExistingSite>();
  for (const s of ctx.sites) if (!existing.has(siteKey(s.street, s.postcode))) existing.set(siteKey(s.street, s.postcode), s);
  const created = new Map<string, NewSite>();
  const linesById = new Map<number, number[]>();
  for (const row of parsed) if (row.id !== null) linesById.set(row.id, [...(linesById.get(row.id) ?? []), row.line]);

  const rows = parsed.map((row): PlannedRow => {
    const errors = [...row.errors, ...numberErrors(row, ctx, linesById)];
    let site: PlannedSite | null = null;
    // An address with its own errors (or a row whose cells are shifted) cannot be looked up.
    if (!row.errors.some((e) => SITE_HEADERS.has(e.column) || e.column === ROW_COLUMN)) {
      const resolved = resolveSite(row, existing, created, ctx);
      if ('column' in resolved) errors.push(resolved);
      else site = resolved;
    }
    const title = row.input?.title ?? row.title;
    const base = { line: row.line, id: row.id, title, site, errors };
    if (errors.length > 0 || !row.input || !site) return { ...base, action: 'error', changes: [] };
    const stored = row.id === null ? undefined : ctx.ownOfferings.get(row.id);
    if (!stored) return { ...base, action: 'create', changes: [] };
    const changes = fieldChanges(stored.input, row.input);
    if (!('existingId' in site) || site.existingId !== stored.locationId) {
      const describe = (s: { street: string; postcode: string; city: string }) => `${s.street}, ${s.postcode} ${s.city}`;
      const before = ctx.sites.find((s) => s.id === stored.locationId);
      changes.push({ field: 'locationId', column: SITE, old: before ? describe(before) : stored.locationId, new: describe(row.site) });
    }
    return { ...base, action: changes.length > 0 ? 'update' : 'unchanged', changes };
  });

  const count = (action: PlannedAction) => rows.filter((r) => r.action === action).length;
  const newSites = new Set(rows.flatMap((r) => (r.action !== 'error' && r.site && 'new' in r.site ? [r.site.new] : []))).size;
  return {
    rows,
    summary: { create: count('create'), update: count('update'), unchanged: count('unchanged'), errors: count('error'), newSites },
  };
}

/** The site a row's address names: an existing one, one created for an earlier row, or a new one. */
function resolveSite(
  row: ParsedRow,
  existing: ReadonlyMap<string, ExistingSite>,
  created: Map<string, NewSite>,
  ctx: ImportContext,
): PlannedSite | RowError {
  const key = siteKey(row.site.street, row.site.postcode);
  const known = existing.get(key);
  if (known) return { existingId: known.id };
  const earlier = created.get(key);
  if (earlier) return { new: earlier };
  // Only a new site needs the gazetteer: it gives the region and the map position.
  const place = ctx.postcode(row.site.postcode);
  if (!place) {
    return {
      column: POSTCODE,
      message: `Die Postleitzahl ${row.site.postcode} ist uns nicht bekannt. Bitte prüfen.`,
      messageEn: `The postcode ${row.site.postcode} is not known to us. Please check it.`,
    };
  }
  const fresh: NewSite = { ...row.site, regionKey: place.regionKey, lat: place.lat, lng: place.lng };
  created.set(key, fresh);
  return { new: fresh };
}

function numberErrors(row: ParsedRow, ctx: ImportContext, linesById: ReadonlyMap<number, number[]>): RowError[] {
  if (row.id === null) return [];
  // The same answer whether the number belongs to another organisation or to nobody: ids are not revealed.
  if (!ctx.ownOfferings.has(row.id)) {
    return [{
      column: NUMBER,
      message: `Die Nummer ${row.id} gehört nicht zu Ihren Einträgen. Für neue Einträge bleibt die Spalte leer.`,
      messageEn: `Number ${row.id} is not one of your entries. Leave the column empty for new entries.`,
    }];
  }
  const lines = linesById.get(row.id) ?? [];
  if (lines.length < 2) return [];
  return [{
    column: NUMBER,
    message: `Die Nummer ${row.id} steht mehrfach in der Datei (Zeilen ${lines.join(', ')}). Jeder Eintrag darf nur einmal vorkommen.`,
    messageEn: `Number ${row.id} appears more than once in the file (lines ${lines.join(', ')}). Each entry may appear only once.`,
  }];
}

/** The columns whose values differ; empty text, null and a missing value count as the same. */
function fieldChanges(stored: OfferingFields, next: OfferingFields): FieldChange[] {
  return fieldColumns.flatMap((c) => {
    const old = valueAt(stored, c.path);
    const value = valueAt(next, c.path);
    return same(old, value) ? [] : [{ field: c.path.join('.'), column: c.header, old, new: value }];
  });
}

function canonical(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (Array.isArray(value)) return value.map(canonical);
  return value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
