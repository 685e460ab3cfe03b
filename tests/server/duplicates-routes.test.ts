import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuplicateDecision, DuplicatesResponse, OfferingInput } from '../../schema';
import type { Db } from '../../server/db/connection';
import { auditLog, duplicateDecisions, locations, offerings, outbox, providers, users, type OfferingRow } from '../../server/db/schema';
import { anonymousClient, createUser, expectJson, signIn, type Client } from '../helpers/accounts';
import { updateOffering } from '../../server/repos/manage-offerings-repo';
import { DetectionCache } from '../../server/services/duplicates/detection-cache';
import { detectionRuns } from '../../server/services/duplicates/service';
import { search } from '../helpers/http';
import { buildWorld, FREIBURG, offeringInput, outboxDrained, REGEN, type World } from '../helpers/moderation-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

// The duplicate routes with the real app: who may look and decide, what a decision stores (row, audit
// entries), that the next look respects it, withdrawing it, and a merge archiving the others.

let t: TestApp;
let world: World;
let coordinator: Client;
let admin: Client;
const ids: Record<string, number> = {};

/** About 1 km east of Regen's centre. */
const EAST_OF_REGEN = { ...REGEN, lng: REGEN.lng + 0.0137 };

function addOffering(db: Db, providerId: number, locationId: number, status: OfferingRow['status'], overrides: Partial<OfferingInput>): number {
  return db.insert(offerings).values({ ...offeringInput(locationId, overrides), providerId, status, lastConfirmedAt: '2026-10-01' }).returning().get().id;
}

function fill(db: Db) {
  world = buildWorld(db);
  const homework = { categories: ['homework_help'] as OfferingInput['categories'] };
  const { A, B } = world;
  // Regen: one programme entered twice by organisation A, and a parallel one of another organisation 1 km away.
  ids.hwPublished = addOffering(db, A.organisation.id, A.site.id, 'published', { title: 'Hausaufgabenhilfe', ...homework, contact: { email: 'a@verein.example', phone: '0123' } });
  ids.hwPending = addOffering(db, A.organisation.id, A.site.id, 'pending', { title: 'Hausaufgaben-Hilfe', ...homework });
  const other = db.insert(providers).values({ name: 'Kinderschutzbund Regen', kind: 'association', regionKey: REGEN.regionKey }).returning().get();
  const otherSite = db.insert(locations).values({ providerId: other.id, street: 'Bahnhofstraße 9', ...EAST_OF_REGEN }).returning().get();
  ids.parallel = addOffering(db, other.id, otherSite.id, 'published', { title: 'Lernstube', ...homework });
  // Regen: two published entries of one chess club, to be merged.
  const chess = { categories: ['stem'] as OfferingInput['categories'], phases: ['secondary_school'] as OfferingInput['phases'], minAge: 10, maxAge: 16 };
  ids.chessKeep = addOffering(db, A.organisation.id, A.site.id, 'published', { title: 'Schachtreff Zwieselkante', ...chess });
  ids.chessAway = addOffering(db, A.organisation.id, A.site.id, 'published', { title: 'Schach-Treff Zwieselkante', ...chess });
  // Freiburg: organisation B's entry twice.
  ids.lesePublished = addOffering(db, B.organisation.id, B.site.id, 'published', { title: 'Lesepaten', categories: ['reading_mentorship'] });
  ids.lesePending = addOffering(db, B.organisation.id, B.site.id, 'pending', { title: 'Lesepaten', categories: ['reading_mentorship'] });
}

beforeAll(async () => {
  t = await startTestApp({ fill });
  coordinator = await signIn(t.app, world.users.coordinator09276.email, world.users.coordinator09276.password);
  admin = await signIn(t.app, world.users.admin.email, world.users.admin.password);
});
afterAll(async () => t?.close());

const groupsOf = (body: DuplicatesResponse) => body.groups.map((g) => g.id);
const same = (...members: number[]) => `same_entry:${[...members].sort((a, b) => a - b).join('-')}`;
const parallel = (...members: number[]) => `parallel:${[...members].sort((a, b) => a - b).join('-')}`;
const duplicates = (client: Client, query = 'region=09276', status = 200) => expectJson<DuplicatesResponse>(client, 'GET', `/api/duplicates?${query}`, undefined, status);
const decide = (client: Client, body: unknown, status = 201) => expectJson<DuplicateDecision>(client, 'POST', '/api/duplicates/decisions', body, status);
const auditOf = (offeringId: number, action: string) =>
  t.app.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'offering'), eq(auditLog.entityId, offeringId), eq(auditLog.action, action))).all();

