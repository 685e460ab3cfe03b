/**
 * Builds and queries the cluster index off the main thread: building it for 100,000 points takes the better
 * part of a second on a modest machine, which would freeze scrolling and typing while a new search arrives.
 */
import { ClusterIndex } from './clusters';
import type { ClusterReply, ClusterRequest } from './cluster-protocol';

// The project's TypeScript lib is DOM, not WebWorker; this is all of the worker scope used here.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ClusterRequest>) => void) | null;
  postMessage(message: ClusterReply, transfer?: Transferable[]): void;
};

let index: ClusterIndex | null = null;
let generation = -1;

scope.onmessage = ({ data: request }) => {
  if (request.type === 'load') {
    generation = request.generation;
    index = new ClusterIndex(request.lng, request.lat);
    scope.postMessage({ type: 'loaded', generation });
    return;
  }
  // A query for an index that has since been replaced answers nothing useful.
  if (request.generation !== generation || !index) return;
  const items = index.query(request.bbox, request.zoom);
  scope.postMessage({ type: 'items', generation, request: request.request, items }, [items.buffer]);
};
