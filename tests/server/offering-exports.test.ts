import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeMapPoints } from '../../schema';
import type { Db } from '../../server/db/connection';
import { publishedPointRows } from '../../server/repos/offerings-repo';
import { publicOfferingsByIds } from '../../server/repos/public-export-repo';
import { addOffering, FREIBURG } from '../helpers/fixtures';
import { mapPoints } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';

// The exports must hold exactly what the map shows for the same query, read from SQLite, in the public
// fields only. Demo data makes more than one chunk of 1,000 rows; a few hand-built offerings make the cells
// whose content is known.

const HEADERS = [
  'Nr.', 'Titel', 'Anbieter', 'Kategorien', 'Übergänge/Phasen', 'Alter von', 'Alter bis', 'Formalität', 'Kosten', 'BuT',
  'Sprachen', 'Barrierefreiheit', 'Straße', 'PLZ', 'Ort', 'Gemeindeschlüssel', 'Breitengrad', 'Längengrad',
  'Zuletzt bestätigt', 'Link',
];
const INJECTION = '=HYPERLINK("http://evil.example","klick")';

let t: TestApp;
const known: Record<string, number> = {};

function fill(db: Db) {
  known.plain = addOffering(db, {
    title: 'Lernhilfe; mit "Anführungszeichen"', categories: ['tutoring', 'homework_help'],
    phases: ['primary_school', 'school_to_work'], formality: 'non_formal', cost: 'free', butEligible: true,
    languages: ['de', 'ar'], access: ['wheelchair_yes', 'hearing_loop'], minAge: 8, maxAge: 12, lastConfirmedAt: '2026-10-01',
    contact: { name: 'Erika Privatperson', email: 'erika@privat.example', phone: '0761 555 0199' },
  });
  known.formula = addOffering(db, { title: INJECTION, categories: ['stem'], lastConfirmedAt: '2025-01-31' });
  known.draft = addOffering(db, { title: 'Unveröffentlichter Entwurf', status: 'draft' });
}

beforeAll(async () => {
  t = await startTestApp({ demoCount: 1500, seed: 5, fill });
});
afterAll(async () => t?.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
type Row = Record<string, string>;
const csvRows = (body: string): Row[] => parse(body, { delimiter: ';', bom: true, columns: true }) as Row[];

interface Feature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, unknown> & { id: number; url: string };
}
const geoJson = (body: string) => JSON.parse(body) as { type: string; features: Feature[] };

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

