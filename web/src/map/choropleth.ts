/**
 * A choropleth: areas (municipalities) filled by class, each class with a colour and a pattern. Like the search
 * map's adapter this is the only place that talks to Leaflet; the app hands over GeoJSON geometries ([lng, lat])
 * and plain strings, never HTML: tooltips and popups are built with DOM APIs and textContent. Load it with
 * `import()`: it brings Leaflet along.
 */
import 'leaflet/dist/leaflet.css';
import './map.css';
import './choropleth.css';
import * as L from 'leaflet';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { OutlineGeometry } from '../../../schema';
import { Outlines, type OutlineUrls } from './outlines';
import { toLatLng } from './geo';
import type { PatternSpec } from './patterns';

export interface ChoroplethClass {
  id: string;
  fill: string;
  /** Drawn over the fill (see ./patterns.ts `patternSpec`); null for a plain fill. */
  pattern: PatternSpec | null;
}

export interface ChoroplethArea {
  key: string;
  name: string;
  geometry: OutlineGeometry;
}

/** What an area shows: its class (null: no data) and the lines of its popup, the first being its title. */
export interface AreaInfo {
  classId: string | null;
  lines: readonly string[];
}

export interface ChoroplethOptions {
  container: HTMLElement;
  /** null: no tile server; the bundled outlines are the background. */
  tiles: { url: string; attribution: string } | null;
  outlines: OutlineUrls;
  labels: { map: string; zoomIn: string; zoomOut: string; close: string };
  classes: readonly ChoroplethClass[];
  reducedMotion: boolean;
}

export interface ChoroplethHandle {
  /** Draws the areas (replacing earlier ones) and fits the view to them. */
  setAreas(areas: readonly ChoroplethArea[]): void;
  /** Classes and popup lines by area key; areas missing from the map are drawn as "no data". */
  setInfo(info: ReadonlyMap<string, AreaInfo>): void;
  /** Fits the view to the areas again, e.g. before printing, when the container changed its size. */
  refit(): void;
  destroy(): void;
}

const MIN_ZOOM = 5;
const MAX_ZOOM = 14;
/** Above the background outlines (210–230), below Leaflet's overlay defaults and popups. */
const PANE = 'blk-choropleth';
const NO_DATA_FILL = '#f4f5f7';

let instances = 0;

class Choropleth implements ChoroplethHandle {
  private readonly map: L.Map;
  private readonly outlines: Outlines;
  private readonly renderer: L.Renderer;
  private readonly defs: SVGSVGElement;
  private readonly idPrefix = `blk-choro-${++instances}`;
  private readonly fills = new Map<string, string>();
  private readonly resizeObserver: ResizeObserver | null = null;
  private layer: L.GeoJSON | null = null;
  private readonly layers = new Map<string, L.Path>();
  private info: ReadonlyMap<string, AreaInfo> = new Map();
  private fitPending = false;
  private destroyed = false;

  constructor(private readonly options: ChoroplethOptions) {
    const { container, labels, reducedMotion, tiles } = options;
    container.setAttribute('role', 'region');
    container.setAttribute('aria-label', labels.map);
    container.setAttribute('data-area-count', '0');
    container.classList.add('blk-map', 'blk-choropleth');
    container.classList.toggle('blk-map--plain', !tiles);

    // The patterns live in an SVG of their own: the areas' SVG belongs to Leaflet and is rebuilt at will.
    // Not display:none, which would stop Chromium from painting the patterns at all.
    this.defs = document.createElementNS(SVG_NS, 'svg');
    this.defs.setAttribute('aria-hidden', 'true');
    this.defs.setAttribute('class', 'blk-pattern-defs');
    this.defs.setAttribute('width', '0');
    this.defs.setAttribute('height', '0');
    const defs = document.createElementNS(SVG_NS, 'defs');
    for (const cls of options.classes) {
      const spec = cls.pattern;
      if (!spec) {
        this.fills.set(cls.id, cls.fill);
        continue;
      }
      const id = `${this.idPrefix}-${cls.id}`;
      defs.appendChild(createPatternElement(id, cls.fill, spec));
      this.fills.set(cls.id, `url(#${id})`);
    }
    this.defs.appendChild(defs);
    container.appendChild(this.defs);

    const canObserve = typeof ResizeObserver !== 'undefined';
    this.map = L.map(container, {
      zoomControl: false,
      minZoom: MIN_ZOOM,
      maxZoom: MAX_ZOOM,
      zoomSnap: 0.25,
      zoomAnimation: !reducedMotion,
      markerZoomAnimation: !reducedMotion,
      fadeAnimation: !reducedMotion,
      inertia: !reducedMotion,
      trackResize: !canObserve,
    });
    L.control.zoom({ zoomInTitle: labels.zoomIn, zoomOutTitle: labels.zoomOut }).addTo(this.map);
    if (tiles) this.addTiles(tiles);
    // A first view, so the background can draw before the areas arrive: Germany (setView needs no size).
    this.map.setView(toLatLng([10.4, 51.2]), 6, { animate: false });
    // Leaflet names the popup's close button in English; the page's language wins.
    this.map.on('popupopen', (event: L.PopupEvent) => {
      event.popup.getElement()?.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', labels.close);
    });

    const pane = this.map.createPane(PANE);
    pane.style.zIndex = '300';
    // SVG, not canvas: only SVG fills an area with a pattern.
    this.renderer = L.svg({ pane: PANE, padding: 0.3 });
    this.outlines = new Outlines(this.map, options.outlines, !tiles);

    if (canObserve) {
      this.resizeObserver = new ResizeObserver(() => this.onResize());
      this.resizeObserver.observe(container);
    }
  }

