/**
 * A small map with one draggable pin, for placing a site. Like the search map's adapter it is the only place
 * that talks to Leaflet: the app gives and gets [lng, lat]. Load it with `import()`: it brings Leaflet along.
 * The pin moves by mouse or touch (drag) and by keyboard (arrow keys on the focused pin; Shift for finer
 * steps), so nobody needs a pointer to correct a position.
 */
import 'leaflet/dist/leaflet.css';
import './map.css';
import './pin-picker.css';
import * as L from 'leaflet';
import { toLatLng } from './geo';
import { Outlines, type OutlineUrls } from './outlines';

export interface PinPickerOptions {
  /** [lng, lat] */
  position: [number, number];
  /** Called after a drag or a keyboard step, with the new [lng, lat]. Not called for setPosition(). */
  onMove(position: [number, number]): void;
  /** null: no tile server; the bundled outlines are the background. */
  tiles: { url: string; attribution: string } | null;
  outlines: OutlineUrls;
  labels: { map: string; marker: string; zoomIn: string; zoomOut: string };
  reducedMotion?: boolean;
  /** Default 15: streets are told apart, the municipality is still around. */
  zoom?: number;
}

export interface PinPicker {
  /** Moves the pin (and the view to it) without calling onMove. */
  setPosition(position: [number, number]): void;
  destroy(): void;
}

/** Pixels per arrow key press; with Shift, one pixel for the last bit of precision. */
const STEP = 10;
const FINE_STEP = 1;
const KEY_STEPS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** Six decimals are about 10 cm: more only pretends a precision nobody has. */
const round = (n: number) => Math.round(n * 1e6) / 1e6;
const lngLatOf = (latLng: L.LatLng): [number, number] => [round(latLng.lng), round(latLng.lat)];

/** The pin's icon, built with DOM APIs; its element carries the accessible name. */
class PinIcon extends L.DivIcon {
  constructor(private readonly label: string) {
    super({ className: 'blk-pin', html: pinShape(), iconSize: [32, 36], iconAnchor: [16, 34] });
  }

  override createIcon(oldIcon?: HTMLElement): HTMLElement {
    const element = super.createIcon(oldIcon);
    element.setAttribute('aria-label', this.label);
    return element;
  }
}

function pinShape(): HTMLElement {
  const shape = document.createElement('span');
  shape.className = 'blk-pin__shape';
  const dot = document.createElement('span');
  dot.className = 'blk-pin__dot';
  shape.appendChild(dot);
  return shape;
}

export function createPinPicker(element: HTMLElement, options: PinPickerOptions): PinPicker {
  const { labels, tiles } = options;
  const animate = !options.reducedMotion;
  element.setAttribute('role', 'region');
  element.setAttribute('aria-label', labels.map);
  element.classList.add('blk-map');
  element.classList.toggle('blk-map--plain', !tiles);

  const map = L.map(element, {
    zoomControl: false,
    minZoom: 5,
    maxZoom: 18,
    zoomAnimation: animate,
    markerZoomAnimation: animate,
    fadeAnimation: animate,
    inertia: animate,
  });
  L.control.zoom({ zoomInTitle: labels.zoomIn, zoomOutTitle: labels.zoomOut }).addTo(map);
  if (tiles) addTiles(map, tiles);
  map.setView(toLatLng(options.position), options.zoom ?? 15);
  const outlines = new Outlines(map, options.outlines, !tiles);

  const marker = L.marker(toLatLng(options.position), {
    draggable: true,
    keyboard: true,
    autoPan: true,
    icon: new PinIcon(labels.marker),
  }).addTo(map);
  marker.on('dragend', () => options.onMove(lngLatOf(marker.getLatLng())));

  const onKeyDown = (event: KeyboardEvent) => {
    const direction = KEY_STEPS[event.key];
    if (!direction || event.altKey || event.ctrlKey || event.metaKey) return;
    // The map must not pan as well: the arrow keys belong to the pin while it has the focus.
    event.preventDefault();
    event.stopPropagation();
    const step = event.shiftKey ? FINE_STEP : STEP;
    const point = map.latLngToContainerPoint(marker.getLatLng()).add([direction[0] * step, direction[1] * step]);
    const next = map.containerPointToLatLng(point);
    marker.setLatLng(next);
    if (!map.getBounds().pad(-0.1).contains(next)) map.panTo(next, { animate });
    options.onMove(lngLatOf(next));
  };
  const icon = marker.getElement();
  icon?.addEventListener('keydown', onKeyDown);

  const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => map.invalidateSize({ animate: false }));
  resize?.observe(element);

  return {
    setPosition(position) {
      const latLng = toLatLng(position);
      marker.setLatLng(latLng);
      map.setView(latLng, Math.max(map.getZoom(), options.zoom ?? 15), { animate: false });
    },
    destroy() {
      resize?.disconnect();
      icon?.removeEventListener('keydown', onKeyDown);
      outlines.destroy();
      map.remove();
      element.classList.remove('blk-map', 'blk-map--plain');
    },
  };
}

function addTiles(map: L.Map, tiles: { url: string; attribution: string }): void {
  // A template with an unknown {placeholder} would throw on every tile; the outlines still do without tiles.
  try {
    L.Util.template(tiles.url, { s: 'a', x: 0, y: 0, z: 0, r: '', '-y': 0 });
  } catch (error) {
    console.warn('pin picker: tile URL template not usable, showing outlines only', error);
    return;
  }
  // The attribution is operator configuration, not data; Leaflet shows it as HTML.
  L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 18 }).addTo(map);
}
