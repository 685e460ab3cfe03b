/**
 * The main thread's side of clustering: hands the points to the worker (or, where workers are unavailable or
 * fail, to an index on the main thread) and answers "what is in this bbox at this zoom" for the current points.
 */
import { ClusterIndex } from './clusters';
import type { ClusterReply, ClusterRequest } from './cluster-protocol';
import type { Bbox, MapPoint } from './types';

export interface ClusterResult {
  /** Which setPoints the result belongs to; cluster ids are only meaningful within one. */
  generation: number;
  points: readonly MapPoint[];
  /** Packed items (see clusters.ts); point items refer to `points` by index. */
  items: Float64Array;
}

export class ClusterSource {
  private worker: Worker | null = startWorker();
  private local: ClusterIndex | null = null;
  private generation = 0;
  private readyGeneration = 0;
  private points: readonly MapPoint[] = [];
  private readonly requests = new Map<number, (items: Float64Array | null) => void>();
  private requestSeq = 0;

  /** `onReady` runs each time the index for the latest points can be queried. */
  constructor(private readonly onReady: () => void) {
    this.worker?.addEventListener('message', this.onMessage);
    this.worker?.addEventListener('error', this.onWorkerError);
  }

  load(points: readonly MapPoint[]): void {
    this.generation++;
    this.points = points;
    this.local = null;
    this.dropRequests();
    if (points.length === 0) {
      this.ready();
      return;
    }
    const { lng, lat } = coordinates(points);
    if (this.worker) this.post({ type: 'load', generation: this.generation, lng, lat }, [lng.buffer, lat.buffer]);
    else this.buildLocally(lng, lat);
  }

  /** Resolves null when the points changed meanwhile or their index is still being built. */
  query(bbox: Bbox, zoom: number): Promise<ClusterResult | null> {
    if (this.readyGeneration !== this.generation) return Promise.resolve(null);
    const { generation, points } = this;
    const result = (items: Float64Array | null): ClusterResult | null => (items ? { generation, points, items } : null);
    if (points.length === 0) return Promise.resolve(result(new Float64Array(0)));
    if (this.local) return Promise.resolve(result(this.local.query(bbox, zoom)));
    if (!this.worker) return Promise.resolve(null);
    const request = ++this.requestSeq;
    return new Promise((resolve) => {
      this.requests.set(request, (items) => resolve(result(items)));
      this.post({ type: 'query', generation, request, bbox, zoom });
    });
  }

  destroy(): void {
    this.worker?.terminate();
    this.worker = null;
    this.local = null;
    this.dropRequests();
  }

  private ready(): void {
    this.readyGeneration = this.generation;
    this.onReady();
  }

  private buildLocally(lng: Float64Array, lat: Float64Array): void {
    this.local = new ClusterIndex(lng, lat);
    this.ready();
  }

  private post(message: ClusterRequest, transfer: Transferable[] = []): void {
    this.worker?.postMessage(message, transfer);
  }

  private readonly onMessage = ({ data: reply }: MessageEvent<ClusterReply>): void => {
    if (reply.type === 'loaded') {
      if (reply.generation === this.generation) this.ready();
      return;
    }
    const resolve = this.requests.get(reply.request);
    this.requests.delete(reply.request);
    resolve?.(reply.generation === this.generation ? reply.items : null);
  };

  /** The worker could not start (blocked, missing) or died: cluster on the main thread from now on. */
  private readonly onWorkerError = (event: ErrorEvent): void => {
    console.warn('map: cluster worker failed, clustering on the main thread', event.message);
    this.worker?.terminate();
    this.worker = null;
    this.dropRequests();
    if (this.points.length > 0) {
      const { lng, lat } = coordinates(this.points);
      this.buildLocally(lng, lat);
    }
  };

  private dropRequests(): void {
    for (const resolve of this.requests.values()) resolve(null);
    this.requests.clear();
  }
}

function coordinates(points: readonly MapPoint[]): { lng: Float64Array; lat: Float64Array } {
  const lng = new Float64Array(points.length);
  const lat = new Float64Array(points.length);
  points.forEach((point, i) => {
    lng[i] = point.lng;
    lat[i] = point.lat;
  });
  return { lng, lat };
}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    // Written out in full so Vite sees the pattern and bundles the worker as its own chunk.
    return new Worker(new URL('./cluster-worker.ts', import.meta.url), { type: 'module' });
  } catch (error) {
    console.warn('map: no cluster worker, clustering on the main thread', error);
    return null;
  }
}
