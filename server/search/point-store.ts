import {
  accessFeatures, categories, costs, formalities, languages, phases,
  type MapPointsResponse, type OfferingFilters,
} from '../../schema';
import type { PointRow } from '../repos/offerings-repo';
import { geoCircle, inBbox, inCircle } from './geo-filter';
import { VocabularyMask } from './vocabulary-mask';

// All published offerings as compact columns in memory, for the map. Meilisearch takes ~1 s to hand out
// 100,000 matches (shared/STACK.md), while filtering these columns takes a few milliseconds. Filters here
// must mean exactly what they mean in the index (search/filters.ts); the tests compare both.

/** The mask layout of each multi-valued field: its columns hold `words` 32-bit words per point. */
export const pointMasks = {
  category: new VocabularyMask('categories', categories),
  phase: new VocabularyMask('phases', phases),
  access: new VocabularyMask('accessFeatures', accessFeatures),
  language: new VocabularyMask('languages', languages),
} as const;

/** Single-valued fields are kept as their vocabulary index in one byte; 255 marks a value outside it. */
export const MISSING_INDEX = 255;
function byteIndex(name: string, list: readonly { id: string }[]): Map<string, number> {
  // Checked at load, so a vocabulary that outgrows its byte stops the server instead of mixing up values.
  if (list.length > MISSING_INDEX) {
    throw new Error(`point store: the vocabulary ${name} has ${list.length} entries, a byte column holds ${MISSING_INDEX}`);
  }
  return new Map(list.map((t, i) => [t.id, i]));
}
const categoryIndex = byteIndex('categories', categories);
const formalityIndex = byteIndex('formalities', formalities);
const costIndex = byteIndex('costs', costs);

/** Interleaves the bits of two 16-bit numbers (Z-order), so points near on the map are near in the list. */
function zOrder(x: number, y: number): number {
  let z = 0;
  for (let i = 0; i < 16; i++) z += (((x >> i) & 1) * 2 ** (2 * i)) + (((y >> i) & 1) * 2 ** (2 * i + 1));
  return z;
}

/** One point per position, in map order (Z-order key, then id), as typed columns. */
export interface PointColumns {
  ids: Int32Array;
  key: Float64Array;
  lat: Float64Array;
  lng: Float64Array;
  /** The mask columns hold `pointMasks.<field>.words` words per point (see vocabulary-mask.ts). */
  categoryMask: Uint32Array;
  primaryCategory: Uint8Array;
  phaseMask: Uint32Array;
  accessMask: Uint32Array;
  languageMask: Uint32Array;
  formality: Uint8Array;
  cost: Uint8Array;
  but: Uint8Array;
  minAge: Uint8Array;
  maxAge: Uint8Array;
  /** The 8-digit municipality key as a number. */
  region: Uint32Array;
  volunteers: Uint8Array;
  /** lastConfirmedAt as days since 1970-01-01. */
  confirmedDay: Int32Array;
}
type Columns = PointColumns;
type ColumnName = keyof Columns;
const columnNames: ColumnName[] = [
  'ids', 'key', 'lat', 'lng', 'categoryMask', 'primaryCategory', 'phaseMask', 'accessMask', 'languageMask', 'formality',
  'cost', 'but', 'minAge', 'maxAge', 'region', 'volunteers', 'confirmedDay',
];
/** Values per point in each column. */
const stride: Record<ColumnName, number> = {
  ...(Object.fromEntries(columnNames.map((name) => [name, 1])) as Record<ColumnName, number>),
  categoryMask: pointMasks.category.words,
  phaseMask: pointMasks.phase.words,
  accessMask: pointMasks.access.words,
  languageMask: pointMasks.language.words,
};

function allocate(n: number): Columns {
  return {
    ids: new Int32Array(n),
    key: new Float64Array(n),
    lat: new Float64Array(n),
    lng: new Float64Array(n),
    categoryMask: pointMasks.category.column(n),
    primaryCategory: new Uint8Array(n),
    phaseMask: pointMasks.phase.column(n),
    accessMask: pointMasks.access.column(n),
    languageMask: pointMasks.language.column(n),
    formality: new Uint8Array(n),
    cost: new Uint8Array(n),
    but: new Uint8Array(n),
    minAge: new Uint8Array(n),
    maxAge: new Uint8Array(n),
    region: new Uint32Array(n),
    volunteers: new Uint8Array(n),
    confirmedDay: new Int32Array(n),
  };
}

