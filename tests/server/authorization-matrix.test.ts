import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connection';
import { duplicateDecisions } from '../../server/db/schema';
import { anonymousClient, signIn, type Client, type Method } from '../helpers/accounts';
import {
  buildWorld, FREIBURG, offeringInput, REGEN, resetWorld, roles, type OrganisationFixture, type Role, type World,
} from '../helpers/moderation-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

// Every private or state-changing route × every role × own and other resources, each cell with the exact
// status. Columns (in this order): anonymous, provider A, provider A with unconfirmed e-mail, provider B,
// provider without organisation, coordinator of 09276 (Landkreis Regen, where A sits), coordinator of 08
// (Baden-Württemberg, where B sits), admin. A cell that may change data runs on fresh fixtures.

type Target = { label: string; path: (w: World) => string; body?: (w: World) => unknown };
type Row = [target: Target, statuses: string];

const offering = (org: 'A' | 'B', state: 'draft' | 'pending' | 'published', suffix = ''): Target => ({
  label: `${org}.${state}`,
  path: (w) => `/api/manage/offerings/${w[org][state].id}${suffix}`,
});
const onOfferings = (suffix: string, statuses: Record<string, string>): Row[] =>
  Object.entries(statuses).map(([label, s]) => {
    const [org, state] = label.split('.') as ['A' | 'B', 'draft' | 'pending' | 'published'];
    return [offering(org, state, suffix), s];
  });
const reviewOf = (suffix: string, statuses: Record<string, string>, body?: unknown): Row[] =>
  Object.entries(statuses).map(([label, s]) => {
    const [org, state] = label.split('.') as ['A' | 'B', 'draft' | 'pending' | 'published'];
    return [{ label, path: (w) => `/api/review/offerings/${w[org][state].id}${suffix}`, body: body === undefined ? undefined : () => body }, s];
  });
const org = (which: 'A' | 'B', suffix = '', body?: (w: World) => unknown): Target => ({
  label: which, path: (w) => `/api/organisations/${w[which].organisation.id}${suffix}`, body,
});
const site = (which: 'A' | 'B', key: keyof Pick<OrganisationFixture, 'site' | 'spareSite'>, body?: unknown): Target => ({
  label: `${which}.${key}`, path: (w) => `/api/sites/${w[which][key].id}`, body: body === undefined ? undefined : () => body,
});
const fixed = (path: string, body?: (w: World) => unknown): Target => ({ label: path, path: () => path, body });

// For routes that read an offering, its history, and (with the same answers) archive and confirm.
const readable = {
  'A.draft': '401 200 200 404 404 200 403 200',
  'A.pending': '401 200 200 404 404 200 403 200',
  'A.published': '401 200 200 403 403 200 403 200',
  'B.draft': '401 404 404 200 404 403 200 200',
  'B.pending': '401 404 404 200 404 403 200 200',
  'B.published': '401 403 403 200 403 403 200 200',
};
// Changes that coordinators of the region may make too; an unconfirmed e-mail stops every change of one's
// own, and another organisation's hidden entry stays hidden (404) whether or not the address is confirmed.
const changeable = {
  'A.draft': '401 200 403 404 404 200 403 200',
  'A.pending': '401 200 403 404 404 200 403 200',
  'A.published': '401 200 403 403 403 200 403 200',
  'B.draft': '401 404 404 200 404 403 200 200',
  'B.pending': '401 404 404 200 404 403 200 200',
  'B.published': '401 403 403 200 403 403 200 200',
};
const reviewDecision = {
  'A.draft': '401 403 403 403 403 409 403 409',
  'A.pending': '401 403 403 403 403 200 403 200',
  'A.published': '401 403 403 403 403 409 403 409',
  'B.draft': '401 403 403 403 403 403 409 409',
  'B.pending': '401 403 403 403 403 403 200 200',
  'B.published': '401 403 403 403 403 403 409 409',
};
const queue: Row[] = [
  [fixed(''), '401 403 403 403 403 200 200 200'],
  [fixed('?region=08'), '401 403 403 403 403 403 200 200'],
  [fixed('?region=09276'), '401 403 403 403 403 200 403 200'],
];
const withQuery = (base: string, rows: Row[]): Row[] => rows.map(([t, s]) => [{ ...t, label: `${base}${t.label}`, path: () => `${base}${t.label}` }, s]);
const siteBody = (place: typeof REGEN) => ({ street: 'Marktplatz 3', postcode: place.postcode, city: place.city });
/** A new address for every cell: an invitation that succeeded leaves its account behind until the reset. */
let invited = 0;
const invitation = () => ({ email: `eingeladen-${++invited}@test.example`, displayName: 'Neue Kollegin' });
const member = (which: 'A' | 'B', of: 'A' | 'B'): Target => ({
  label: `${which}/colleague ${of}`, path: (w) => `/api/organisations/${w[which].organisation.id}/members/${w.colleagues[of].id}`,
});
/** The import's body: the CSV template itself (headers, no rows), so a permitted dry run has nothing to refuse. */
let csvTemplate = '';

