import { eq } from 'drizzle-orm';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  decodeMapPoints, type ManagedOffering, type Organisation, type ReviewDetail, type ReviewQueue, type Site,
} from '../../schema';
import { mailDir } from '../../server/config';
import { auditLog, offeringRevisions, offerings, outbox } from '../../server/db/schema';
import { findUserById } from '../../server/repos/users-repo';
import { today } from '../../server/services/offering-rules';
import { expectJson, signIn, type Client, type Method } from '../helpers/accounts';
import { buildWorld, FREIBURG, offeringInput, outboxDrained, REGEN, type World } from '../helpers/moderation-fixtures';
import { mapPoints, search } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';

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

/** A new entry of organisation A, published by the coordinator of its region. */
async function publishedEntry(title: string): Promise<ManagedOffering> {
  const created = await call(provider, 'POST', '/api/manage/offerings', { ...offeringInput(world.A.site.id, { title }), submit: true }, 201);
  return call(coordinator, 'POST', `/api/review/offerings/${created.id}/publish`);
}

/** Where the public can see an offering: search (by a word of its title), the map (by category), its page. */
async function publicView(id: number, word: string, category: string) {
  const hits = (await search(t.app, `q=${word}&region=09276`)).hits.map((h) => h.id);
  const points = decodeMapPoints(await mapPoints(t.app, `region=09276&category=${category}`)).map((p) => p.id);
  const detail = await t.app.inject({ method: 'GET', url: `/api/offerings/${id}` });
  return { inSearch: hits.includes(id), onMap: points.includes(id), page: detail.statusCode, title: detail.statusCode === 200 ? detail.json().title : null };
}

const outboxReasons = (id: number) => t.app.db.select().from(outbox).where(eq(outbox.offeringId, id)).all().map((e) => e.reason);