describe('GET /api/duplicates', () => {
  it('answers 401 without a session, 403 to providers and to coordinators of another region', async () => {
    expect((await (await anonymousClient(t.app)).request('GET', '/api/duplicates?region=09276')).statusCode).toBe(401);
    const provider = await signIn(t.app, world.users.providerA.email, world.users.providerA.password);
    expect((await provider.request('GET', '/api/duplicates?region=09276')).statusCode).toBe(403);
    const bw = await signIn(t.app, world.users.coordinator08.email, world.users.coordinator08.password);
    const outside = await bw.request('GET', '/api/duplicates?region=09276');
    expect([outside.statusCode, outside.json().error]).toEqual([403, 'outside_region']);
    await duplicates(bw, 'region=08');
    await duplicates(coordinator, 'region=09276138');
    await duplicates(admin, 'region=08311000');
  });

  it('needs a valid, known region', async () => {
    await duplicates(admin, '', 400);
    await duplicates(admin, 'region=9', 400);
    await duplicates(admin, 'region=09999', 404);
    // An administrative region exists where districts carry its prefix, and is named as on the gap map.
    await duplicates(admin, 'region=090', 404);
    expect((await duplicates(admin, 'region=092')).region).toEqual({ key: '092', name: 'Bayern, Bezirk 092' });
    await duplicates(admin, 'region=09276&show=sometimes', 400);
  });

  it('shows the entry entered twice and the parallel programme, with the entry to keep and the reasons', async () => {
    const body = await duplicates(coordinator);
    expect(body.region).toEqual({ key: '09276', name: 'Regen' });
    expect(groupsOf(body)).toEqual([same(ids.chessKeep!, ids.chessAway!), same(ids.hwPublished!, ids.hwPending!), parallel(ids.hwPublished!, ids.parallel!)].sort((a, b) => {
      const order = (id: string) => groupsOf(body).indexOf(id);
      return order(a) - order(b);
    }));
    expect(body.counts).toEqual({ same_entry: 2, parallel: 1, decided: 0 });
    const homework = body.groups.find((g) => g.id === same(ids.hwPublished!, ids.hwPending!))!;
    expect(homework.suggestedKeepId).toBe(ids.hwPublished);
    expect(homework.decision).toBeNull();
    expect(homework.offerings.map((o) => [o.id, o.status, o.providerName])).toEqual([
      [ids.hwPublished, 'published', 'Lernfreunde Regen e.V.'],
      [ids.hwPending, 'pending', 'Lernfreunde Regen e.V.'],
    ]);
    expect(homework.reasons).toEqual(expect.arrayContaining([{ code: 'same_address' }, { code: 'title_similarity', value: 1 }, { code: 'same_provider' }]));
    const nearby = body.groups.find((g) => g.kind === 'parallel')!;
    expect(nearby.reasons).toContainEqual({ code: 'different_providers', count: 2 });
    const km = nearby.reasons.find((r) => r.code === 'distance') as { km: number };
    expect(km.km).toBeGreaterThan(0.9);
    expect(km.km).toBeLessThan(1.1);
    // Freiburg's groups are not Regen's.
    expect(body.groups.flatMap((g) => g.offeringIds)).not.toContain(ids.lesePublished);
    expect(groupsOf(await duplicates(admin, 'region=08'))).toEqual([same(ids.lesePublished!, ids.lesePending!)]);
  });

  it('filters by kind, and leaves counts for every kind', async () => {
    const body = await duplicates(coordinator, 'region=09276&kind=parallel');
    expect(body.groups.map((g) => g.kind)).toEqual(['parallel']);
    expect(body.total).toBe(1);
    expect(body.counts).toEqual({ same_entry: 2, parallel: 1, decided: 0 });
  });

  it('pages the groups strongest first: pages are disjoint, together the whole list, with the total on each', async () => {
    const whole = await duplicates(coordinator);
    expect([whole.total, whole.page, whole.perPage]).toEqual([3, 1, 50]);
    expect(whole.groups).toHaveLength(3);
    const order = whole.groups.map((g) => [g.score, g.id] as const);
    expect(order).toEqual([...order].sort(([sa, ia], [sb, ib]) => sb - sa || (ia < ib ? -1 : ia > ib ? 1 : 0)));

    for (const perPage of [1, 2]) {
      const pages: DuplicatesResponse[] = [];
      for (let page = 1; page <= Math.ceil(3 / perPage); page++) pages.push(await duplicates(coordinator, `region=09276&page=${page}&perPage=${perPage}`));
      for (const [i, body] of pages.entries()) {
        expect([body.total, body.page, body.perPage]).toEqual([3, i + 1, perPage]);
        expect(body.counts).toEqual(whole.counts);
      }
      const ids = pages.flatMap(groupsOf);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(groupsOf(whole));
    }

    const sameOnly = await duplicates(coordinator, 'region=09276&kind=same_entry&perPage=1&page=2');
    expect([sameOnly.total, sameOnly.groups.length, sameOnly.groups[0]!.kind]).toEqual([2, 1, 'same_entry']);
  });

  it('answers a page past the end with no groups and the total', async () => {
    const body = await duplicates(coordinator, 'region=09276&page=4&perPage=1');
    expect([body.groups, body.total, body.page, body.perPage]).toEqual([[], 3, 4, 1]);
    expect(body.counts).toEqual({ same_entry: 2, parallel: 1, decided: 0 });
  });

  it('answers 400 for a page below 1 or a page size outside 1–200', async () => {
    await duplicates(coordinator, 'region=09276&perPage=0', 400);
    await duplicates(coordinator, 'region=09276&perPage=201', 400);
    await duplicates(coordinator, 'region=09276&page=0', 400);
    await duplicates(coordinator, 'region=09276&page=1.5', 400);
    expect((await duplicates(coordinator, 'region=09276&perPage=200')).perPage).toBe(200);
  });
});

