import type { Db } from '../db/connection';
import { countPublishedOfferings, publishedOfferingsAfter } from '../repos/offerings-repo';
import { countPendingUpTo, markOutboxDoneUpTo, maxOutboxSeq, publishedForIndex } from '../repos/outbox-repo';
import { toSearchDocument, type IndexableOffering } from './documents';
import { offeringIndexSettings } from './index-settings';
import { MeiliError, type MeiliClient, type MeiliTask } from './meili-client';
import { LEASE_MARGIN_MS, LEASE_TTL_MS, Lease, newOwnerId } from './outbox-lease';

export interface ReindexProgress {
  indexed: number;
  total: number;
}

/**
 * Written into every document. Bump it when `toSearchDocument` changes what it writes: an index built with
 * another format is rebuilt at the next start, because the outbox only rewrites documents that change.
 */
export const DOCUMENT_FORMAT = 2;

function indexDocument(offering: IndexableOffering) {
  return { ...toSearchDocument(offering), docFormat: DOCUMENT_FORMAT };
}

/** Why the start-up check rebuilt the index (null: it kept it and the outbox catches up). */
export type RebuildReason = 'missing' | 'format' | 'drift' | null;

/** Thrown when a batch is given up on purpose (the worker stops): its entries stay pending. */
export class AbandonedError extends Error {}

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

  exists(): Promise<boolean> {
    return indexExists(this.client, this.uid);
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
   * The start-up check. Rebuilds the index when it is missing, holds documents of another format, or —
   * with nothing pending in the outbox — holds another number of documents than SQLite has published
   * (someone replaced the database or the Meilisearch data). Otherwise it keeps the index, brings its
   * settings up to date, and leaves the rest to the outbox. Runs under the outbox lease, so two processes
   * starting together do not build at once; when another process keeps the lease busy for longer than a
   * lease lifetime, that process maintains the index and the check is skipped ('busy').
   */
  async ensureInSync(db: Db, onProgress?: (p: ReindexProgress) => void): Promise<RebuildReason | 'busy'> {
    const lease = new Lease(db, newOwnerId('start'));
    if (!(await lease.take(LEASE_TTL_MS + 2000))) return 'busy';
    try {
      const reason = await this.rebuildReason(db);
      if (reason) await this.rebuild(db, lease, onProgress);
      else await this.applySettings(this.uid, countPublishedOfferings(db));
      return reason;
    } finally {
      lease.release(true);
    }
  }

  private async rebuildReason(db: Db): Promise<RebuildReason> {
    const documents = await this.documentCount();
    if (documents === null) return 'missing';
    if (documents > 0) {
      const sample = await this.client.request<{ results: { docFormat?: number }[] }>(
        'GET', `/indexes/${this.uid}/documents?limit=1&fields=docFormat`,
      );
      if (sample.results[0]?.docFormat !== DOCUMENT_FORMAT) return 'format';
    }
    // One read transaction, so the counts belong together. While we hold the lease nobody applies, so when
    // nothing up to `last` is pending the index must hold exactly what SQLite had published then.
    const { pending, published } = db.transaction(() => {
      const last = maxOutboxSeq(db);
      return { pending: countPendingUpTo(db, last), published: countPublishedOfferings(db) };
    });
    return pending === 0 && documents !== published ? 'drift' : null;
  }

  /**
   * Rebuilds the index from SQLite (see `rebuild`), taking the outbox lease first so that no worker applies
   * changes to the index being replaced. Waits up to `waitMs` for a worker to finish its batch.
   */
  async reindex(db: Db, onProgress?: (p: ReindexProgress) => void, waitMs = 120_000): Promise<ReindexProgress> {
    const lease = new Lease(db, newOwnerId('reindex'));
    if (!(await lease.take(waitMs))) {
      throw new Error(`another process keeps applying the outbox; try the reindex again in a moment`);
    }
    try {
      return await this.rebuild(db, lease, onProgress);
    } finally {
      lease.release(true);
    }
  }

  /**
   * Rebuilds the index from SQLite into a fresh index and swaps it in atomically, so searches keep being
   * answered from the old index until the new one is complete. The outbox's highest `seq` is read before
   * SQLite: every entry up to it committed before the rebuild read the offerings, so it is covered and
   * marked done; later entries stay pending and are applied to the new index by the worker.
   */
  async rebuild(db: Db, lease: Lease, onProgress?: (p: ReindexProgress) => void): Promise<ReindexProgress> {
    const coveredUpTo = maxOutboxSeq(db);
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
        indexDocument({ offering: r.offering, providerName: r.provider.name, providerKind: r.provider.kind, location: r.location }),
      );
      inFlight.push(await this.client.request<MeiliTask>('POST', `/indexes/${buildUid}/documents`, documents));
      if (inFlight.length >= MAX_BATCHES_IN_FLIGHT) await this.client.waitForTask(inFlight.shift()!);
      indexed += rows.length;
      onProgress?.({ indexed, total });
    }
    for (const task of inFlight) await this.client.waitForTask(task);

    if (!(await indexExists(this.client, this.uid))) await createIndex(this.client, this.uid);
    if (!lease.holds(LEASE_MARGIN_MS)) throw new Error('lost the outbox lease while rebuilding the index');
    await this.client.waitForTask(
      await this.client.request<MeiliTask>('POST', '/swap-indexes', [{ indexes: [this.uid, buildUid] }]),
    );
    await deleteIndexIfExists(this.client, buildUid);
    db.transaction((tx) => {
      if (lease.holds()) markOutboxDoneUpTo(tx, coveredUpTo, lease.owner);
    }, { behavior: 'immediate' });
    return { indexed, total };
  }

  /**
   * Writes the current state of these offerings to the index: the document of each published one, a
   * deletion for every other (unpublished, or gone). Resolves once Meilisearch reports both tasks
   * succeeded. `beforeSend` runs right before the requests (the worker checks its lease there);
   * `shouldStop` abandons the wait with an AbandonedError.
   */
  async applyOfferings(
    db: Db, ids: readonly number[], hooks: { beforeSend?: () => void; shouldStop?: () => boolean } = {},
  ): Promise<{ upserted: number; deleted: number }> {
    const documents = publishedForIndex(db, ids).map(indexDocument);
    const published = new Set(documents.map((d) => d.id));
    const deleted = ids.filter((id) => !published.has(id));
    hooks.beforeSend?.();
    const tasks: MeiliTask[] = [];
    if (documents.length > 0) tasks.push(await this.client.request<MeiliTask>('POST', `/indexes/${this.uid}/documents`, documents));
    if (deleted.length > 0) {
      tasks.push(await this.client.request<MeiliTask>('POST', `/indexes/${this.uid}/documents/delete-batch`, deleted));
    }
    for (const task of tasks) await this.waitForTask(task, hooks.shouldStop ?? (() => false));
    return { upserted: documents.length, deleted: deleted.length };
  }

  /**
   * Like MeiliClient.waitForTask, but polls briskly (a single change is indexed in tens of milliseconds and
   * families should see it at once) and can be abandoned when the server stops.
   */
  private async waitForTask(task: MeiliTask, shouldStop: () => boolean, timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let delay = 5;
    for (;;) {
      const status = await this.client.request<{ status: string; error?: { message: string; code: string } | null }>(
        'GET', `/tasks/${task.taskUid}`,
      );
      if (status.status === 'succeeded') return;
      if (status.status === 'failed' || status.status === 'canceled') {
        throw new MeiliError(`Meilisearch task ${task.taskUid} ${status.status}: ${status.error?.message ?? ''}`, 500, status.error?.code ?? 'task_failed');
      }
      if (shouldStop()) throw new AbandonedError(`stopped while waiting for Meilisearch task ${task.taskUid}`);
      if (Date.now() > deadline) throw new MeiliError(`Meilisearch task ${task.taskUid} did not finish within ${timeoutMs} ms`, 504);
      await new Promise((r) => setTimeout(r, delay));
      // Asking costs Meilisearch ~1 ms; waking 50 ms late would cost every approval up to that much.
      delay = Math.min(delay * 2, 50);
    }
  }
}
