import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { search } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { relevanceOfferings } from './fixture';
import { loadRelevanceFixture } from './load-fixture';
import { figures, outcome, type QueryOutcome } from './metrics';
import { judgedQueries, unjudgedQueries } from './queries';

// The relevance floor: every judged family query finds one of its targets among the first three results,
// and none of them finds nothing. The fixture and the judgements were written apart from the search code
// (tests/relevance/fixture.ts, queries.ts); `npm run bench:relevance` prints the same figures next to
// Meilisearch's defaults.

let t: TestApp;
let keyOf = new Map<number, string>();
const outcomes: QueryOutcome[] = [];

beforeAll(async () => {
  t = await startTestApp({
    fill: (db) => {
      const ids = loadRelevanceFixture(db, relevanceOfferings);
      keyOf = new Map([...ids].map(([key, id]) => [id, key]));
    },
  });
});
afterAll(async () => t?.close());

describe('judged family queries', () => {
  it.each(judgedQueries.map((q) => [q.class, q.q, q] as const))('%s: "%s" has a target in the top 3', async (_c, q, judged) => {
    const res = await search(t.app, `q=${encodeURIComponent(q)}&perPage=10`);
    const ranked = res.hits.map((h) => keyOf.get(h.id) ?? `#${h.id}`);
    const result = outcome(judged, ranked, res.total);
    outcomes.push(result);
    expect(res.total, 'no result at all').toBeGreaterThan(0);
    expect(result.rank, `targets ${judged.targets.join(', ')}; first results ${ranked.slice(0, 5).join(', ')}`).not.toBeNull();
    expect(result.rank!).toBeLessThanOrEqual(3);
  });

  it('meets the floor over all judged queries: top-3 for every one, no empty result', () => {
    expect(outcomes).toHaveLength(judgedQueries.length);
    const f = figures(outcomes);
    console.log(`relevance: ${JSON.stringify(f)}`);
    expect(f.zeroResults).toBe(0);
    expect(f.top3).toBe(1);
  });
});

describe('queries without a judged answer', () => {
  it.each(unjudgedQueries)('"%s" answers 200 with a consistent result', async (q) => {
    const res = await search(t.app, `q=${encodeURIComponent(q)}&perPage=10`);
    expect(res.hits.length).toBeLessThanOrEqual(10);
    expect(res.total).toBeGreaterThanOrEqual(res.hits.length);
  });
});
