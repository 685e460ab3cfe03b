import KDBush from 'kdbush';
import { around, distance } from 'geokdbush';
import type { PointStore } from '../../search/point-store';

export interface Nearest {
  /** Great-circle distance in km, unrounded. */
  km: number;
  offeringId: number;
}

/**
 * The matching offerings of one target group, ready for the per-municipality questions: a k-d tree for
 * the nearest offering (geokdbush walks it by great-circle distance, so a query costs O(log n) instead of a
 * loop over all offerings) and the count of offerings per municipality key.
 *
 * It copies what it needs out of the point store rather than keeping positions into it: the store is
 * replaced on every change, and a cached index must not keep an old store alive.
 */
export class GapIndex {
  readonly size: number;
  private readonly tree: KDBush;
  private readonly lng: Float64Array;
  private readonly lat: Float64Array;
  private readonly offeringIds: Int32Array;
  private readonly perMunicipality = new Map<number, number>();

  /** `positions`: what `PointStore.select` answered for the target group. */
  constructor(store: PointStore, positions: readonly number[]) {
    const n = positions.length;
    const c = store.columns;
    this.size = n;
    this.lng = new Float64Array(n);
    this.lat = new Float64Array(n);
    this.offeringIds = new Int32Array(n);
    this.tree = new KDBush(n);
    for (let k = 0; k < n; k++) {
      const i = positions[k]!;
      this.lng[k] = c.lng[i]!;
      this.lat[k] = c.lat[i]!;
      this.offeringIds[k] = c.ids[i]!;
      this.tree.add(c.lng[i]!, c.lat[i]!);
      const municipality = c.region[i]!;
      this.perMunicipality.set(municipality, (this.perMunicipality.get(municipality) ?? 0) + 1);
    }
    this.tree.finish();
  }

  /** Matching offerings whose municipality key (as a number, like the point store's) is `key`. */
  countIn(key: number): number {
    return this.perMunicipality.get(key) ?? 0;
  }

  /** The nearest matching offering to a point, anywhere; null when nothing matches. */
  nearest(lng: number, lat: number): Nearest | null {
    if (this.size === 0) return null;
    const [k] = around(this.tree, lng, lat, 1);
    if (k === undefined) return null;
    return { km: distance(lng, lat, this.lng[k]!, this.lat[k]!), offeringId: this.offeringIds[k]! };
  }

  /** Bytes of typed arrays held (the k-d tree and the copied columns), for the benchmark. */
  get bytes(): number {
    return this.tree.data.byteLength + this.lng.byteLength + this.lat.byteLength + this.offeringIds.byteLength;
  }
}
