import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  accessFeatures, categories, costs, formalities, languages, needGroups, phases,
  type FigureSet, type FiguresResponse,
} from '../../schema';
import type { Db } from '../../server/db/connection';
import { offerings } from '../../server/db/schema';
import { enqueueOfferingChanges } from '../../server/repos/outbox-repo';
import { FiguresService } from '../../server/services/figures';
import { addOffering, FREIBURG } from '../helpers/fixtures';
import { getJson } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';

// A hand-built directory whose counts are known: three offerings in Freiburg (the region), two more in
// Baden-Württemberg (its state), two in Berlin, and one unpublished that never counts.

const AU = { regionKey: '08315003', lat: 47.954, lng: 7.834, postcode: '79280', city: 'Au' };
const STUTTGART = { regionKey: '08111000', lat: 48.7758, lng: 9.1829, postcode: '70173', city: 'Stuttgart' };
const BERLIN = { regionKey: '11000000', lat: 52.52, lng: 13.405, postcode: '10117', city: 'Berlin' };
const HAMBURG = { regionKey: '02000000', lat: 53.55, lng: 9.99, postcode: '20095', city: 'Hamburg' };

const FRESH = new Date().toISOString().slice(0, 10);
const OLD = '2020-01-01';

function fill(db: Db) {
  addOffering(db, {
    title: 'Lernhilfe am Rathaus', categories: ['tutoring', 'homework_help'], phases: ['primary_school', 'primary_to_secondary'],
    formality: 'non_formal', cost: 'free', butEligible: true, languages: ['de', 'ar'], access: ['wheelchair_yes', 'hearing_loop'],
    seeksVolunteers: true, lastConfirmedAt: FRESH,
  });
  addOffering(db, {
    title: 'Lesepaten Freiburg', categories: ['reading_mentorship'], phases: ['primary_school'], formality: 'informal',
    cost: 'paid', butEligible: false, languages: ['de'], access: ['wheelchair_no'], lastConfirmedAt: OLD,
  });
  addOffering(db, {
    title: 'Lernförderung Oberstufe', categories: ['tutoring'], phases: ['secondary_school'], formality: 'formal', cost: 'reduced',
    butEligible: true, languages: ['tr'], access: ['wheelchair_no', 'easy_language'], minAge: 12, maxAge: 16, lastConfirmedAt: FRESH,
  });
  addOffering(db, { title: 'Entwurf in Freiburg', categories: ['tutoring'], status: 'draft', lastConfirmedAt: OLD });
  addOffering(db, {
    title: 'Zirkusschule Au', categories: ['sports'], phases: ['early_childhood'], formality: 'non_formal', cost: 'free',
    languages: ['uk'], access: ['step_free'], seeksVolunteers: true, minAge: 3, maxAge: 6, lastConfirmedAt: FRESH,
  }, AU);
  addOffering(db, {
    title: 'Lernstudio Stuttgart', categories: ['tutoring'], phases: ['primary_school'], formality: 'formal', cost: 'paid',
    languages: ['de'], access: ['online', 'childcare'], lastConfirmedAt: OLD,
  }, STUTTGART);
  addOffering(db, {
    title: 'Forscherclub Berlin', categories: ['stem'], phases: ['primary_school'], formality: 'informal', cost: 'free',
    languages: ['en'], access: ['braille_tactile'], seeksVolunteers: true, lastConfirmedAt: FRESH,
  }, BERLIN);
  addOffering(db, {
    title: 'Lernhilfe im Rathaus Kreuzberg', categories: ['tutoring'], phases: ['primary_school'], formality: 'non_formal', cost: 'free',
    butEligible: true, languages: ['de', 'ar'], access: [], lastConfirmedAt: FRESH,
  }, BERLIN);
}

/** Every id of a vocabulary with 0, then the given counts. */
function counts(terms: readonly { id: string }[], given: Record<string, number>): Record<string, number> {
  return { ...Object.fromEntries(terms.map((t) => [t.id, 0])), ...given };
}
const needs = needGroups.map((id) => ({ id }));

const freiburg: FigureSet = {
  scope: 'region', key: '08311', name: 'Freiburg im Breisgau', total: 3,
  categories: counts(categories, { tutoring: 2, homework_help: 1, reading_mentorship: 1 }),
  phases: counts(phases, { primary_school: 2, primary_to_secondary: 1, secondary_school: 1 }),
  formality: counts(formalities, { formal: 1, non_formal: 1, informal: 1 }),
  cost: counts(costs, { free: 1, reduced: 1, paid: 1 }),
  access: counts(accessFeatures, { wheelchair_yes: 1, hearing_loop: 1, wheelchair_no: 2, easy_language: 1 }),
  // Two offerings are "not wheelchair accessible": that is no mobility feature.
  accessByNeed: counts(needs, { mobility: 1, hearing: 1, cognition: 1 }),
  languages: counts(languages, { de: 2, ar: 1, tr: 1 }),
  free: 1, butEligible: 2, seeksVolunteers: 1, notConfirmed12Months: 1,
} as FigureSet;