describe('the life cycle of an offering', () => {
  it('a draft, a pending entry and a pending revision are invisible through search, map points and the detail page; approval makes the new version visible and the old one gone', async () => {
    const draft = await call(provider, 'POST', '/api/manage/offerings', offeringInput(world.A.site.id, { title: 'Schachtreff Zwieselkante' }), 201);
    expect(draft.status).toBe('draft');
    await outboxDrained(t.app);
    expect(await publicView(draft.id, 'Zwieselkante', 'tutoring')).toEqual({ inSearch: false, onMap: false, page: 404, title: null });

    expect((await call(provider, 'POST', `/api/manage/offerings/${draft.id}/submit`)).status).toBe('pending');
    await outboxDrained(t.app);
    expect(await publicView(draft.id, 'Zwieselkante', 'tutoring')).toEqual({ inSearch: false, onMap: false, page: 404, title: null });

    expect((await call(coordinator, 'POST', `/api/review/offerings/${draft.id}/publish`)).status).toBe('published');
    await outboxDrained(t.app);
    await vi.waitFor(async () => expect(await publicView(draft.id, 'Zwieselkante', 'tutoring')).toEqual({ inSearch: true, onMap: true, page: 200, title: 'Schachtreff Zwieselkante' }));

    const edited = await call(provider, 'PATCH', `/api/manage/offerings/${draft.id}`, { title: 'Schachtreff Rachelsee', categories: ['sports'] });
    expect(edited.title).toBe('Schachtreff Zwieselkante');
    expect(edited.pendingRevision?.fields.title).toBe('Schachtreff Rachelsee');
    await outboxDrained(t.app);
    expect(await publicView(draft.id, 'Rachelsee', 'sports')).toEqual({ inSearch: false, onMap: false, page: 200, title: 'Schachtreff Zwieselkante' });
    expect((await publicView(draft.id, 'Zwieselkante', 'tutoring')).inSearch).toBe(true);

    const approved = await call(coordinator, 'POST', `/api/review/offerings/${draft.id}/publish`);
    expect([approved.title, approved.pendingRevision]).toEqual(['Schachtreff Rachelsee', null]);
    expect(outboxReasons(draft.id)).toEqual(['publish', 'revision-approved']);
    await outboxDrained(t.app);
    await vi.waitFor(async () => {
      expect(await publicView(draft.id, 'Rachelsee', 'sports')).toEqual({ inSearch: true, onMap: true, page: 200, title: 'Schachtreff Rachelsee' });
      expect(await publicView(draft.id, 'Zwieselkante', 'tutoring')).toMatchObject({ inSearch: false, onMap: false });
    });
  });

  it('shows the reason of a rejection to the provider; editing a rejected entry returns it to draft', async () => {
    const created = await call(provider, 'POST', '/api/manage/offerings', { ...offeringInput(world.A.site.id, { title: 'Lesekiste Bodenmais' }), submit: true }, 201);
    await call(coordinator, 'POST', `/api/review/offerings/${created.id}/reject`, { reason: 'kurz' }, 400);
    await call(coordinator, 'POST', `/api/review/offerings/${created.id}/reject`, { reason: 'Bitte die Altersangabe ergänzen.' });
    const seen = await call(provider, 'GET', `/api/manage/offerings/${created.id}`);
    expect([seen.status, seen.rejectionReason]).toEqual(['rejected', 'Bitte die Altersangabe ergänzen.']);
    const again = await call(provider, 'PATCH', `/api/manage/offerings/${created.id}`, { minAge: 7 });
    expect([again.status, again.rejectionReason, again.minAge]).toEqual(['draft', null, 7]);
    // The member with a confirmed address is told, in the mail folder the test app writes to.
    await vi.waitFor(() => {
      const mails = readdirSync(mailDir(t.config)).map((f) => readFileSync(join(mailDir(t.config), f), 'utf8'));
      expect(mails.some((m) => m.includes('anbieter-a@test.example') && m.includes('Lesekiste Bodenmais'))).toBe(true);
      expect(mails.some((m) => m.includes('anbieter-a2@test.example'))).toBe(false);
    });
  });

  it('keeps the published version when a revision is rejected, and tells the provider why', async () => {
    const entry = await publishedEntry('Töpfern in Zwiesel');
    await call(provider, 'PATCH', `/api/manage/offerings/${entry.id}`, { cost: 'paid' });
    await call(coordinator, 'POST', `/api/review/offerings/${entry.id}/reject`, { reason: 'Bitte einen Preis nennen.' });
    const seen = await call(provider, 'GET', `/api/manage/offerings/${entry.id}`);
    expect([seen.status, seen.cost, seen.pendingRevision]).toEqual(['published', 'free', null]);
    expect(seen.rejectedRevision).toMatchObject({ state: 'rejected', reason: 'Bitte einen Preis nennen.', fields: { cost: 'paid' } });
  });

  it('compares the published with the proposed version field by field; a second edit updates the one revision', async () => {
    const entry = await publishedEntry('Robotik-AG Viechtach');
    await call(provider, 'PATCH', `/api/manage/offerings/${entry.id}`, { title: 'Robotik-AG Viechtach plus', maxAge: 12 });
    const first = await call<ReviewDetail>(coordinator, 'GET', `/api/review/offerings/${entry.id}`);
    expect(first.kind).toBe('revision');
    expect(first.diff).toEqual([
      { field: 'title', old: 'Robotik-AG Viechtach', new: 'Robotik-AG Viechtach plus' },
      { field: 'maxAge', old: 10, new: 12 },
    ]);
    await call(provider, 'PATCH', `/api/manage/offerings/${entry.id}`, { cost: 'reduced' });
    const second = await call<ReviewDetail>(coordinator, 'GET', `/api/review/offerings/${entry.id}`);
    expect(second.revisionId).toBe(first.revisionId);
    expect(second.diff.map((d) => d.field)).toEqual(['title', 'maxAge', 'cost']);
    expect(second.published?.title).toBe('Robotik-AG Viechtach');
    expect(t.app.db.select().from(offeringRevisions).where(eq(offeringRevisions.offeringId, entry.id)).all()).toHaveLength(1);

    const queue = await call<ReviewQueue>(coordinator, 'GET', '/api/review/queue?perPage=100');
    expect(queue.items.find((i) => i.offeringId === entry.id)).toMatchObject({
      kind: 'revision', title: 'Robotik-AG Viechtach plus', organisation: { name: 'Lernfreunde Regen e.V.', verified: false }, municipality: { key: REGEN.regionKey, name: 'Regen' },
    });
    const elsewhere = await signIn(t.app, world.users.coordinator08.email, world.users.coordinator08.password);
    expect((await call<ReviewQueue>(elsewhere, 'GET', '/api/review/queue?perPage=100')).items.map((i) => i.offeringId)).not.toContain(entry.id);
  });

  it('applies a coordinator\'s correction of a published entry at once and records it as theirs', async () => {
    const entry = await publishedEntry('Theater für Kinder in Regen');
    const corrected = await call(coordinator, 'PATCH', `/api/manage/offerings/${entry.id}`, { title: 'Kindertheater Regen' });
    expect([corrected.status, corrected.title, corrected.pendingRevision]).toEqual(['published', 'Kindertheater Regen', null]);
    const rows = t.app.db.select().from(auditLog).where(eq(auditLog.entityId, entry.id)).all().filter((r) => r.entityType === 'offering');
    expect(rows.at(-1)).toMatchObject({
      action: 'correct', actorUserId: world.users.coordinator09276.id, actorRole: 'coordinator',
      changes: [{ field: 'title', old: 'Theater für Kinder in Regen', new: 'Kindertheater Regen' }],
    });
    const history = await call<{ items: Record<string, unknown>[] }>(provider, 'GET', `/api/manage/offerings/${entry.id}/history`);
    expect(history.items[0]).toMatchObject({ action: 'correct', actorRole: 'coordinator' });
    expect(Object.keys(history.items[0]!)).not.toContain('actorUserId');
    expect(outboxReasons(entry.id)).toEqual(['publish', 'correction']);
    await outboxDrained(t.app);
    await vi.waitFor(async () => expect((await publicView(entry.id, 'Kindertheater', 'tutoring')).inSearch).toBe(true));
  });

  it('confirm sets lastConfirmedAt to today and takes the entry off the stale list', async () => {
    const entry = await publishedEntry('Hausaufgabenhilfe Rinchnach');
    t.app.db.update(offerings).set({ lastConfirmedAt: '2023-04-01' }).where(eq(offerings.id, entry.id)).run();
    const staleIds = async () => (await call<{ items: { id: number }[] }>(coordinator, 'GET', '/api/review/stale?perPage=100')).items.map((i) => i.id);
    expect(await staleIds()).toContain(entry.id);
    expect((await call(provider, 'GET', `/api/manage/offerings/${entry.id}`)).stale).toBe(true);

    const confirmed = await call(provider, 'POST', `/api/manage/offerings/${entry.id}/confirm`);
    expect([confirmed.lastConfirmedAt, confirmed.stale]).toEqual([today(), false]);
    expect(await staleIds()).not.toContain(entry.id);
    expect(outboxReasons(entry.id)).toEqual(['publish', 'confirm']);
  });

  it('withdraws a pending entry to draft, deletes a draft, and archives a published entry out of the public view', async () => {
    const pending = await call(provider, 'POST', '/api/manage/offerings', { ...offeringInput(world.A.site.id, { title: 'Malkurs Arnbruck' }), submit: true }, 201);
    expect((await call(provider, 'POST', `/api/manage/offerings/${pending.id}/withdraw`)).status).toBe('draft');
    await call(provider, 'DELETE', `/api/manage/offerings/${pending.id}`, undefined, 204);
    await call(provider, 'GET', `/api/manage/offerings/${pending.id}`, undefined, 404);

    const entry = await publishedEntry('Waldwerkstatt Lindberg');
    await outboxDrained(t.app);
    await vi.waitFor(async () => expect((await publicView(entry.id, 'Waldwerkstatt', 'tutoring')).inSearch).toBe(true));
    expect((await call(provider, 'POST', `/api/manage/offerings/${entry.id}/archive`)).status).toBe('archived');
    await call(provider, 'PATCH', `/api/manage/offerings/${entry.id}`, { title: 'Wieder da' }, 409);
    await outboxDrained(t.app);
    await vi.waitFor(async () => expect(await publicView(entry.id, 'Waldwerkstatt', 'tutoring')).toEqual({ inSearch: false, onMap: false, page: 404, title: null }));
  });

  it('lists a provider\'s own entries and a coordinator\'s region, filtered by state and title', async () => {
    const ids = async (client: Client, query = '') =>
      (await call<{ items: { id: number; organisation: { id: number } }[] }>(client, 'GET', `/api/manage/offerings?perPage=100${query}`)).items;
    const own = await ids(provider);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((i) => i.organisation.id === world.A.organisation.id)).toBe(true);
    const elsewhere = await signIn(t.app, world.users.coordinator08.email, world.users.coordinator08.password);
    expect((await ids(elsewhere)).map((i) => i.organisation.id)).toEqual(expect.arrayContaining([world.B.organisation.id]));
    expect((await ids(elsewhere)).some((i) => i.organisation.id === world.A.organisation.id)).toBe(false);
    expect((await ids(coordinator, '&status=draft')).map((i) => i.id)).toContain(world.A.draft.id);
    expect((await ids(coordinator, '&status=draft')).map((i) => i.id)).not.toContain(world.A.pending.id);
    expect((await ids(coordinator, '&q=Wartend')).map((i) => i.id)).toEqual([world.A.pending.id]);
  });

  it('refuses another organisation\'s site for an offering, naming the field', async () => {
    const res = await provider.request('POST', '/api/manage/offerings', offeringInput(world.B.site.id));
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([expect.objectContaining({ parameter: 'locationId' })]);
  });
});

