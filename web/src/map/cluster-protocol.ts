/** Messages between the main thread and the cluster worker. */
import type { Bbox } from './types';

export type ClusterRequest =
  | { type: 'load'; generation: number; lng: Float64Array; lat: Float64Array }
  | { type: 'query'; generation: number; request: number; bbox: Bbox; zoom: number };

export type ClusterReply =
  | { type: 'loaded'; generation: number }
  | { type: 'items'; generation: number; request: number; items: Float64Array };
