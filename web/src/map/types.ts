/**
 * The map's public surface. Everything here speaks GeoJSON order ([lng, lat]) and app events; Leaflet and its
 * [lat, lng] order stay inside the adapter. This file imports no runtime code, so components can import these
 * types statically while the adapter itself is loaded with a dynamic `import()`.
 */
import type { Feature } from 'geojson';
import type { Bbox, MapPoint } from '../../../schema';

export type { Bbox, MapPoint };

export interface MapView {
  /** [lng, lat] */
  center: [number, number];
  zoom: number;
}

export interface MapLabels {
  map: string;
  zoomIn: string;
  zoomOut: string;
  cluster: (count: number) => string;
  point: (category: string) => string;
  /** Not drawn by the adapter (it has no callback for it); the app renders that button over the map. */
  searchArea: string;
}

export interface MapOptions {
  container: HTMLElement;
  /** null: no tile server; the bundled outlines are the whole background. */
  tiles: { url: string; attribution: string } | null;
  /** URLs of the bundled GeoJSON outlines. */
  outlines: { states: string; districts: string };
  labels: MapLabels;
  /** No animated zoom or pan when true. */
  reducedMotion: boolean;
  /** Default: all of Germany. */
  initialView?: MapView;
  categoryColor?: (category: string) => string;
}

export interface MapHandle {
  /** All matches (up to ~100,000): clusters them and keeps the view. */
  setPoints(points: readonly MapPoint[]): void;
  /** Draws the selected region's outline above the background; null clears it. */
  setRegionOutline(outline: Feature | null): void;
  fitBbox(bbox: Bbox): void;
  /** Programmatic: does not fire onViewChange. */
  setView(view: MapView): void;
  getView(): MapView;
  getBbox(): Bbox;
  /** Highlights one point when it is shown unclustered; null clears the highlight. */
  setSelected(id: number | null): void;
  /** Only moves the user made (drag, zoom, keyboard, a click on a cluster). Returns an unsubscribe function. */
  onViewChange(listener: (view: MapView, bbox: Bbox) => void): () => void;
  /** Click or Enter on a single point. Returns an unsubscribe function. */
  onPointSelect(listener: (id: number) => void): () => void;
  /** Call after the container changed size or became visible. */
  invalidateSize(): void;
  destroy(): void;
}
