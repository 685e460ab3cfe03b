import type { FastifyInstance } from 'fastify';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import {
  isUnavailable, MeiliClient, MeiliRequestError, MeiliUnavailableError, type MeiliTask,
} from '../../server/search/meili-client';
import { startMeilisearch, type MeiliProcess } from '../../server/search/meili-process';
import { ensureReferenceData } from '../../seed/prepare';
import { addOffering } from '../helpers/fixtures';

// Errors from Meilisearch tell the truth: an outage is a 503 to retry, a request Meilisearch refuses is a
// bug (500, logged with the request's shape and none of its values).

const dirs: string[] = [];
const closers: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close().catch(() => undefined);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}, 60_000);

/** The real app with its log lines captured (warn and above: no request lines, which carry URLs). */
async function appWithLog(env: Record<string, string>): Promise<{ app: FastifyInstance; log: () => Record<string, unknown>[]; raw: () => string }> {
  const dir = mkdtempSync(join(tmpdir(), 'blk-meili-errors-'));
  dirs.push(dir);
  let raw = '';
  const app = await buildApp(
    loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'warn', RATE_LIMIT: '100000', ...env }),
    { logStream: { write: (line: string) => (raw += line) } },
  );
  closers.push(() => app.close());
  await app.ready();
  ensureReferenceData(app.db, { info: () => {} });
  addOffering(app.db, { title: 'Schachclub für Kinder' });
  await app.directory.refresh();
  return {
    app,
    raw: () => raw,
    log: () => raw.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

const SECRET_WORD = 'Geheimwortsuche';

describe('a request Meilisearch refuses (4xx)', () => {
  it('is a MeiliRequestError with the body shape, neither unavailable nor carrying values in its shape', async () => {
    const client = new MeiliClient(inject('meiliUrl'), inject('meiliKey'));
    closers.push(() => client.close());
    const uid = `errors_${process.pid}`;
    await client.waitForTask(await client.request<MeiliTask>('POST', '/indexes', { uid, primaryKey: 'id' }));
    closers.push(async () => client.request('DELETE', `/indexes/${uid}`));

    const error = await client
      .request('POST', '/multi-search', {
        queries: [{ indexUid: uid, q: SECRET_WORD, filter: ['category = "tutoring"', ['age = 7', 'age = 8'], 'nope'], page: 2 }],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeiliRequestError);
    expect(isUnavailable(error)).toBe(false);
    const refused = error as MeiliRequestError;
    expect(refused.status).toBe(400);
    expect(refused.code).toBe('invalid_search_filter');
    expect(refused.bodyShape).toEqual({ queries: [{ indexUid: 'string', q: 'string', filter: 'array(3)', page: 'number' }] });
    // What a logger serialises from the error keeps Meilisearch's explanation (which quotes the filter) out.
    expect(Object.keys(refused)).not.toContain('detail');
    expect(refused.detail).toMatch(/nope/);
  });

  it('answers 500 and logs a bug with the request shape but none of the searched words', async () => {
    const { app, log, raw } = await appWithLog({
      MEILI_URL: inject('meiliUrl'),
      MEILI_MASTER_KEY: inject('meiliKey'),
      MEILI_INDEX_PREFIX: `errors${process.pid}_`,
    });
    closers.push(async () => {
      const client = new MeiliClient(inject('meiliUrl'), inject('meiliKey'));
      await client.request('DELETE', `/indexes/${app.offeringIndex.uid}`).catch(() => undefined);
      await client.close();
    });
    expect((await app.inject({ method: 'GET', url: `/api/offerings?q=Schachclub&category=tutoring` })).statusCode).toBe(200);

    // A bug as one would look: the index no longer allows the filters and facets the search builds.
    await app.meili.waitForTask(
      await app.meili.request<MeiliTask>('PATCH', `/indexes/${app.offeringIndex.uid}/settings`, { filterableAttributes: [] }),
    );
    const res = await app.inject({ method: 'GET', url: `/api/offerings?q=${SECRET_WORD}&category=tutoring` });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ error: 'internal_error' });
    expect(res.headers['retry-after']).toBeUndefined();

    const bug = log().find((line) => line.msg === 'Meilisearch rejected a request built by the server (a bug)');
    expect(bug).toBeDefined();
    expect(bug!.level).toBe(50);
    const meili = bug!.meili as { status: number; code: string; method: string; path: string; body: { queries: Record<string, unknown>[] } };
    expect(meili).toMatchObject({ status: 400, method: 'POST', path: '/multi-search' });
    expect(meili.code).toMatch(/^invalid_search_/);
    expect(meili.body.queries[0]).toMatchObject({ indexUid: 'string', q: 'string', filter: expect.stringMatching(/^array\(\d+\)$/) });
    expect(raw().toLowerCase()).not.toContain(SECRET_WORD.toLowerCase());
    expect(raw()).not.toContain('tutoring');
    expect(log().some((line) => line.msg === 'search unavailable')).toBe(false);
  });
});

