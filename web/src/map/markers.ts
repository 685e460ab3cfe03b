/**
 * Marker icons, built with DOM APIs only: data (counts, categories, labels) reaches the page as text or
 * attributes, never as HTML.
 */
import * as L from 'leaflet';

/** Colour-blind-friendly, dark enough for a white ring to stand out on light outlines and on map tiles. */
const PALETTE = ['#0b5394', '#c2410c', '#047857', '#7e22ce', '#a16207', '#0e7490', '#be123c', '#4d7c0f'];

/** A stable colour per category, so the same category looks the same on every visit. */
export function defaultCategoryColor(category: string): string {
  let hash = 0;
  for (let i = 0; i < category.length; i++) hash = (hash * 31 + category.charCodeAt(i)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}

/**
 * A div icon whose element carries an accessible name. Leaflet sets `title` and `role="button"` on keyboard
 * markers itself; the explicit aria-label makes the name independent of tooltip heuristics.
 */
class LabelledDivIcon extends L.DivIcon {
  private readonly label: string;

  constructor(options: L.DivIconOptions, label: string) {
    super(options);
    this.label = label;
  }

  override createIcon(oldIcon?: HTMLElement): HTMLElement {
    const element = super.createIcon(oldIcon);
    element.setAttribute('aria-label', this.label);
    return element;
  }
}

const POINT_SIZE = 24; // the hit target; the visible dot is smaller (see map.css)

/**
 * The icon of a single point. `offset` (pixels) shifts it off its position, used to fan out points that share
 * one address.
 */
export function pointIcon(color: string, label: string, offset: readonly [number, number] = [0, 0]): L.DivIcon {
  const dot = document.createElement('span');
  dot.className = 'blk-point__dot';
  dot.style.backgroundColor = color;
  const half = POINT_SIZE / 2;
  return new LabelledDivIcon(
    {
      className: 'blk-marker blk-point',
      html: dot,
      iconSize: [POINT_SIZE, POINT_SIZE],
      iconAnchor: [half - offset[0], half - offset[1]],
    },
    label,
  );
}

type SizeClass = 'small' | 'medium' | 'large';

function sizeClass(count: number): SizeClass {
  if (count < 100) return 'small';
  if (count < 1000) return 'medium';
  return 'large';
}

const CLUSTER_SIZE: Record<SizeClass, number> = { small: 34, medium: 42, large: 52 };

/** Short enough for the bubble: 1234 → "1,2k" (in the page's language), 45678 → "46k". The label has the exact number. */
export function shortCount(count: number): string {
  if (count < 1000) return String(count);
  const lang = document.documentElement.lang || undefined;
  const digits = count < 10_000 ? 1 : 0;
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(count / 1000)}k`;
}

export function clusterIcon(count: number, label: string): L.DivIcon {
  const size = sizeClass(count);
  const text = document.createElement('span');
  text.className = 'blk-cluster__count';
  text.textContent = shortCount(count);
  // The marker's aria-label already says the number in words; reading "1,2k" as well would only confuse.
  text.setAttribute('aria-hidden', 'true');
  const px = CLUSTER_SIZE[size];
  return new LabelledDivIcon(
    {
      className: `blk-marker blk-cluster blk-cluster--${size}`,
      html: text,
      iconSize: [px, px],
    },
    label,
  );
}

/**
 * Pixel offsets that spread `count` markers around their shared position. Points at one address are never
 * clustered apart, so past the last cluster zoom they would sit on top of each other and only the top one could
 * be clicked. A few go on a circle; many go on a sunflower spiral, which stays compact for hundreds.
 */
export function fanOffsets(count: number): [number, number][] {
  if (count < 2) return [[0, 0]];
  const spacing = POINT_SIZE + 2;
  const offsets: [number, number][] = [];
  if (count <= 10) {
    const radius = Math.max(POINT_SIZE * 0.75, (spacing * count) / (2 * Math.PI));
    for (let i = 0; i < count; i++) {
      const angle = (2 * Math.PI * i) / count - Math.PI / 2;
      offsets.push([Math.round(radius * Math.cos(angle)), Math.round(radius * Math.sin(angle))]);
    }
    return offsets;
  }
  const goldenAngle = Math.PI * (3 - Math.sqrt(5));
  // Each marker gets about spacing² of area: π·c²·n = n·spacing² gives c = spacing / √π.
  const c = spacing / Math.sqrt(Math.PI);
  for (let i = 0; i < count; i++) {
    const radius = c * Math.sqrt(i + 0.5);
    const angle = i * goldenAngle;
    offsets.push([Math.round(radius * Math.cos(angle)), Math.round(radius * Math.sin(angle))]);
  }
  return offsets;
}
