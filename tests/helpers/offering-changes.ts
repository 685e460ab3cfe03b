import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/connection';
import { locations, offerings, providers, type NewOfferingRow } from '../../server/db/schema';
import { enqueueOfferingChanges, publishedForIndex } from '../../server/repos/outbox-repo';
import { toSearchDocument } from '../../server/search/documents';
import type { MeiliClient } from '../../server/search/meili-client';
import { FREIBURG, offeringDefaults } from './fixtures';
import { seededRandom } from './seeded-random';

// Changes to offerings exactly as the services make them: the write and its outbox entry in one
// transaction. The moderation routes are being written elsewhere; once they exist, these helpers can be
// swapped for API calls without changing the tests that use them.

type Status = NewOfferingRow['status'];

export interface ChangeSite {
  db: Db;
  providerId: number;
  locationIds: number[];
}

/** A provider with a few sites around Freiburg, for the offerings the changes create. */
export function changeSite(db: Db, sites = 5): ChangeSite {
  const provider = db
    .insert(providers)
    .values({ name: 'Lernwerkstatt Outbox e.V.', kind: 'association', description: '', regionKey: FREIBURG.regionKey })
    .returning({ id: providers.id })
    .get();
  const locationIds = Array.from({ length: sites }, (_, i) =>
    db
      .insert(locations)
      .values({
        providerId: provider.id, street: `Teststraße ${i + 1}`, postcode: FREIBURG.postcode, city: FREIBURG.city,
        regionKey: FREIBURG.regionKey, lat: FREIBURG.lat + i * 0.01, lng: FREIBURG.lng + i * 0.013,
      })
      .returning({ id: locations.id })
      .get().id,
  );
  return { db, providerId: provider.id, locationIds };
}

/** Creates an offering (a draft unless told otherwise), with its outbox entry. */
export function createOffering(site: ChangeSite, fields: Partial<NewOfferingRow> & { title: string }): number {
  return site.db.transaction((tx) => {
    const { id } = tx
      .insert(offerings)
      .values({
        providerId: site.providerId,
        locationId: site.locationIds[fields.title.length % site.locationIds.length]!,
        ...offeringDefaults,
        description: 'Ein Angebot für Kinder und Jugendliche in Freiburg.',
        status: 'draft',
        lastConfirmedAt: '2026-10-01',
        ...fields,
      })
      .returning({ id: offerings.id })
      .get();
    enqueueOfferingChanges(tx, [id], 'create');
    return id;
  });
}

/** Changes fields of an offering, with its outbox entry. */
export function editOffering(site: ChangeSite, id: number, fields: Partial<NewOfferingRow>, reason = 'edit'): void {
  site.db.transaction((tx) => {
    tx.update(offerings).set({ ...fields, updatedAt: new Date().toISOString() }).where(eq(offerings.id, id)).run();
    enqueueOfferingChanges(tx, [id], reason);
  });
}

export const publishOffering = (site: ChangeSite, id: number) => editOffering(site, id, { status: 'published' }, 'publish');
export const archiveOffering = (site: ChangeSite, id: number) => editOffering(site, id, { status: 'archived' }, 'archive');
export const rejectOffering = (site: ChangeSite, id: number) =>
  editOffering(site, id, { status: 'rejected', rejectionReason: 'Bitte Ort ergänzen' }, 'reject');

/**
 * `count` changes of every kind — create, edit, publish, reject, archive — over a growing set of
 * offerings, each in its own transaction with its outbox entry. Returns the ids touched.
 */
export function makeChanges(site: ChangeSite, count: number, seed = 1, titlePrefix = 'Lernhilfe'): number[] {
  const next = seededRandom(seed);
  const ids: number[] = [];
  const statuses: Status[] = ['published', 'rejected', 'archived', 'pending'];
  for (let i = 0; i < count; i++) {
    const roll = next();
    if (ids.length < 5 || roll < 0.3) {
      const status: Status = next() < 0.5 ? 'published' : 'draft';
      ids.push(createOffering(site, { title: `${titlePrefix} ${i} ${seed}`, status, minAge: 5 + (i % 8), maxAge: 18 }));
      continue;
    }
    const id = ids[Math.floor(next() * ids.length)]!;
    if (roll < 0.6) {
      editOffering(site, id, { title: `${titlePrefix} ${i} geändert`, seatsAvailable: null, maxAge: 12 + (i % 6) });
    } else {
      const status = statuses[Math.floor(next() * statuses.length)]!;
      if (status === 'published') publishOffering(site, id);
      else if (status === 'rejected') rejectOffering(site, id);
      else if (status === 'archived') archiveOffering(site, id);
      else editOffering(site, id, { status: 'pending' }, 'submit');
    }
  }
  return ids;
}

/**
 * JSON with object keys sorted at every level: the same data always gives the same text. Numbers are
 * written with 15 significant digits, the precision every double keeps through a decimal round trip:
 * Meilisearch hands `_geo` back as 48.0061 where JavaScript wrote 48.006099999999996.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'number') return JSON.stringify(Number(value.toPrecision(15)));
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * What the index must hold: id → content hash of the search document of every published offering, and
 * the attributes those documents have (taken from the real mapping, so the list cannot go stale).
 */
export function expectedIndex(db: Db): { hashes: Map<number, string>; fields: string[] } {
  const ids = db.select({ id: offerings.id }).from(offerings).all().map((r) => r.id);
  const documents = publishedForIndex(db, ids).map(toSearchDocument);
  return {
    hashes: new Map(documents.map((d) => [d.id, sha256(canonicalJson(d))])),
    fields: Object.keys(documents[0] ?? { id: 0 }),
  };
}

/** What the index holds: id → content hash of each document, read with the given attributes only. */
export async function indexedDocuments(client: MeiliClient, uid: string, fields: string[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let offset = 0; ; offset += 1000) {
    const page = await client.request<{ results: Record<string, unknown>[] }>(
      'POST', `/indexes/${uid}/documents/fetch`, { offset, limit: 1000, fields },
    );
    for (const doc of page.results) {
      const id = doc.id as number;
      if (out.has(id)) throw new Error(`document ${id} appears twice`);
      out.set(id, sha256(canonicalJson(doc)));
    }
    if (page.results.length < 1000) return out;
  }
}

/** Compares the index with the database; returns the differences as readable lines (empty: equal). */
export async function compareIndexWithDatabase(db: Db, client: MeiliClient, uid: string): Promise<{ documents: number; differences: string[] }> {
  const expected = expectedIndex(db);
  const actual = await indexedDocuments(client, uid, expected.fields);
  return { documents: actual.size, differences: indexDifferences(expected.hashes, actual) };
}

/** Differences between what the index holds and what it must hold, as readable lines (empty: equal). */
export function indexDifferences(expected: Map<number, string>, actual: Map<number, string>): string[] {
  const out: string[] = [];
  for (const [id, hash] of expected) {
    if (!actual.has(id)) out.push(`missing ${id}`);
    else if (actual.get(id) !== hash) out.push(`different ${id}`);
  }
  for (const id of actual.keys()) if (!expected.has(id)) out.push(`unexpected ${id}`);
  return out;
}
