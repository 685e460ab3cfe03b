import { z } from 'zod';

/** Official municipality key (AGS) prefixes: 2 digits state, 3 administrative region, 5 district, 8 municipality. */
export const zRegionKey = z
  .string()
  .regex(/^(\d{2}|\d{3}|\d{5}|\d{8})$/, 'an official region key (AGS) of 2, 3, 5 or 8 digits');

export const regionLevels = ['land', 'kreis', 'gemeinde'] as const;
export const zRegionLevel = z.enum(regionLevels);
export type RegionLevel = z.infer<typeof zRegionLevel>;

/** [west, south, east, north] in degrees. */
export const zBbox = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export type Bbox = z.infer<typeof zBbox>;

export const zRegion = z.object({
  key: z.string(),
  name: z.string(),
  level: zRegionLevel,
  /** Official type, e.g. "Landkreis", "Kreisfreie Stadt", "Stadt", "Gemeinde". */
  type: z.string(),
  parentKey: z.string().nullable(),
  lat: z.number(),
  lng: z.number(),
  bbox: zBbox,
});
export type Region = z.infer<typeof zRegion>;

/** A hit of the region lookup: a region, or a postcode resolved to a position inside a municipality. */
export const zRegionMatch = zRegion.extend({
  /** Set when the match came from a postcode; the region is then the postcode's municipality. */
  postcode: z.string().optional(),
});
export type RegionMatch = z.infer<typeof zRegionMatch>;

export const zRegionsResponse = z.object({ regions: z.array(zRegionMatch) });

/** Key of a region that has an outline: a state (2 digits), district (5) or municipality (8). */
export const zRegionOutlineKey = z
  .string()
  .regex(/^(\d{2}|\d{5}|\d{8})$/, 'the official key (AGS) of a state (2 digits), district (5) or municipality (8)');

/** GeoJSON position: [longitude, latitude]. */
const zPosition = z.tuple([z.number(), z.number()]);
/** A closed ring (first position repeated at the end); outer rings counter-clockwise, holes clockwise. */
const zLinearRing = z.array(zPosition).min(4);
/** Outer ring first, then holes. */
const zPolygonRings = z.array(zLinearRing).min(1);

export const zOutlineGeometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: zPolygonRings }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(zPolygonRings).min(1) }),
]);
export type OutlineGeometry = z.infer<typeof zOutlineGeometry>;

/** A region's simplified outline as a GeoJSON Feature. */
export const zRegionOutline = z.object({
  type: z.literal('Feature'),
  properties: z.object({ key: z.string(), name: z.string(), level: zRegionLevel }),
  geometry: zOutlineGeometry,
});
export type RegionOutline = z.infer<typeof zRegionOutline>;
