/**
 * The markers on the map: clusters and single points for the visible area, kept in step with the view.
 * Markers are reused by key between renders, so panning only touches the markers that enter or leave the area
 * (and a focused marker survives a pan).
 */
import * as L from 'leaflet';
import { unpackItems, type ClusterItem } from './clusters';
import { ClusterSource, type ClusterResult } from './cluster-source';
import { fromBounds } from './geo';
import { clusterIcon, fanOffsets, pointIcon } from './markers';
import type { MapLabels, MapPoint } from './types';

/** Render this much around the visible area, so short pans show markers at once. */
const MARGIN = 0.25;

export interface PointLayerOptions {
  labels: MapLabels;
  color: (category: string) => string;
  /** A single point was clicked or activated with the keyboard. */
  onSelect: (id: number) => void;
  /** A cluster was clicked or activated: show it at the zoom where it falls apart. */
  onExpand: (center: L.LatLng, zoom: number) => void;
}

type ClusterOf = Extract<ClusterItem, { kind: 'cluster' }>;

export class PointLayer {
  private readonly group = L.layerGroup();
  private readonly source = new ClusterSource(() => this.render());
  private points: readonly MapPoint[] | null = null;
  private markers = new Map<string, L.Marker>();
  private pointMarkers = new Map<number, L.Marker>();
  /** The setPoints the markers belong to: cluster ids, and so marker keys, mean nothing across two. */
  private drawnGeneration = -1;
  private renderSeq = 0;
  private selected: number | null = null;

  constructor(
    private readonly map: L.Map,
    private readonly options: PointLayerOptions,
  ) {
    this.group.addTo(map);
  }

  /**
   * Hands the points to the index (built once per call, off the main thread where possible). The markers of the
   * previous points stay until the new ones are ready, so the map never flashes empty.
   */
  setPoints(points: readonly MapPoint[]): void {
    if (points === this.points) return;
    this.points = points;
    this.source.load(points);
  }

  /** Shows what the index holds for the current view; cheap enough to run on every moveend. */
  render(): void {
    const request = ++this.renderSeq;
    const bbox = fromBounds(this.map.getBounds().pad(MARGIN));
    void this.source.query(bbox, this.map.getZoom()).then((result) => {
      // A later render (the map moved on) or new points make this answer stale.
      if (result && request === this.renderSeq) this.draw(result);
    });
  }

  private draw({ generation, points, items }: ClusterResult): void {
    const reusable = generation === this.drawnGeneration ? this.markers : new Map<string, L.Marker>();
    this.drawnGeneration = generation;
    const next = new Map<string, L.Marker>();
    const nextPoints = new Map<number, L.Marker>();
    const byPosition = new Map<string, MapPoint[]>();
    for (const item of unpackItems(items)) {
      if (item.kind === 'cluster') {
        const key = `c${item.id}`;
        next.set(key, reusable.get(key) ?? this.clusterMarker(item));
        continue;
      }
      const point = points[item.index];
      if (!point) continue;
      const position = `${item.lng},${item.lat}`;
      const group = byPosition.get(position);
      if (group) group.push(point);
      else byPosition.set(position, [point]);
    }
    for (const group of byPosition.values()) {
      const offsets = fanOffsets(group.length);
      group.forEach((point, i) => {
        const offset = offsets[i] ?? [0, 0];
        const key = `p${point.id}@${offset[0]},${offset[1]}`;
        const marker = reusable.get(key) ?? this.pointMarker(point, offset);
        next.set(key, marker);
        nextPoints.set(point.id, marker);
      });
    }
    this.replaceMarkers(next, nextPoints);
  }

  setSelected(id: number | null): void {
    this.markSelected(false);
    this.selected = id;
    this.markSelected(true);
  }

  destroy(): void {
    this.renderSeq++;
    this.source.destroy();
    this.group.remove();
    this.markers.clear();
    this.pointMarkers.clear();
    this.points = null;
  }

  private replaceMarkers(next: Map<string, L.Marker>, nextPoints: Map<number, L.Marker>): void {
    const focused = document.activeElement;
    let lostFocus = false;
    const kept = new Set(next.values());
    for (const marker of this.markers.values()) {
      if (kept.has(marker)) continue;
      if (focused && marker.getElement() === focused) lostFocus = true;
      this.group.removeLayer(marker);
    }
    for (const marker of kept) {
      if (!this.group.hasLayer(marker)) this.group.addLayer(marker);
    }
    this.markers = next;
    this.pointMarkers = nextPoints;
    this.markSelected(true);
    // A keyboard user whose marker just dissolved (say, into its cluster's children) stays in the map.
    if (lostFocus) this.map.getContainer().focus({ preventScroll: true });
  }

  private markSelected(on: boolean): void {
    if (this.selected === null) return;
    const marker = this.pointMarkers.get(this.selected);
    if (!marker) return;
    marker.setZIndexOffset(on ? 1000 : 0);
    const element = marker.getElement();
    element?.classList.toggle('is-selected', on);
    if (on) element?.setAttribute('aria-current', 'true');
    else element?.removeAttribute('aria-current');
  }

  private clusterMarker(cluster: ClusterOf): L.Marker {
    const label = this.options.labels.cluster(cluster.count);
    const marker = L.marker(L.latLng(cluster.lat, cluster.lng), {
      icon: clusterIcon(cluster.count, label),
      title: label,
      keyboard: true,
    });
    onActivate(marker, () => {
      const zoom = Math.max(cluster.expansionZoom, this.map.getZoom() + 1);
      this.options.onExpand(marker.getLatLng(), Math.min(zoom, this.map.getMaxZoom()));
    });
    return marker;
  }

  private pointMarker(point: MapPoint, offset: readonly [number, number]): L.Marker {
    const label = this.options.labels.point(point.category);
    const marker = L.marker(L.latLng(point.lat, point.lng), {
      icon: pointIcon(this.options.color(point.category), label, offset),
      title: label,
      keyboard: true,
      riseOnHover: true,
    });
    onActivate(marker, () => this.options.onSelect(point.id));
    return marker;
  }
}

/** Click, or Enter / Space while focused (Leaflet gives markers role="button" but no keyboard activation). */
function onActivate(marker: L.Marker, action: () => void): void {
  marker.on('click', action);
  marker.on('keydown', (event: L.LeafletKeyboardEvent) => {
    const key = event.originalEvent.key;
    if (key !== 'Enter' && key !== ' ') return;
    event.originalEvent.preventDefault();
    action();
  });
}
