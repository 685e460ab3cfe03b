import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegionMatch } from '../../schema';
import { getJson } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ demoCount: 100 });
});
afterAll(async () => t?.close());

const regions = async (query: string) =>
  (await getJson<{ regions: RegionMatch[] }>(t.app, `/api/regions?${query}`)).regions;

describe('GET /api/health', () => {
  it('reports database and search as ok with their counts', async () => {
    const health = await getJson<{ status: string; database: { offerings: number }; search: { documents: number } }>(
      t.app,
      '/api/health',
    );
    expect(health.status).toBe('ok');
    expect(health.search.documents).toBe(health.database.offerings);
    expect(health.database.offerings).toBeGreaterThan(80);
  });
});

describe('GET /api/taxonomy', () => {
  it('lists every vocabulary with German and English labels', async () => {
    const taxonomy = await getJson<Record<string, { id: string; label: { de: string; en: string } }[]>>(t.app, '/api/taxonomy');
    for (const name of ['categories', 'phases', 'accessFeatures', 'languages', 'costs', 'formalities', 'childProtectionMeasures']) {
      expect(taxonomy[name]!.length, name).toBeGreaterThan(1);
      for (const term of taxonomy[name]!) {
        expect(term.label.de.length).toBeGreaterThan(0);
        expect(term.label.en.length).toBeGreaterThan(0);
      }
    }
    expect(taxonomy.categories!.map((c) => c.id)).toContain('homework_help');
  });
});

describe('API documentation', () => {
  it('serves an OpenAPI document with the public paths', async () => {
    const doc = await getJson<{ openapi: string; paths: Record<string, unknown> }>(t.app, '/api/openapi.json');
    expect(doc.openapi).toMatch(/^3\./);
    const documented = [
      '/api/offerings', '/api/offerings/{id}', '/api/map-points', '/api/regions', '/api/taxonomy', '/api/health',
      // Accounts, organisations, moderation, review and CSV (docs/accounts-and-moderation.md).
      '/api/auth/csrf', '/api/auth/register', '/api/auth/verify', '/api/auth/login', '/api/auth/logout',
      '/api/auth/password-reset/request', '/api/auth/password-reset', '/api/auth/password', '/api/me', '/api/me/export',
      '/api/admin/users', '/api/admin/users/{id}', '/api/organisations', '/api/organisations/{id}',
      '/api/organisations/{id}/verify', '/api/organisations/{id}/sites', '/api/sites/{id}', '/api/sites/position',
      '/api/manage/offerings', '/api/manage/offerings/{id}', '/api/manage/offerings/{id}/submit',
      '/api/manage/offerings/{id}/history', '/api/manage/offerings-template.csv', '/api/organisations/{id}/offerings.csv',
      '/api/organisations/{id}/import', '/api/review/queue', '/api/review/offerings/{id}',
      '/api/review/offerings/{id}/publish', '/api/review/offerings/{id}/reject', '/api/review/stale',
    ];
    for (const path of documented) expect(doc.paths, path).toHaveProperty([path]);
  });

  it('serves a browsable reference', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});

describe('GET /api/regions', () => {
  it('lists the 16 states', async () => {
    const states = await regions('level=land&limit=100');
    expect(states).toHaveLength(16);
    expect(states.map((s) => s.name)).toContain('Bayern');
  });

  it('lists the districts of a state', async () => {
    const districts = await regions('level=kreis&parent=08&limit=100');
    expect(districts.length).toBe(44);
    for (const d of districts) expect(d.key).toMatch(/^08\d{3}$/);
  });

  it('finds a town by the beginning of its name', async () => {
    const [first] = await regions('q=Freib');
    expect(first!.name).toBe('Freiburg im Breisgau');
    expect(first!.key).toBe('08311000');
  });

  it('finds a town written without umlauts and with a typo', async () => {
    expect((await regions('q=Muenchen'))[0]!.key).toBe('09162000');
    expect((await regions('q=Muenchn'))[0]!.key).toBe('09162000');
    expect((await regions('q=Nurnberg'))[0]!.name).toBe('Nürnberg');
  });

  it('resolves a postcode to its municipality and a position', async () => {
    const [match] = await regions('q=79098');
    expect(match).toMatchObject({ postcode: '79098', key: '08311000' });
    expect(match!.lat).toBeGreaterThan(47.9);
    expect(match!.lat).toBeLessThan(48.1);
    const partial = await regions('q=803&limit=50');
    expect(partial.length).toBeGreaterThan(3);
    for (const m of partial) expect(m.postcode).toMatch(/^803/);
  });

  it.each(['level=town', 'parent=8', 'limit=0', 'limit=9999', `q=${'x'.repeat(101)}`, 'foo=1'])(
    'answers 400 to %s',
    async (query) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/regions?${query}` });
      expect(res.statusCode).toBe(400);
    },
  );
});
