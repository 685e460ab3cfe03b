import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bbox, RegionMatch, RegionOutline } from '../../schema';
import { allRegions, countRegionOutlines } from '../../server/repos/regions-repo';
import { getJson } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const outline = (key: string) => getJson<RegionOutline>(t.app, `/api/regions/${key}/outline`);

/** The region as /api/regions lists it among its parent's children (or among the states). */
async function region(key: string): Promise<RegionMatch> {
  const query = key.length === 2 ? 'level=land' : `parent=${key.slice(0, key.length === 5 ? 2 : 5)}`;
  const { regions } = await getJson<{ regions: RegionMatch[] }>(t.app, `/api/regions?${query}&limit=500`);
  const found = regions.find((r) => r.key === key);
  if (!found) throw new Error(`${key} is not listed by /api/regions`);
  return found;
}

function polygonsOf(feature: RegionOutline): [number, number][][][] {
  return feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
}

function bboxOf(feature: RegionOutline): Bbox {
  const positions = polygonsOf(feature).flat(2);
  const lngs = positions.map(([lng]) => lng);
  const lats = positions.map(([, lat]) => lat);
  return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
}

function contains([west, south, east, north]: Bbox, lng: number, lat: number): boolean {
  return lng >= west && lng <= east && lat >= south && lat <= north;
}

/** Checks the GeoJSON rules a map library relies on: closed rings of at least four positions. */
function expectValidPolygons(feature: RegionOutline): void {
  expect(['Polygon', 'MultiPolygon']).toContain(feature.geometry.type);
  for (const polygon of polygonsOf(feature)) {
    for (const ring of polygon) {
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[ring.length - 1]).toEqual(ring[0]);
    }
  }
}

describe('GET /api/regions/:key/outline', () => {
  it('outlines Freiburg with a polygon around the position and within the bbox that /api/regions gives it', async () => {
    const freiburg = await region('08311000');
    const feature = await outline('08311000');
    expect(feature.type).toBe('Feature');
    expect(feature.properties).toEqual({ key: '08311000', name: 'Freiburg im Breisgau', level: 'gemeinde' });
    expectValidPolygons(feature);
    const box = bboxOf(feature);
    expect(contains(box, freiburg.lng, freiburg.lat)).toBe(true);
    // Simplifying keeps a subset of the border's points, so the outline spans nearly all of the region's bbox.
    const [west, south, east, north] = freiburg.bbox;
    const slack = 0.05 * Math.max(east - west, north - south);
    expect(box[0]).toBeGreaterThan(west - 1e-3);
    expect(box[0]).toBeLessThan(west + slack);
    expect(box[1]).toBeGreaterThan(south - 1e-3);
    expect(box[1]).toBeLessThan(south + slack);
    expect(box[2]).toBeLessThan(east + 1e-3);
    expect(box[2]).toBeGreaterThan(east - slack);
    expect(box[3]).toBeLessThan(north + 1e-3);
    expect(box[3]).toBeGreaterThan(north - slack);
  });

  it('rounds municipality coordinates to 4 decimals and state and district coordinates to 3', async () => {
    const decimals = (feature: RegionOutline) =>
      Math.max(...polygonsOf(feature).flat(3).map((x) => String(x).split('.')[1]?.length ?? 0));
    expect(decimals(await outline('08311000'))).toBe(4);
    expect(decimals(await outline('08315'))).toBe(3);
    expect(decimals(await outline('08'))).toBe(3);
  });

  it('outlines a state and a district, each around its own position and the district inside the state', async () => {
    const state = await outline('08');
    const district = await outline('08315');
    expect(state.properties).toEqual({ key: '08', name: 'Baden-Württemberg', level: 'land' });
    expect(district.properties).toEqual({ key: '08315', name: 'Breisgau-Hochschwarzwald', level: 'kreis' });
    expectValidPolygons(state);
    expectValidPolygons(district);
    const stateBox = bboxOf(state);
    const districtBox = bboxOf(district);
    for (const [feature, box] of [[state, stateBox], [district, districtBox]] as const) {
      const { lng, lat } = await region(feature.properties.key);
      expect(contains(box, lng, lat), feature.properties.key).toBe(true);
    }
    expect(contains(stateBox, districtBox[0], districtBox[1])).toBe(true);
    expect(contains(stateBox, districtBox[2], districtBox[3])).toBe(true);
    // The state outline is not the district outline under another name.
    expect(stateBox[2] - stateBox[0]).toBeGreaterThan(2 * (districtBox[2] - districtBox[0]));
  });

  it('has an outline for every state, district and municipality', () => {
    expect(countRegionOutlines(t.app.db)).toBe(allRegions(t.app.db).length);
  });

  it('lets browsers and proxies keep an outline for a day', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/regions/08311000/outline' });
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
  });

  it.each(['99', '08999', '08311999'])('answers 404 to the unknown key %s', async (key) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/regions/${key}/outline` });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: 'not_found', message: expect.stringContaining(key) });
  });

  it.each(['8', '083', '0831100', '083110000', 'abcde', '0831a000'])('answers 400 to the key %s', async (key) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/regions/${key}/outline` });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('is described in the OpenAPI document', async () => {
    const doc = await getJson<{ paths: Record<string, { get?: { summary?: string } }> }>(t.app, '/api/openapi.json');
    expect(doc.paths['/api/regions/{key}/outline']?.get?.summary).toMatch(/outline/);
  });
});