describe('POST /api/duplicates/decisions', () => {
  it('refuses who may not decide: 401, 403 for providers and unconfirmed coordinators', async () => {
    const body = { kind: 'same_entry', offeringIds: [ids.hwPublished, ids.hwPending], decision: 'not_duplicate' };
    expect((await (await anonymousClient(t.app)).request('POST', '/api/duplicates/decisions', body)).statusCode).toBe(401);
    const provider = await signIn(t.app, world.users.providerA.email, world.users.providerA.password);
    expect((await provider.request('POST', '/api/duplicates/decisions', body)).statusCode).toBe(403);
    const fresh = createUser(t.app.db, { email: 'neu-regen@test.example', role: 'coordinator', regionPrefix: '09276', verified: false });
    const unconfirmed = await signIn(t.app, fresh.email, fresh.password);
    const res = await unconfirmed.request('POST', '/api/duplicates/decisions', body);
    expect([res.statusCode, res.json().error]).toEqual([403, 'email_not_verified']);
    // Looking needs no confirmed address.
    await duplicates(unconfirmed);
  });

  it('answers 400 for bodies that cannot be a decision', async () => {
    const group = [ids.hwPublished, ids.hwPending];
    await decide(coordinator, { kind: 'parallel', offeringIds: group, decision: 'merged', keepId: ids.hwPublished }, 400);
    await decide(coordinator, { kind: 'same_entry', offeringIds: group, decision: 'merged', keepId: ids.parallel }, 400);
    await decide(coordinator, { kind: 'same_entry', offeringIds: group, decision: 'merged' }, 400);
    await decide(coordinator, { kind: 'same_entry', offeringIds: [ids.hwPublished], decision: 'not_duplicate' }, 400);
    await decide(coordinator, { kind: 'same_entry', offeringIds: [ids.hwPublished, ids.hwPublished], decision: 'not_duplicate' }, 400);
    await decide(coordinator, { kind: 'same_entry', offeringIds: group, decision: 'maybe' }, 400);
    // keepId belongs to a merge only; it is refused rather than silently dropped.
    for (const decision of ['not_duplicate', 'intended']) {
      const res = await coordinator.request('POST', '/api/duplicates/decisions', { kind: 'same_entry', offeringIds: group, decision, keepId: ids.hwPublished });
      expect([res.statusCode, res.json().error], decision).toEqual([400, 'invalid_request']);
      expect(res.json().details, decision).toContainEqual({ parameter: 'keepId', message: expect.stringContaining('keepId') });
    }
    expect(t.app.db.select().from(duplicateDecisions).all()).toEqual([]);
  });

  it('answers 403 alike for ids outside the region and ids that do not exist, 404 to admins, 409 for entries not published or pending', async () => {
    // A coordinator must not learn which ids exist in other regions: an unknown id is answered like one outside.
    const unknown = await coordinator.request('POST', '/api/duplicates/decisions', { kind: 'same_entry', offeringIds: [ids.hwPublished, 999_999], decision: 'not_duplicate' });
    const elsewhere = await coordinator.request('POST', '/api/duplicates/decisions', { kind: 'same_entry', offeringIds: [ids.hwPublished, ids.lesePublished], decision: 'not_duplicate' });
    expect([unknown.statusCode, unknown.json().error]).toEqual([403, 'outside_region']);
    expect(unknown.json().details).toEqual({ ids: [999_999] });
    const alike = (body: { message: string; details: { ids: number[] } }) => ({ ...body, message: body.message.replaceAll(String(body.details.ids[0]), '#'), details: null });
    expect(alike(unknown.json())).toEqual(alike(elsewhere.json()));
    expect(elsewhere.json().details).toEqual({ ids: [ids.lesePublished] });
    const res = await admin.request('POST', '/api/duplicates/decisions', { kind: 'same_entry', offeringIds: [ids.hwPublished, 999_999], decision: 'not_duplicate' });
    expect([res.statusCode, res.json().message]).toEqual([404, expect.stringContaining('999999')]);
    const outside = await coordinator.request('POST', '/api/duplicates/decisions', { kind: 'same_entry', offeringIds: [ids.lesePublished, ids.lesePending], decision: 'not_duplicate' });
    expect([outside.statusCode, outside.json().error]).toEqual([403, 'outside_region']);
    const across = await coordinator.request('POST', '/api/duplicates/decisions', { kind: 'parallel', offeringIds: [ids.hwPublished, ids.lesePublished], decision: 'intended' });
    expect([across.statusCode, across.json().error]).toEqual([403, 'outside_region']);
    const draft = await coordinator.request('POST', '/api/duplicates/decisions', { kind: 'same_entry', offeringIds: [ids.hwPublished, world.A.draft.id], decision: 'not_duplicate' });
    expect([draft.statusCode, draft.json().error]).toEqual([409, 'invalid_state']);
    expect(t.app.db.select().from(duplicateDecisions).all()).toEqual([]);
  });

  it('answers 409 keep_not_published to a merge that would keep a pending entry and archive the published one', async () => {
    const res = await coordinator.request('POST', '/api/duplicates/decisions', { kind: 'same_entry', offeringIds: [ids.hwPublished, ids.hwPending], decision: 'merged', keepId: ids.hwPending });
    expect([res.statusCode, res.json().error]).toEqual([409, 'keep_not_published']);
    expect(res.json().message).toContain(String(ids.hwPublished));
    const status = (id: number) => t.app.db.select().from(offerings).where(eq(offerings.id, id)).get()!.status;
    expect([status(ids.hwPublished!), status(ids.hwPending!)]).toEqual(['published', 'pending']);
    expect(t.app.db.select().from(duplicateDecisions).all()).toEqual([]);
  });

  it('stores "not a duplicate" with an audit entry per member; the next look leaves the pair out until a new member comes', async () => {
    const decision = await decide(coordinator, { kind: 'same_entry', offeringIds: [ids.hwPending, ids.hwPublished], decision: 'not_duplicate', note: 'zwei Gruppen' });
    expect(decision).toMatchObject({
      decision: 'not_duplicate', kind: 'same_entry', offeringIds: [ids.hwPublished, ids.hwPending], keepId: null, note: 'zwei Gruppen', by: 'regen',
    });
    const stored = t.app.db.select().from(duplicateDecisions).where(eq(duplicateDecisions.id, decision.id)).get()!;
    expect(stored).toMatchObject({ regionKey: '09276138', decidedBy: world.users.coordinator09276.id, offeringIds: [ids.hwPublished, ids.hwPending] });
    for (const id of [ids.hwPublished!, ids.hwPending!]) {
      const rows = auditOf(id, 'duplicate.not_duplicate');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actorUserId: world.users.coordinator09276.id, actorRole: 'coordinator' });
      expect(rows[0]!.note).toContain(same(ids.hwPublished!, ids.hwPending!));
    }
    await decide(coordinator, { kind: 'same_entry', offeringIds: [ids.hwPublished, ids.hwPending], decision: 'not_duplicate' }, 409);
    // A contradicting decision on the same group is refused too: the old one is taken back first.
    const contradiction = await coordinator.request('POST', '/api/duplicates/decisions', { kind: 'same_entry', offeringIds: [ids.hwPublished, ids.hwPending], decision: 'intended' });
    expect([contradiction.statusCode, contradiction.json().error]).toEqual([409, 'already_decided']);
    expect(contradiction.json().message).toContain('withdraw it first');
    expect(t.app.db.select().from(duplicateDecisions).all()).toHaveLength(1);

    const after = await duplicates(coordinator);
    expect(groupsOf(after)).not.toContain(same(ids.hwPublished!, ids.hwPending!));
    expect(after.counts.decided).toBe(1);
    const decided = await duplicates(coordinator, 'region=09276&show=decided');
    expect(decided.groups.map((g) => [g.id, g.decision?.id, g.decision?.by])).toEqual([[same(ids.hwPublished!, ids.hwPending!), decision.id, 'regen']]);
    // Open and decided groups together, strongest first.
    const all = await duplicates(coordinator, 'region=09276&show=all');
    expect([...groupsOf(all)].sort()).toEqual([...groupsOf(after), ...groupsOf(decided)].sort());
    expect(all.total).toBe(after.total + decided.total);
    expect(all.groups.map((g) => g.score)).toEqual(all.groups.map((g) => g.score).sort((a, b) => b - a));

    // A third entry of the programme brings the group back — with the newcomer, never the settled pair alone.
    ids.hwThird = addOffering(t.app.db, world.A.organisation.id, world.A.site.id, 'pending', { title: 'Hausaufgabenhilfe', categories: ['homework_help'] });
    const withNewcomer = (await duplicates(coordinator)).groups.filter((g) => g.kind === 'same_entry' && g.offeringIds.includes(ids.hwThird!));
    expect(withNewcomer.length).toBeGreaterThan(0);
    for (const g of withNewcomer) expect(g.offeringIds.includes(ids.hwPublished!) && g.offeringIds.includes(ids.hwPending!)).toBe(false);
    t.app.db.delete(offerings).where(eq(offerings.id, ids.hwThird)).run();
  });

  it('marks parallel programmes as intended', async () => {
    const decision = await decide(admin, { kind: 'parallel', offeringIds: [ids.hwPublished, ids.parallel], decision: 'intended' });
    expect(decision.by).toBe('admin');
    expect(auditOf(ids.parallel!, 'duplicate.intended')).toHaveLength(1);
    const after = await duplicates(coordinator);
    expect(after.groups.filter((g) => g.kind === 'parallel').map((g) => g.offeringIds)).not.toContainEqual([ids.hwPublished, ids.parallel]);
  });

  it('merges: the others are archived with audit and outbox entries, and leave the search', async () => {
    await outboxDrained(t.app);
    expect((await search(t.app, 'q=Zwieselkante&region=09276')).hits.map((h) => h.id).sort()).toEqual([ids.chessKeep, ids.chessAway].sort());
    const decision = await decide(coordinator, { kind: 'same_entry', offeringIds: [ids.chessKeep, ids.chessAway], decision: 'merged', keepId: ids.chessKeep });
    expect(decision).toMatchObject({ decision: 'merged', keepId: ids.chessKeep });
    const status = (id: number) => t.app.db.select().from(offerings).where(eq(offerings.id, id)).get()!.status;
    expect([status(ids.chessKeep!), status(ids.chessAway!)]).toEqual(['published', 'archived']);
    expect(auditOf(ids.chessAway!, 'archive')).toHaveLength(1);
    expect(auditOf(ids.chessAway!, 'duplicate.merged')).toHaveLength(1);
    expect(auditOf(ids.chessKeep!, 'duplicate.merged')).toHaveLength(1);
    expect(auditOf(ids.chessKeep!, 'archive')).toHaveLength(0);
    expect(t.app.db.select().from(outbox).where(eq(outbox.offeringId, ids.chessAway!)).all().map((e) => e.reason)).toEqual(['archive']);
    await outboxDrained(t.app);
    expect((await search(t.app, 'q=Zwieselkante&region=09276')).hits.map((h) => h.id)).toEqual([ids.chessKeep]);

    const body = await duplicates(coordinator, 'region=09276&show=all');
    expect(groupsOf(body)).not.toContain(same(ids.chessKeep!, ids.chessAway!).replace('same_entry', 'open'));
    const merged = body.groups.find((g) => g.decision?.id === decision.id)!;
    expect(merged.offerings.map((o) => o.status)).toEqual(['published', 'archived']);
    expect(merged.suggestedKeepId).toBe(ids.chessKeep);
    expect(body.groups.filter((g) => g.decision === null).flatMap((g) => g.offeringIds)).not.toContain(ids.chessAway);
  });

  it('rolls a merge back entirely when a member cannot be archived', async () => {
    const before = t.app.db.select().from(duplicateDecisions).all().length;
    // An archived member is refused before anything is written.
    await decide(coordinator, { kind: 'same_entry', offeringIds: [ids.chessKeep, ids.chessAway], decision: 'merged', keepId: ids.chessKeep }, 409);
    expect(t.app.db.select().from(duplicateDecisions).all()).toHaveLength(before);
  });

  it('lists decided groups newest decision first, paged like the open ones', async () => {
    const decided = await duplicates(coordinator, 'region=09276&show=decided');
    const newestFirst = decided.groups.map((g) => g.decision!.id);
    expect(newestFirst).toHaveLength(3);
    expect(newestFirst).toEqual([...newestFirst].sort((a, b) => b - a));
    expect([decided.total, decided.counts.decided]).toEqual([3, 3]);
    const second = await duplicates(coordinator, 'region=09276&show=decided&perPage=2&page=2');
    expect([second.total, second.groups.map((g) => g.decision!.id)]).toEqual([3, [newestFirst[2]]]);
  });
});

