import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { categories, type OfferingsResponse } from '../schema';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { MeiliClient } from '../server/search/meili-client';
import { startMeilisearch } from '../server/search/meili-process';
import { ensureReferenceData } from '../seed/prepare';
import { relevanceOfferings } from '../tests/relevance/fixture';
import { loadRelevanceFixture } from '../tests/relevance/load-fixture';
import { figures, outcome, type QueryOutcome, type RelevanceFigures } from '../tests/relevance/metrics';
import { judgedQueries } from '../tests/relevance/queries';
import type { QueryClass } from '../tests/relevance/types';

// `npm run bench:relevance`: the judged family queries of tests/relevance against the directory's search
// (GET /api/offerings) and against Meilisearch with its default settings on the same offerings (all fields
// searchable, default ranking rules and matching strategy, the query as typed), side by side in one run.
// Prints top-1, top-3, MRR and the zero-result rate, overall and per class; writes bench/out/relevance.md.

const lines: string[] = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};
const pct = (n: number) => `${(n * 100).toFixed(1)} %`;
const categoryLabel = new Map<string, string>(categories.map((c) => [c.id, c.label.de]));

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'blk-relevance-'));
  const meili = await startMeilisearch(join(work, 'meili'), { info: () => {}, warn: console.warn, debug: () => {} });
  const client = new MeiliClient(meili.url, meili.masterKey);
  const config = loadConfig({ DATA_DIR: work, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, LOG_LEVEL: 'warn' });
  const app = await buildApp(config);
  try {
    await app.ready();
    ensureReferenceData(app.db, { info: () => {} });
    const ids = loadRelevanceFixture(app.db, relevanceOfferings);
    await app.directory.refresh();
    const keyOf = new Map([...ids].map(([key, id]) => [id, key]));

    // The same offerings in an index with Meilisearch's defaults.
    const plainUid = 'relevance_plain';
    const documents = relevanceOfferings.map((o) => ({
      id: ids.get(o.key), title: o.title, description: o.description, provider: o.provider, town: o.town,
      categories: o.categories.map((c) => categoryLabel.get(c)).join(', '),
    }));
    await client.waitForTask(await client.request('POST', `/indexes/${plainUid}/documents?primaryKey=id`, documents));

    const ours: QueryOutcome[] = [];
    const plain: QueryOutcome[] = [];
    const times = { ours: [] as number[], plain: [] as number[] };
    for (const judged of judgedQueries) {
      let t0 = performance.now();
      const res = await app.inject({ method: 'GET', url: `/api/offerings?q=${encodeURIComponent(judged.q)}&perPage=10` });
      times.ours.push(performance.now() - t0);
      const body = res.json() as OfferingsResponse;
      ours.push(outcome(judged, body.hits.map((h) => keyOf.get(h.id)!), body.total));
      t0 = performance.now();
      const p = await client.request<{ hits: { id: number }[]; estimatedTotalHits: number }>(
        'POST', `/indexes/${plainUid}/search`, { q: judged.q, limit: 10 },
      );
      times.plain.push(performance.now() - t0);
      plain.push(outcome(judged, p.hits.map((h) => keyOf.get(h.id)!), p.estimatedTotalHits));
    }

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const row = (name: string, f: RelevanceFigures, ms?: number) =>
      `| ${name} | ${f.queries} | ${pct(f.top1)} | ${pct(f.top3)} | ${f.mrr.toFixed(3)} | ${pct(f.zeroResults)} |${ms === undefined ? '' : ` ${ms.toFixed(1)} ms |`}`;
    say(`## Relevance ${new Date().toISOString()} — ${relevanceOfferings.length} offerings, ${judgedQueries.length} judged queries`);
    say();
    say('| search | queries | top-1 | top-3 | MRR | zero results | median time |');
    say('|---|---|---|---|---|---|---|');
    say(row('directory (GET /api/offerings)', figures(ours), median(times.ours)));
    say(row('Meilisearch defaults', figures(plain), median(times.plain)));
    say();
    say('Per class (directory / Meilisearch defaults):');
    say();
    say('| class | queries | top-3 | MRR | zero results |');
    say('|---|---|---|---|---|');
    const classes = [...new Set(judgedQueries.map((q) => q.class))] as QueryClass[];
    for (const c of classes) {
      const a = figures(ours.filter((o) => o.query.class === c));
      const b = figures(plain.filter((o) => o.query.class === c));
      say(`| ${c} | ${a.queries} | ${pct(a.top3)} / ${pct(b.top3)} | ${a.mrr.toFixed(3)} / ${b.mrr.toFixed(3)} | ${pct(a.zeroResults)} / ${pct(b.zeroResults)} |`);
    }
    const misses = ours.filter((o) => o.rank === null || o.rank > 3);
    if (misses.length > 0) {
      say();
      say('Judged queries whose target is not in the directory\'s top 3:');
      for (const m of misses) say(`- "${m.query.q}" (${m.query.class}): targets ${m.query.targets.join(', ')}; got ${m.ranked.slice(0, 3).join(', ') || 'nothing'}`);
    }
  } finally {
    await app.close();
    await client.close();
    await meili.stop();
    rmSync(work, { recursive: true, force: true });
  }
  mkdirSync(resolve('bench/out'), { recursive: true });
  writeFileSync(resolve('bench/out/relevance.md'), `${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
