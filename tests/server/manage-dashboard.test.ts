import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManagedOffering, ManagedOfferingList, ReviewDetail, Site } from '../../schema';
import { offerings } from '../../server/db/schema';
import { staleCutoffs } from '../../server/services/offering-rules';
import { expectJson, signIn, type Client, type Method } from '../helpers/accounts';
import { buildWorld, FREIBURG, offeringInput, type World } from '../helpers/moderation-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

// What the provider's dashboard needs from one list request (rejection reasons, "confirm soon"), and what a
// reviewer needs to judge a move to another site (the proposed address).

let t: TestApp;
let world: World;
let provider: Client;
let coordinator: Client;

beforeAll(async () => {
  t = await startTestApp({ fill: (db) => { world = buildWorld(db); } });
  provider = await signIn(t.app, world.users.providerA.email, world.users.providerA.password);
  coordinator = await signIn(t.app, world.users.coordinator09276.email, world.users.coordinator09276.password);
});
afterAll(async () => t?.close());

const call = <T = ManagedOffering>(client: Client, method: Method, url: string, body?: unknown, status = 200) =>
  expectJson<T>(client, method, url, body, status);

async function publishedEntry(title: string): Promise<ManagedOffering> {
  const created = await call(provider, 'POST', '/api/manage/offerings', { ...offeringInput(world.A.site.id, { title }), submit: true }, 201);
  return call(coordinator, 'POST', `/api/review/offerings/${created.id}/publish`);
}

const confirmedOn = (id: number, date: string) =>
  t.app.db.update(offerings).set({ lastConfirmedAt: date }).where(eq(offerings.id, id)).run();

const summaries = async (query = '') =>
  (await call<ManagedOfferingList>(provider, 'GET', `/api/manage/offerings?perPage=100${query}`)).items;

describe('GET /api/manage/offerings', () => {
  it('carries the reason of a rejected entry and of a rejected edit of a published one', async () => {
    const created = await call(provider, 'POST', '/api/manage/offerings', { ...offeringInput(world.A.site.id, { title: 'Zeichenkurs Patersdorf' }), submit: true }, 201);
    await call(coordinator, 'POST', `/api/review/offerings/${created.id}/reject`, { reason: 'Bitte das Alter genauer angeben.' });
    const entry = await publishedEntry('Gitarrengruppe Teisnach');
    await call(provider, 'PATCH', `/api/manage/offerings/${entry.id}`, { cost: 'paid' });
    await call(coordinator, 'POST', `/api/review/offerings/${entry.id}/reject`, { reason: 'Bitte einen Preis nennen.' });

    const items = await summaries();
    expect(items.find((i) => i.id === created.id)).toMatchObject({ status: 'rejected', rejectionReason: 'Bitte das Alter genauer angeben.', revisionRejectionReason: null });
    expect(items.find((i) => i.id === entry.id)).toMatchObject({ status: 'published', rejectionReason: null, revisionRejectionReason: 'Bitte einen Preis nennen.' });
    // The same reason the entry's own page gives.
    expect((await call(provider, 'GET', `/api/manage/offerings/${entry.id}`)).rejectedRevision?.reason).toBe('Bitte einen Preis nennen.');

    // A newer edit waits for review: the old reason no longer applies.
    await call(provider, 'PATCH', `/api/manage/offerings/${entry.id}`, { cost: 'reduced' });
    expect((await summaries()).find((i) => i.id === entry.id)).toMatchObject({ hasPendingRevision: true, revisionRejectionReason: null });
  });

  it('flags published entries last confirmed more than 11 months ago as due soon, and lists them with stale=soon', async () => {
    const cutoffs = staleCutoffs();
    const soon = await publishedEntry('Bald fällig Kirchdorf');
    const stale = await publishedEntry('Längst fällig Kirchdorf');
    const fresh = await publishedEntry('Frisch bestätigt Kirchdorf');
    confirmedOn(soon.id, cutoffs.stale);
    confirmedOn(stale.id, '2020-01-01');

    const flags = (items: ManagedOfferingList['items'], id: number) => {
      const item = items.find((i) => i.id === id);
      return item && { stale: item.stale, staleSoon: item.staleSoon };
    };
    const all = await summaries();
    expect(flags(all, soon.id)).toEqual({ stale: false, staleSoon: true });
    expect(flags(all, stale.id)).toEqual({ stale: true, staleSoon: false });
    expect(flags(all, fresh.id)).toEqual({ stale: false, staleSoon: false });
    // A draft is never due: only what the public sees needs confirming.
    expect(flags(all, world.A.draft.id)).toEqual({ stale: false, staleSoon: false });

    const soonIds = (await summaries('&stale=soon')).map((i) => i.id);
    expect(soonIds).toContain(soon.id);
    expect(soonIds).not.toContain(stale.id);
    expect(soonIds).not.toContain(fresh.id);
    const staleIds = (await summaries('&stale=true')).map((i) => i.id);
    expect(staleIds).toContain(stale.id);
    expect(staleIds).not.toContain(soon.id);
    expect((await provider.request('GET', '/api/manage/offerings?stale=later')).statusCode).toBe(400);

    expect((await call(provider, 'GET', `/api/manage/offerings/${soon.id}`)).staleSoon).toBe(true);
    const confirmed = await call(provider, 'POST', `/api/manage/offerings/${soon.id}/confirm`);
    expect([confirmed.stale, confirmed.staleSoon]).toEqual([false, false]);
    expect((await summaries('&stale=soon')).map((i) => i.id)).not.toContain(soon.id);
  });
});

describe('GET /api/review/offerings/:id', () => {
  it('names the site and municipality a revision moves the entry to', async () => {
    const admin = await signIn(t.app, world.users.admin.email, world.users.admin.password);
    const entry = await publishedEntry('Schachclub Achslach');
    const freiburg = await call<Site>(provider, 'POST', `/api/organisations/${world.A.organisation.id}/sites`, { street: 'Kaiser-Joseph-Straße 9', postcode: FREIBURG.postcode, city: FREIBURG.city }, 201);
    await call(provider, 'PATCH', `/api/manage/offerings/${entry.id}`, { locationId: freiburg.id });

    const detail = await call<ReviewDetail>(admin, 'GET', `/api/review/offerings/${entry.id}`);
    expect(detail.location.id).toBe(world.A.site.id);
    expect(detail.proposedLocation).toMatchObject({ id: freiburg.id, street: 'Kaiser-Joseph-Straße 9', postcode: FREIBURG.postcode, city: FREIBURG.city, regionKey: FREIBURG.regionKey });
    expect(detail.proposedMunicipality).toEqual({ key: FREIBURG.regionKey, name: expect.stringContaining('Freiburg') });
    expect(detail.diff).toEqual([{ field: 'locationId', old: world.A.site.id, new: freiburg.id }]);

    // Without a move there is nothing to name.
    const other = await publishedEntry('Schachclub Prackenbach');
    await call(provider, 'PATCH', `/api/manage/offerings/${other.id}`, { maxAge: 12 });
    const plain = await call<ReviewDetail>(coordinator, 'GET', `/api/review/offerings/${other.id}`);
    expect([plain.proposedLocation, plain.proposedMunicipality]).toEqual([null, null]);
  });
});