describe('DELETE /api/duplicates/decisions/:id', () => {
  const stored = (kind: string, decision: string) =>
    t.app.db.select().from(duplicateDecisions).where(and(eq(duplicateDecisions.kind, kind as 'same_entry'), eq(duplicateDecisions.decision, decision as 'merged'))).get()!;

  it('withdraws a decision: the pair is found again, with an audit entry per member', async () => {
    const decision = stored('same_entry', 'not_duplicate');
    const bw = await signIn(t.app, world.users.coordinator08.email, world.users.coordinator08.password);
    // Outside the region and not there at all answer alike, so no other region's decision ids leak; admins hear 404.
    const outside = await bw.request('DELETE', `/api/duplicates/decisions/${decision.id}`);
    const unknown = await coordinator.request('DELETE', '/api/duplicates/decisions/999999');
    expect([outside.statusCode, outside.json().error]).toEqual([403, 'outside_region']);
    expect(unknown.json()).toEqual(outside.json());
    expect((await admin.request('DELETE', '/api/duplicates/decisions/999999')).statusCode).toBe(404);
    expect((await coordinator.request('DELETE', `/api/duplicates/decisions/${decision.id}`)).statusCode).toBe(204);
    expect(t.app.db.select().from(duplicateDecisions).where(eq(duplicateDecisions.id, decision.id)).get()).toBeUndefined();
    expect(auditOf(ids.hwPending!, 'duplicate.undo')).toHaveLength(1);
    expect(groupsOf(await duplicates(coordinator))).toContain(same(ids.hwPublished!, ids.hwPending!));
  });

  it('refuses to withdraw a merge (409): archived entries are restored by hand', async () => {
    const merge = stored('same_entry', 'merged');
    const res = await coordinator.request('DELETE', `/api/duplicates/decisions/${merge.id}`);
    expect([res.statusCode, res.json().error]).toEqual([409, 'invalid_state']);
    expect(res.json().message).toContain('restored by hand');
  });

  it('keeps a decision when its author\'s account is deleted, without their name', async () => {
    const temp = createUser(t.app.db, { email: 'vertretung@test.example', role: 'coordinator', regionPrefix: '08', displayName: 'Vertretung' });
    const client = await signIn(t.app, temp.email, temp.password);
    const decision = await decide(client, { kind: 'same_entry', offeringIds: [ids.lesePublished, ids.lesePending], decision: 'intended' });
    expect(decision.by).toBe('Vertretung');
    t.app.db.delete(users).where(eq(users.id, temp.id)).run();
    const body = await duplicates(admin, 'region=08&show=decided');
    expect(body.groups.map((g) => [g.decision?.id, g.decision?.by])).toEqual([[decision.id, null]]);
    expect(t.app.db.select().from(auditLog).where(like(auditLog.action, 'duplicate.%')).all().length).toBeGreaterThan(0);
  });
});