function fromRows(rows: readonly PointRow[]): Columns {
  const keyed = rows.map((row) => ({ row, key: zOrder(...quantize(row)) }));
  keyed.sort((a, b) => a.key - b.key || a.row.id - b.row.id);
  const c = allocate(keyed.length);
  keyed.forEach(({ row: r, key }, i) => {
    c.ids[i] = r.id;
    c.key[i] = key;
    c.lat[i] = r.lat;
    c.lng[i] = r.lng;
    pointMasks.category.write(c.categoryMask, i, r.categories);
    c.primaryCategory[i] = categoryIndex.get(r.categories[0] ?? '') ?? 0;
    pointMasks.phase.write(c.phaseMask, i, r.phases);
    pointMasks.access.write(c.accessMask, i, r.access);
    pointMasks.language.write(c.languageMask, i, r.languages);
    c.formality[i] = formalityIndex.get(r.formality) ?? MISSING_INDEX;
    c.cost[i] = costIndex.get(r.cost) ?? MISSING_INDEX;
    c.but[i] = r.but ? 1 : 0;
    c.minAge[i] = r.minAge;
    c.maxAge[i] = r.maxAge;
    c.region[i] = Number(r.regionKey);
    c.volunteers[i] = r.seeksVolunteers ? 1 : 0;
    c.confirmedDay[i] = Math.floor(Date.parse(r.lastConfirmedAt) / 86_400_000);
  });
  return c;
}

/** Whether position `i` of `a` comes before position `j` of `b` in map order. */
function before(a: Columns, i: number, b: Columns, j: number): boolean {
  return a.key[i]! < b.key[j]! || (a.key[i] === b.key[j] && a.ids[i]! < b.ids[j]!);
}

export class PointStore {
  readonly size: number;
  private readonly c: Columns;
  /** Built on first use: only text queries need it, and 100,000 entries take ~20 ms. */
  private positions?: Map<number, number>;

  /** From rows in any order; internally also from columns already in map order (see `withChanges`). */
  constructor(source: readonly PointRow[] | Columns) {
    this.c = Array.isArray(source) ? fromRows(source) : (source as Columns);
    this.size = this.c.ids.length;
  }

  /**
   * The columns themselves, read-only by contract, for computations over many points (gaps, figures):
   * positions returned by `select` index into them.
   */
  get columns(): Readonly<PointColumns> {
    return this.c;
  }

  private get positionOfId(): Map<number, number> {
    if (!this.positions) {
      this.positions = new Map();
      for (let i = 0; i < this.size; i++) this.positions.set(this.c.ids[i]!, i);
    }
    return this.positions;
  }

  /**
   * A new store without the points of `changedIds` and with `rows` (their current state; ids that are no
   * longer published are simply absent). The store is immutable so that a map-points answer being encoded
   * never sees half a change; merging two sorted column sets keeps this O(n) instead of sorting again.
   */
  withChanges(changedIds: Iterable<number>, rows: readonly PointRow[]): PointStore {
    const gone = new Set(changedIds);
    for (const r of rows) gone.add(r.id);
    const added = fromRows(rows);
    const old = this.c;
    let removed = 0;
    for (let p = 0; p < this.size; p++) if (gone.has(old.ids[p]!)) removed++;
    const out = allocate(this.size - removed + added.ids.length);
    // Copy runs of kept old points in one TypedArray.set per column; changes are few, so runs are long.
    let i = 0;
    let j = 0;
    let k = 0;
    const copyRun = (from: Columns, start: number, end: number) => {
      if (end <= start) return;
      // Every column is a typed array of numbers; TypeScript cannot call `set` on the union of their types.
      for (const name of columnNames) {
        const w = stride[name];
        (out[name] as Float64Array).set((from[name] as Float64Array).subarray(start * w, end * w), k * w);
      }
      k += end - start;
    };
    while (i < this.size || j < added.ids.length) {
      const runStart = i;
      while (i < this.size && !gone.has(old.ids[i]!) && (j >= added.ids.length || before(old, i, added, j))) i++;
      copyRun(old, runStart, i);
      if (i < this.size && gone.has(old.ids[i]!)) {
        i++;
      } else if (j < added.ids.length) {
        copyRun(added, j, j + 1);
        j++;
      }
    }
    return new PointStore(out);
  }

