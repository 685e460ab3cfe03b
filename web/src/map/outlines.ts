/**
 * The bundled background (state and district outlines) and the selected region's outline. Without a tile server
 * the outlines are the whole map, so they must work on their own: states are filled as land, districts add
 * detail once the user zooms in far enough for them to help.
 */
import * as L from 'leaflet';
import type { Feature, FeatureCollection } from 'geojson';

export const OUTLINE_ATTRIBUTION = '© GeoBasis-DE / BKG 2017 (Daten verändert)';

/** Below this zoom, 400 district borders are noise and cost redraw time. */
const DISTRICT_MIN_ZOOM = 7;

// Above the tiles (200), below the region outline, the markers (600) and Leaflet's overlays (400).
const PANES = { statesFill: 210, districts: 220, states: 230, region: 350 } as const;

const STATE_LINE: L.PathOptions = { color: '#7c8591', weight: 1.2, opacity: 0.9, fill: false };
const STATE_FILL: L.PathOptions = { stroke: false, fillColor: '#fbfaf7', fillOpacity: 1 };
const DISTRICT_LINE: L.PathOptions = { color: '#aab1ba', weight: 0.7, opacity: 0.9, fill: false };
const REGION_CASING: L.PathOptions = { color: '#ffffff', weight: 7, opacity: 0.85, fill: false };
const REGION_LINE: L.PathOptions = { color: '#0b5394', weight: 3, opacity: 1, fillColor: '#0b5394', fillOpacity: 0.06 };

export interface OutlineUrls {
  states: string;
  districts: string;
}

export class Outlines {
  private readonly abort = new AbortController();
  private districts: L.Layer | null = null;
  private districtsRequested = false;
  private region: L.LayerGroup | null = null;

  /** `asLand`: no tiles underneath, so fill the states to tell land from the surroundings. */
  constructor(
    private readonly map: L.Map,
    private readonly urls: OutlineUrls,
    private readonly asLand: boolean,
  ) {
    for (const [name, zIndex] of Object.entries(PANES)) {
      const pane = map.createPane(`blk-${name}`);
      pane.style.zIndex = String(zIndex);
      // Background lines never take clicks; the map underneath handles dragging.
      if (name !== 'region') pane.style.pointerEvents = 'none';
    }
    map.attributionControl?.addAttribution(OUTLINE_ATTRIBUTION);
    map.on('zoomend', this.onZoomEnd);
    void this.loadStates();
    this.onZoomEnd();
  }

  /** Draws the selected region above the background; null removes it. */
  setRegion(outline: Feature | null): void {
    this.region?.remove();
    this.region = null;
    if (!outline?.geometry) return;
    try {
      const options = (style: L.PathOptions): L.GeoJSONOptions => ({ pane: 'blk-region', interactive: false, style });
      this.region = L.layerGroup([L.geoJSON(outline, options(REGION_CASING)), L.geoJSON(outline, options(REGION_LINE))]);
      this.region.addTo(this.map);
    } catch (error) {
      console.warn('map: the region outline could not be drawn', error);
    }
  }

  destroy(): void {
    this.abort.abort();
    this.map.off('zoomend', this.onZoomEnd);
  }

  private readonly onZoomEnd = (): void => {
    const wanted = this.map.getZoom() >= DISTRICT_MIN_ZOOM;
    if (wanted && !this.districtsRequested) {
      this.districtsRequested = true;
      void this.loadDistricts();
    }
    if (!this.districts) return;
    if (wanted && !this.map.hasLayer(this.districts)) this.districts.addTo(this.map);
    if (!wanted && this.map.hasLayer(this.districts)) this.districts.remove();
  };

  private async loadStates(): Promise<void> {
    const data = await this.fetchOutlines(this.urls.states);
    if (!data) return;
    if (this.asLand) this.layer(data, 'statesFill', STATE_FILL).addTo(this.map);
    this.layer(data, 'states', STATE_LINE).addTo(this.map);
  }

  private async loadDistricts(): Promise<void> {
    const data = await this.fetchOutlines(this.urls.districts);
    if (!data) return;
    this.districts = this.layer(data, 'districts', DISTRICT_LINE);
    this.onZoomEnd();
  }

  private layer(data: FeatureCollection, pane: keyof typeof PANES, style: L.PathOptions): L.GeoJSON {
    const paneName = `blk-${pane}`;
    // Canvas: hundreds of detailed borders redraw much faster than as SVG nodes while panning. Leaflet hands
    // these options on to every path it creates, which is how `renderer` arrives (its types omit it here).
    const options: L.GeoJSONOptions & Pick<L.PathOptions, 'renderer'> = {
      pane: paneName,
      renderer: L.canvas({ pane: paneName }),
      interactive: false,
      style,
    };
    return L.geoJSON(data, options);
  }

  /** The outlines are decoration: when they fail, the map still works, so this only warns. */
  private async fetchOutlines(url: string): Promise<FeatureCollection | null> {
    try {
      const response = await fetch(url, { signal: this.abort.signal });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const data: unknown = await response.json();
      if (this.abort.signal.aborted) return null;
      if (!isFeatureCollection(data)) throw new Error('not a GeoJSON FeatureCollection');
      return data;
    } catch (error) {
      if (!this.abort.signal.aborted) console.warn(`map: outlines from ${url} not shown`, error);
      return null;
    }
  }
}

function isFeatureCollection(data: unknown): data is FeatureCollection {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === 'FeatureCollection' &&
    Array.isArray((data as { features?: unknown }).features)
  );
}