const badenWuerttemberg: FigureSet = {
  scope: 'state', key: '08', name: 'Baden-Württemberg', total: 5,
  categories: counts(categories, { tutoring: 3, homework_help: 1, reading_mentorship: 1, sports: 1 }),
  phases: counts(phases, { early_childhood: 1, primary_school: 3, primary_to_secondary: 1, secondary_school: 1 }),
  formality: counts(formalities, { formal: 2, non_formal: 2, informal: 1 }),
  cost: counts(costs, { free: 2, reduced: 1, paid: 2 }),
  access: counts(accessFeatures, {
    wheelchair_yes: 1, hearing_loop: 1, wheelchair_no: 2, easy_language: 1, step_free: 1, online: 1, childcare: 1,
  }),
  accessByNeed: counts(needs, { mobility: 2, hearing: 1, cognition: 1, participation: 1 }),
  languages: counts(languages, { de: 3, ar: 1, tr: 1, uk: 1 }),
  free: 2, butEligible: 2, seeksVolunteers: 2, notConfirmed12Months: 2,
} as FigureSet;

const germany: FigureSet = {
  scope: 'country', key: null, name: 'Deutschland', total: 7,
  categories: counts(categories, { tutoring: 4, homework_help: 1, reading_mentorship: 1, sports: 1, stem: 1 }),
  phases: counts(phases, { early_childhood: 1, primary_school: 5, primary_to_secondary: 1, secondary_school: 1 }),
  formality: counts(formalities, { formal: 2, non_formal: 3, informal: 2 }),
  cost: counts(costs, { free: 4, reduced: 1, paid: 2 }),
  access: counts(accessFeatures, {
    wheelchair_yes: 1, hearing_loop: 1, wheelchair_no: 2, easy_language: 1, step_free: 1, online: 1, childcare: 1, braille_tactile: 1,
  }),
  accessByNeed: counts(needs, { mobility: 2, hearing: 1, vision: 1, cognition: 1, participation: 1 }),
  languages: counts(languages, { de: 4, ar: 2, tr: 1, uk: 1, en: 1 }),
  free: 4, butEligible: 3, seeksVolunteers: 3, notConfirmed12Months: 2,
} as FigureSet;

const figures = (t: TestApp, query: string, status = 200) => getJson<FiguresResponse>(t.app, `/api/figures?${query}`, status);
const totals = (r: FiguresResponse) => r.sets.map((s) => [s.scope, s.key, s.total]);

