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

export class PointStore {
  readonly size: number;
  private readonly ids: Int32Array;
  private readonly lat: Float64Array;
  private readonly lng: Float64Array;
  private readonly categoryMask: Uint32Array;
  private readonly primaryCategory: Uint8Array;
  private readonly phaseMask: Uint32Array;
  private readonly accessMask: Uint32Array;
  private readonly languageMask: Uint32Array;
  private readonly formality: Uint8Array;
  private readonly cost: Uint8Array;
  private readonly but: Uint8Array;
  private readonly minAge: Uint8Array;
  private readonly maxAge: Uint8Array;
  private readonly region: Uint32Array;
  private readonly positionOfId = new Map<number, number>();

  constructor(rows: readonly PointRow[]) {
    const keyed = rows.map((row) => ({ row, key: zOrder(...quantize(row)) }));
    const sorted = keyed.sort((a, b) => a.key - b.key || a.row.id - b.row.id).map((k) => k.row);
    const n = (this.size = sorted.length);
    this.ids = new Int32Array(n);
    this.lat = new Float64Array(n);
    this.lng = new Float64Array(n);
    this.categoryMask = new Uint32Array(n);
    this.primaryCategory = new Uint8Array(n);
    this.phaseMask = new Uint32Array(n);
    this.accessMask = new Uint32Array(n);
    this.languageMask = new Uint32Array(n);
    this.formality = new Uint8Array(n);
    this.cost = new Uint8Array(n);
    this.but = new Uint8Array(n);
    this.minAge = new Uint8Array(n);
    this.maxAge = new Uint8Array(n);
    this.region = new Uint32Array(n);
    sorted.forEach((r, i) => {
      this.ids[i] = r.id;
      this.lat[i] = r.lat;
      this.lng[i] = r.lng;
      this.categoryMask[i] = mask(r.categories, categoryBit);
      this.primaryCategory[i] = categoryBit.get(r.categories[0] ?? '') ?? 0;
      this.phaseMask[i] = mask(r.phases, phaseBit);
      this.accessMask[i] = mask(r.access, accessBit);
      this.languageMask[i] = mask(r.languages, languageBit);
      this.formality[i] = formalityIndex.get(r.formality) ?? 255;
      this.cost[i] = costIndex.get(r.cost) ?? 255;
      this.but[i] = r.but ? 1 : 0;
      this.minAge[i] = r.minAge;
      this.maxAge[i] = r.maxAge;
      this.region[i] = Number(r.regionKey);
      this.positionOfId.set(r.id, i);
    });
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

    const accepts = (i: number): boolean =>
      (categoryAny === 0 || (this.categoryMask[i]! & categoryAny) !== 0) &&
      (phaseAny === 0 || (this.phaseMask[i]! & phaseAny) !== 0) &&
      (languageAny === 0 || (this.languageMask[i]! & languageAny) !== 0) &&
      (accessAll === 0 || (this.accessMask[i]! & accessAll) >>> 0 === accessAll) &&
      (formalityAny.size === 0 || formalityAny.has(this.formality[i]!)) &&
      (costAny.size === 0 || costAny.has(this.cost[i]!)) &&
      (but === undefined || this.but[i] === (but ? 1 : 0)) &&
      (age === undefined || (this.minAge[i]! <= age && this.maxAge[i]! >= age)) &&
      (this.region[i]! >= regionFrom && this.region[i]! <= regionTo) &&
      (bbox === undefined ||
        (this.lat[i]! >= bbox.south && this.lat[i]! <= bbox.north && this.lng[i]! >= bbox.west && this.lng[i]! <= bbox.east)) &&
      (near === undefined || distanceKm(near, { lat: this.lat[i]!, lng: this.lng[i]! }) <= radius);

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
    let prevLat = 0;
    let prevLng = 0;
    for (let k = 0; k < n; k++) {
      const i = positions[k]!;
      const qLat = Math.round(this.lat[i]! * 1e5);
      const qLng = Math.round(this.lng[i]! * 1e5);
      ids[k] = this.ids[i]!;
      lat[k] = qLat - prevLat;
      lng[k] = qLng - prevLng;
      category[k] = this.primaryCategory[i]!;
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
function regionRange(prefix: string | undefined): [number, number] {
  if (!prefix) return [0, 99_999_999];
  const scale = 10 ** (8 - prefix.length);
  const from = Number(prefix) * scale;
  return [from, from + scale - 1];
}
