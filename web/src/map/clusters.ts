/**
 * The clustering index over plain coordinate arrays, so the same code runs in the worker and, as a fallback, on
 * the main thread. It is built once per point set (the expensive part) and then only queried for the visible
 * area, which takes a few milliseconds even for 100,000 points.
 */
import Supercluster, { type PointFeature } from 'supercluster';
import type { Bbox } from './types';

/** Beyond this zoom every point is shown on its own. */
export const CLUSTER_MAX_ZOOM = 16;

/**
 * Query results travel as one flat array (cheap to transfer from a worker): per item
 * [isCluster 0|1, clusterId or point index, count, lng, lat, expansion zoom].
 */
export const ITEM_STRIDE = 6;

export type ClusterItem =
  | { kind: 'cluster'; id: number; count: number; lng: number; lat: number; expansionZoom: number }
  | { kind: 'point'; index: number; lng: number; lat: number };

interface PointProps {
  index: number;
}

export class ClusterIndex {
  private readonly index = new Supercluster<PointProps, Record<string, never>>({
    radius: 60,
    // Leaflet tiles are 256 px; supercluster measures the radius against its tile extent (512 by default), so
    // this keeps the radius in real screen pixels.
    extent: 256,
    maxZoom: CLUSTER_MAX_ZOOM,
  });

  constructor(lng: Float64Array, lat: Float64Array) {
    const features: PointFeature<PointProps>[] = new Array(lng.length);
    for (let i = 0; i < lng.length; i++) {
      features[i] = { type: 'Feature', geometry: { type: 'Point', coordinates: [lng[i]!, lat[i]!] }, properties: { index: i } };
    }
    this.index.load(features);
  }

  /** Clusters and single points inside bbox at this zoom, packed (see ITEM_STRIDE). */
  query(bbox: Bbox, zoom: number): Float64Array {
    const features = this.index.getClusters(bbox, Math.floor(zoom));
    const packed = new Float64Array(features.length * ITEM_STRIDE);
    features.forEach((feature, i) => {
      const [lng, lat] = feature.geometry.coordinates as [number, number];
      const props = feature.properties;
      const at = i * ITEM_STRIDE;
      if ('cluster' in props && props.cluster) {
        // Asked for here, once per visible cluster, so a click needs no round trip to the worker.
        packed.set([1, props.cluster_id, props.point_count, lng, lat, this.index.getClusterExpansionZoom(props.cluster_id)], at);
      } else {
        packed.set([0, (props as PointProps).index, 1, lng, lat, 0], at);
      }
    });
    return packed;
  }
}

export function* unpackItems(packed: Float64Array): Generator<ClusterItem> {
  for (let at = 0; at + ITEM_STRIDE <= packed.length; at += ITEM_STRIDE) {
    const ref = packed[at + 1]!;
    const lng = packed[at + 3]!;
    const lat = packed[at + 4]!;
    if (packed[at] === 1) {
      yield { kind: 'cluster', id: ref, count: packed[at + 2]!, lng, lat, expansionZoom: packed[at + 5]! };
    } else {
      yield { kind: 'point', index: ref, lng, lat };
    }
  }
}
