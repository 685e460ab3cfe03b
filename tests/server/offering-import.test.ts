import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../schema';
import { offeringsTemplateCsv } from '../../server/csv/template';
import { auditLog, locations, offeringRevisions, offerings } from '../../server/db/schema';
import { signIn, type Client } from '../helpers/accounts';
import { buildWorld, FREIBURG, offeringInput, resetWorld, type World } from '../helpers/moderation-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

// The CSV routes end to end through the app: a dry run writes nothing and reports every row by line and
// column; a commit writes all rows or none; the export is the template's columns with formulas defused.

let testApp: TestApp;
let world: World;
let providerA: Client;

/** The template's header and example row as cells, to build files from. */
function templateCells(): { header: string[]; example: string[] } {
  const [header, example] = parse(offeringsTemplateCsv().toString('utf8').replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
  return { header: header!, example: example! };
}

/** A CSV file (as text) from rows given as { header: value } changes of the example row. */
function csv(rows: Record<string, string>[], delimiter = ';'): string {
  const { header, example } = templateCells();
  const quote = (cell: string) => (/[;,"\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const lines = [header.map(quote).join(delimiter)];
  for (const changes of rows) {
    lines.push(header.map((h, i) => quote(h in changes ? changes[h]! : example[i]!)).join(delimiter));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function importCsv(client: Client, body: string | Buffer, query = '', organisationId = world.A.organisation.id) {
  return client.request('POST', `/api/organisations/${organisationId}/import${query}`, body, { 'content-type': 'text/csv' });
}

const countOfferings = () => testApp.app.db.select().from(offerings).all().length;

describe('CSV import and export of offerings', () => {
  beforeAll(async () => {
    testApp = await startTestApp({ fill: (db) => { world = buildWorld(db); } });
    providerA = await signIn(testApp.app, world.users.providerA.email, world.users.providerA.password);
  });
  afterAll(async () => {
    await testApp?.close();
  });
  beforeEach(() => {
    resetWorld(testApp.app.db, world);
  });

  it('reports every row of a dry run by line and column, and writes nothing', async () => {
    const before = countOfferings();
    const file = csv([
      { Titel: 'Lesepaten im Pfarrheim' },
      { Nummer: String(world.A.draft.id), Titel: 'Entwurf A, neu betitelt' },
      { Titel: 'Falsche PLZ', PLZ: '99999' },
      { Titel: 'Unbekannte Kategorie', Kategorien: 'Zauberei' },
      { Titel: 'Alter verdreht', 'Alter von': '12', 'Alter bis': '8' },
      { Nummer: String(world.B.draft.id), Titel: 'Fremder Eintrag' },
    ]);
    const res = await importCsv(providerA, file, '?dryRun=true');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as ImportReport;
    expect(report).toMatchObject({ dryRun: true, committed: false, encoding: 'utf-8', delimiter: ';' });
    expect(report.rows.map((r) => [r.line, r.action])).toEqual([
      [2, 'create'], [3, 'update'], [4, 'error'], [5, 'error'], [6, 'error'], [7, 'error'],
    ]);
    expect(report.rows[1]!.changes).toContainEqual(expect.objectContaining({ field: 'title', column: 'Titel', new: 'Entwurf A, neu betitelt' }));
    expect(report.rows[2]!.errors.map((e) => e.column)).toEqual(['PLZ']);
    expect(report.rows[3]!.errors.map((e) => e.column)).toEqual(['Kategorien']);
    expect(report.rows[4]!.errors.map((e) => e.column)).toEqual(['Alter bis']);
    expect(report.rows[5]!.errors.map((e) => e.column)).toEqual(['Nummer']);
    expect(report.summary).toEqual({ create: 1, update: 1, unchanged: 0, errors: 4, newSites: 1 });
    expect(countOfferings()).toBe(before);
  });

  it('refuses to commit a file with any row in error, and writes none of its rows', async () => {
    const before = countOfferings();
    const res = await importCsv(providerA, csv([{ Titel: 'Gute Zeile' }, { Titel: 'Schlechte Zeile', Kosten: 'umsonst?' }]), '?dryRun=false');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: 'import_has_errors', details: { summary: { create: 1, errors: 1 } } });
    expect(countOfferings()).toBe(before);
  });

  it('commits a Windows-1252 file from Excel: new site once, entries for review, audited as the provider', async () => {
    const text = csv([
      { Titel: 'Mathe-Förderung für Grundschüler', Straße: 'Schulstraße 5', Standort: 'Grundschule' },
      { Titel: 'Leseclub „Bücherwürmer“', Straße: 'Schulstr. 5', Standort: 'Grundschule' },
      { Nummer: String(world.A.draft.id), Titel: 'Entwurf A überarbeitet' },
    ]);
    const res = await importCsv(providerA, iconv.encode(text, 'win1252'), '?dryRun=false&submit=true');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as ImportReport;
    // Two new addresses: the school (two spellings, one site) and the template's, which the third row moves to.
    expect(report).toMatchObject({ committed: true, encoding: 'windows-1252', summary: { create: 2, update: 1, errors: 0, newSites: 2 } });
    expect(report.createdIds).toHaveLength(2);
    const db = testApp.app.db;
    const created = report.createdIds.map((id) => db.select().from(offerings).where(eq(offerings.id, id)).get()!);
    expect(created.map((o) => [o.title, o.status])).toEqual([
      ['Mathe-Förderung für Grundschüler', 'pending'],
      ['Leseclub „Bücherwürmer“', 'pending'],
    ]);
    // Both rows name the same new address in two spellings: one new site.
    expect(created[0]!.locationId).toBe(created[1]!.locationId);
    const site = db.select().from(locations).where(eq(locations.id, created[0]!.locationId)).get()!;
    expect(site).toMatchObject({ providerId: world.A.organisation.id, postcode: '94209', regionKey: '09276138', name: 'Grundschule' });
    const draft = db.select().from(offerings).where(eq(offerings.id, world.A.draft.id)).get()!;
    expect([draft.title, draft.status]).toEqual(['Entwurf A überarbeitet', 'pending']);
    const audit = db.select().from(auditLog).where(eq(auditLog.entityId, created[0]!.id)).all();
    expect(audit.map((a) => [a.action, a.actorUserId])).toEqual([['create', world.users.providerA.id], ['submit', world.users.providerA.id]]);
  });

  it('rolls back every row when one fails at commit time (an archived entry cannot be edited)', async () => {
    const db = testApp.app.db;
    db.update(offerings).set({ status: 'archived' }).where(eq(offerings.id, world.A.pending.id)).run();
    const before = countOfferings();
    const res = await importCsv(providerA, csv([
      { Titel: 'Wird wieder entfernt' },
      { Nummer: String(world.A.pending.id), Titel: 'Archiviert, trotzdem geändert' },
    ]), '?dryRun=false');
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({ error: 'import_row_failed', details: { line: 3 } });
    expect(countOfferings()).toBe(before);
    expect(db.select().from(offerings).where(eq(offerings.title, 'Wird wieder entfernt')).all()).toEqual([]);
  });

  it('exports the organisation’s entries with formulas defused, and a re-import of the export changes nothing', async () => {
    const db = testApp.app.db;
    db.update(offerings).set({ title: '=HYPERLINK("http://evil.example","Hier klicken")' }).where(eq(offerings.id, world.A.draft.id)).run();
    const res = await providerA.request('GET', `/api/organisations/${world.A.organisation.id}/offerings.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="Lernfreunde-Regen-e.V.csv"');
    const text = res.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFFNummer;Titel;')).toBe(true);
    expect(text).toContain(`${world.A.draft.id};"'=HYPERLINK(""http://evil.example"",""Hier klicken"")"`);
    expect(text).not.toMatch(/;=HYPERLINK/);
    expect(text).not.toContain('Bildungsbrücke Freiburg'); // only the own organisation's entries

    const again = (await importCsv(providerA, res.rawPayload, '?dryRun=true')).json() as ImportReport;
    expect(again.summary).toEqual({ create: 0, update: 0, unchanged: 3, errors: 0, newSites: 0 });
  });

  it('exports to a coordinator only the entries whose site lies in their region; members and admins get all', async () => {
    const db = testApp.app.db;
    const site = db.insert(locations).values({ providerId: world.A.organisation.id, street: 'Kaiser-Joseph-Straße 1', ...FREIBURG }).returning().get();
    db.insert(offerings).values({
      ...offeringInput(site.id, { title: 'Sprachcafé Freiburg' }), providerId: world.A.organisation.id, status: 'draft', lastConfirmedAt: '2026-01-15',
    }).run();
    const exported = async (client: Client) => {
      const res = await client.request('GET', `/api/organisations/${world.A.organisation.id}/offerings.csv`);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      return res.rawPayload.toString('utf8');
    };
    const coordinator = await signIn(testApp.app, world.users.coordinator09276.email, world.users.coordinator09276.password);
    const admin = await signIn(testApp.app, world.users.admin.email, world.users.admin.password);
    const ofCoordinator = await exported(coordinator);
    expect(ofCoordinator).toContain('Entwurf A');
    expect(ofCoordinator).not.toContain('Sprachcafé Freiburg');
    expect(await exported(providerA)).toContain('Sprachcafé Freiburg');
    expect(await exported(admin)).toContain('Sprachcafé Freiburg');
  });

  it('leaves a row that moves a published entry into another region to someone who may review both regions', async () => {
    const res = await importCsv(providerA, csv([
      { Nummer: String(world.A.published.id), Titel: world.A.published.title, Straße: 'Kaiser-Joseph-Straße 1', PLZ: FREIBURG.postcode, Ort: FREIBURG.city },
    ]), '?dryRun=false');
    expect(res.statusCode, res.body).toBe(200);
    const db = testApp.app.db;
    const revision = db.select().from(offeringRevisions).where(eq(offeringRevisions.offeringId, world.A.published.id)).get();
    const site = db.select().from(locations).where(eq(locations.id, revision?.fields.locationId as number)).get();
    expect([revision?.state, site?.regionKey]).toEqual(['pending', FREIBURG.regionKey]);

    for (const role of ['coordinator09276', 'coordinator08'] as const) {
      const coordinator = await signIn(testApp.app, world.users[role].email, world.users[role].password);
      const refused = await coordinator.request('POST', `/api/review/offerings/${world.A.published.id}/publish`);
      expect([refused.statusCode, refused.json().error], `${role}: ${refused.body.slice(0, 300)}`).toEqual([403, 'outside_region']);
    }
    const admin = await signIn(testApp.app, world.users.admin.email, world.users.admin.password);
    expect((await admin.request('POST', `/api/review/offerings/${world.A.published.id}/publish`)).statusCode).toBe(200);
    expect(db.select().from(offerings).where(eq(offerings.id, world.A.published.id)).get()?.locationId).toBe(site?.id);
  });

  it('answers file problems with a clear error: too large, UTF-16, a spreadsheet instead of CSV', async () => {
    const big = await importCsv(providerA, Buffer.alloc(5 * 1024 * 1024 + 10, 'a'));
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toBe('csv_too_large');
    const utf16 = await importCsv(providerA, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv([{}]), 'utf16le')]));
    expect([utf16.statusCode, utf16.json().error]).toEqual([400, 'csv_utf16']);
    const xlsx = await importCsv(providerA, Buffer.from('PK\u0003\u0004 not a csv'));
    expect([xlsx.statusCode, xlsx.json().error]).toEqual([400, 'csv_binary']);
  });

  it('lets only members import into an organisation, and the template only to those signed in', async () => {
    const providerB = await signIn(testApp.app, world.users.providerB.email, world.users.providerB.password);
    expect((await importCsv(providerB, csv([{}]))).statusCode).toBe(404);
    const coordinator = await signIn(testApp.app, world.users.coordinator09276.email, world.users.coordinator09276.password);
    expect((await importCsv(coordinator, csv([{}]))).statusCode).toBe(403);
    expect((await coordinator.request('GET', `/api/organisations/${world.A.organisation.id}/offerings.csv`)).statusCode).toBe(200);
    expect((await providerB.request('GET', `/api/organisations/${world.A.organisation.id}/offerings.csv`)).statusCode).toBe(404);
    const anonymous = await testApp.app.inject({ method: 'GET', url: '/api/manage/offerings-template.csv' });
    expect(anonymous.statusCode).toBe(401);
    const template = await providerA.request('GET', '/api/manage/offerings-template.csv');
    expect([template.statusCode, template.rawPayload.equals(offeringsTemplateCsv())]).toEqual([200, true]);
  });
});
