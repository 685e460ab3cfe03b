import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { MapPointsResponse, OfferingsResponse } from '../../schema';

/** GETs a JSON path through the app (no network) and checks the status. */
export async function getJson<T = unknown>(app: FastifyInstance, url: string, status = 200): Promise<T> {
  const res = await app.inject({ method: 'GET', url });
  expect(res.statusCode, `${url} → ${res.body.slice(0, 300)}`).toBe(status);
  return res.json() as T;
}

export const search = (app: FastifyInstance, query: string) =>
  getJson<OfferingsResponse>(app, `/api/offerings?${query}`);

export const mapPoints = (app: FastifyInstance, query: string) =>
  getJson<MapPointsResponse>(app, `/api/map-points?${query}`);

/** Every hit of a query, paging through the results. */
export async function allHits(app: FastifyInstance, query: string) {
  const first = await search(app, `${query}&perPage=100&page=1`);
  const hits = [...first.hits];
  for (let page = 2; (page - 1) * 100 < first.total; page++) {
    hits.push(...(await search(app, `${query}&perPage=100&page=${page}`)).hits);
  }
  return { total: first.total, hits };
}
