/**
 * Planar geometry on WGS84 longitude/latitude, good enough for areas, centroids and bounding boxes of
 * German administrative areas (all between 47° and 55.1° N). Coordinates are GeoJSON order: [lng, lat].
 * In the loops below, `!` marks indices that the loop bounds keep inside the array.
 */

export type Position = [number, number];
/** A closed ring: the first position is repeated at the end, as in GeoJSON. */
export type Ring = Position[];
/** Outer ring first, then holes. */
export type Polygon = [Ring, ...Ring[]];
/** [west, south, east, north] */
export type Bbox = [number, number, number, number];

const KM_PER_DEGREE = 111.32;

/** Signed shoelace area in square degrees; positive when counter-clockwise. */
export function signedRingArea(ring: Ring): number {
  let sum = 0;
  const [x0, y0] = ring[0]!;
  // Relative to the first vertex, so large absolute coordinates do not cost precision.
  for (let i = 1; i < ring.length - 1; i++) {
    const [ax, ay] = ring[i]!;
    const [bx, by] = ring[i + 1]!;
    sum += (ax - x0) * (by - y0) - (bx - x0) * (ay - y0);
  }
  return sum / 2;
}

/** Area of a ring in km², with longitude shrunk by the cosine of the ring's mean latitude. */
export function ringAreaKm2(ring: Ring): number {
  const [, south, , north] = bboxOf([[ring]]);
  const cos = Math.cos((((south + north) / 2) * Math.PI) / 180);
  return Math.abs(signedRingArea(ring)) * cos * KM_PER_DEGREE * KM_PER_DEGREE;
}

/** Area of a polygon (outer ring minus holes) in km². */
export function polygonAreaKm2(polygon: Polygon): number {
  const [outer, ...holes] = polygon;
  return Math.max(0, ringAreaKm2(outer) - holes.reduce((sum, hole) => sum + ringAreaKm2(hole), 0));
}

export function totalAreaKm2(polygons: Polygon[]): number {
  return polygons.reduce((sum, polygon) => sum + polygonAreaKm2(polygon), 0);
}

function ringCentroid(ring: Ring): { area: number; x: number; y: number } {
  const [x0, y0] = ring[0]!;
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [a, b] = [ring[i]!, ring[i + 1]!];
    const ax = a[0] - x0;
    const ay = a[1] - y0;
    const bx = b[0] - x0;
    const by = b[1] - y0;
    const cross = ax * by - bx * ay;
    area += cross;
    cx += (ax + bx) * cross;
    cy += (ay + by) * cross;
  }
  area /= 2;
  if (area === 0) return { area: 0, x: x0, y: y0 };
  return { area: Math.abs(area), x: x0 + cx / (6 * area), y: y0 + cy / (6 * area) };
}

/**
 * Area-weighted centroid of several polygons (holes subtracted). The longitude scale factor is the same for
 * every part, so it cancels out and plain degrees can be used.
 */
export function centroidOf(polygons: Polygon[]): Position {
  let area = 0;
  let x = 0;
  let y = 0;
  for (const [outer, ...holes] of polygons) {
    const parts = [{ ...ringCentroid(outer), sign: 1 }, ...holes.map((hole) => ({ ...ringCentroid(hole), sign: -1 }))];
    for (const part of parts) {
      area += part.sign * part.area;
      x += part.sign * part.area * part.x;
      y += part.sign * part.area * part.y;
    }
  }
  if (area <= 0) return firstVertex(polygons);
  return [x / area, y / area];
}

function firstVertex(polygons: Polygon[]): Position {
  const vertex = polygons[0]?.[0][0];
  if (!vertex) throw new Error('empty geometry');
  return vertex;
}

export function bboxOf(polygons: Polygon[]): Bbox {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const polygon of polygons) {
    // Holes lie inside the outer ring, so the outer ring alone bounds the polygon.
    for (const [x, y] of polygon[0]) {
      if (x < west) west = x;
      if (x > east) east = x;
      if (y < south) south = y;
      if (y > north) north = y;
    }
  }
  return [west, south, east, north];
}

export function unionBbox(boxes: Bbox[]): Bbox {
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
}

/** Even-odd test against every ring of the polygon, so points in holes are outside. */
export function pointInPolygon([px, py]: Position, polygon: Polygon): boolean {
  let inside = false;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** The x ranges where a horizontal line at `y` runs inside the polygons, as [from, to] pairs. */
function scanlineIntervals(polygons: Polygon[], y: number): Array<[number, number]> {
  const intervals: Array<[number, number]> = [];
  for (const polygon of polygons) {
    const xs: number[] = [];
    for (const ring of polygon) {
      for (let i = 0; i < ring.length - 1; i++) {
        const [ax, ay] = ring[i]!;
        const [bx, by] = ring[i + 1]!;
        if (ay > y !== by > y) xs.push(ax + ((y - ay) * (bx - ax)) / (by - ay));
      }
    }
    xs.sort((a, b) => a - b);
    for (let i = 0; i + 1 < xs.length; i += 2) intervals.push([xs[i]!, xs[i + 1]!]);
  }
  return intervals;
}

/**
 * A point inside the polygons, near `target`: `target` itself when it is inside, otherwise the middle of the
 * inside stretch of the scanline through `target` that lies nearest to it, among the stretches at least a
 * quarter as long as the longest. The middle rather than the nearest edge, and no short stretches, so that
 * a map marker does not sit on a border or in a sliver (Brandenburg's centroid lies in Berlin, next to a
 * narrow tongue of Brandenburg).
 */
export function interiorPoint(polygons: Polygon[], target: Position): Position {
  if (polygons.some((polygon) => pointInPolygon(target, polygon))) return target;
  const [, south, , north] = bboxOf(polygons);
  const y = target[1] > south && target[1] < north ? target[1] : (south + north) / 2;
  const intervals = scanlineIntervals(polygons, y);
  if (intervals.length === 0) return firstVertex(polygons);
  const longest = Math.max(...intervals.map(([from, to]) => to - from));
  const gap = ([from, to]: [number, number]): number => Math.max(from - target[0], target[0] - to, 0);
  const nearest = intervals
    .filter(([from, to]) => to - from >= longest / 4)
    .reduce((best, interval) => (gap(interval) < gap(best) ? interval : best));
  return [(nearest[0] + nearest[1]) / 2, y];
}

/** The polygon with the largest area. */
export function largestPolygon(polygons: Polygon[]): Polygon {
  return polygons.reduce((best, polygon) => (polygonAreaKm2(polygon) > polygonAreaKm2(best) ? polygon : best));
}

/**
 * The representative point of an area: the centroid of its largest polygon, moved inside if the polygon is
 * not convex enough to contain it. The largest polygon rather than all parts, so that islands do not pull
 * the point of a coastal district into the sea.
 */
export function representativePoint(polygons: Polygon[]): Position {
  const main = largestPolygon(polygons);
  return interiorPoint([main], centroidOf([main]));
}

/** Great-circle distance in km. */
export function distanceKm([lng1, lat1]: Position, [lng2, lat2]: Position): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
