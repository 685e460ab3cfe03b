/**
 * The Leaflet adapter: the only module that talks to Leaflet. The app gives and gets [lng, lat] views, bboxes,
 * points and events (see ./types.ts). The styles are imported here so they load with this lazy chunk.
 */
import 'leaflet/dist/leaflet.css';
import './map.css';
import * as L from 'leaflet';
import type { Feature } from 'geojson';
import { GERMANY_BBOX, fromBounds, sameView, toBounds, toLatLng, viewOf } from './geo';
import { defaultCategoryColor } from './markers';
import { Outlines } from './outlines';
import { PointLayer } from './point-layer';
import type { Bbox, MapHandle, MapOptions, MapPoint, MapView } from './types';

export type { MapHandle, MapLabels, MapOptions, MapView } from './types';

const MIN_ZOOM = 5;
const MAX_ZOOM = 18;
/** Fitting a village's (or a single postcode's) bbox should not land at house level. */
const MAX_FIT_ZOOM = 15;
/** Used until a hidden container gets a size to fit in. */
const FALLBACK_ZOOM = 6;

/**
 * Leaflet animates keyboard pans (and `panBy` in general) in JavaScript whatever the animation options say;
 * for people who asked for reduced motion, every pan jumps.
 */
class StillMap extends L.Map {
  override panBy(offset: L.PointExpression, options?: L.PanOptions): this {
    return super.panBy(offset, { ...options, animate: false });
  }
}

type ViewListener = (view: MapView, bbox: Bbox) => void;
type SelectListener = (id: number) => void;

class LeafletMapAdapter implements MapHandle {
  private readonly map: L.Map;
  private readonly outlines: Outlines;
  private readonly points: PointLayer;
  private readonly resizeObserver: ResizeObserver | null = null;
  private readonly viewListeners = new Set<ViewListener>();
  private readonly selectListeners = new Set<SelectListener>();
  /** > 0 while the app moves the map: those moves must not come back to it as onViewChange (URL ⇄ map loop). */
  private quiet = 0;
  private lastView: MapView;
  private lastBbox: Bbox;
  /** A bbox asked for while the container had no size; fitted once it has one. */
  private pendingBbox: Bbox | null = null;
  private destroyed = false;

  constructor(private readonly options: MapOptions) {
    const { container, labels, reducedMotion, tiles } = options;
    container.setAttribute('role', 'region');
    container.setAttribute('aria-label', labels.map);
    container.setAttribute('data-testid', 'map');
    container.setAttribute('data-point-count', '0');
    container.classList.add('blk-map');
    container.classList.toggle('blk-map--plain', !tiles);

    const canObserve = typeof ResizeObserver !== 'undefined';
    const MapClass = reducedMotion ? StillMap : L.Map;
    this.map = new MapClass(container, {
      zoomControl: false,
      minZoom: MIN_ZOOM,
      maxZoom: MAX_ZOOM,
      // Half steps let Germany (and a district) fill the map instead of sitting small in the middle.
      zoomSnap: 0.5,
      // No maxBounds: Leaflet enforces it with its own animated pans on moveend, which fight programmatic
      // moves (and would reach onViewChange as if the user had moved). minZoom keeps Germany in reach.
      zoomAnimation: !reducedMotion,
      markerZoomAnimation: !reducedMotion,
      fadeAnimation: !reducedMotion,
      inertia: !reducedMotion,
      keyboard: true,
      // The observer below also sees the container change size without the window doing so.
      trackResize: !canObserve,
    });
    L.control.zoom({ zoomInTitle: labels.zoomIn, zoomOutTitle: labels.zoomOut }).addTo(this.map);
    if (tiles) this.addTiles(tiles);

    const initial = options.initialView;
    if (initial && isUsable(initial)) {
      this.quietly(() => this.map.setView(toLatLng(initial.center), initial.zoom));
    } else {
      this.fitBbox(GERMANY_BBOX);
    }
    this.lastView = viewOf(this.map);
    this.lastBbox = fromBounds(this.map.getBounds());

    this.outlines = new Outlines(this.map, options.outlines, !tiles);
    this.points = new PointLayer(this.map, {
      labels,
      color: options.categoryColor ?? defaultCategoryColor,
      onSelect: (id) => {
        for (const listener of [...this.selectListeners]) listener(id);
      },
      // The user asked for this zoom, so it is reported like any other user move.
      onExpand: (center, zoom) => this.map.setView(center, zoom, { animate: !reducedMotion }),
    });
    this.map.on('moveend', this.onMoveEnd);
    if (canObserve) {
      this.resizeObserver = new ResizeObserver(() => this.invalidateSize());
      this.resizeObserver.observe(container);
    }
  }