describe('organisations and sites', () => {
  let newcomer: Client;
  let organisation: Organisation;
  let site: Site;

  it('lets a provider without an organisation describe one, become its member and add a site at the postcode\'s position', async () => {
    newcomer = await signIn(t.app, world.users.newcomer.email, world.users.newcomer.password);
    const input = { name: 'Lesepaten Zwiesel', kind: 'volunteer_initiative', regionKey: REGEN.regionKey };
    organisation = await call<Organisation>(newcomer, 'POST', '/api/organisations', input, 201);
    expect([organisation.verified, organisation.sites]).toEqual([false, []]);
    expect(findUserById(t.app.db, world.users.newcomer.id)?.providerId).toBe(organisation.id);
    await call(newcomer, 'POST', '/api/organisations', input, 409);

    const position = await call(newcomer, 'GET', `/api/sites/position?postcode=${REGEN.postcode}&city=Regen`);
    expect(position).toEqual({ lat: REGEN.lat, lng: REGEN.lng, regionKey: REGEN.regionKey, place: 'Regen', precision: 'municipality' });
    site = await call<Site>(newcomer, 'POST', `/api/organisations/${organisation.id}/sites`, { street: 'Stadtplatz 1', postcode: REGEN.postcode, city: 'Regen' }, 201);
    expect(site).toMatchObject({ lat: REGEN.lat, lng: REGEN.lng, regionKey: REGEN.regionKey, providerId: organisation.id });
    const unknown = await newcomer.request('POST', `/api/organisations/${organisation.id}/sites`, { street: 'Stadtplatz 1', postcode: '00000', city: 'Nirgendwo' });
    expect([unknown.statusCode, unknown.json().details?.[0]?.parameter]).toEqual([400, 'postcode']);

    expect((await call<Organisation>(coordinator, 'POST', `/api/organisations/${organisation.id}/verify`)).verified).toBe(true);
  });

  it('sends the published offerings through the outbox when the organisation is renamed or the site moved', async () => {
    const created = await call(newcomer, 'POST', '/api/manage/offerings', { ...offeringInput(site.id, { title: 'Sternwarte Kollnburg' }), submit: true }, 201);
    await call(coordinator, 'POST', `/api/review/offerings/${created.id}/publish`);
    await call(newcomer, 'PATCH', `/api/organisations/${organisation.id}`, { name: 'Lesepaten Bayerwald' });
    await call(newcomer, 'PATCH', `/api/sites/${site.id}`, { lat: 49.05, lng: 13.2 });
    expect(outboxReasons(created.id)).toEqual(['publish', 'organisation-renamed', 'site-moved']);
    await outboxDrained(t.app);
    await vi.waitFor(async () => {
      expect((await search(t.app, 'q=Sternwarte&region=09276')).hits.map((h) => [h.id, h.providerName])).toEqual([[created.id, 'Lesepaten Bayerwald']]);
      const point = decodeMapPoints(await mapPoints(t.app, 'region=09276')).find((p) => p.id === created.id);
      expect([point?.lat, point?.lng]).toEqual([49.05, 13.2]);
    });
    const inUse = await newcomer.request('DELETE', `/api/sites/${site.id}`);
    expect([inUse.statusCode, inUse.json().error]).toEqual([409, 'site_in_use']);
  });
});

