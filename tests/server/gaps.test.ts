import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zGapsResponse, type GapMunicipality, type GapsResponse, type RegionMatch } from '../../schema';
import type { NewOfferingRow } from '../../server/db/schema';
import { allRegions } from '../../server/repos/regions-repo';
import { addOffering } from '../helpers/fixtures';
import { getJson } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';

// Landkreis Regen (09276, 24 municipalities, Bavarian Forest) with offerings at known places, one of them
// just across the border in Grafling (Landkreis Deggendorf). The expected distances are computed here with
// an independent haversine from the municipalities' points as GET /api/regions gives them.

const DISTRICT = '09276';
const BISCHOFSMAIS = '09276116';

interface Fixture {
  name: string;
  regionKey: string;
  city: string;
  lat: number;
  lng: number;
  fields?: Partial<NewOfferingRow>;
}

/** Tutoring for ages 6–10, free, published (offeringDefaults), unless `fields` say otherwise. */
const fixtures: Fixture[] = [
  { name: 'Lernhilfe Regen', regionKey: '09276138', city: 'Regen', lat: 48.972, lng: 13.125 },
  { name: 'Lernhilfe Viechtach', regionKey: '09276144', city: 'Viechtach', lat: 49.09, lng: 12.92 },
  {
    name: 'Hausaufgabenhilfe Viechtach', regionKey: '09276144', city: 'Viechtach', lat: 49.093, lng: 12.913,
    fields: { butEligible: true },
  },
  // Across the district border, nearer to Bischofsmais (≈5.5 km) than anything inside the district (≈7 km).
  { name: 'Lerntreff Grafling', regionKey: '09271122', city: 'Grafling', lat: 48.905, lng: 13.0 },
  { name: 'Schach für Kinder', regionKey: '09276146', city: 'Zachenberg', lat: 48.973, lng: 13.02 },
  // Not of the target group "tutoring, age 10, free":
  { name: 'Fußball Zwiesel', regionKey: '09276148', city: 'Zwiesel', lat: 49.025, lng: 13.217, fields: { categories: ['sports'] } },
  { name: 'Oberstufe Frauenau', regionKey: '09276121', city: 'Frauenau', lat: 48.987, lng: 13.324, fields: { minAge: 14, maxAge: 18 } },
  { name: 'Nachhilfe Bodenmais', regionKey: '09276117', city: 'Bodenmais', lat: 49.077, lng: 13.107, fields: { cost: 'paid' } },
  { name: 'Entwurf Lindberg', regionKey: '09276130', city: 'Lindberg', lat: 49.058, lng: 13.305, fields: { status: 'draft' } },
];
const TARGET = 'category=tutoring&age=10&cost=free';
const MATCHING = ['Lernhilfe Regen', 'Lernhilfe Viechtach', 'Hausaufgabenhilfe Viechtach', 'Lerntreff Grafling', 'Schach für Kinder'];

let t: TestApp;
const ids = new Map<string, number>();
/** The district's municipalities as the public region API lists them. */
let municipalities: RegionMatch[];

beforeAll(async () => {
  t = await startTestApp({
    fill: (db) => {
      for (const f of fixtures) {
        const place = { regionKey: f.regionKey, city: f.city, postcode: '94209', lat: f.lat, lng: f.lng };
        ids.set(f.name, addOffering(db, { title: f.name, ...f.fields }, place));
      }
    },
  });
  const answer = await getJson<{ regions: RegionMatch[] }>(t.app, `/api/regions?level=gemeinde&parent=${DISTRICT}&limit=500`);
  municipalities = answer.regions;
});
afterAll(async () => t?.close());

async function gaps(query: string): Promise<GapsResponse> {
  const body = await getJson<GapsResponse>(t.app, `/api/gaps?${query}`);
  return zGapsResponse.parse(body);
}

const byKey = (list: GapMunicipality[]) => new Map(list.map((m) => [m.key, m]));
const fixture = (name: string) => fixtures.find((f) => f.name === name)!;

function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** What a municipality should get when the offerings `names` match. */
function expectedFor(m: RegionMatch, names: string[]) {
  let best: { km: number; name: string } | null = null;
  for (const name of names) {
    const f = fixture(name);
    const km = haversineKm(m.lat, m.lng, f.lat, f.lng);
    if (!best || km < best.km) best = { km, name };
  }
  const matching = names.filter((name) => fixture(name).regionKey === m.key).length;
  return { km: best?.km ?? null, offeringId: best ? ids.get(best.name)! : null, matching };
}

