import { and, asc, count, desc, eq, gte, lt, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Status } from '../../schema';
import type { Executor } from '../db/connection';
import {
  locations, offeringRevisions, offerings, providers, type NewOfferingRow, type OfferingRow,
} from '../db/schema';
import { selectWithRelations, type OfferingWithRelations } from './offerings-repo';

// Offerings in every state, for their providers and reviewers. The public reads through offerings-repo,
// which only ever returns published rows; nothing here is reachable without a signed-in actor.

/** An offering in any state with its organisation and site. */
export type ManagedOfferingRow = OfferingWithRelations;

/** An offering in any state with its organisation and site, or null. */
export function findManagedOffering(db: Executor, id: number): ManagedOfferingRow | null {
  return selectWithRelations(db).where(eq(offerings.id, id)).get() ?? null;
}

export function insertOffering(db: Executor, row: NewOfferingRow): OfferingRow {
  return db.insert(offerings).values(row).returning().get();
}

/** Changes a row and stamps `updatedAt`; returns the row as stored afterwards. */
export function updateOffering(db: Executor, id: number, set: Partial<NewOfferingRow>): OfferingRow {
  return db
    .update(offerings)
    .set({ ...set, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` })
    .where(eq(offerings.id, id))
    .returning()
    .get()!;
}

export function deleteOffering(db: Executor, id: number): void {
  db.delete(offerings).where(eq(offerings.id, id)).run();
}

export interface OfferingListFilter {
  /** Only this organisation's entries (a provider's list). */
  providerId?: number;
  /** Only entries whose site lies in this region (official key prefix; '' = everywhere). */
  regionPrefix?: string;
  status?: Status;
  /** Only published entries last confirmed before this date (YYYY-MM-DD). */
  confirmedBefore?: string;
  /** Only published entries last confirmed on or after this date (with confirmedBefore: a window). */
  confirmedFrom?: string;
  /** Part of the title. */
  q?: string;
  /** `updated`: newest change first (a dashboard); `confirmed`: longest unconfirmed first (the stale list). */
  order: 'updated' | 'confirmed';
  limit: number;
  offset: number;
}

/** A site's region lies in the prefix; compared as a substring, so no LIKE wildcard can slip in. */
export function inRegion(column: AnyColumn, prefix: string): SQL {
  return sql`substr(${column}, 1, ${prefix.length}) = ${prefix}`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function conditions(filter: OfferingListFilter): SQL | undefined {
  const where: SQL[] = [];
  if (filter.providerId !== undefined) where.push(eq(offerings.providerId, filter.providerId));
  if (filter.regionPrefix) where.push(inRegion(locations.regionKey, filter.regionPrefix));
  if (filter.status) where.push(eq(offerings.status, filter.status));
  if (filter.confirmedBefore) {
    where.push(eq(offerings.status, 'published'), lt(offerings.lastConfirmedAt, filter.confirmedBefore));
  }
  if (filter.confirmedFrom) {
    where.push(eq(offerings.status, 'published'), gte(offerings.lastConfirmedAt, filter.confirmedFrom));
  }
  if (filter.q) where.push(sql`${offerings.title} LIKE ${`%${escapeLike(filter.q)}%`} ESCAPE '\\'`);
  return where.length > 0 ? and(...where) : undefined;
}

/** One page of offerings for a list, with the total count of the filter. */
export function listOfferings(db: Executor, filter: OfferingListFilter) {
  const where = conditions(filter);
  const total = db
    .select({ n: count() })
    .from(offerings)
    .innerJoin(locations, eq(locations.id, offerings.locationId))
    .where(where)
    .get()?.n ?? 0;
  const order = filter.order === 'confirmed'
    ? [asc(offerings.lastConfirmedAt), asc(offerings.id)]
    : [desc(offerings.updatedAt), desc(offerings.id)];
  const rows = db
    .select({
      id: offerings.id,
      title: offerings.title,
      status: offerings.status,
      providerId: providers.id,
      providerName: providers.name,
      locationId: locations.id,
      city: locations.city,
      regionKey: locations.regionKey,
      lastConfirmedAt: offerings.lastConfirmedAt,
      updatedAt: offerings.updatedAt,
      hasPendingRevision: sql<number>`exists (select 1 from ${offeringRevisions} r where r.offering_id = ${offerings.id} and r.state = 'pending')`,
      rejectionReason: offerings.rejectionReason,
      // The newest revision's reason if it was rejected: a newer pending one means the provider moved on
      // (the same rule as the detail's rejectedRevision, in offering-views.ts).
      revisionRejectionReason: sql<string | null>`(select case when r.state = 'rejected' then r.reason end from ${offeringRevisions} r
        where r.offering_id = ${offerings.id} order by r.id desc limit 1)`,
    })
    .from(offerings)
    .innerJoin(providers, eq(providers.id, offerings.providerId))
    .innerJoin(locations, eq(locations.id, offerings.locationId))
    .where(where)
    .orderBy(...order)
    .limit(filter.limit)
    .offset(filter.offset)
    .all();
  return { total, rows };
}
export type OfferingListRow = ReturnType<typeof listOfferings>['rows'][number];
