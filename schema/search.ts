import { z } from 'zod';
import { zAccessFeature, zCategory, zCost, zFormality, zPhase } from './taxonomy';
import { zLanguage } from './languages';
import { zRegionKey } from './region';
import { zQueryChip, zRelaxedQuery, zSearchAlternative } from './search-guidance';

// The public search query, shared by the API (query string validation) and the web client (URL state), so
// both read and write exactly the same parameters.

export const MAX_QUERY_LENGTH = 200;
export const MAX_PER_PAGE = 100;
export const MAX_RADIUS_KM = 200;
export const DEFAULT_RADIUS_KM = 10;
/** Meilisearch stops counting beyond its maxTotalHits; pages past it cannot be reached. */
export const MAX_PAGE = 1000;

/** A repeatable query parameter: `?x=a&x=b` and `?x=a,b` both give ['a', 'b']. */
function repeatable<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => {
    if (value === undefined || value === '') return undefined;
    const list = Array.isArray(value) ? value : [value];
    return list.flatMap((v) => (typeof v === 'string' ? v.split(',').filter((s) => s !== '') : [v]));
  }, z.array(item).max(30).optional());
}

const zLat = z.number().min(-90).max(90);
const zLng = z.number().min(-180).max(180);

function numbersFrom(text: string): number[] {
  return text.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part)));
}

/** `near=lat,lng` — the order people read and type coordinates in. */
export const zNear = z
  .string()
  .max(60)
  .transform((text, ctx) => {
    const nums = numbersFrom(text);
    const [lat, lng] = nums;
    if (nums.length !== 2 || !zLat.safeParse(lat).success || !zLng.safeParse(lng).success) {
      ctx.addIssue({ code: 'custom', message: 'near must be "lat,lng" in degrees, e.g. near=48.137,11.575' });
      return z.NEVER;
    }
    return { lat: lat!, lng: lng! };
  });
export type Near = z.output<typeof zNear>;

/** `bbox=west,south,east,north` in degrees (the GeoJSON / OGC order). */
export const zBboxParam = z
  .string()
  .max(120)
  .transform((text, ctx) => {
    const nums = numbersFrom(text);
    const [west, south, east, north] = nums;
    const valid =
      nums.length === 4 &&
      zLng.safeParse(west).success && zLng.safeParse(east).success &&
      zLat.safeParse(south).success && zLat.safeParse(north).success &&
      south! <= north!;
    if (!valid) {
      ctx.addIssue({
        code: 'custom',
        message: 'bbox must be "west,south,east,north" in degrees with south ≤ north, e.g. bbox=9.9,48.3,10.1,48.5',
      });
      return z.NEVER;
    }
    // Read literally, west > east is a box across the 180th meridian: Meilisearch would search it that way
    // and the map's point store would find nothing. No view of this directory spans it, so it is a mistake.
    if (west! > east!) {
      ctx.addIssue({
        code: 'custom',
        message: `in bbox, west must not be greater than east (west ${west} > east ${east}); the order is west,south,east,north`,
      });
      return z.NEVER;
    }
    return { west: west!, south: south!, east: east!, north: north! };
  });
export type BboxFilter = z.output<typeof zBboxParam>;

export const sortOrders = ['relevance', 'distance', 'newest'] as const;

const zBooleanParam = z
  .enum(['true', 'false', '1', '0'], { error: 'use true or false' })
  .transform((v) => v === 'true' || v === '1');

/** Filters shared by the result list and the map points. */
export const zOfferingFilters = z.object({
  q: z.string().trim().max(MAX_QUERY_LENGTH).optional(),
  category: repeatable(zCategory),
  phase: repeatable(zPhase),
  lang: repeatable(zLanguage),
  formality: repeatable(zFormality),
  cost: repeatable(zCost),
  access: repeatable(zAccessFeature),
  age: z.coerce.number().int().min(0).max(120).optional(),
  region: zRegionKey.optional(),
  but: zBooleanParam.optional(),
  near: zNear.optional(),
  radius: z.coerce.number().positive().max(MAX_RADIUS_KM).optional(),
  bbox: zBboxParam.optional(),
});
export type OfferingFilters = z.output<typeof zOfferingFilters>;