describe('GET /api/gaps', () => {
  it('gives every municipality of the district its matching offerings, nearest distance and served flag', async () => {
    for (const thresholdKm of [10, 5]) {
      const answer = await gaps(`region=${DISTRICT}&${TARGET}&thresholdKm=${thresholdKm}`);
      expect(answer.region).toEqual({ key: DISTRICT, name: 'Regen', level: 'kreis' });
      expect(answer.thresholdKm).toBe(thresholdKm);
      expect(answer.municipalities.map((m) => m.key).sort()).toEqual(municipalities.map((m) => m.key).sort());
      const got = byKey(answer.municipalities);
      for (const m of municipalities) {
        const want = expectedFor(m, MATCHING);
        const row = got.get(m.key)!;
        expect(row.name).toBe(m.name);
        expect(row.matching, m.name).toBe(want.matching);
        expect(Math.abs(row.nearestKm! - want.km!), `${m.name}: ${row.nearestKm} vs ${want.km}`).toBeLessThanOrEqual(0.01);
        expect(row.nearestKm).toBe(Math.round(row.nearestKm! * 100) / 100);
        expect(row.nearestOfferingId, m.name).toBe(want.offeringId);
        expect(row.served, m.name).toBe(row.nearestKm! <= thresholdKm);
        if (Math.abs(want.km! - thresholdKm) > 0.01) expect(row.served, m.name).toBe(want.km! <= thresholdKm);
      }
      // The fixture places offerings so that both thresholds split the district.
      expect(answer.municipalities.some((m) => m.served)).toBe(true);
      expect(answer.municipalities.some((m) => !m.served)).toBe(true);
    }
    const at10 = await gaps(`region=${DISTRICT}&${TARGET}`);
    const at5 = await gaps(`region=${DISTRICT}&${TARGET}&thresholdKm=5`);
    expect(at10.thresholdKm).toBe(10);
    expect(at5.summary.served).toBeLessThan(at10.summary.served);
  });

  it('finds the nearest offering of a border municipality across the district border', async () => {
    const answer = await gaps(`region=${DISTRICT}&${TARGET}`);
    const bischofsmais = byKey(answer.municipalities).get(BISCHOFSMAIS)!;
    const grafling = fixture('Lerntreff Grafling');
    const point = municipalities.find((m) => m.key === BISCHOFSMAIS)!;
    expect(bischofsmais.nearestOfferingId).toBe(ids.get('Lerntreff Grafling'));
    expect(Math.abs(bischofsmais.nearestKm! - haversineKm(point.lat, point.lng, grafling.lat, grafling.lng))).toBeLessThanOrEqual(0.01);
    expect(bischofsmais.nearestKm).toBeLessThan(haversineKm(point.lat, point.lng, 48.972, 13.125));
    // Counted where it is, not in the district.
    expect(bischofsmais.matching).toBe(0);
    expect(answer.summary.matching).toBe(4);
  });

  it('leaves out offerings of another category, age or cost, and unpublished ones', async () => {
    const got = byKey((await gaps(`region=${DISTRICT}&${TARGET}`)).municipalities);
    const excluded = ['Fußball Zwiesel', 'Oberstufe Frauenau', 'Nachhilfe Bodenmais', 'Entwurf Lindberg'];
    for (const name of excluded) {
      expect(got.get(fixture(name).regionKey)!.matching, name).toBe(0);
      expect([...got.values()].some((m) => m.nearestOfferingId === ids.get(name)), name).toBe(false);
    }
    // Each filter is what keeps its offering out: dropping it lets the offering in.
    const zwiesel = byKey((await gaps(`region=${DISTRICT}&age=10&cost=free`)).municipalities).get('09276148')!;
    expect(zwiesel.matching).toBe(1);
    expect(zwiesel.nearestOfferingId).toBe(ids.get('Fußball Zwiesel'));
    const frauenau = byKey((await gaps(`region=${DISTRICT}&category=tutoring&cost=free`)).municipalities).get('09276121')!;
    expect(frauenau.matching).toBe(1);
    const bodenmais = byKey((await gaps(`region=${DISTRICT}&category=tutoring&age=10`)).municipalities).get('09276117')!;
    expect(bodenmais.matching).toBe(1);
    const lindberg = byKey((await gaps(`region=${DISTRICT}`)).municipalities).get('09276130')!;
    expect(lindberg.matching).toBe(0);
  });

  it('narrows to the hits of a text query, and to BuT-eligible offerings with but=true', async () => {
    const chess = await gaps(`region=${DISTRICT}&${TARGET}&q=Schach`);
    for (const m of municipalities) {
      const row = byKey(chess.municipalities).get(m.key)!;
      const want = expectedFor(m, ['Schach für Kinder']);
      expect(row.nearestOfferingId, m.name).toBe(ids.get('Schach für Kinder'));
      expect(Math.abs(row.nearestKm! - want.km!)).toBeLessThanOrEqual(0.01);
      expect(row.matching).toBe(want.matching);
    }
    expect(chess.summary.matching).toBe(1);

    const but = await gaps(`region=${DISTRICT}&${TARGET}&but=true`);
    expect(new Set(but.municipalities.map((m) => m.nearestOfferingId))).toEqual(new Set([ids.get('Hausaufgabenhilfe Viechtach')]));
    expect(but.summary.matching).toBe(1);
  });

  it('answers nearestKm null and served false everywhere when no offering matches at all', async () => {
    const answer = await gaps(`region=${DISTRICT}&${TARGET}&lang=uk&thresholdKm=100`);
    expect(answer.municipalities).toHaveLength(municipalities.length);
    for (const m of answer.municipalities) {
      expect(m).toMatchObject({ matching: 0, perThousand: 0, nearestKm: null, nearestOfferingId: null, served: false });
    }
    expect(answer.summary).toMatchObject({ served: 0, unserved: municipalities.length, matching: 0, medianNearestKm: null });
    expect(answer.summary.populationUnserved).toBe(answer.summary.population);
  });

  it('lists the worst served first: unserved before served, farthest first, then by population, then key', async () => {
    const list = (await gaps(`region=${DISTRICT}&${TARGET}&thresholdKm=5`)).municipalities;
    const unserved = list.filter((m) => !m.served);
    expect(list.slice(0, unserved.length)).toEqual(unserved);
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1]!, list[i]!];
      if (a.served !== b.served) continue;
      expect(a.nearestKm! >= b.nearestKm!, `${a.name} ${a.nearestKm} before ${b.name} ${b.nearestKm}`).toBe(true);
      if (a.nearestKm === b.nearestKm) expect(a.population! >= b.population!).toBe(true);
    }
    // The farthest municipality from every matching offering heads the list.
    const farthest = municipalities
      .map((m) => ({ key: m.key, km: expectedFor(m, MATCHING).km! }))
      .sort((a, b) => b.km - a.km)[0]!;
    expect(list[0]!.key).toBe(farthest.key);

    // With nothing matching, all are equally far: by population, unincorporated areas (no population)
    // last and among themselves by key. Landkreis Helmstedt has five of them.
    const helmstedt = (await gaps(`region=03154&${TARGET}&lang=uk`)).municipalities;
    const withPopulation = helmstedt.filter((m) => m.population !== null);
    const withoutPopulation = helmstedt.filter((m) => m.population === null);
    expect(withoutPopulation.length).toBeGreaterThanOrEqual(2);
    expect(helmstedt).toEqual([...withPopulation, ...withoutPopulation]);
    expect(withPopulation.map((m) => m.population)).toEqual(withPopulation.map((m) => m.population).sort((a, b) => b! - a!));
    expect(withoutPopulation.map((m) => m.key)).toEqual(withoutPopulation.map((m) => m.key).sort());
  });

  it('sums up the region and each settlement type', async () => {
    const { municipalities: list, summary } = await gaps(`region=${DISTRICT}&${TARGET}&thresholdKm=5`);
    const sum = (rows: GapMunicipality[], f: (m: GapMunicipality) => number) => rows.reduce((s, m) => s + f(m), 0);
    const unserved = list.filter((m) => !m.served);
    expect(summary.municipalities).toBe(24);
    expect(summary.unserved).toBe(unserved.length);
    expect(summary.served).toBe(24 - unserved.length);
    expect(summary.population).toBe(sum(list, (m) => m.population!));
    expect(summary.population).toBe(77656); // the district's official population, shared out
    expect(summary.populationUnserved).toBe(sum(unserved, (m) => m.population!));
    expect(summary.matching).toBe(4);
    expect(summary.perThousand).toBe(Number(((4 * 1000) / 77656).toPrecision(3)));
    const distances = list.map((m) => m.nearestKm!).sort((a, b) => a - b);
    expect(summary.medianNearestKm).toBeCloseTo((distances[11]! + distances[12]!) / 2, 2);

    // Regen, Viechtach and Zwiesel are small towns (5,000–20,000), the rest rural.
    expect(summary.bySettlement.map((s) => s.settlement)).toEqual(['rural', 'small_town']);
    const towns = summary.bySettlement.find((s) => s.settlement === 'small_town')!;
    const townRows = list.filter((m) => ['09276138', '09276144', '09276148'].includes(m.key));
    expect(townRows.every((m) => m.settlement === 'small_town')).toBe(true);
    expect(towns).toMatchObject({
      municipalities: 3,
      matching: 3,
      population: sum(townRows, (m) => m.population!),
      populationUnserved: sum(townRows.filter((m) => !m.served), (m) => m.population!),
    });
    const rural = summary.bySettlement.find((s) => s.settlement === 'rural')!;
    expect(rural.municipalities).toBe(21);
    expect(rural.matching).toBe(1);
    expect(rural.population + towns.population).toBe(summary.population);
    expect(rural.populationUnserved + towns.populationUnserved).toBe(summary.populationUnserved);
  });

  it('marks population official only for a district\'s only municipality, and null for unincorporated areas', async () => {
    const regions = new Map(allRegions(t.app.db).map((r) => [r.key, r]));
    const munich = await gaps('region=09162');
    expect(munich.municipalities).toHaveLength(1);
    expect(munich.municipalities[0]).toMatchObject({
      key: '09162000', population: regions.get('09162')!.weight, populationEstimated: false, settlement: 'large_city',
    });
    const regen = (await gaps(`region=${DISTRICT}`)).municipalities;
    expect(regen.every((m) => m.populationEstimated)).toBe(true);
    const viechtach = byKey(regen).get('09276144')!;
    expect(viechtach.perThousand).toBe(Number(((2 * 1000) / viechtach.population!).toPrecision(3)));

    const unincorporated = (await gaps('region=03154')).municipalities.filter((m) => regions.get(m.key)!.type === 'Gemeindefreies Gebiet');
    expect(unincorporated.length).toBeGreaterThan(0);
    for (const m of unincorporated) {
      expect(m).toMatchObject({ population: null, populationEstimated: false, settlement: null, perThousand: null });
    }
  });

  it('answers a state, an administrative region, a municipality and all of Germany', async () => {
    const regions = allRegions(t.app.db).filter((r) => r.level === 'gemeinde');
    const under = (prefix: string) => regions.filter((r) => r.key.startsWith(prefix)).length;

    const bavaria = await gaps(`region=09&${TARGET}`);
    expect(bavaria.region).toEqual({ key: '09', name: 'Bayern', level: 'land' });
    expect(bavaria.municipalities).toHaveLength(under('09'));
    expect(bavaria.summary.matching).toBe(5);

    const lowerBavaria = await gaps(`region=092&${TARGET}`);
    expect(lowerBavaria.region).toEqual({ key: '092', name: 'Bayern, Bezirk 092', level: 'bezirk' });
    expect(lowerBavaria.municipalities).toHaveLength(under('092'));
    expect(lowerBavaria.municipalities.every((m) => m.key.startsWith('092'))).toBe(true);

    const town = await gaps(`region=09276138&${TARGET}`);
    expect(town.region).toEqual({ key: '09276138', name: 'Regen', level: 'gemeinde' });
    expect(town.municipalities).toHaveLength(1);
    expect(town.municipalities[0]!.matching).toBe(1);

    const germany = await gaps(TARGET);
    expect(germany.region).toBeNull();
    expect(germany.municipalities).toHaveLength(regions.length);
    expect(germany.summary.matching).toBe(5);
    // Far from the Bavarian Forest, Flensburg is served by nothing within 100 km.
    const flensburg = byKey(germany.municipalities).get('01001000')!;
    expect(flensburg.nearestKm).toBeGreaterThan(600);
  });

  it('rejects invalid input with 400 and unknown regions with 404', async () => {
    for (const query of [
      'thresholdKm=0', 'thresholdKm=1000', 'thresholdKm=-3', 'thresholdKm=zehn', 'region=abc', 'region=0927',
      'category=juggling', 'age=-1', 'cost=cheap', 'but=maybe', 'near=48.9,13.1', 'radius=5', 'page=2',
    ]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/gaps?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.json(), query).toMatchObject({ error: expect.any(String), message: expect.any(String) });
    }
    for (const region of ['99', '09999', '099', '09276999']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/gaps?region=${region}` });
      expect(res.statusCode, region).toBe(404);
      expect(res.json()).toMatchObject({ error: 'not_found' });
    }
  });

  it('is public and may be cached briefly', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/gaps?region=${DISTRICT}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
  });

  it('is documented under monitoring, saying what the distance is measured from', async () => {
    const doc = await getJson<{ paths: Record<string, { get: { tags: string[]; description: string } }> }>(t.app, '/api/openapi.json');
    const gapsDoc = doc.paths['/api/gaps']!.get;
    expect(gapsDoc.tags).toEqual(['monitoring']);
    expect(gapsDoc.description).toMatch(/representative point/);
    expect(doc.paths['/api/regions/{key}/municipalities']).toBeDefined();
  });

  // Last: it changes the data.
  it('counts an offering published after the first answer (the cached index follows the directory)', async () => {
    const before = byKey((await gaps(`region=${DISTRICT}&${TARGET}`)).municipalities).get('09276130')!;
    expect(before.matching).toBe(0);
    const id = addOffering(t.app.db, { title: 'Lernhilfe Lindberg' }, {
      regionKey: '09276130', city: 'Lindberg', postcode: '94227', lat: 49.06, lng: 13.3,
    });
    await t.app.directory.refresh();
    const after = byKey((await gaps(`region=${DISTRICT}&${TARGET}`)).municipalities).get('09276130')!;
    expect(after.matching).toBe(1);
    expect(after.nearestOfferingId).toBe(id);
  });
});