  setAreas(areas: readonly ChoroplethArea[]): void {
    if (this.destroyed) return;
    this.layer?.remove();
    this.layers.clear();
    const collection: FeatureCollection = {
      type: 'FeatureCollection',
      features: areas.map((area): Feature => ({
        type: 'Feature',
        properties: { key: area.key, name: area.name },
        geometry: area.geometry as Geometry,
      })),
    };
    // Leaflet hands these options on to every path it creates, which is how `renderer` arrives (its types
    // omit it on GeoJSONOptions).
    const options: L.GeoJSONOptions & Pick<L.PathOptions, 'renderer'> = {
      pane: PANE,
      renderer: this.renderer,
      style: (feature) => this.styleOf(String(feature?.properties?.key ?? '')),
      onEachFeature: (feature, layer) => {
        const key = String(feature.properties?.key ?? '');
        const name = String(feature.properties?.name ?? '');
        this.layers.set(key, layer as L.Path);
        layer.bindTooltip(() => textElement('span', name), { sticky: true, direction: 'top', className: 'blk-area-tooltip' });
        layer.bindPopup(() => this.popupOf(key, name), { closeButton: true, autoPanPadding: [16, 16] });
        layer.on('add', () => this.markElement(key));
      },
    };
    this.layer = L.geoJSON(collection, options).addTo(this.map);
    for (const key of this.layers.keys()) this.markElement(key);
    this.options.container.setAttribute('data-area-count', String(areas.length));
    this.fit();
  }

  setInfo(info: ReadonlyMap<string, AreaInfo>): void {
    if (this.destroyed) return;
    this.info = info;
    for (const [key, layer] of this.layers) {
      layer.setStyle(this.styleOf(key));
      this.markElement(key);
    }
  }

  refit(): void {
    if (this.destroyed) return;
    this.map.invalidateSize({ animate: false });
    this.fit();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.resizeObserver?.disconnect();
    this.outlines.destroy();
    this.map.remove();
    this.defs.remove();
    this.options.container.classList.remove('blk-map', 'blk-choropleth', 'blk-map--plain');
  }

  private styleOf(key: string): L.PathOptions {
    const classId = this.info.get(key)?.classId ?? null;
    return {
      fillColor: (classId && this.fills.get(classId)) ?? NO_DATA_FILL,
      fillOpacity: 0.92,
      color: '#2f3640',
      weight: 0.9,
      opacity: 0.9,
    };
  }

  /** The class as a data attribute on the area's path: for styles and for tests that count areas per class. */
  private markElement(key: string): void {
    const element = this.layers.get(key)?.getElement();
    if (!element) return;
    element.setAttribute('data-key', key);
    element.setAttribute('data-class', this.info.get(key)?.classId ?? 'none');
    element.classList.add('blk-area');
  }

  private popupOf(key: string, name: string): HTMLElement {
    const lines = this.info.get(key)?.lines ?? [name];
    const box = document.createElement('div');
    box.className = 'blk-area-popup';
    const [title, ...rest] = lines;
    box.appendChild(textElement('strong', title ?? name));
    if (rest.length > 0) {
      const list = document.createElement('ul');
      for (const line of rest) list.appendChild(textElement('li', line));
      box.appendChild(list);
    }
    return box;
  }

  private fit(): void {
    const bounds = this.layer?.getBounds();
    if (!bounds?.isValid()) return;
    const { clientWidth, clientHeight } = this.options.container;
    if (clientWidth === 0 || clientHeight === 0) {
      // A hidden container has no size to fit into (Leaflet would compute a NaN zoom): fit once it shows.
      this.fitPending = true;
      return;
    }
    this.fitPending = false;
    this.map.invalidateSize({ animate: false });
    this.map.fitBounds(bounds, { animate: false, padding: [6, 6], maxZoom: MAX_ZOOM });
  }

  private onResize(): void {
    if (this.destroyed) return;
    this.map.invalidateSize({ animate: false });
    if (this.fitPending) this.fit();
  }

  private addTiles(tiles: NonNullable<ChoroplethOptions['tiles']>): void {
    // A template with an unknown {placeholder} would throw on every tile; the outlines still do without tiles.
    try {
      L.Util.template(tiles.url, { s: 'a', x: 0, y: 0, z: 0, r: '', '-y': 0 });
    } catch (error) {
      console.warn('choropleth: tile URL template not usable, showing outlines only', error);
      return;
    }
    // The attribution is operator configuration, not data; Leaflet shows it as HTML.
    L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: MAX_ZOOM, opacity: 0.6 }).addTo(this.map);
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A `<pattern>` element: the fill colour as background, the pattern's shapes on top. */
function createPatternElement(id: string, fill: string, spec: PatternSpec): SVGPatternElement {
  const pattern = document.createElementNS(SVG_NS, 'pattern');
  pattern.setAttribute('id', id);
  pattern.setAttribute('patternUnits', 'userSpaceOnUse');
  pattern.setAttribute('width', String(spec.size));
  pattern.setAttribute('height', String(spec.size));
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', String(spec.size));
  background.setAttribute('height', String(spec.size));
  background.setAttribute('fill', fill);
  pattern.appendChild(background);
  for (const shape of spec.shapes) {
    const element = document.createElementNS(SVG_NS, shape.tag);
    for (const [name, value] of Object.entries(shape.attrs)) element.setAttribute(name, String(value));
    pattern.appendChild(element);
  }
  return pattern;
}

function textElement<K extends keyof HTMLElementTagNameMap>(tag: K, text: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  element.textContent = text;
  return element;
}

/** Creates the choropleth in `options.container`. */
export function createChoropleth(options: ChoroplethOptions): ChoroplethHandle {
  return new Choropleth(options);
}
