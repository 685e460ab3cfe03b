import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessFeatures, categories, costs, formalities, languages, phases, type OfferingsResponse } from '../../schema';
import { publishedPointRows, type PointRow } from '../../server/repos/offerings-repo';
import { distanceKm } from '../../server/search/documents';
import { allHits, mapPoints, search } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';

// Every filter is implemented three times: by the result list (/api/offerings, filtered by Meilisearch), the
// map (/api/map-points, filtered by the in-memory point store) and the degraded search (point store plus
// SQLite's text index, used while Meilisearch is away). This draws random filter combinations and demands
// the same offerings from all three, and the same total and facet counts from the list and the degraded
// search. Circles and boxes are drawn with their edges on or within a meter of real points, where rounding
// and inclusive bounds decide. Text is drawn from words the two text searches read alike (without typos
// Meilisearch would forgive, and without word splitting: Meilisearch also reads "kostenlos" as "kosten los",
// which finds paid offerings whose text says "Kosten" and "los"); text-index.test.ts compares the text searches word by word. The hand-picked
// cases live in offerings-filters.test.ts.

let t: TestApp;
let rows: PointRow[];

beforeAll(async () => {
  t = await startTestApp({ demoCount: 400, seed: 5 });
  rows = publishedPointRows(t.app.db);
  await t.app.directory.textRebuilt;
  expect(t.app.directory.textReady).toBe(true);
});
afterAll(async () => t?.close());

/** Mostly absent: with every filter set at once, nearly every draw would find nothing. */
const sometimes = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: arb, weight: 1 });
const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);
const someOf = (list: readonly { id: string }[], maxLength: number) =>
  sometimes(fc.subarray(ids(list), { minLength: 1, maxLength }));

/** A point of the data, by index (drawn as a number so fast-check can shrink it). */
const rowIndex = () => fc.nat({ max: 10_000 }).map((n) => rows[n % rows.length]!);

/** near + radius: around a real point, the radius either free or within half a meter of another point. */
const geoRadius = fc.record({
  centre: rowIndex(),
  other: rowIndex(),
  jitter: fc.double({ min: -0.0002, max: 0.0002, noNaN: true }),
  edgeMeters: fc.double({ min: -0.499, max: 0.499, noNaN: true }),
  freeKm: fc.oneof(fc.constant(undefined), fc.double({ min: 0.05, max: 200, noNaN: true })),
}).map(({ centre, other, jitter, edgeMeters, freeKm }) => {
  const near = { lat: centre.lat + jitter, lng: centre.lng - jitter };
  const edgeKm = (distanceKm(near, other) * 1000 + edgeMeters) / 1000;
  const radius = freeKm ?? (edgeKm > 0.001 && edgeKm <= 200 ? edgeKm : undefined);
  return { near, radius };
});

/** west,south,east,north with edges on real coordinates (inclusive bounds) or anywhere around Germany. */
const bbox = fc.tuple(
  fc.oneof(rowIndex().map((r) => r.lng), fc.double({ min: 5, max: 16, noNaN: true })),
  fc.oneof(rowIndex().map((r) => r.lng), fc.double({ min: 5, max: 16, noNaN: true })),
  fc.oneof(rowIndex().map((r) => r.lat), fc.double({ min: 47, max: 56, noNaN: true })),
  fc.oneof(rowIndex().map((r) => r.lat), fc.double({ min: 47, max: 56, noNaN: true })),
).map(([lng1, lng2, lat1, lat2]) => ({
  west: Math.min(lng1, lng2), east: Math.max(lng1, lng2), south: Math.min(lat1, lat2), north: Math.max(lat1, lat2),
}));

/** A region key prefix of the data: state (2), district (5) or municipality (8 digits). */
const region = fc.tuple(rowIndex(), fc.constantFrom(2, 5, 8)).map(([r, digits]) => r.regionKey.slice(0, digits));

const filters = fc.record(
  {
    category: someOf(categories, 3),
    phase: someOf(phases, 2),
    lang: someOf(languages, 3),
    formality: someOf(formalities, 2),
    cost: someOf(costs, 2),
    access: someOf(accessFeatures, 2),
    age: sometimes(fc.integer({ min: 0, max: 30 })),
    but: sometimes(fc.boolean()),
    region: sometimes(region),
    geo: sometimes(geoRadius),
    bbox: sometimes(bbox),
    q: sometimes(fc.constantFrom('Hausaufgabenhilfe', 'Ferien', 'Lesepaten', 'Theater', 'Sprachpatenschaft Arabisch')),
  },
  { requiredKeys: [] },
);
type Drawn = typeof filters extends fc.Arbitrary<infer T> ? T : never;