describe('decided groups stay inside the region asked for', () => {
  const seenIn = (body: DuplicatesResponse) =>
    body.groups.flatMap((g) => [...g.offeringIds, ...g.offerings.map((o) => o.id), ...(g.decision?.offeringIds ?? []), g.decision?.keepId ?? 0]);

  it('shows a coordinator no decision that reaches beyond their region, while it still settles its pairs', async () => {
    // An admin decides on entries of Regen and Freiburg at once: the decision's region is all of Germany.
    const across = await decide(admin, { kind: 'same_entry', offeringIds: [ids.hwPublished, ids.hwPending, ids.lesePending], decision: 'not_duplicate' });
    expect(t.app.db.select().from(duplicateDecisions).where(eq(duplicateDecisions.id, across.id)).get()!.regionKey).toBe('');
    for (const show of ['open', 'decided', 'all']) {
      const regen = await duplicates(coordinator, `region=09276&show=${show}`);
      expect(seenIn(regen), show).not.toContain(ids.lesePending);
      expect(regen.groups.map((g) => g.decision?.id), show).not.toContain(across.id);
      const freiburg = await duplicates(admin, `region=08&show=${show}`);
      expect(seenIn(freiburg), show).not.toContain(ids.hwPublished);
      expect(seenIn(freiburg), show).not.toContain(ids.hwPending);
    }
    // Its pairs stay settled where they are looked at.
    expect(groupsOf(await duplicates(coordinator))).not.toContain(same(ids.hwPublished!, ids.hwPending!));
  });

  it('leaves out members whose site has moved out of the region since', async () => {
    const db = t.app.db;
    const site = db.insert(locations).values({ providerId: world.A.organisation.id, street: 'Zwieseler Straße 5', ...REGEN }).returning().get();
    const music = { categories: ['music_arts'], phases: ['early_childhood'], minAge: 3, maxAge: 5 } as Partial<OfferingInput>;
    const x = addOffering(db, world.A.organisation.id, world.A.site.id, 'published', { title: 'Musikgarten', ...music });
    const y = addOffering(db, world.A.organisation.id, world.A.site.id, 'published', { title: 'Musikzwerge', ...music });
    const z = addOffering(db, world.A.organisation.id, site.id, 'published', { title: 'Musikmäuse', ...music });
    const decision = await decide(coordinator, { kind: 'parallel', offeringIds: [x, y, z], decision: 'intended' });
    // An admin moves the site to Freiburg, entries and all.
    const moved = await admin.request('PATCH', `/api/sites/${site.id}`, { postcode: FREIBURG.postcode, city: FREIBURG.city, lat: FREIBURG.lat, lng: FREIBURG.lng });
    expect(moved.statusCode).toBe(200);
    const body = await duplicates(coordinator, 'region=09276&show=decided');
    const group = body.groups.find((g) => g.decision?.id === decision.id)!;
    expect([group.offeringIds, group.offerings.map((o) => o.id), group.decision!.offeringIds]).toEqual([[x, y], [x, y], [x, y]]);
    expect(seenIn(body)).not.toContain(z);
  });

  it('lists a group once, with its newest decision, even where older data holds two on it', async () => {
    const pair = [ids.lesePublished!, ids.lesePending!].sort((a, b) => a - b);
    // Two decisions on one group, as stored before contradicting ones were refused.
    const older = t.app.db.select().from(duplicateDecisions).where(eq(duplicateDecisions.regionKey, FREIBURG.regionKey)).all();
    expect(older.map((d) => d.offeringIds)).toEqual([pair]);
    const newer = t.app.db.insert(duplicateDecisions).values({
      kind: 'same_entry', offeringIds: pair, decision: 'not_duplicate', keepId: null, note: null, regionKey: FREIBURG.regionKey, decidedBy: world.users.admin.id,
    }).returning().get();
    const body = await duplicates(admin, 'region=08&show=decided');
    expect(body.groups.map((g) => [g.id, g.decision?.id])).toEqual([[same(...pair), newer.id]]);
    expect([body.total, body.counts.decided]).toEqual([1, 1]);
    const all = await duplicates(admin, 'region=08&show=all');
    expect(all.groups.filter((g) => g.id === same(...pair))).toHaveLength(1);
  });
});

