/**
 * Douglas–Peucker simplification of a layer of neighbouring areas that keeps shared borders shared: rings
 * are cut into arcs at the points where neighbours change, each arc is simplified once, in one canonical
 * direction, and both neighbours use the same result. Simplifying each ring alone would move a border
 * differently on either side and open gaps and overlaps between neighbours.
 */
import { polygonAreaKm2, ringAreaKm2, round, signedRingArea, type Polygon, type Position, type Ring } from './geometry';

// In the loops below, `!` marks indices that the loop bounds keep inside the array.

export interface SimplifyOptions {
  /** Largest distance (km) a removed point may have from the simplified line. */
  toleranceKm: number;
  /** Decimals the coordinates are rounded to. */
  decimals: number;
  /**
   * A tolerance (km) per area of the layer, in place of `toleranceKm`. A border takes the smallest tolerance
   * of the areas it separates, so that it stays shared.
   */
  areaToleranceKm?: readonly number[];
}

/** The tolerance (degrees) for one arc; it must come out the same from either side of the arc. */
type ArcTolerance = (arc: Position[]) => number;

/** Degrees of longitude shrink by cos(latitude); 51° is the middle of Germany. */
const LNG_SCALE = Math.cos((51 * Math.PI) / 180);
const KM_PER_DEGREE = 111.32;

const pointKey = ([x, y]: Position): string => `${x},${y}`;

/** Points where a ring meets more than one neighbour, or where a shared border starts or ends. */
function findJunctions(rings: Ring[]): Set<string> {
  const neighbours = new Map<string, string>();
  const junctions = new Set<string>();
  for (const ring of rings) {
    const keys = ring.slice(0, -1).map(pointKey); // the closing point repeats the first
    const n = keys.length;
    for (let i = 0; i < n; i++) {
      const key = keys[i]!;
      const prev = keys[(i + n - 1) % n]!;
      const next = keys[(i + 1) % n]!;
      const pair = prev < next ? `${prev};${next}` : `${next};${prev}`;
      const seen = neighbours.get(key);
      if (seen === undefined) neighbours.set(key, pair);
      else if (seen !== pair) junctions.add(key);
    }
  }
  return junctions;
}