/** A decision on two entries of A (Regen), one on two of B (Freiburg), and a merge of A's: ids 1, 2, 3. */
function seedDecisions(db: Db, w: World): void {
  const row = (id: number, which: 'A' | 'B', decision: 'not_duplicate' | 'merged', regionKey: string) => ({
    id, kind: 'same_entry' as const, offeringIds: [w[which].pending.id, w[which].published.id].sort((a, b) => a - b), decision,
    keepId: decision === 'merged' ? w[which].published.id : null, regionKey,
  });
  db.insert(duplicateDecisions).values([
    row(1, 'A', 'not_duplicate', REGEN.regionKey), row(2, 'B', 'not_duplicate', FREIBURG.regionKey), row(3, 'A', 'merged', REGEN.regionKey),
  ]).run();
}
const decisionOn = (which: 'A' | 'B', states: ['draft' | 'pending' | 'published', 'draft' | 'pending' | 'published'], decision = 'not_duplicate', kind = 'same_entry'): Target => ({
  label: `${which}.${states.join('+')} ${kind} ${decision}`,
  path: () => '/api/duplicates/decisions',
  body: (w) => ({ kind, offeringIds: states.map((s) => w[which][s].id), decision, note: 'Matrix' }),
});

/** The table. Keys are `METHOD pattern` exactly as registered; CSV routes run once they are registered. */
const matrix: Record<string, Row[]> = {
  'GET /api/manage/offerings': [[fixed('/api/manage/offerings'), '401 200 200 200 200 200 200 200']],
  'POST /api/manage/offerings': [
    [fixed('/api/manage/offerings', (w) => offeringInput(w.A.site.id)), '401 201 403 400 403 403 403 201'],
    [fixed('/api/manage/offerings', (w) => offeringInput(w.B.site.id)), '401 400 403 201 403 403 403 201'],
  ],
  'GET /api/manage/offerings/:id': onOfferings('', readable),
  'GET /api/manage/offerings/:id/history': onOfferings('/history', readable),
  'PATCH /api/manage/offerings/:id': onOfferings('', changeable).map(([t, s]) => [{ ...t, body: () => ({ title: 'Geänderter Titel' }) }, s]),
  'DELETE /api/manage/offerings/:id': onOfferings('', {
    'A.draft': '401 204 403 404 404 403 403 204',
    'A.pending': '401 409 403 404 404 403 403 409',
    'A.published': '401 409 403 403 403 403 403 409',
    'B.draft': '401 404 404 204 404 403 403 204',
    'B.pending': '401 404 404 409 404 403 403 409',
    'B.published': '401 403 403 409 403 403 403 409',
  }),
  'POST /api/manage/offerings/:id/submit': onOfferings('/submit', {
    'A.draft': '401 200 403 404 404 403 403 200',
    'A.pending': '401 409 403 404 404 403 403 409',
    'A.published': '401 409 403 403 403 403 403 409',
    'B.draft': '401 404 404 200 404 403 403 200',
    'B.pending': '401 404 404 409 404 403 403 409',
    'B.published': '401 403 403 409 403 403 403 409',
  }),
  'POST /api/manage/offerings/:id/withdraw': onOfferings('/withdraw', {
    'A.draft': '401 409 403 404 404 403 403 409',
    'A.pending': '401 200 403 404 404 403 403 200',
    'A.published': '401 409 403 403 403 403 403 409',
    'B.draft': '401 404 404 409 404 403 403 409',
    'B.pending': '401 404 404 200 404 403 403 200',
    'B.published': '401 403 403 409 403 403 403 409',
  }),
  'POST /api/manage/offerings/:id/archive': onOfferings('/archive', changeable),
  'POST /api/manage/offerings/:id/confirm': onOfferings('/confirm', changeable),
  'GET /api/review/queue': withQuery('/api/review/queue', queue),
  'GET /api/review/stale': withQuery('/api/review/stale', queue),
  'GET /api/review/offerings/:id': reviewOf('', {
    'A.draft': '401 403 403 403 403 200 403 200',
    'A.pending': '401 403 403 403 403 200 403 200',
    'A.published': '401 403 403 403 403 200 403 200',
    'B.draft': '401 403 403 403 403 403 200 200',
    'B.pending': '401 403 403 403 403 403 200 200',
    'B.published': '401 403 403 403 403 403 200 200',
  }),
  'POST /api/review/offerings/:id/publish': reviewOf('/publish', reviewDecision),
  'POST /api/review/offerings/:id/reject': reviewOf('/reject', reviewDecision, { reason: 'Bitte die Altersangabe prüfen.' }),
  'POST /api/organisations': [
    [fixed('/api/organisations', () => ({ name: 'Neue Initiative', kind: 'volunteer_initiative', regionKey: REGEN.regionKey })), '401 409 403 409 201 403 403 201'],
  ],
  'GET /api/organisations/:id': [[org('A'), '401 200 200 404 404 200 403 200'], [org('B'), '401 404 404 200 404 403 200 200']],
  'PATCH /api/organisations/:id': [
    [org('A', '', () => ({ description: 'Wir lernen gemeinsam.' })), '401 200 403 404 404 403 403 200'],
    [org('B', '', () => ({ description: 'Wir lernen gemeinsam.' })), '401 404 404 200 404 403 403 200'],
  ],
  'POST /api/organisations/:id/verify': [[org('A', '/verify'), '401 403 403 403 403 200 403 200'], [org('B', '/verify'), '401 403 403 403 403 403 200 200']],
  'POST /api/organisations/:id/sites': [
    [org('A', '/sites', () => siteBody(REGEN)), '401 201 403 404 404 403 403 201'],
    [org('B', '/sites', () => siteBody(FREIBURG)), '401 404 404 201 404 403 403 201'],
  ],
  'PATCH /api/sites/:id': [
    [site('A', 'site', { name: 'Treffpunkt' }), '401 200 403 404 404 200 403 200'],
    [site('B', 'site', { name: 'Treffpunkt' }), '401 404 404 200 404 403 200 200'],
  ],
  'DELETE /api/sites/:id': [
    [site('A', 'site'), '401 409 403 404 404 403 403 409'],
    [site('A', 'spareSite'), '401 204 403 404 404 403 403 204'],
    [site('B', 'site'), '401 404 404 409 404 403 403 409'],
    [site('B', 'spareSite'), '401 404 404 204 404 403 403 204'],
  ],
  'GET /api/sites/position': [
    [fixed(`/api/sites/position?postcode=${REGEN.postcode}`), '401 200 200 200 200 200 200 200'],
    [fixed('/api/sites/position?postcode=00000'), '401 400 400 400 400 400 400 400'],
  ],
  // Members: personal data, so coordinators get 403 even in their region; unconfirmed members only look.
  'GET /api/organisations/:id/members': [
    [org('A', '/members'), '401 200 200 404 404 403 403 200'],
    [org('B', '/members'), '401 404 404 200 404 403 403 200'],
  ],
  'POST /api/organisations/:id/members': [
    [org('A', '/members', invitation), '401 201 403 404 404 403 403 201'],
    [org('B', '/members', invitation), '401 404 404 201 404 403 403 201'],
    // An address with an account: refused to whoever may invite, before anything else happens.
    [org('A', '/members', (w) => ({ email: w.users.providerB.email, displayName: 'B' })), '401 409 403 404 404 403 403 409'],
  ],
  'DELETE /api/organisations/:id/members/:userId': [
    [member('A', 'A'), '401 204 403 404 404 403 403 204'],
    [member('B', 'B'), '401 404 404 204 404 403 403 204'],
    // Someone who is not a member of that organisation.
    [member('A', 'B'), '401 404 403 404 404 403 403 404'],
  ],
  // The CSV routes (written elsewhere) answer by the same rules.
  'GET /api/manage/offerings-template.csv': [[fixed('/api/manage/offerings-template.csv'), '401 200 200 200 200 200 200 200']],
  'GET /api/organisations/:id/offerings.csv': [
    [org('A', '/offerings.csv'), '401 200 200 404 404 200 403 200'],
    [org('B', '/offerings.csv'), '401 404 404 200 404 403 200 200'],
  ],
  'POST /api/organisations/:id/import': [
    [org('A', '/import?dryRun=true', () => csvTemplate), '401 200 403 404 404 403 403 200'],
    [org('B', '/import?dryRun=true', () => csvTemplate), '401 404 404 200 404 403 403 200'],
  ],
  // Duplicate structures: coordinators of the region and admins; everyone else hears so before the input is checked.
  'GET /api/duplicates': [
    [fixed('/api/duplicates?region=09276'), '401 403 403 403 403 200 403 200'],
    [fixed('/api/duplicates?region=09276138&show=all'), '401 403 403 403 403 200 403 200'],
    [fixed('/api/duplicates?region=08'), '401 403 403 403 403 403 200 200'],
    [fixed('/api/duplicates'), '401 403 403 403 403 400 400 400'],
  ],
  'POST /api/duplicates/decisions': [
    [decisionOn('A', ['pending', 'published'], 'intended', 'parallel'), '401 403 403 403 403 201 403 201'],
    [decisionOn('B', ['pending', 'published'], 'intended', 'parallel'), '401 403 403 403 403 403 201 201'],
    // Decisions 1 and 2 already decided these same entries: a second decision is refused whatever its outcome.
    [decisionOn('A', ['pending', 'published'], 'intended'), '401 403 403 403 403 409 403 409'],
    [decisionOn('B', ['pending', 'published'], 'intended'), '401 403 403 403 403 403 409 409'],
    // A draft is no candidate; across two states only an admin may decide (and then the draft is refused).
    [decisionOn('A', ['draft', 'published']), '401 403 403 403 403 409 403 409'],
    [{ ...decisionOn('A', ['published', 'published']), label: 'A.published+B.published', body: (w) => ({ kind: 'parallel', offeringIds: [w.A.published.id, w.B.published.id], decision: 'intended' }) }, '401 403 403 403 403 403 403 201'],
  ],
  'DELETE /api/duplicates/decisions/:id': [
    [fixed('/api/duplicates/decisions/1'), '401 403 403 403 403 204 403 204'],
    [fixed('/api/duplicates/decisions/2'), '401 403 403 403 403 403 204 204'],
    [fixed('/api/duplicates/decisions/3'), '401 403 403 403 403 409 403 409'],
    // Unknown and outside the region answer alike to coordinators, so other regions' ids do not leak.
    [fixed('/api/duplicates/decisions/99'), '401 403 403 403 403 403 403 404'],
  ],
};
const csvRoutes = new Set(['GET /api/manage/offerings-template.csv', 'GET /api/organisations/:id/offerings.csv', 'POST /api/organisations/:id/import']);
const privatePrefixes = ['/api/manage', '/api/review', '/api/organisations', '/api/sites', '/api/duplicates'];

