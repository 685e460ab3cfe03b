import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { locations } from '../../server/db/schema';
import { signIn } from '../helpers/accounts';
import { buildWorld, resetWorld, type World } from '../helpers/moderation-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

// A site's place is part of what the public sees of every published entry there. A member may refine it
// (the pin, the street), but not carry published entries into another municipality without review.

let testApp: TestApp;
let world: World;

describe('PATCH /api/sites/:id', () => {
  beforeAll(async () => {
    testApp = await startTestApp({ fill: (db) => { world = buildWorld(db); } });
  });
  afterAll(async () => {
    await testApp?.close();
  });
  beforeEach(() => resetWorld(testApp.app.db, world));

  const siteOf = (id: number) => testApp.app.db.select().from(locations).where(eq(locations.id, id)).get()!;

  it('refuses a member moving a site with published entries into another municipality', async () => {
    const provider = await signIn(testApp.app, world.users.providerA.email, world.users.providerA.password);
    const res = await provider.request('PATCH', `/api/sites/${world.A.site.id}`, { postcode: '79098', city: 'Freiburg im Breisgau' });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({ error: 'site_has_published_offerings', details: { publishedOfferings: 1 } });
    expect(siteOf(world.A.site.id).regionKey).toBe(world.A.site.regionKey);
  });

  it('lets a member move the pin and the street of that site, and move a site without published entries anywhere', async () => {
    const provider = await signIn(testApp.app, world.users.providerA.email, world.users.providerA.password);
    const pin = await provider.request('PATCH', `/api/sites/${world.A.site.id}`, { street: 'Stadtplatz 2', lat: 48.971, lng: 13.125 });
    expect(pin.statusCode, pin.body).toBe(200);
    expect(siteOf(world.A.site.id)).toMatchObject({ street: 'Stadtplatz 2', lat: 48.971, lng: 13.125 });
    const spare = await provider.request('PATCH', `/api/sites/${world.A.spareSite.id}`, { postcode: '79098', city: 'Freiburg im Breisgau' });
    expect(spare.statusCode, spare.body).toBe(200);
    expect(siteOf(world.A.spareSite.id).regionKey).toBe('08311000');
  });
});