describe('Meilisearch not answering', () => {
  let meili: MeiliProcess;

  it('answers 503 with Retry-After when Meilisearch is stopped, logged as an outage', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blk-meili-errors-own-'));
    dirs.push(dir);
    meili = await startMeilisearch(dir, { info: () => {}, warn: () => {}, debug: () => {} });
    closers.push(() => meili.stop());
    const { app, log } = await appWithLog({ MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey });
    expect((await app.inject({ method: 'GET', url: '/api/offerings?q=Schachclub' })).json().total).toBe(1);

    // A hung Meilisearch (stopped, not ended: it accepts connections and never answers) is a timeout.
    const pid = Number(readFileSync(join(dir, 'meilisearch.pid'), 'utf8').split(' ')[0]);
    const impatient = new MeiliClient(meili.url, meili.masterKey, { timeoutMs: 300 });
    closers.push(() => impatient.close());
    process.kill(pid, 'SIGSTOP');
    let hung: unknown;
    try {
      hung = await impatient.request('GET', '/health').catch((e: unknown) => e);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    expect(hung).toBeInstanceOf(MeiliUnavailableError);
    expect(hung).toMatchObject({ reason: 'timeout', status: 504 });
    // Resumed, it answers again (polled: a resumed process on a busy machine may need a moment).
    await expect.poll(() => impatient.healthy(), { timeout: 20_000, interval: 200 }).toBe(true);

    await meili.stop();
    // While the server's own text index is not complete there is no degraded answer: 503, try again.
    await app.directory.textRebuilt;
    app.directory.textReady = false;
    const res = await app.inject({ method: 'GET', url: '/api/offerings?q=Schachclub' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json()).toMatchObject({ error: 'search_unavailable' });
    // With it, the search answers from the server's own data, marked as degraded.
    app.directory.textReady = true;
    const degraded = await app.inject({ method: 'GET', url: '/api/offerings?q=Schachclub' });
    expect(degraded.statusCode).toBe(200);
    expect(degraded.json()).toMatchObject({ total: 1, degraded: true });

    const refused = await app.meili.request('GET', '/health').catch((e: unknown) => e);
    expect(isUnavailable(refused)).toBe(true);
    expect(refused).toMatchObject({ reason: 'network', status: 503 });

    const outage = log().find((line) => line.msg === 'search unavailable');
    expect(outage).toMatchObject({ level: 40, meili: { reason: 'network', status: 503 } });
    expect(log().filter((line) => /unhandled error|a bug/.test(String(line.msg)))).toEqual([]);
  }, 60_000);
  it('answers from its own data when Meilisearch hangs: the first search waits for the timeout, the next ones do not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'blk-meili-errors-hung-'));
    dirs.push(dir);
    const own = await startMeilisearch(dir, { info: () => {}, warn: () => {}, debug: () => {} });
    closers.push(() => own.stop());
    const timeoutMs = 3000;
    const { app } = await appWithLog({ MEILI_URL: own.url, MEILI_MASTER_KEY: own.masterKey, MEILI_TIMEOUT_MS: String(timeoutMs) });
    await app.directory.textRebuilt;
    const pid = Number(readFileSync(join(dir, 'meilisearch.pid'), 'utf8').split(' ')[0]);
    process.kill(pid, 'SIGSTOP');
    try {
      const first = await app.inject({ method: 'GET', url: '/api/offerings?q=Schachclub' });
      expect(first.json()).toMatchObject({ total: 1, degraded: true });
      // Not asked again while it is away: well under the timeout, even on a busy machine.
      const started = performance.now();
      const next = await app.inject({ method: 'GET', url: '/api/offerings?q=Schachclub' });
      expect(next.json()).toMatchObject({ total: 1, degraded: true });
      expect(performance.now() - started).toBeLessThan(timeoutMs / 2);
      expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({ fallback: { inUse: true } });
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    // Resumed, a health check lets searches back to Meilisearch.
    await expect.poll(async () => (await app.inject({ method: 'GET', url: '/api/offerings?q=Schachclub' })).json().degraded, { timeout: 20_000, interval: 300 }).toBeUndefined();
  }, 60_000);
  it('answers from its own data while the offerings index is missing (Meilisearch lost its data), 503 without it', async () => {
    const { app, log } = await appWithLog({ MEILI_URL: inject('meiliUrl'), MEILI_MASTER_KEY: inject('meiliKey'), MEILI_INDEX_PREFIX: `lost${process.pid}_` });
    await app.directory.textRebuilt;
    const uid = app.offeringIndex.uid;
    await app.meili.waitForTask(await app.meili.request<MeiliTask>('DELETE', `/indexes/${uid}`));

    const degraded = await app.inject({ method: 'GET', url: '/api/offerings?q=Schachclub' });
    expect(degraded.statusCode).toBe(200);
    expect(degraded.json()).toMatchObject({ total: 1, degraded: true });

    app.directory.textReady = false;
    const unavailable = await app.inject({ method: 'GET', url: '/api/offerings?q=Schachclub' });
    expect(unavailable.statusCode).toBe(503);
    expect(unavailable.json()).toMatchObject({ error: 'search_unavailable' });
    app.directory.textReady = true;
    expect(log().filter((line) => /a bug/.test(String(line.msg)))).toEqual([]);

    // Rebuilt, the index answers again (a health check finds Meilisearch back within a second).
    await app.offeringIndex.reindex(app.db);
    await expect.poll(async () => (await app.inject({ method: 'GET', url: '/api/offerings?q=Schachclub' })).json().degraded, { timeout: 20_000, interval: 300 }).toBeUndefined();
  }, 60_000);
});