/** `METHOD path` of every registered route, from Fastify's route tree (HEAD is implied by GET). */
function registeredRoutes(tree: string): string[] {
  const found: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    const path = (stack[depth - 1] ?? '') + match[2]!;
    stack.push(path);
    for (const method of (match[3] ?? '').split(',').map((m) => m.trim()).filter((m) => m && m !== 'HEAD')) found.push(`${method} ${path}`);
  }
  return found;
}

let t: TestApp;
let world: World;
const clients = {} as Record<Role, Client>;
let registered: Set<string>;
let dirty = false;

beforeAll(async () => {
  t = await startTestApp({ fill: (db) => { world = buildWorld(db); seedDecisions(db, world); } });
  // One address per role, as separate people have: the account routes' rate limit counts per address, and
  // all roles together send more invitations than one person may within a minute.
  const address = (role: Role) => ({ remoteAddress: `10.0.0.${roles.indexOf(role) + 1}` });
  clients.anonymous = await anonymousClient(t.app, address('anonymous'));
  for (const role of roles) {
    if (role !== 'anonymous') clients[role] = await signIn(t.app, world.users[role].email, world.users[role].password, address(role));
  }
  registered = new Set(registeredRoutes(t.app.printRoutes({ commonPrefix: false })));
  if (registered.has('GET /api/manage/offerings-template.csv')) {
    csvTemplate = (await clients.admin.request('GET', '/api/manage/offerings-template.csv')).body;
  }
});
afterAll(async () => t?.close());