/** The query string of drawn filters; lists as repeated parameters, numbers as JavaScript writes them. */
function queryOf(f: Drawn): string {
  const p = new URLSearchParams();
  for (const key of ['category', 'phase', 'lang', 'formality', 'cost', 'access'] as const) {
    for (const v of f[key] ?? []) p.append(key, v);
  }
  if (f.age !== undefined) p.set('age', String(f.age));
  if (f.but !== undefined) p.set('but', String(f.but));
  if (f.region !== undefined) p.set('region', f.region);
  if (f.geo) {
    p.set('near', `${f.geo.near.lat},${f.geo.near.lng}`);
    if (f.geo.radius !== undefined) p.set('radius', String(f.geo.radius));
  }
  if (f.bbox) p.set('bbox', `${f.bbox.west},${f.bbox.south},${f.bbox.east},${f.bbox.north}`);
  if (f.q !== undefined) p.set('q', f.q);
  return p.toString();
}

/**
 * Every page of /api/offerings answered by the degraded search: the gate in front of Meilisearch is told it is
 * away (as after a failed request), and each answer must say it is degraded.
 */
async function degradedHits(query: string) {
  const gate = t.app.offeringSearch.availability;
  const page = async (n: number) => {
    gate.markAway();
    const answer = await search(t.app, `${query}&perPage=100&page=${n}`);
    expect(answer.degraded, `degraded answer for ?${query}`).toBe(true);
    return answer;
  };
  try {
    const first = await page(1);
    const hits = [...first.hits];
    for (let n = 2; (n - 1) * 100 < first.total; n++) hits.push(...(await page(n)).hits);
    return { first, ids: hits.map((h) => h.id).sort((a, b) => a - b) };
  } finally {
    gate.markBack();
  }
}

describe('GET /api/offerings, GET /api/map-points and the degraded search', () => {
  it('find exactly the same offerings for any combination of filters', { timeout: 90_000 }, async () => {
    let nonEmpty = 0;
    let withText = 0;
    await fc.assert(
      fc.asyncProperty(filters, async (f) => {
        const query = queryOf(f);
        const [all, points] = [await allHits(t.app, query), await mapPoints(t.app, query)];
        const list = { ...all, first: await search(t.app, `${query}&perPage=100`) as OfferingsResponse };
        const listIds = list.hits.map((h) => h.id).sort((a, b) => a - b);
        const mapIds = [...points.ids].sort((a, b) => a - b);
        if (listIds.length > 0) nonEmpty++;
        if (listIds.length > 0 && f.q) withText++;
        expect(mapIds, `map points vs. list for ?${query}`).toEqual(listIds);
        expect(points.total).toBe(list.total);

        // The same request, answered while Meilisearch counts as away: the degraded search, relaxing and all.
        const fallback = await degradedHits(query);
        expect(fallback.ids, `degraded search vs. list for ?${query}`).toEqual(listIds);
        expect(fallback.first.total).toBe(list.total);
        expect(fallback.first.facets, `degraded facets for ?${query}`).toEqual(list.first.facets);
        expect(fallback.first.relaxed).toEqual(list.first.relaxed);
      }),
      { seed: 20_240_601, numRuns: 100, endOnFailure: false },
    );
    // The property says little if (nearly) every draw finds nothing.
    expect(nonEmpty).toBeGreaterThan(15);
    expect(withText).toBeGreaterThan(3);
  });
});

describe('bbox with west greater than east', () => {
  it.each(['/api/offerings', '/api/map-points'])('is refused by %s with the parameter named', async (path) => {
    const res = await t.app.inject({ method: 'GET', url: `${path}?bbox=10.1,48.3,9.9,48.5` });
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json() as { error: string; message: string; details: { parameter: string; message: string }[] };
    expect(body.error).toBe('invalid_request');
    expect(body.details[0]!.parameter).toBe('bbox');
    expect(body.message).toMatch(/bbox.*west must not be greater than east \(west 10\.1 > east 9\.9\)/);
  });

  it('still accepts a box of one meridian (west = east)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/map-points?bbox=10,48,10,49' });
    expect(res.statusCode, res.body).toBe(200);
  });
});
