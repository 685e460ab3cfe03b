import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeMapPoints } from '../../schema';
import { addOffering } from '../helpers/fixtures';
import { getJson, mapPoints, search } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
const hidden: Record<string, number> = {};
let visibleId = 0;

beforeAll(async () => {
  t = await startTestApp({
    demoCount: 300,
    fill: (db) => {
      visibleId = addOffering(db, { title: 'Zebrafinkenkurs öffentlich' });
      for (const status of ['draft', 'pending', 'rejected', 'archived'] as const) {
        hidden[status] = addOffering(db, { title: `Zebrafinkenkurs geheim ${status}`, status });
      }
    },
  });
});
afterAll(async () => t?.close());

describe('unpublished offerings', () => {
  it('never appear in search results', async () => {
    const res = await search(t.app, 'q=Zebrafinkenkurs&perPage=100');
    expect(res.hits.map((h) => h.id)).toEqual([visibleId]);
    const all = await search(t.app, 'perPage=1');
    expect(all.total).toBeLessThan(301 + 4);
  });

  it('answer 404 by id, exactly like unknown ids', async () => {
    for (const id of Object.values(hidden)) {
      const res = await t.app.inject({ method: 'GET', url: `/api/offerings/${id}` });
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toBe('not_found');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/offerings/999999' })).statusCode).toBe(404);
    const visible = await getJson<{ id: number; provider: { name: string }; status?: string }>(t.app, `/api/offerings/${visibleId}`);
    expect(visible.id).toBe(visibleId);
    expect(visible.provider.name).toBe('Testverein Lernen e.V.');
    expect(visible).not.toHaveProperty('status');
  });

  it('never appear among map points', async () => {
    const ids = new Set(decodeMapPoints(await mapPoints(t.app, '')).map((p) => p.id));
    expect(ids.has(visibleId)).toBe(true);
    for (const id of Object.values(hidden)) expect(ids.has(id)).toBe(false);
    const text = decodeMapPoints(await mapPoints(t.app, 'q=Zebrafinkenkurs'));
    expect(text.map((p) => p.id)).toEqual([visibleId]);
  });

  it.each([
    'category=tutoring" OR status = "draft',
    'category=tutoring%22%20OR%20id%20%3E%200',
    'region=08" OR regions EXISTS OR "',
    'lang=de) OR (id > 0',
    'access=online%5C%22%20OR%20id%3E0',
  ])('rejects a filter injection attempt: %s', async (query) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/offerings?${query}` });
    expect(res.statusCode).toBe(400);
  });

  it('treats filter syntax in the text query as words to search for', async () => {
    for (const q of ['" OR status = "draft', 'geheim OR id > 0', 'Zebrafinkenkurs geheim draft']) {
      const res = await search(t.app, `q=${encodeURIComponent(q)}&perPage=100`);
      for (const id of Object.values(hidden)) expect(res.hits.map((h) => h.id)).not.toContain(id);
    }
  });
});

describe('bad input answers 400 with the parameter named', () => {
  it.each([
    ['age=abc', 'age'],
    ['age=-1', 'age'],
    ['age=4.5', 'age'],
    ['age=200', 'age'],
    ['perPage=1000', 'perPage'],
    ['perPage=0', 'perPage'],
    ['page=0', 'page'],
    ['page=abc', 'page'],
    ['category=unknown', 'category'],
    ['phase=kita', 'phase'],
    ['lang=xx', 'lang'],
    ['access=wheelchair', 'access'],
    ['formality=semi', 'formality'],
    ['cost=cheap', 'cost'],
    ['but=maybe', 'but'],
    ['region=8', 'region'],
    ['region=0811', 'region'],
    ['region=abc', 'region'],
    ['near=48.1', 'near'],
    ['near=abc,def', 'near'],
    ['near=95,10', 'near'],
    ['near=48.1,10&radius=0', 'radius'],
    ['near=48.1,10&radius=500', 'radius'],
    ['radius=5', 'radius'],
    ['bbox=1,2,3', 'bbox'],
    ['bbox=10,50,11,49', 'bbox'],
    ['bbox=11,49,10,50', 'bbox'],
    ['bbox=a,b,c,d', 'bbox'],
    ['sort=distance', 'sort'],
    ['sort=random', 'sort'],
    [`q=${'x'.repeat(201)}`, 'q'],
    ['unknownParam=1', 'unknownParam'],
  ])('%s', async (query, parameter) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/offerings?${query}` });
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json() as { error: string; message: string; details: { parameter: string }[] };
    expect(body.error).toBe('invalid_request');
    expect(body.message.length).toBeGreaterThan(10);
    expect(JSON.stringify(body.details)).toContain(parameter);
  });

  it.each(['/api/offerings/abc', '/api/offerings/-3', '/api/offerings/1.5', '/api/offerings/99999999999999'])(
    '%s',
    async (url) => {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toBe('invalid_request');
    },
  );

  it('also for map points', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/map-points?age=x&near=1' });
    expect(res.statusCode).toBe(400);
  });

  it('answers an unknown path with a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toBe('not_found');
  });

  it('never answers 500 to odd but well-formed searches', async () => {
    for (const q of ['"', '\\', '%', '*', '()', 'ä ö ü ß', '🙂', '<script>alert(1)</script>', 'a'.repeat(200)]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/offerings?q=${encodeURIComponent(q)}` });
      expect(res.statusCode, q).toBe(200);
    }
  });
});