describe('the authorisation matrix', () => {
  it('lists every registered private route', () => {
    const private_ = [...registered].filter((r) => privatePrefixes.some((p) => r.split(' ')[1]!.startsWith(p)));
    expect(private_.length).toBeGreaterThan(20);
    expect(private_.filter((r) => !(r in matrix))).toEqual([]);
    expect(Object.keys(matrix).filter((r) => !csvRoutes.has(r) && !registered.has(r))).toEqual([]);
  });

  for (const [route, rows] of Object.entries(matrix)) {
    const method = route.split(' ')[0] as Method;
    describe(route, () => {
      for (const [target, statuses] of rows) {
        const expected = statuses.split(' ').map(Number);
        roles.forEach((role, i) => {
          it(`${target.label} as ${role} → ${expected[i]}`, async (context) => {
            if (csvRoutes.has(route) && !registered.has(route)) return context.skip();
            if (dirty) {
              resetWorld(t.app.db, world);
              seedDecisions(t.app.db, world);
            }
            dirty = method !== 'GET';
            const body = target.body?.(world);
            const headers = typeof body === 'string' ? { 'content-type': 'text/csv' } : undefined;
            const res = await clients[role].request(method, target.path(world), body, headers);
            expect(res.statusCode, `${method} ${target.path(world)} as ${role}: ${res.body.slice(0, 300)}`).toBe(expected[i]);
          });
        });
      }
    });
  }
});