describe('GET /api/figures', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ fill });
  });
  afterAll(async () => t?.close());

  it('counts a district, its state and the country, every vocabulary id listed', async () => {
    const res = await figures(t, 'region=08311');
    expect(res.sets).toEqual([freiburg, badenWuerttemberg, germany]);
    expect(new Date(res.generatedAt).toISOString()).toBe(res.generatedAt);
  });

  it('answers only the country without a region', async () => {
    const res = await figures(t, '');
    expect(res.sets).toEqual([germany]);
  });

  it('compares a state with the country only', async () => {
    const res = await figures(t, 'region=08');
    expect(res.sets).toEqual([{ ...badenWuerttemberg, scope: 'region' }, germany]);
  });

  it('counts a municipality and an administrative region (three digits) with their state', async () => {
    expect(totals(await figures(t, 'region=08311000'))).toEqual([['region', '08311000', 3], ['state', '08', 5], ['country', null, 7]]);
    const district = await figures(t, 'region=083');
    expect(district.sets[0]).toMatchObject({ key: '083', name: 'Baden-Württemberg, Bezirk 083', total: 4 });
  });

  it('narrows every set to the target group', async () => {
    expect(totals(await figures(t, 'region=08311&category=tutoring'))).toEqual([['region', '08311', 2], ['state', '08', 3], ['country', null, 4]]);
    expect(totals(await figures(t, 'region=08311&but=true&lang=ar'))).toEqual([['region', '08311', 1], ['state', '08', 1], ['country', null, 2]]);
    expect(totals(await figures(t, 'region=08311&access=wheelchair_yes'))).toEqual([['region', '08311', 1], ['state', '08', 1], ['country', null, 1]]);
    expect(totals(await figures(t, 'region=08311&age=14'))).toEqual([['region', '08311', 1], ['state', '08', 1], ['country', null, 1]]);
    const narrowed = await figures(t, 'region=08311&category=tutoring');
    expect(narrowed.sets[0]!.categories).toMatchObject({ tutoring: 2, homework_help: 1, reading_mentorship: 0 });
  });

  it('narrows by a text query across the whole country, not only the region', async () => {
    expect(totals(await figures(t, 'region=08311&q=Zirkusschule'))).toEqual([['region', '08311', 0], ['state', '08', 1], ['country', null, 1]]);
    expect(totals(await figures(t, 'region=08311&q=Rathaus'))).toEqual([['region', '08311', 1], ['state', '08', 1], ['country', null, 2]]);
  });

  it('answers 404 for a region that does not exist', async () => {
    for (const region of ['08999', '99', '089', '08311999']) {
      const res = await figures(t, `region=${region}`, 404);
      expect(res).toMatchObject({ error: 'not_found' });
    }
  });

  it('answers 400 naming the parameter for bad filters', async () => {
    const cases: [string, string][] = [
      ['region=abc', 'region'], ['category=nonsense', 'category'], ['age=-1', 'age'], ['near=48,8', 'near'],
    ];
    for (const [query, parameter] of cases) {
      const res = await t.app.inject({ method: 'GET', url: `/api/figures?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().message, query).toContain(parameter);
    }
  });

  it('follows changes of the published offerings instead of serving a stale answer', async () => {
    const before = await figures(t, 'region=08311');
    const draft = t.app.db.select({ id: offerings.id }).from(offerings).where(eq(offerings.title, 'Entwurf in Freiburg')).get()!.id;
    const version = t.app.directory.version;
    t.app.db.transaction((tx) => {
      tx.update(offerings).set({ status: 'published' }).where(eq(offerings.id, draft)).run();
      enqueueOfferingChanges(tx, [draft], 'test');
    });
    await vi.waitFor(() => expect(t.app.directory.version).toBeGreaterThan(version), { timeout: 10_000, interval: 50 });
    const after = await figures(t, 'region=08311');
    expect(totals(after)).toEqual([['region', '08311', 4], ['state', '08', 6], ['country', null, 8]]);
    expect(after.sets[0]!.notConfirmed12Months).toBe(before.sets[0]!.notConfirmed12Months + 1);
  });
});

describe('FiguresService: not confirmed for 12 months', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      fill: (db) => {
        for (const date of ['2025-03-14', '2025-03-15', '2025-03-16', '2027-02-28', '2027-03-01']) {
          addOffering(db, { title: `Bestätigt am ${date}`, lastConfirmedAt: date }, HAMBURG);
        }
        addOffering(db, { title: 'Alt in Freiburg', lastConfirmedAt: '2000-01-01' }, FREIBURG);
      },
    });
  });
  afterAll(async () => t?.close());

  const staleIn = async (iso: string, query = { region: '02' }) => {
    const service = new FiguresService(t.app.directory, t.app.offeringSearch, { now: () => new Date(iso) });
    return (await service.figures(query)).sets.map((s) => s.notConfirmed12Months);
  };

  it('counts entries last confirmed before the same day twelve months ago', async () => {
    // 2026-03-15: confirmed on 2025-03-15 is exactly twelve months, still fine; the 14th is one day too old.
    // The three 2027 entries are in the future here, so only the Freiburg one adds to the country.
    expect(await staleIn('2026-03-15T12:00:00Z')).toEqual([1, 2]);
    expect(await staleIn('2026-03-16T12:00:00Z')).toEqual([2, 3]);
  });

  it('takes the date in Germany, not in UTC', async () => {
    // 23:30 UTC on the 15th is already the 16th in Berlin.
    expect(await staleIn('2026-03-15T23:30:00Z')).toEqual([2, 3]);
  });

  it('counts from 1 March when the day twelve months ago did not exist (29 February)', async () => {
    // 2028-02-29 minus twelve months is "2027-02-29": entries up to 28 February are too old.
    expect(await staleIn('2028-02-29T12:00:00Z')).toEqual([4, 5]);
  });

  it('answers again when the day turns', async () => {
    let now = new Date('2026-03-15T12:00:00Z');
    const service = new FiguresService(t.app.directory, t.app.offeringSearch, { now: () => now });
    expect((await service.figures({ region: '02' })).sets[0]!.notConfirmed12Months).toBe(1);
    now = new Date('2026-03-16T12:00:00Z');
    expect((await service.figures({ region: '02' })).sets[0]!.notConfirmed12Months).toBe(2);
  });
});
