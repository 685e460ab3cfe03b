import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessFeatures, categories, decodeMapPoints, languages, phases } from '../../schema';
import { desc, eq } from 'drizzle-orm';
import { offerings } from '../../server/db/schema';
import { publishedPointRows, type PointRow } from '../../server/repos/offerings-repo';
import { distanceKm } from '../../server/search/documents';
import { allHits, mapPoints, search } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';

// Every filter is checked against the data in SQLite, the source of truth, not against expectations
// written into the test.

let t: TestApp;
let published: PointRow[];

beforeAll(async () => {
  t = await startTestApp({ demoCount: 3000, seed: 11 });
  published = publishedPointRows(t.app.db);
});
afterAll(async () => t?.close());

const count = (predicate: (r: PointRow) => boolean) => published.filter(predicate).length;

describe('GET /api/offerings filters', () => {
  it('finds every published offering without filters, and only those', async () => {
    const res = await search(t.app, 'perPage=1');
    expect(published.length).toBeGreaterThan(2500);
    expect(res.total).toBe(published.length);
  });

  it.each(['08', '09162', '11000000'])('returns only offerings whose region key starts with %s', async (region) => {
    const { total, hits } = await allHits(t.app, `region=${region}`);
    expect(total).toBe(count((r) => r.regionKey.startsWith(region)));
    expect(total).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.regionKey.startsWith(region)).toBe(true);
  });

  it('returns only offerings whose age range contains the age', async () => {
    const { total, hits } = await allHits(t.app, 'age=9');
    expect(total).toBe(count((r) => r.minAge <= 9 && r.maxAge >= 9));
    for (const hit of hits) {
      expect(hit.minAge).toBeLessThanOrEqual(9);
      expect(hit.maxAge).toBeGreaterThanOrEqual(9);
    }
  });

  it('returns only offerings within the radius, sorted by distance', async () => {
    const near = { lat: 52.52, lng: 13.405 };
    const { total, hits } = await allHits(t.app, `near=${near.lat},${near.lng}&radius=25&sort=distance`);
    expect(total).toBe(count((r) => distanceKm(near, r) <= 25));
    expect(total).toBeGreaterThan(5);
    for (const hit of hits) {
      expect(distanceKm(near, hit)).toBeLessThanOrEqual(25.01);
      expect(hit.distanceKm).toBeCloseTo(distanceKm(near, hit), 0);
    }
    const distances = hits.map((h) => h.distanceKm!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it('uses a 10 km radius when near is given without one', async () => {
    const near = { lat: 48.137, lng: 11.575 };
    const res = await search(t.app, `near=${near.lat},${near.lng}&perPage=100`);
    expect(res.total).toBe(count((r) => distanceKm(near, r) <= 10));
    for (const hit of res.hits) expect(hit.distanceKm!).toBeLessThanOrEqual(10.01);
  });

  it('requires all chosen accessibility features', async () => {
    const { total, hits } = await allHits(t.app, 'access=wheelchair_yes&access=public_transport');
    expect(total).toBe(count((r) => r.access.includes('wheelchair_yes') && r.access.includes('public_transport')));
    expect(total).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.access).toEqual(expect.arrayContaining(['wheelchair_yes', 'public_transport']));
  });

  it('accepts any of several categories, languages and phases', async () => {
    const { total, hits } = await allHits(t.app, 'category=tutoring,homework_help&lang=ar&lang=uk');
    const matches = (r: { categories: string[]; languages: string[] }) =>
      r.categories.some((c) => c === 'tutoring' || c === 'homework_help') && r.languages.some((l) => l === 'ar' || l === 'uk');
    expect(total).toBe(count(matches));
    for (const hit of hits) expect(matches(hit)).toBe(true);
  });

  it('filters free and BuT-eligible offerings', async () => {
    const res = await search(t.app, 'cost=free&but=true&perPage=100');
    expect(res.total).toBe(count((r) => r.cost === 'free' && r.but));
    for (const hit of res.hits) expect(hit.cost === 'free' && hit.butEligible).toBe(true);
  });

  it('keeps to a bounding box', async () => {
    const box = { west: 6.5, south: 50.5, east: 7.5, north: 51.5 };
    const { total, hits } = await allHits(t.app, `bbox=${box.west},${box.south},${box.east},${box.north}`);
    const inside = (p: { lat: number; lng: number }) =>
      p.lat >= box.south && p.lat <= box.north && p.lng >= box.west && p.lng <= box.east;
    expect(total).toBe(count(inside));
    for (const hit of hits) expect(inside(hit)).toBe(true);
  });

  it('sorts by newest first on request', async () => {
    const res = await search(t.app, 'sort=newest&perPage=50');
    const newest = t.app.db
      .select({ id: offerings.id })
      .from(offerings)
      .where(eq(offerings.status, 'published'))
      .orderBy(desc(offerings.createdAt))
      .limit(50)
      .all();
    expect(res.hits.map((h) => h.id)).toEqual(newest.map((r) => r.id));
  });
});

describe('GET /api/offerings facets', () => {
  const base = 'age=10';

  it('counts each category as the total of the query with that category', async () => {
    const res = await search(t.app, `${base}&category=tutoring&perPage=1`);
    for (const c of categories.slice(0, 8)) {
      const alone = await search(t.app, `${base}&category=${c.id}&perPage=1`);
      expect(res.facets.category[c.id], c.id).toBe(alone.total);
    }
  });

  it('counts each accessibility feature as the total with that feature added', async () => {
    const res = await search(t.app, `${base}&access=public_transport&perPage=1`);
    for (const a of accessFeatures) {
      const features = [...new Set(['public_transport', a.id])].map((f) => `access=${f}`).join('&');
      const added = await search(t.app, `${base}&${features}&perPage=1`);
      expect(res.facets.access[a.id], a.id).toBe(added.total);
    }
  });

  it('counts languages, phases, formality, cost and BuT consistently with their filters', async () => {
    const res = await search(t.app, `${base}&perPage=1`);
    for (const l of languages.slice(0, 6)) {
      expect(res.facets.lang[l.id], l.id).toBe((await search(t.app, `${base}&lang=${l.id}&perPage=1`)).total);
    }
    for (const p of phases.slice(0, 5)) {
      expect(res.facets.phase[p.id], p.id).toBe((await search(t.app, `${base}&phase=${p.id}&perPage=1`)).total);
    }
    expect(res.facets.formality.formal).toBe((await search(t.app, `${base}&formality=formal&perPage=1`)).total);
    expect(res.facets.cost.free).toBe((await search(t.app, `${base}&cost=free&perPage=1`)).total);
    expect(res.facets.but.true).toBe((await search(t.app, `${base}&but=true&perPage=1`)).total);
    expect(res.facets.but.true! + res.facets.but.false!).toBe(res.total);
  });
});

describe('GET /api/map-points', () => {
  it('answers every published offering as a point when nothing is filtered', async () => {
    const res = await mapPoints(t.app, '');
    expect(res.total).toBe(published.length);
    const points = decodeMapPoints(res);
    const byId = new Map(published.map((r) => [r.id, r]));
    for (const p of points.slice(0, 500)) {
      const row = byId.get(p.id)!;
      expect(p.lat).toBeCloseTo(row.lat, 4);
      expect(p.lng).toBeCloseTo(row.lng, 4);
      expect(p.category).toBe(row.categories[0]);
    }
  });

  it.each([
    'region=08&age=8',
    'category=tutoring&category=stem&access=public_transport',
    'near=50.94,6.96&radius=30&lang=tr',
    'bbox=8,48,10,50&cost=free&but=true',
    'formality=informal&phase=secondary_school',
    'q=Nachhilfe&region=08',
    'q=Ferien&age=9',
  ])('holds exactly the offerings of the search for %s', async (query) => {
    const [points, list] = [decodeMapPoints(await mapPoints(t.app, query)), await allHits(t.app, query)];
    expect(points.length).toBe(list.total);
    expect(new Set(points.map((p) => p.id))).toEqual(new Set(list.hits.map((h) => h.id)));
  });

  it('is compressed when the client accepts it', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/map-points', headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.rawPayload.length).toBeLessThan(JSON.stringify(await mapPoints(t.app, '')).length / 2);
  });
});
