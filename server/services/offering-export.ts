import { Readable } from 'node:stream';
import {
  accessFeatures, categories, costs, DEFAULT_RADIUS_KM, formalities, languages, phases,
  type MapPointsQuery, type Term,
} from '../../schema';
import { BOM, csvHeader, csvLines, type LinkedRow } from '../csv/public-offerings';
import type { Db } from '../db/connection';
import { publicOfferingsByIds } from '../repos/public-export-repo';
import type { OfferingSearch } from '../search/offering-search';
import type { DirectoryState } from './directory-state';
import { today } from './offering-rules';

// CSV and GeoJSON of the offerings a map view shows. The offerings are chosen exactly as GET /api/map-points
// chooses them, then read from SQLite a chunk at a time while the body is sent, so 100,000 offerings never
// become one string in memory.

/** Rows read and written per step of the stream. */
export const EXPORT_CHUNK = 1000;

export type ExportFormat = 'csv' | 'geojson';

/** The ids GET /api/map-points answers for the same query, in id order. */
export async function exportIds(state: DirectoryState, search: OfferingSearch, query: MapPointsQuery): Promise<number[]> {
  const points = state.points;
  const matching = query.q ? await search.matchingIds(query, points.size, { relax: true }) : undefined;
  const ids = points.columns.ids;
  return points.select(query, DEFAULT_RADIUS_KM, matching?.ids).map((p) => ids[p]!).sort((a, b) => a - b);
}

const labels = (terms: readonly Term[]) => {
  const byId = new Map(terms.map((t) => [t.id, t.label.de]));
  return (ids: readonly string[]) => ids.map((id) => byId.get(id) ?? id);
};
const label = (terms: readonly Term[]) => {
  const many = labels(terms);
  return (id: string) => many([id])[0]!;
};
const categoryLabels = labels(categories);
const phaseLabels = labels(phases);
const languageLabels = labels(languages);
const accessLabels = labels(accessFeatures);
const formalityLabel = label(formalities);
const costLabel = label(costs);

/** A GeoJSON Feature: [lng, lat], the CSV's fields as ids and German labels, and the detail page. */
export function toFeature(r: LinkedRow) {
  return {
    type: 'Feature' as const,
    geometry: { type: 'Point' as const, coordinates: [r.lng, r.lat] as [number, number] },
    properties: {
      id: r.id,
      title: r.title,
      providerName: r.providerName,
      categories: r.categories,
      categoryLabels: categoryLabels(r.categories),
      phases: r.phases,
      phaseLabels: phaseLabels(r.phases),
      minAge: r.minAge,
      maxAge: r.maxAge,
      formality: r.formality,
      formalityLabel: formalityLabel(r.formality),
      cost: r.cost,
      costLabel: costLabel(r.cost),
      butEligible: r.butEligible,
      languages: r.languages,
      languageLabels: languageLabels(r.languages),
      access: r.access,
      accessLabels: accessLabels(r.access),
      street: r.street,
      postcode: r.postcode,
      city: r.city,
      regionKey: r.regionKey,
      lastConfirmedAt: r.lastConfirmedAt,
      url: r.url,
    },
  };
}

/** The rows of `ids`, a chunk at a time; ids no longer published meanwhile are left out. */
function* rowChunks(db: Db, ids: readonly number[], link: (id: number) => string): Generator<LinkedRow[]> {
  for (let i = 0; i < ids.length; i += EXPORT_CHUNK) {
    yield publicOfferingsByIds(db, ids.slice(i, i + EXPORT_CHUNK)).map((r) => ({ ...r, url: link(r.id) }));
  }
}

function* csvParts(db: Db, ids: readonly number[], link: (id: number) => string): Generator<string> {
  yield BOM + csvHeader();
  for (const rows of rowChunks(db, ids, link)) yield csvLines(rows);
}

function* geoJsonParts(db: Db, ids: readonly number[], link: (id: number) => string): Generator<string> {
  yield '{"type":"FeatureCollection","features":[';
  let first = true;
  for (const rows of rowChunks(db, ids, link)) {
    if (rows.length === 0) continue;
    yield (first ? '' : ',') + rows.map((r) => JSON.stringify(toFeature(r))).join(',');
    first = false;
  }
  yield ']}\n';
}

/**
 * The export body as a stream: each chunk is read from SQLite only when the client has taken the previous
 * one (a Readable pulls from the generator on demand), so memory stays at one chunk whatever the size.
 */
export function exportStream(db: Db, ids: readonly number[], format: ExportFormat, link: (id: number) => string): Readable {
  const parts = format === 'csv' ? csvParts(db, ids, link) : geoJsonParts(db, ids, link);
  return Readable.from(
    (function* () {
      for (const part of parts) yield Buffer.from(part, 'utf8');
    })(),
    { objectMode: false },
  );
}

/** Letters a file name can hold in any system and header: umlauts spelled out, the rest folded to "-". */
function asciiSlug(text: string): string {
  return text
    .replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue').replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/**
 * "angebote-freiburg-im-breisgau-2026-11-26.csv": the region (its name where known, else its key; the whole
 * country without one) and today's date in Germany.
 */
export function exportFileName(regionName: string | undefined, format: ExportFormat, now = new Date()): string {
  const place = asciiSlug(regionName ?? 'Deutschland') || 'auswahl';
  return `angebote-${place}-${today(now)}.${format}`;
}