  setPoints(points: readonly MapPoint[]): void {
    if (this.destroyed) return;
    this.points.setPoints(points);
    this.options.container.setAttribute('data-point-count', String(points.length));
  }

  setRegionOutline(outline: Feature | null): void {
    if (this.destroyed) return;
    this.outlines.setRegion(outline);
  }

  fitBbox(bbox: Bbox): void {
    if (this.destroyed) return;
    // The container's own size, not Leaflet's cached one: the map may have been shown since Leaflet last looked.
    const { clientWidth, clientHeight } = this.options.container;
    if (clientWidth === 0 || clientHeight === 0) {
      // Fitting needs a size (Leaflet computes a NaN zoom without one; a hidden map on a phone has none):
      // centre now, fit when it shows.
      this.pendingBbox = bbox;
      const zoom = this.map.getZoom();
      const center = toBounds(bbox).getCenter();
      this.quietly(() => this.map.setView(center, Number.isFinite(zoom) ? zoom : FALLBACK_ZOOM, { animate: false }));
      return;
    }
    this.pendingBbox = null;
    const padding = Math.min(clientWidth, clientHeight) > 64 ? 8 : 0;
    this.quietly(() => {
      this.map.invalidateSize({ animate: false });
      this.map.fitBounds(toBounds(bbox), { animate: false, padding: [padding, padding], maxZoom: MAX_FIT_ZOOM });
    });
  }

  setView(view: MapView): void {
    if (this.destroyed || !isUsable(view)) return;
    this.pendingBbox = null;
    this.quietly(() => this.map.setView(toLatLng(view.center), view.zoom, { animate: false }));
  }

  getView(): MapView {
    return this.destroyed ? this.lastView : viewOf(this.map);
  }

  getBbox(): Bbox {
    return this.destroyed ? this.lastBbox : fromBounds(this.map.getBounds());
  }

  setSelected(id: number | null): void {
    if (this.destroyed) return;
    this.points.setSelected(id);
  }

  onViewChange(listener: ViewListener): () => void {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  }

  onPointSelect(listener: SelectListener): () => void {
    this.selectListeners.add(listener);
    return () => this.selectListeners.delete(listener);
  }

  invalidateSize(): void {
    if (this.destroyed) return;
    this.quietly(() => this.map.invalidateSize({ animate: false }));
    if (this.pendingBbox) this.fitBbox(this.pendingBbox);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.resizeObserver?.disconnect();
    this.map.off('moveend', this.onMoveEnd);
    this.outlines.destroy();
    this.points.destroy();
    this.map.remove();
    this.viewListeners.clear();
    this.selectListeners.clear();
    this.options.container.classList.remove('blk-map', 'blk-map--plain');
  }

  private readonly onMoveEnd = (): void => {
    this.points.render();
    const view = viewOf(this.map);
    const bbox = fromBounds(this.map.getBounds());
    // A resize re-centres by whole pixels and fires moveend; that is not a move anybody made.
    const moved = !sameView(view, this.lastView);
    this.lastView = view;
    this.lastBbox = bbox;
    if (this.quiet > 0 || !moved) return;
    for (const listener of [...this.viewListeners]) listener(view, bbox);
  };

  /**
   * Runs a programmatic move. Every move made here is unanimated, so Leaflet fires its moveend synchronously,
   * inside the guard.
   */
  private quietly(move: () => void): void {
    this.quiet++;
    try {
      move();
    } finally {
      this.quiet--;
    }
    this.lastView = viewOf(this.map);
    this.lastBbox = fromBounds(this.map.getBounds());
  }

  private addTiles(tiles: NonNullable<MapOptions['tiles']>): void {
    // A template with an unknown {placeholder} would throw on every tile; without tiles the map still works.
    try {
      L.Util.template(tiles.url, { s: 'a', x: 0, y: 0, z: 0, r: '', '-y': 0 });
    } catch (error) {
      console.warn('map: tile URL template not usable, showing outlines only', error);
      return;
    }
    let warned = false;
    // The attribution is operator configuration (it usually carries links), not data, and Leaflet shows it as HTML.
    L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: MAX_ZOOM, minZoom: 0 })
      .on('tileerror', () => {
        if (warned) return;
        warned = true;
        console.warn('map: tiles failed to load; the outlines remain as background');
      })
      .addTo(this.map);
  }
}

function isUsable(view: MapView): boolean {
  return Number.isFinite(view.zoom) && Number.isFinite(view.center[0]) && Number.isFinite(view.center[1]);
}

/** Creates the map in `options.container`. Load this module with `import()`: it brings Leaflet along. */
export function createMap(options: MapOptions): MapHandle {
  return new LeafletMapAdapter(options);
}
