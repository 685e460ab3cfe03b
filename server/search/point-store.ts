import {
  accessFeatures, categories, costs, formalities, languages, phases,
  type MapPointsResponse, type OfferingFilters,
} from '../../schema';
import type { PointRow } from '../repos/offerings-repo';
import { distanceKm } from './documents';

// All published offerings as compact columns in memory, for the map. Meilisearch takes ~1 s to hand out
// 100,000 matches (shared/STACK.md), while filtering these columns takes a few milliseconds. Filters here
// must mean exactly what they mean in the index (search/filters.ts); the tests compare both.

function bitIndex(list: readonly { id: string }[]): Map<string, number> {
  return new Map(list.map((t, i) => [t.id, i]));
}
const categoryBit = bitIndex(categories);
const phaseBit = bitIndex(phases);
const accessBit = bitIndex(accessFeatures);
const languageBit = bitIndex(languages);
const formalityIndex = bitIndex(formalities);
const costIndex = bitIndex(costs);

function mask(values: readonly string[] | undefined, bits: Map<string, number>): number {
  let m = 0;
  for (const v of values ?? []) {
    const bit = bits.get(v);
    if (bit !== undefined) m |= 1 << bit;
  }
  return m >>> 0;
}

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

function allocate(n: number): Columns {
  return {
    ids: new Int32Array(n),
    key: new Float64Array(n),
    lat: new Float64Array(n),
    lng: new Float64Array(n),
    categoryMask: new Uint32Array(n),
    primaryCategory: new Uint8Array(n),
    phaseMask: new Uint32Array(n),
    accessMask: new Uint32Array(n),
    languageMask: new Uint32Array(n),
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
    c.categoryMask[i] = mask(r.categories, categoryBit);
    c.primaryCategory[i] = categoryBit.get(r.categories[0] ?? '') ?? 0;
    c.phaseMask[i] = mask(r.phases, phaseBit);
    c.accessMask[i] = mask(r.access, accessBit);
    c.languageMask[i] = mask(r.languages, languageBit);
    c.formality[i] = formalityIndex.get(r.formality) ?? 255;
    c.cost[i] = costIndex.get(r.cost) ?? 255;
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
      for (const name of columnNames) (out[name] as Float64Array).set((from[name] as Float64Array).subarray(start, end), k);
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
    const categoryAny = mask(filters.category, categoryBit);
    const phaseAny = mask(filters.phase, phaseBit);
    const languageAny = mask(filters.lang, languageBit);
    const accessAll = mask(filters.access, accessBit);
    const formalityAny = new Set((filters.formality ?? []).map((f) => formalityIndex.get(f)));
    const costAny = new Set((filters.cost ?? []).map((c) => costIndex.get(c)));
    const [regionFrom, regionTo] = regionRange(filters.region);
    const { near, bbox, age, but } = filters;
    const radius = filters.radius ?? defaultRadiusKm;
    const { categoryMask, phaseMask, languageMask, accessMask, formality, cost, minAge, maxAge, region, lat, lng } = this.c;
    const butColumn = this.c.but;

    const accepts = (i: number): boolean =>
      (categoryAny === 0 || (categoryMask[i]! & categoryAny) !== 0) &&
      (phaseAny === 0 || (phaseMask[i]! & phaseAny) !== 0) &&
      (languageAny === 0 || (languageMask[i]! & languageAny) !== 0) &&
      (accessAll === 0 || (accessMask[i]! & accessAll) >>> 0 === accessAll) &&
      (formalityAny.size === 0 || formalityAny.has(formality[i]!)) &&
      (costAny.size === 0 || costAny.has(cost[i]!)) &&
      (but === undefined || butColumn[i] === (but ? 1 : 0)) &&
      (age === undefined || (minAge[i]! <= age && maxAge[i]! >= age)) &&
      (region[i]! >= regionFrom && region[i]! <= regionTo) &&
      (bbox === undefined ||
        (lat[i]! >= bbox.south && lat[i]! <= bbox.north && lng[i]! >= bbox.west && lng[i]! <= bbox.east)) &&
      (near === undefined || distanceKm(near, { lat: lat[i]!, lng: lng[i]! }) <= radius);

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
