import { useEffect, useRef, useState } from 'preact/hooks';
import type { Bbox, ClientConfig } from '../../../../schema';
import { api } from '../../api/client';
import { fetchMapPoints } from '../../api/map-points';
import { useI18n } from '../../i18n/i18n';
import { geometryBbox } from '../../lib/geo';
import type { Loaded } from '../../lib/use-load';
import type { MapHandle, MapView as AdapterView } from '../../map/types';
import type { SearchState } from '../../state/search-state';
import { LoadError } from '../load-error/load-error';

interface Props {
  state: SearchState;
  /** The filters as API parameters: the map shows every match of them. */
  query: string;
  /** The tile configuration; when it failed to load the map offers to load it again. */
  clientConfig: Loaded<ClientConfig>;
  onSelect(id: number): void;
  /** The user moved the map: remember the view (without a history entry). */
  onMove(view: AdapterView): void;
  onSearchArea(bbox: Bbox): void;
}

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Circle of `radiusKm` around a point as a bounding box, for fitting the map to a "near" search. */
function bboxAround(lat: number, lng: number, radiusKm: number): Bbox {
  const dLat = radiusKm / 111.2;
  const dLng = radiusKm / (111.2 * Math.cos((lat * Math.PI) / 180));
  return [lng - dLng, lat - dLat, lng + dLng, lat + dLat];
}

/**
 * The map, loaded on demand (this component and Leaflet stay out of the first bundle); speaks to Leaflet
 * only via the adapter.
 */
export function MapView({ state, query, clientConfig, onSelect, onMove, onSearchArea }: Props) {
  const i18n = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const [handle, setHandle] = useState<MapHandle | null>(null);
  const [moved, setMoved] = useState<Bbox | null>(null);
  // Leaflet and the adapter are their own chunk: if it does not arrive, offer a retry rather than "loading".
  const [adapterFailed, setAdapterFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const callbacks = useRef({ onSelect, onMove });
  callbacks.current = { onSelect, onMove };

  // Create the map once the tile configuration is known.
  const config = clientConfig.value;
  useEffect(() => {
    if (!container.current || !config) return;
    let map: MapHandle | null = null;
    let cancelled = false;
    import('../../map').then(({ createMap }) => {
      if (cancelled || !container.current) return;
      map = createMap({
        container: container.current,
        tiles: config.tiles,
        outlines: { states: '/geo/laender.geojson', districts: '/geo/kreise.geojson' },
        labels: {
          map: i18n.t('map'),
          zoomIn: i18n.t('mapZoomIn'),
          zoomOut: i18n.t('mapZoomOut'),
          cluster: (count) => i18n.t('mapCluster', { count }),
          point: (category) => i18n.t('mapPoint', { category: i18n.term('categories', category) }),
          searchArea: i18n.t('searchThisArea'),
        },
        reducedMotion: reducedMotion(),
        initialView: state.map ? { center: [state.map.lng, state.map.lat], zoom: state.map.zoom } : undefined,
      });
      map.onPointSelect((id) => callbacks.current.onSelect(id));
      map.onViewChange((view, bbox) => {
        setMoved(bbox);
        callbacks.current.onMove(view);
      });
      setHandle(map);
    }, (e: unknown) => {
      console.error('map', e);
      if (!cancelled) setAdapterFailed(true);
    });
    return () => {
      cancelled = true;
      map?.destroy();
      setHandle(null);
    };
    // The map is built once; later state changes reach it through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [config, attempt]);

  // Every matching point.
  useEffect(() => {
    if (!handle) return;
    const controller = new AbortController();
    fetchMapPoints(query, controller.signal).then(
      (points) => handle.setPoints(points),
      (e: unknown) => {
        if ((e as Error).name !== 'AbortError') console.error('map points', e);
      },
    );
    return () => controller.abort();
  }, [handle, query]);

  // The region outline, and the map fitted to a new region or place.
  const { region, near, radius } = state.filters;
  useEffect(() => {
    if (!handle) return;
    setMoved(null);
    if (!region) {
      handle.setRegionOutline(null);
      if (near && !state.map) handle.fitBbox(bboxAround(near.lat, near.lng, radius ?? 10));
      return;
    }
    const controller = new AbortController();
    api.regionOutline(region, controller.signal).then(
      (feature) => {
        handle.setRegionOutline(feature as unknown as GeoJSON.Feature);
        const bbox = geometryBbox(feature.geometry);
        if (!state.map && bbox) handle.fitBbox(bbox);
      },
      () => handle.setRegionOutline(null),
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [handle, region, near?.lat, near?.lng, radius]);

  // Back/forward to another map view: follow it (programmatic moves do not report back).
  const view = state.map;
  useEffect(() => {
    if (!handle || !view) return;
    const current = handle.getView();
    const same = Math.abs(current.zoom - view.zoom) < 0.01 && Math.abs(current.center[0] - view.lng) < 1e-4 && Math.abs(current.center[1] - view.lat) < 1e-4;
    if (!same) handle.setView({ center: [view.lng, view.lat], zoom: view.zoom });
  }, [handle, view?.zoom, view?.lat, view?.lng]);

  // No tiles configuration, or no Leaflet: the map cannot be built, so it offers a retry instead of "loading".
  if (clientConfig.failed || adapterFailed) {
    const retry = clientConfig.failed
      ? clientConfig.retry
      : () => {
          setAdapterFailed(false);
          setAttempt((n) => n + 1);
        };
    return <LoadError message={i18n.t('partFailed')} retry={retry} />;
  }
  return (
    <div class="map-wrapper">
      <div ref={container} class="map" role="region" aria-label={i18n.t('map')} data-testid="map">
        {!handle && <p class="map-loading">{i18n.t('mapLoading')}</p>}
      </div>
      {moved && (
        <button
          type="button"
          class="primary search-area"
          onClick={() => {
            onSearchArea(moved);
            setMoved(null);
          }}
        >
          {i18n.t('searchThisArea')}
        </button>
      )}
    </div>
  );
}