describe('GET /api/offerings.csv and /api/offerings.geojson', () => {
  it.each([
    '',
    'region=08',
    'category=tutoring,homework_help&lang=ar',
    'near=48.137,11.575',
    'near=52.52,13.405&radius=25&access=wheelchair_yes',
    'bbox=7,47.5,10.5,49.5&formality=formal&phase=primary_school',
    'age=9&but=true&cost=free',
    'q=Nachhilfe&region=09',
    'q=Hausaufgaben&category=homework_help',
    'region=99',
  ])('export the same offerings as GET /api/map-points for "%s"', async (query) => {
    const expected = sorted(decodeMapPoints(await mapPoints(t.app, query)).map((p) => p.id));
    const csv = await get(`/api/offerings.csv?${query}`);
    expect(csv.statusCode).toBe(200);
    expect(sorted(csvRows(csv.body).map((r) => Number(r['Nr.'])))).toEqual(expected);
    const geo = await get(`/api/offerings.geojson?${query}`);
    expect(geo.statusCode).toBe(200);
    expect(sorted(geoJson(geo.body).features.map((f) => f.properties.id))).toEqual(expected);
  });

  it('crosses several chunks of rows without losing or repeating one', async () => {
    const published = publishedPointRows(t.app.db).map((r) => r.id);
    expect(published.length).toBeGreaterThan(1000);
    const ids = csvRows((await get('/api/offerings.csv')).body).map((r) => Number(r['Nr.']));
    expect(ids).toEqual(sorted(published));
    const features = geoJson((await get('/api/offerings.geojson')).body).features;
    expect(features.map((f) => f.properties.id)).toEqual(sorted(published));
  });

  it('writes the CSV as German Excel opens it: BOM, ";", CRLF, German headers', async () => {
    const res = await get('/api/offerings.csv?region=08311');
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.body.slice(1).split('\r\n');
    expect(lines[0]).toBe(HEADERS.join(';'));
    expect(lines.at(-1)).toBe('');
    expect(res.body.replace(/\r\n/g, '')).not.toContain('\n');
    const [header] = parse(res.body, { delimiter: ';', bom: true, to: 1 }) as string[][];
    expect(header).toEqual(HEADERS);
  });

  it('writes German labels and the public fields of the offering and its site', async () => {
    const row = csvRows((await get('/api/offerings.csv?region=08311')).body).find((r) => Number(r['Nr.']) === known.plain)!;
    expect(row).toEqual({
      'Nr.': String(known.plain),
      Titel: 'Lernhilfe; mit "Anführungszeichen"',
      Anbieter: 'Testverein Lernen e.V.',
      Kategorien: 'Nachhilfe und Lernförderung, Hausaufgabenhilfe',
      'Übergänge/Phasen': 'Grundschule, Übergang Schule → Ausbildung, Studium, Beruf',
      'Alter von': '8',
      'Alter bis': '12',
      Formalität: 'Non-formal',
      Kosten: 'Kostenlos',
      BuT: 'ja',
      Sprachen: 'Deutsch, Arabisch',
      Barrierefreiheit: 'Rollstuhlgerecht, Induktive Höranlage',
      Straße: 'Rathausplatz 1',
      PLZ: '79098',
      Ort: 'Freiburg im Breisgau',
      Gemeindeschlüssel: '08311000',
      Breitengrad: '47,9961',
      Längengrad: '7,8494',
      'Zuletzt bestätigt': '01.10.2026',
      Link: expect.stringMatching(new RegExp(`^https?://[^/]+/angebot/${known.plain}$`)),
    });
  });

  it('protects text a spreadsheet would run as a formula', async () => {
    const res = await get('/api/offerings.csv?region=08311');
    const row = csvRows(res.body).find((r) => Number(r['Nr.']) === known.formula)!;
    expect(row.Titel).toBe(`'${INJECTION}`);
    expect(res.body).not.toMatch(/(^|;|\r\n)"?=/);
  });

  it('leaves out contact data and unpublished offerings', async () => {
    for (const format of ['csv', 'geojson']) {
      const body = (await get(`/api/offerings.${format}?region=08311`)).body;
      expect(body).not.toContain('Privatperson');
      expect(body).not.toContain('privat.example');
      expect(body).not.toContain('555 0199');
      expect(body).not.toContain('Unveröffentlichter Entwurf');
    }
    // The rows are read again from SQLite: an offering unpublished since the points were built stays out.
    expect(publicOfferingsByIds(t.app.db, [known.draft!, known.plain!]).map((r) => r.id)).toEqual([known.plain]);
  });

  it('answers GeoJSON Points at [lng, lat] of each site, with ids, labels and the detail page', async () => {
    const res = await get('/api/offerings.geojson?region=08');
    expect(res.headers['content-type']).toBe('application/geo+json');
    const collection = geoJson(res.body);
    expect(collection.type).toBe('FeatureCollection');
    const sites = new Map(publishedPointRows(t.app.db).map((r) => [r.id, r]));
    expect(collection.features.length).toBeGreaterThan(10);
    for (const f of collection.features) {
      const site = sites.get(f.properties.id)!;
      expect(f.geometry).toEqual({ type: 'Point', coordinates: [site.lng, site.lat] });
    }
    const plain = collection.features.find((f) => f.properties.id === known.plain)!;
    expect(plain.geometry.coordinates).toEqual([FREIBURG.lng, FREIBURG.lat]);
    expect(plain.properties).toMatchObject({
      title: 'Lernhilfe; mit "Anführungszeichen"',
      providerName: 'Testverein Lernen e.V.',
      categories: ['tutoring', 'homework_help'],
      categoryLabels: ['Nachhilfe und Lernförderung', 'Hausaufgabenhilfe'],
      formality: 'non_formal',
      formalityLabel: 'Non-formal',
      cost: 'free',
      costLabel: 'Kostenlos',
      butEligible: true,
      languages: ['de', 'ar'],
      languageLabels: ['Deutsch', 'Arabisch'],
      access: ['wheelchair_yes', 'hearing_loop'],
      accessLabels: ['Rollstuhlgerecht', 'Induktive Höranlage'],
      regionKey: '08311000',
      lastConfirmedAt: '2026-10-01',
    });
    expect(plain.properties.url).toMatch(new RegExp(`^https?://[^/]+/angebot/${known.plain}$`));
  });

  it('answers an empty FeatureCollection and a CSV with only the header when nothing matches', async () => {
    expect(geoJson((await get('/api/offerings.geojson?region=99')).body)).toEqual({ type: 'FeatureCollection', features: [] });
    expect((await get('/api/offerings.csv?region=99')).body).toBe(`\uFEFF${HEADERS.join(';')}\r\n`);
  });

  it('names the download after the region and the date', async () => {
    const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
    const disposition = async (url: string) => (await get(url)).headers['content-disposition'];
    expect(await disposition('/api/offerings.csv?region=08311')).toBe(`attachment; filename="angebote-freiburg-im-breisgau-${date}.csv"`);
    expect(await disposition('/api/offerings.geojson?region=08')).toBe(`attachment; filename="angebote-baden-wuerttemberg-${date}.geojson"`);
    expect(await disposition('/api/offerings.csv?category=stem')).toBe(`attachment; filename="angebote-deutschland-${date}.csv"`);
    expect(await disposition('/api/offerings.csv?region=083')).toBe(`attachment; filename="angebote-083-${date}.csv"`);
  });

  it('answers 400 naming the parameter for bad filters', async () => {
    const cases: [string, string][] = [
      ['radius=5', 'radius'], ['bbox=1,2', 'bbox'], ['category=nonsense', 'category'], ['near=100,8', 'near'],
      ['sort=distance', 'sort'], ['age=abc', 'age'],
    ];
    for (const format of ['csv', 'geojson']) {
      for (const [query, parameter] of cases) {
        const res = await get(`/api/offerings.${format}?${query}`);
        expect(res.statusCode, `${format} ${query}`).toBe(400);
        expect(res.json()).toMatchObject({ error: 'invalid_request' });
        expect(res.json().message, `${format} ${query}`).toContain(parameter);
      }
    }
  });

  it('are described in the OpenAPI document', async () => {
    const doc = (await get('/api/openapi.json')).json() as { paths: Record<string, { get: { responses: Record<string, { content?: object }> } }> };
    expect(Object.keys(doc.paths['/api/offerings.csv']!.get.responses['200']!.content!)).toEqual(['text/csv']);
    expect(Object.keys(doc.paths['/api/offerings.geojson']!.get.responses['200']!.content!)).toEqual(['application/geo+json']);
    expect(doc.paths['/api/figures']).toBeDefined();
  });
});

describe('export rate limit', () => {
  let limited: TestApp;
  beforeAll(async () => {
    // RATE_LIMIT 60 a minute → exports 3 a minute.
    limited = await startTestApp({ demoCount: 0, env: { RATE_LIMIT: '60' } });
  });
  afterAll(async () => limited?.close());

  it('allows a twentieth of the general limit per client and answers 429 with Retry-After beyond it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await limited.app.inject({ url: '/api/offerings.csv' })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const otherFormat = await limited.app.inject({ url: '/api/offerings.geojson' });
    expect(otherFormat.statusCode).toBe(200);
    const general = await limited.app.inject({ url: '/api/figures' });
    expect(general.statusCode).toBe(200);
    const again = await limited.app.inject({ url: '/api/offerings.csv' });
    expect(again.headers['retry-after']).toBeDefined();
  });
});