function squaredSegmentDistance(p: Position, a: Position, b: Position): number {
  const px = p[0] * LNG_SCALE;
  const ax = a[0] * LNG_SCALE;
  const bx = b[0] * LNG_SCALE;
  let dx = bx - ax;
  let dy = b[1] - a[1];
  let x = ax;
  let y = a[1];
  if (dx !== 0 || dy !== 0) {
    const t = ((px - ax) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = bx;
      y = b[1];
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = px - x;
  dy = p[1] - y;
  return dx * dx + dy * dy;
}

/** Douglas–Peucker on an open line; keeps both ends. Iterative, so long borders cannot overflow the stack. */
function douglasPeucker(line: Position[], tolerance: number): Position[] {
  if (line.length <= 2) return line;
  const keep = new Uint8Array(line.length);
  keep[0] = 1;
  keep[line.length - 1] = 1;
  const limit = tolerance * tolerance;
  const stack: Array<[number, number]> = [[0, line.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop() as [number, number];
    let worst = 0;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = squaredSegmentDistance(line[i]!, line[first]!, line[last]!);
      if (d > worst) {
        worst = d;
        index = i;
      }
    }
    if (index !== -1 && worst > limit) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return line.filter((_, i) => keep[i] === 1);
}

/** Simplifies an arc in its canonical direction, so both neighbours get identical points. */
function simplifyArc(arc: Position[], tolerance: number): Position[] {
  const first = pointKey(arc[0]!);
  const last = pointKey(arc[arc.length - 1]!);
  const reversed = first > last || (first === last && pointKey(arc[1]!) > pointKey(arc[arc.length - 2]!));
  const canonical = reversed ? [...arc].reverse() : arc;
  let simplified: Position[];
  if (first === last) {
    // A closed loop: split at the point farthest from the start, so that the loop keeps its shape.
    const start = canonical[0]!;
    const distance = (p: Position): number => squaredSegmentDistance(p, start, start);
    let far = 1;
    for (let i = 1; i < canonical.length - 1; i++) if (distance(canonical[i]!) > distance(canonical[far]!)) far = i;
    simplified = [
      ...douglasPeucker(canonical.slice(0, far + 1), tolerance).slice(0, -1),
      ...douglasPeucker(canonical.slice(far), tolerance),
    ];
  } else {
    simplified = douglasPeucker(canonical, tolerance);
  }
  return reversed ? simplified.reverse() : simplified;
}

/** A ring with no junction on it: rotate it to start at its smallest point, so both sides start alike. */
function rotateToSmallest(ring: Ring): Ring {
  const open = ring.slice(0, -1);
  const keys = open.map(pointKey);
  let start = 0;
  for (let i = 1; i < keys.length; i++) if (keys[i]! < keys[start]!) start = i;
  const rotated = [...open.slice(start), ...open.slice(0, start)];
  return [...rotated, rotated[0]!];
}

function simplifyRing(ring: Ring, junctions: Set<string>, toleranceOf: ArcTolerance): Ring {
  const open = ring.slice(0, -1);
  const cut = open.findIndex((p) => junctions.has(pointKey(p)));
  if (cut === -1) {
    const loop = rotateToSmallest(ring);
    return simplifyArc(loop, toleranceOf(loop));
  }
  // Start at the first junction, then cut at every junction.
  const rotated = [...open.slice(cut), ...open.slice(0, cut), open[cut]!];
  const result: Position[] = [rotated[0]!];
  let from = 0;
  for (let i = 1; i < rotated.length; i++) {
    if (i === rotated.length - 1 || junctions.has(pointKey(rotated[i]!))) {
      const arc = rotated.slice(from, i + 1);
      result.push(...simplifyArc(arc, toleranceOf(arc)).slice(1));
      from = i;
    }
  }
  return result;
}

function roundRing(ring: Ring, decimals: number): Ring {
  const out: Ring = [];
  for (const [x, y] of ring) {
    const p: Position = [round(x, decimals), round(y, decimals)];
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) out.push(p);
  }
  return out;
}

/** RFC 7946 winding: outer rings counter-clockwise, holes clockwise. */
function orient(ring: Ring, outer: boolean): Ring {
  return signedRingArea(ring) > 0 === outer ? ring : [...ring].reverse();
}

/**
 * Drops polygons and holes smaller than `minAreaKm2` (keeping each area's largest polygon). Done on the
 * whole layer before simplifying, so an exclave and the hole it leaves in its neighbour go together.
 */
export function dropSmallParts(layer: Polygon[][], minAreaKm2: number): Polygon[][] {
  return layer.map((polygons) => {
    const largest = Math.max(...polygons.map(polygonAreaKm2));
    return polygons
      .filter((polygon) => polygonAreaKm2(polygon) >= Math.min(minAreaKm2, largest))
      .map(([outer, ...holes]) => [outer, ...holes.filter((hole) => ringAreaKm2(hole) >= minAreaKm2)]);
  });
}

/**
 * Per-area tolerances as an arc tolerance: the smallest tolerance of the areas an arc's inner points belong
 * to. Between two junctions every point belongs to the same rings, so both sides of a border find the same
 * value (the ends are junctions, shared with further areas, and left out for that reason).
 */
function arcToleranceByArea(layer: Polygon[][], areaToleranceKm: readonly number[]): ArcTolerance {
  const byPoint = new Map<string, number>();
  layer.forEach((polygons, i) => {
    const tolerance = areaToleranceKm[i];
    if (tolerance === undefined) throw new Error(`no tolerance for area ${i}`);
    for (const ring of polygons.flat()) {
      for (const point of ring) {
        const key = pointKey(point);
        const seen = byPoint.get(key);
        if (seen === undefined || tolerance < seen) byPoint.set(key, tolerance);
      }
    }
  });
  return (arc) => {
    let smallest = Infinity;
    for (let i = 1; i < arc.length - 1; i++) {
      smallest = Math.min(smallest, byPoint.get(pointKey(arc[i]!)) ?? Infinity);
    }
    // An arc without inner points is a single segment and stays as it is whatever the tolerance.
    return smallest === Infinity ? 0 : smallest / KM_PER_DEGREE;
  };
}

/**
 * Simplifies every area of a layer together. Each polygon keeps its place in the result, as `null` when it
 * shrank below a triangle, so that callers can tell which parts were lost.
 */
export function simplifyLayerParts(layer: Polygon[][], options: SimplifyOptions): Array<Array<Polygon | null>> {
  const junctions = findJunctions(layer.flat(2));
  const uniform = options.toleranceKm / KM_PER_DEGREE;
  const toleranceOf = options.areaToleranceKm ? arcToleranceByArea(layer, options.areaToleranceKm) : () => uniform;
  return layer.map((polygons) =>
    polygons.map((polygon) => {
      const rings = polygon
        .map((ring) => roundRing(simplifyRing(ring, junctions, toleranceOf), options.decimals))
        .map((ring, i) => (ring.length >= 4 ? orient(ring, i === 0) : null));
      const [outer, ...holes] = rings;
      return outer ? [outer, ...holes.filter((hole): hole is Ring => hole !== null)] : null;
    }),
  );
}

/** Simplifies every area of a layer together; the result keeps the order of `layer`, without lost parts. */
export function simplifyLayer(layer: Polygon[][], options: SimplifyOptions): Polygon[][] {
  return simplifyLayerParts(layer, options).map((polygons) => polygons.filter((p): p is Polygon => p !== null));
}