  /** Positions (in map order) of the points that pass the filters; `onlyIds` narrows to a text search's hits. */
  select(filters: OfferingFilters, defaultRadiusKm: number, onlyIds?: Iterable<number>): number[] {
    const { category, phase, language, access } = pointMasks;
    const categoryAny = category.of(filters.category);
    const phaseAny = phase.of(filters.phase);
    const languageAny = language.of(filters.lang);
    const accessAll = access.of(filters.access);
    const formalityAny = new Set((filters.formality ?? []).map((f) => formalityIndex.get(f)));
    const costAny = new Set((filters.cost ?? []).map((c) => costIndex.get(c)));
    const [regionFrom, regionTo] = regionRange(filters.region);
    const { bbox, age, but } = filters;
    // The same circle, radius rounded the same way, as the index filter (filters.ts) is built from.
    const circle = geoCircle(filters, defaultRadiusKm);
    const { categoryMask, phaseMask, languageMask, accessMask, formality, cost, minAge, maxAge, region, lat, lng } = this.c;
    const butColumn = this.c.but;

    const accepts = (i: number): boolean =>
      (categoryAny === undefined || category.anyAt(categoryMask, i, categoryAny)) &&
      (phaseAny === undefined || phase.anyAt(phaseMask, i, phaseAny)) &&
      (languageAny === undefined || language.anyAt(languageMask, i, languageAny)) &&
      (accessAll === undefined || access.allAt(accessMask, i, accessAll)) &&
      (formalityAny.size === 0 || formalityAny.has(formality[i]!)) &&
      (costAny.size === 0 || costAny.has(cost[i]!)) &&
      (but === undefined || butColumn[i] === (but ? 1 : 0)) &&
      (age === undefined || (minAge[i]! <= age && maxAge[i]! >= age)) &&
      (region[i]! >= regionFrom && region[i]! <= regionTo) &&
      (bbox === undefined || inBbox(bbox, lat[i]!, lng[i]!)) &&
      (circle === undefined || inCircle(circle, lat[i]!, lng[i]!));

    const out: number[] = [];
    if (onlyIds) {
      for (const id of onlyIds) {
        const i = this.positionOfId.get(id);
        if (i !== undefined && accepts(i)) out.push(i);
      }
      return out.sort((a, b) => a - b);
    }
    for (let i = 0; i < this.size; i++) if (accepts(i)) out.push(i);
    return out;
  }

  /** The compact wire form of the selected points (see zMapPointsResponse). */
  encode(positions: readonly number[]): MapPointsResponse {
    const n = positions.length;
    const ids = new Array<number>(n);
    const lat = new Array<number>(n);
    const lng = new Array<number>(n);
    const category = new Array<number>(n);
    const col = this.c;
    let prevLat = 0;
    let prevLng = 0;
    for (let k = 0; k < n; k++) {
      const i = positions[k]!;
      const qLat = Math.round(col.lat[i]! * 1e5);
      const qLng = Math.round(col.lng[i]! * 1e5);
      ids[k] = col.ids[i]!;
      lat[k] = qLat - prevLat;
      lng[k] = qLng - prevLng;
      category[k] = col.primaryCategory[i]!;
      prevLat = qLat;
      prevLng = qLng;
    }
    return { total: n, categories: categories.map((c) => c.id), ids, lat, lng, category };
  }
}

function quantize(r: { lat: number; lng: number }): [number, number] {
  // Germany spans about 5.8–15.1° E and 47.2–55.1° N; anything outside clamps to the edge cell.
  const x = Math.max(0, Math.min(65535, Math.round(((r.lng - 5) / 11) * 65535)));
  const y = Math.max(0, Math.min(65535, Math.round(((r.lat - 47) / 9) * 65535)));
  return [x, y];
}

/** The inclusive range of 8-digit municipality keys a region key prefix covers. */
export function regionRange(prefix: string | undefined): [number, number] {
  if (!prefix) return [0, 99_999_999];
  const scale = 10 ** (8 - prefix.length);
  const from = Number(prefix) * scale;
  return [from, from + scale - 1];
}
