import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RADIUS_KM } from '../../schema';
import { DegradedSearch } from '../../server/search/degraded-search';
import { queryTerms } from '../../server/search/query-words';
import { setStatus } from '../helpers/fixtures';
import { search } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { parseOfferingsQuery } from '../helpers/offerings-query';

// The search without Meilisearch answers a fixed set of queries with the same offerings and the same facet
// counts as Meilisearch on the demo data (the order may differ: no typo-aware ranking without it).

let t: TestApp;
let degraded: DegradedSearch;

beforeAll(async () => {
  t = await startTestApp({ demoCount: 600, seed: 11 });
  // The app builds its text index in the background after a start.
  await t.app.directory.textRebuilt;
  expect(t.app.directory.textReady).toBe(true);
  degraded = new DegradedSearch(t.app.db, () => t.app.directory.points, t.app.directory.text, DEFAULT_RADIUS_KM, () => true);
});
afterAll(async () => t?.close());

const queries = [
  'perPage=100',
  'category=tutoring&category=homework_help&perPage=100',
  'age=9&cost=free&perPage=100',
  'lang=ar&perPage=100',
  'access=wheelchair_yes&phase=primary_school&perPage=100',
  'but=true&formality=informal&perPage=100',
  'near=52.52,13.405&radius=50&perPage=100',
  'q=Nachhilfe&perPage=100',
  'q=Hausaufgabenhilfe&age=9&perPage=100',
];
// Not yet the same (next step): "q=kostenlos Musik" (Meilisearch's typo tolerance lets "musik" find
// "music" in the English category label: 29 against 28) and "q=Sprachpaten&category=language_mentorship"
// (facet counts differ).

describe('the search without Meilisearch', () => {
  it.each(queries)('answers "%s" with the same offerings and facet counts', async (query) => {
    const fromMeili = await search(t.app, query);
    const parsed = parseOfferingsQuery(query);
    const answer = degraded.search(parsed, queryTerms(parsed.q ?? ''));
    expect(answer.total).toBe(fromMeili.total);
    const all = await degraded.ids(parsed, queryTerms(parsed.q ?? ''), Infinity);
    if (fromMeili.total <= 100) expect([...all].sort((a, b) => a - b)).toEqual(fromMeili.hits.map((h) => h.id).sort((a, b) => a - b));
    expect(answer.facets).toEqual(fromMeili.facets);
    expect(answer.hits.length).toBe(Math.min(100, fromMeili.total));
  });
});

describe('the text matches the search without Meilisearch keeps', () => {
  it('are looked up again once the text index changed', async () => {
    const terms = queryTerms('Nachhilfe');
    const before = await degraded.ids(parseOfferingsQuery('q=Nachhilfe'), terms, Infinity);
    const gone = before[0]!;
    setStatus(t.app.db, gone, 'archived');
    try {
      // Kept: nothing told the text index yet.
      expect(await degraded.ids(parseOfferingsQuery('q=Nachhilfe'), terms, Infinity)).toContain(gone);
      t.app.directory.text.apply([gone]);
      expect(await degraded.ids(parseOfferingsQuery('q=Nachhilfe'), terms, Infinity)).not.toContain(gone);
    } finally {
      setStatus(t.app.db, gone, 'published');
      t.app.directory.text.apply([gone]);
    }
    expect(await degraded.ids(parseOfferingsQuery('q=Nachhilfe'), terms, Infinity)).toContain(gone);
  });
});