describe('GET /api/duplicates: detection cached per region', () => {
  it('finds the groups once for all pages, kinds and people, and again once an offering, a site or a decision changed', async () => {
    const db = t.app.db;
    const pottery = { categories: ['music_arts'], phases: ['secondary_school'], minAge: 12, maxAge: 16 } as Partial<OfferingInput>;
    const first = addOffering(db, world.A.organisation.id, world.A.site.id, 'published', { title: 'Töpferwerkstatt', ...pottery });
    const second = addOffering(db, world.A.organisation.id, world.A.site.id, 'pending', { title: 'Töpfer-Werkstatt', ...pottery });
    const group = same(first, second);
    const memberOf = (body: DuplicatesResponse, id: number) => body.groups.find((g) => g.id === group)?.offerings.find((o) => o.id === id);

    // A new offering: detection runs again.
    const before = detectionRuns();
    expect(groupsOf(await duplicates(coordinator))).toContain(group);
    expect(detectionRuns()).toBe(before + 1);
    await duplicates(coordinator, 'region=09276&page=2&perPage=1');
    await duplicates(coordinator, 'region=09276&kind=parallel&show=all');
    await duplicates(admin, 'region=09276');
    expect(detectionRuns()).toBe(before + 1);

    // An edit of an offering (every change stamps updated_at).
    updateOffering(db, first, { title: 'Töpferwerkstatt Regen' });
    expect(memberOf(await duplicates(coordinator), first)?.title).toBe('Töpferwerkstatt Regen');
    expect(detectionRuns()).toBe(before + 2);
    await duplicates(coordinator);
    expect(detectionRuns()).toBe(before + 2);

    // An edit of a site, which the offerings' rows do not show.
    const edited = await admin.request('PATCH', `/api/sites/${world.A.site.id}`, { street: 'Stadtplatz 7' });
    expect(edited.statusCode).toBe(200);
    expect(memberOf(await duplicates(coordinator), first)?.street).toBe('Stadtplatz 7');
    expect(detectionRuns()).toBe(before + 3);

    // A decision.
    await decide(coordinator, { kind: 'same_entry', offeringIds: [first, second], decision: 'not_duplicate' });
    expect(groupsOf(await duplicates(coordinator))).not.toContain(group);
    expect(detectionRuns()).toBe(before + 4);

    // A status change (archiving stamps updated_at too) and another region in between; 09276 stays cached.
    await duplicates(admin, 'region=08');
    expect(detectionRuns()).toBe(before + 5);
    await duplicates(coordinator);
    expect(detectionRuns()).toBe(before + 5);
    updateOffering(db, second, { status: 'archived' });
    const after = await duplicates(coordinator, 'region=09276&show=decided');
    expect(after.groups.find((g) => g.id === group)?.offerings.map((o) => o.status)).toEqual(['published', 'archived']);
    await duplicates(coordinator);
    expect(detectionRuns()).toBe(before + 6);
  });
});

describe('DetectionCache', () => {
  it('keeps an entry while its fingerprint holds, for at most its time to live, and the most recently used entries', () => {
    let clock = 0;
    const cache = new DetectionCache<number>({ maxEntries: 2, ttlMs: 60_000, now: () => clock });
    let computed = 0;
    const compute = () => ++computed;
    expect(cache.get('09276', 'a', compute)).toBe(1);
    expect(cache.get('09276', 'a', compute)).toBe(1);
    expect(cache.get('09276', 'b', compute)).toBe(2);
    clock += 59_999;
    expect(cache.get('09276', 'b', compute)).toBe(2);
    clock += 2;
    expect(cache.get('09276', 'b', compute)).toBe(3);
    expect(cache.get('08', 'b', compute)).toBe(4);
    expect(cache.get('09276', 'b', compute)).toBe(3);
    expect(cache.get('09', 'b', compute)).toBe(5);
    // 08 was used least recently and had to go.
    expect(cache.get('08', 'b', compute)).toBe(6);
    expect(cache.get('09', 'b', compute)).toBe(5);
  });
});