export const zOfferingsQuery = zOfferingFilters
  .extend({
    sort: z.enum(sortOrders).optional(),
    page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
    perPage: z.coerce.number().int().min(1).max(MAX_PER_PAGE).default(20),
  })
  .strict()
  .refine((q) => q.sort !== 'distance' || q.near !== undefined, {
    message: 'sort=distance needs near=lat,lng',
    path: ['sort'],
  })
  .refine((q) => q.radius === undefined || q.near !== undefined, {
    message: 'radius needs near=lat,lng',
    path: ['radius'],
  });
export type OfferingsQuery = z.output<typeof zOfferingsQuery>;

export const zMapPointsQuery = zOfferingFilters
  .strict()
  .refine((q) => q.radius === undefined || q.near !== undefined, {
    message: 'radius needs near=lat,lng',
    path: ['radius'],
  });
export type MapPointsQuery = z.output<typeof zMapPointsQuery>;

/** Facets the search answers with counts; each names its query parameter. */
export const facetNames = ['category', 'phase', 'access', 'lang', 'formality', 'cost', 'but'] as const;
export type FacetName = (typeof facetNames)[number];
export const zFacetCounts = z.record(z.string(), z.number().int().min(0));
export const zFacets = z.object(
  Object.fromEntries(facetNames.map((name) => [name, zFacetCounts])) as Record<FacetName, typeof zFacetCounts>,
);
export type Facets = z.infer<typeof zFacets>;

/** What a result card needs: enough to decide whether to open the offering, nothing more. */
export const zOfferingHit = z.object({
  id: z.number().int(),
  title: z.string(),
  summary: z.string(),
  providerName: z.string(),
  categories: z.array(zCategory),
  formality: zFormality,
  phases: z.array(zPhase),
  minAge: z.number().int(),
  maxAge: z.number().int(),
  access: z.array(zAccessFeature),
  languages: z.array(zLanguage),
  cost: zCost,
  butEligible: z.boolean(),
  waitingList: z.boolean(),
  seatsAvailable: z.number().int().nullable(),
  city: z.string(),
  postcode: z.string(),
  regionKey: z.string(),
  lat: z.number(),
  lng: z.number(),
  lastConfirmedAt: z.string(),
  /** Straight-line distance from `near`, present only when `near` was given. */
  distanceKm: z.number().optional(),
});
export type OfferingHit = z.infer<typeof zOfferingHit>;

export const zOfferingsResponse = z.object({
  total: z.number().int(),
  page: z.number().int(),
  perPage: z.number().int(),
  hits: z.array(zOfferingHit),
  facets: zFacets,
  /** Filters read from the words of `q`, offered to the user (never applied by the server). */
  chips: z.array(zQueryChip).default([]),
  /** Set when no offering contains every word of `q` and the hits match only some of them. */
  relaxed: zRelaxedQuery.optional(),
  /** Set when nothing matched at all: broader searches that do find something, each with its count. */
  alternatives: z.array(zSearchAlternative).optional(),
  /** Set when the search engine was away and the server answered from its own data (no typo tolerance). */
  degraded: z.boolean().optional(),
});
export type OfferingsResponse = z.infer<typeof zOfferingsResponse>;

/**
 * All matching points for the map in a compact, column-wise form (one array per field, same order), so
 * 100,000 points stay well under a megabyte compressed. Coordinates are integers in 1e-5 degrees
 * (about 1 m), each given as the difference to the previous point's value (the points are sorted so that
 * neighbours on the map are neighbours in the list, which keeps the differences small); the first value
 * is absolute. `category` indexes into `categories`.
 */
export const zMapPointsResponse = z.object({
  total: z.number().int(),
  categories: z.array(zCategory),
  ids: z.array(z.number().int()),
  lat: z.array(z.number().int()),
  lng: z.array(z.number().int()),
  category: z.array(z.number().int()),
});
export type MapPointsResponse = z.infer<typeof zMapPointsResponse>;

export interface MapPoint {
  id: number;
  lat: number;
  lng: number;
  category: string;
}

/** Turns the compact map-points answer back into points (the web client and the tests use this). */
export function decodeMapPoints(response: MapPointsResponse): MapPoint[] {
  const points: MapPoint[] = [];
  let lat = 0;
  let lng = 0;
  for (let i = 0; i < response.ids.length; i++) {
    lat += response.lat[i]!;
    lng += response.lng[i]!;
    points.push({
      id: response.ids[i]!,
      lat: lat / 1e5,
      lng: lng / 1e5,
      category: response.categories[response.category[i]!]!,
    });
  }
  return points;
}
