import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zMunicipalityOutlines, type MunicipalityOutlines, type RegionMatch } from '../../schema';
import { allRegions } from '../../server/repos/regions-repo';
import { getJson } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const outlines = async (key: string) =>
  zMunicipalityOutlines.parse(await getJson<MunicipalityOutlines>(t.app, `/api/regions/${key}/municipalities`));

/** Keys of the municipalities under a prefix, from the reference data, in key order. */
function municipalityKeys(prefix: string): string[] {
  return allRegions(t.app.db)
    .filter((r) => r.level === 'gemeinde' && r.key.startsWith(prefix))
    .map((r) => r.key)
    .sort();
}

function bboxOf(geometry: MunicipalityOutlines['features'][number]['geometry']): [number, number, number, number] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const positions = polygons.flat(2);
  const lngs = positions.map(([lng]) => lng);
  const lats = positions.map(([, lat]) => lat);
  return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
}

describe('GET /api/regions/:key/municipalities', () => {
  it('answers one feature per municipality of a district, in key order, each around its municipality\'s point', async () => {
    const body = await outlines('09276');
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.map((f) => f.properties.key)).toEqual(municipalityKeys('09276'));
    expect(body.features).toHaveLength(24);
    const { regions } = await getJson<{ regions: RegionMatch[] }>(t.app, '/api/regions?level=gemeinde&parent=09276&limit=500');
    const byKey = new Map(regions.map((r) => [r.key, r]));
    for (const feature of body.features) {
      const region = byKey.get(feature.properties.key)!;
      expect(feature.properties.name).toBe(region.name);
      const [west, south, east, north] = bboxOf(feature.geometry);
      expect(region.lng >= west && region.lng <= east && region.lat >= south && region.lat <= north, region.name).toBe(true);
    }
  });

  it('answers every municipality of a state and of an administrative region', async () => {
    for (const key of ['04', '092', '03241']) {
      const body = await outlines(key);
      expect(body.features.map((f) => f.properties.key), key).toEqual(municipalityKeys(key));
    }
  });

  it('is cacheable for a day and compressed when the client accepts it', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/api/regions/08315/municipalities' });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['cache-control']).toBe('public, max-age=86400');
    expect(plain.headers['content-type']).toContain('application/json');
    const gzip = await t.app.inject({
      method: 'GET', url: '/api/regions/08315/municipalities', headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body);
    // A second answer comes from the cache and is the same.
    const again = await t.app.inject({ method: 'GET', url: '/api/regions/08315/municipalities' });
    expect(again.body).toBe(plain.body);
  });

  it('answers 404 for a key without municipalities and 400 for a key of another form', async () => {
    for (const key of ['99', '099', '09999']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/regions/${key}/municipalities` });
      expect(res.statusCode, key).toBe(404);
      expect(res.json()).toMatchObject({ error: 'not_found' });
    }
    for (const key of ['09276138', '0927', 'abc']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/regions/${key}/municipalities` });
      expect(res.statusCode, key).toBe(400);
    }
  });
});