// After the other blocks: the entry approved here ends up in Baden-Württemberg, where the listing test above
// expects none of organisation A's.
describe('a revision that moves a published entry into another region', () => {
  let bw: Client;
  let admin: Client;
  beforeAll(async () => {
    bw = await signIn(t.app, world.users.coordinator08.email, world.users.coordinator08.password);
    admin = await signIn(t.app, world.users.admin.email, world.users.admin.password);
  });

  it('is in the queue and the review of both regions\' coordinators, but only someone with authority over both may publish or reject it', async () => {
    const entry = await publishedEntry('Nähstube Bischofsmais');
    const freiburg = await call<Site>(provider, 'POST', `/api/organisations/${world.A.organisation.id}/sites`, { street: 'Kaiser-Joseph-Straße 1', postcode: FREIBURG.postcode, city: FREIBURG.city }, 201);
    expect(freiburg.regionKey).toBe(FREIBURG.regionKey);
    const proposed = await call(provider, 'PATCH', `/api/manage/offerings/${entry.id}`, { locationId: freiburg.id });
    expect([proposed.locationId, proposed.pendingRevision?.fields.locationId]).toEqual([world.A.site.id, freiburg.id]);

    for (const reviewer of [coordinator, bw]) {
      const queue = await call<ReviewQueue>(reviewer, 'GET', '/api/review/queue?perPage=100');
      expect(queue.items.filter((i) => i.offeringId === entry.id)).toEqual([
        expect.objectContaining({ kind: 'revision', city: FREIBURG.city, municipality: expect.objectContaining({ key: FREIBURG.regionKey }) }),
      ]);
      const detail = await call<ReviewDetail>(reviewer, 'GET', `/api/review/offerings/${entry.id}`);
      expect(detail.diff).toEqual([{ field: 'locationId', old: world.A.site.id, new: freiburg.id }]);
      for (const [step, body] of [['publish', undefined], ['reject', { reason: 'Bitte den Ort prüfen.' }]] as const) {
        const res = await reviewer.request('POST', `/api/review/offerings/${entry.id}/${step}`, body);
        expect([res.statusCode, res.json().error], `${step}: ${res.body.slice(0, 300)}`).toEqual([403, 'outside_region']);
      }
    }
    const waiting = await call(provider, 'GET', `/api/manage/offerings/${entry.id}`);
    expect([waiting.locationId, waiting.pendingRevision?.fields.locationId]).toEqual([world.A.site.id, freiburg.id]);

    const adminQueue = await call<ReviewQueue>(admin, 'GET', '/api/review/queue?perPage=100');
    expect(adminQueue.items.filter((i) => i.offeringId === entry.id)).toHaveLength(1);
    const approved = await call(admin, 'POST', `/api/review/offerings/${entry.id}/publish`);
    expect([approved.locationId, approved.pendingRevision]).toEqual([freiburg.id, null]);
  });

  it('leaves a move within the coordinator\'s region to them alone', async () => {
    const entry = await publishedEntry('Nähstube Kirchberg');
    await call(provider, 'PATCH', `/api/manage/offerings/${entry.id}`, { locationId: world.A.spareSite.id });
    expect((await call<ReviewQueue>(bw, 'GET', '/api/review/queue?perPage=100')).items.map((i) => i.offeringId)).not.toContain(entry.id);
    const approved = await call(coordinator, 'POST', `/api/review/offerings/${entry.id}/publish`);
    expect([approved.locationId, approved.pendingRevision]).toEqual([world.A.spareSite.id, null]);
  });
});

describe('the database', () => {
  const row = () => ({ ...offeringInput(world.A.site.id), providerId: world.A.organisation.id, status: 'draft' as const, lastConfirmedAt: '2026-01-01' });

  it('refuses an offering whose minimum age exceeds its maximum age', () => {
    expect(() => t.app.db.insert(offerings).values({ ...row(), minAge: 12, maxAge: 6 }).run()).toThrow(/CHECK constraint failed: offerings_ages/);
  });

  it('refuses an unknown category', () => {
    const categories = ['astrology'] as unknown as ReturnType<typeof row>['categories'];
    expect(() => t.app.db.insert(offerings).values({ ...row(), categories }).run()).toThrow(/CHECK constraint failed: offerings_categories/);
  });
});
