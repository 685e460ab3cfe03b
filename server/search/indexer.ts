import type { Db } from '../db/connection';
import { countPublishedOfferings, publishedOfferingsAfter } from '../repos/offerings-repo';
import { toSearchDocument } from './documents';
import { offeringIndexSettings } from './index-settings';
import { MeiliError, type MeiliClient, type MeiliTask } from './meili-client';

export interface ReindexProgress {
  indexed: number;
  total: number;
}

const BATCH = 5000;
/** Enqueued but unfinished document batches; bounds memory while Meilisearch indexes. */
const MAX_BATCHES_IN_FLIGHT = 4;

/** Settings whose list order matters; every other list is compared as a set. */
const orderedSettings = new Set(['rankingRules', 'searchableAttributes']);

/**
 * Whether the current settings already hold everything desired. Meilisearch answers with more keys than
 * were set and in its own order, so only the desired keys count and lists compare as sets where order
 * has no meaning.
 */
export function settingsHold(desired: unknown, current: unknown, ordered = false): boolean {
  if (Array.isArray(desired)) {
    if (!Array.isArray(current) || current.length !== desired.length) return false;
    // Meilisearch may answer words in another Unicode normal form than they were sent in ("für").
    const a = desired.map((v) => JSON.stringify(v).normalize('NFC'));
    const b = current.map((v) => JSON.stringify(v).normalize('NFC'));
    if (!ordered) {
      a.sort();
      b.sort();
    }
    return a.every((v, i) => v === b[i]);
  }
  if (desired && typeof desired === 'object') {
    if (!current || typeof current !== 'object') return false;
    return Object.entries(desired).every(([key, value]) =>
      settingsHold(value, (current as Record<string, unknown>)[key], orderedSettings.has(key)),
    );
  }
  return typeof desired === 'string' && typeof current === 'string'
    ? desired.normalize('NFC') === current.normalize('NFC')
    : desired === current;
}

async function indexExists(client: MeiliClient, uid: string): Promise<boolean> {
  try {
    await client.request('GET', `/indexes/${uid}`);
    return true;
  } catch (error) {
    if (error instanceof MeiliError && error.status === 404) return false;
    throw error;
  }
}

async function createIndex(client: MeiliClient, uid: string): Promise<void> {
  await client.waitForTask(await client.request<MeiliTask>('POST', '/indexes', { uid, primaryKey: 'id' }));
}

async function deleteIndexIfExists(client: MeiliClient, uid: string): Promise<void> {
  if (await indexExists(client, uid)) {
    await client.waitForTask(await client.request<MeiliTask>('DELETE', `/indexes/${uid}`));
  }
}

/** The offerings index: published offerings only, always rebuildable from SQLite. */
export class OfferingIndex {
  constructor(
    private readonly client: MeiliClient,
    readonly uid: string,
  ) {}

  async documentCount(): Promise<number | null> {
    try {
      const stats = await this.client.request<{ numberOfDocuments: number }>('GET', `/indexes/${this.uid}/stats`);
      return stats.numberOfDocuments;
    } catch (error) {
      if (error instanceof MeiliError && error.status === 404) return null;
      throw error;
    }
  }

  /** Applies the desired settings to an index when they differ; returns whether anything changed. */
  async applySettings(uid: string, maxDocuments: number): Promise<boolean> {
    const desired = offeringIndexSettings(maxDocuments);
    const current = await this.client.request<Record<string, unknown>>('GET', `/indexes/${uid}/settings`);
    const changed = Object.fromEntries(
      Object.entries(desired).filter(([key, value]) => !settingsHold(value, current[key], orderedSettings.has(key))),
    );
    if (Object.keys(changed).length === 0) return false;
    await this.client.waitForTask(await this.client.request<MeiliTask>('PATCH', `/indexes/${uid}/settings`, changed));
    return true;
  }

  /**
   * Makes the index match SQLite: rebuilds it when it is missing or holds another number of documents, and
   * otherwise only brings its settings up to date. Returns whether it rebuilt.
   */
  async ensureInSync(db: Db, onProgress?: (p: ReindexProgress) => void): Promise<boolean> {
    const published = countPublishedOfferings(db);
    const documents = await this.documentCount();
    if (documents === null || documents !== published) {
      await this.reindex(db, onProgress);
      return true;
    }
    await this.applySettings(this.uid, published);
    return false;
  }

  /**
   * Rebuilds the index from SQLite into a fresh index and swaps it in atomically, so searches keep being
   * answered from the old index until the new one is complete.
   */
  async reindex(db: Db, onProgress?: (p: ReindexProgress) => void): Promise<ReindexProgress> {
    const buildUid = `${this.uid}__build`;
    const total = countPublishedOfferings(db);
    await deleteIndexIfExists(this.client, buildUid);
    await createIndex(this.client, buildUid);
    await this.applySettings(buildUid, total);

    let indexed = 0;
    let afterId = 0;
    const inFlight: MeiliTask[] = [];
    onProgress?.({ indexed, total });
    for (;;) {
      const rows = publishedOfferingsAfter(db, afterId, BATCH);
      if (rows.length === 0) break;
      afterId = rows[rows.length - 1]!.offering.id;
      const documents = rows.map((r) =>
        toSearchDocument({ offering: r.offering, providerName: r.provider.name, providerKind: r.provider.kind, location: r.location }),
      );
      inFlight.push(await this.client.request<MeiliTask>('POST', `/indexes/${buildUid}/documents`, documents));
      if (inFlight.length >= MAX_BATCHES_IN_FLIGHT) await this.client.waitForTask(inFlight.shift()!);
      indexed += rows.length;
      onProgress?.({ indexed, total });
    }
    for (const task of inFlight) await this.client.waitForTask(task);

    if (!(await indexExists(this.client, this.uid))) await createIndex(this.client, this.uid);
    await this.client.waitForTask(
      await this.client.request<MeiliTask>('POST', '/swap-indexes', [{ indexes: [this.uid, buildUid] }]),
    );
    await deleteIndexIfExists(this.client, buildUid);
    return { indexed, total };
  }
}
