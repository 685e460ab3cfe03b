import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/connection';
import { offeringRevisions, type OfferingRevisionRow, revisionStates } from '../db/schema';

// Edits of published offerings waiting for review, and the review queue that lists them together with
// new entries. The offerings row stays the published version until a revision is approved.

export type RevisionState = (typeof revisionStates)[number];

/** The open (pending) revision of an offering; the unique partial index allows at most one. */
export function findOpenRevision(db: Executor, offeringId: number): OfferingRevisionRow | null {
  return db
    .select()
    .from(offeringRevisions)
    .where(and(eq(offeringRevisions.offeringId, offeringId), eq(offeringRevisions.state, 'pending')))
    .get() ?? null;
}

/** The newest revision of an offering in any state. */
export function latestRevision(db: Executor, offeringId: number): OfferingRevisionRow | null {
  return db
    .select()
    .from(offeringRevisions)
    .where(eq(offeringRevisions.offeringId, offeringId))
    .orderBy(desc(offeringRevisions.id))
    .limit(1)
    .get() ?? null;
}

export function insertRevision(
  db: Executor,
  row: { offeringId: number; fields: Record<string, unknown>; submittedBy: number },
): OfferingRevisionRow {
  return db
    .insert(offeringRevisions)
    .values({ ...row, state: 'pending', submittedAt: new Date().toISOString() })
    .returning()
    .get();
}

/** A second edit replaces the proposal; the revision keeps its place in the queue (its submittedAt). */
export function updateRevisionFields(db: Executor, id: number, fields: Record<string, unknown>): void {
  db.update(offeringRevisions).set({ fields }).where(eq(offeringRevisions.id, id)).run();
}

/** Ends an open revision: approved, rejected (with the reason shown to the provider) or withdrawn. */
export function closeRevision(
  db: Executor,
  id: number,
  outcome: { state: Exclude<RevisionState, 'pending'>; reviewedBy: number | null; reason?: string | null },
): void {
  db.update(offeringRevisions)
    .set({ state: outcome.state, reviewedBy: outcome.reviewedBy, reason: outcome.reason ?? null, reviewedAt: new Date().toISOString() })
    .where(eq(offeringRevisions.id, id))
    .run();
}

/** How many open revisions propose this site; a site they name must not be deleted under them. */
export function countOpenRevisionsAtSite(db: Executor, siteId: number): number {
  const row = db
    .select({ n: sql<number>`count(*)` })
    .from(offeringRevisions)
    .where(and(eq(offeringRevisions.state, 'pending'), sql`json_extract(${offeringRevisions.fields}, '$.locationId') = ${siteId}`))
    .get();
  return row?.n ?? 0;
}

export interface ReviewQueueRow {
  kind: 'new' | 'revision';
  offeringId: number;
  revisionId: number | null;
  title: string;
  submittedAt: string;
  providerId: number;
  providerName: string;
  verified: number;
  /** Where the entry will be once approved: a revision's proposed site, else its current one. */
  regionKey: string;
  city: string;
  municipalityName: string | null;
}

/**
 * New entries (status pending) and open revisions of published entries, oldest first, that concern the
 * region: the entry's current site lies in it, or (for a revision that moves the entry) the proposed site
 * does, so the coordinators of both regions see the move. A new entry's place in the queue is its last
 * submission (from the audit log), so editing it while it waits does not push it back; rows written without
 * one fall back to `updated_at`. A proposed site that is not the organisation's own never widens the queue.
 */
function queueItems(prefix: string) {
  return sql`
    with items as (
      select 'new' as kind, o.id as offering_id, null as revision_id, o.title as title,
        coalesce((select max(a.at) from audit_log a
                  where a.entity_type = 'offering' and a.entity_id = o.id and a.action = 'submit'), o.updated_at) as submitted_at,
        o.location_id as location_id, o.location_id as proposed_location_id, o.provider_id as provider_id
      from offerings o where o.status = 'pending'
      union all
      select 'revision', o.id, r.id, json_extract(r.fields, '$.title'), r.submitted_at, o.location_id,
        coalesce((select s.id from locations s
                  where s.id = json_extract(r.fields, '$.locationId') and s.provider_id = o.provider_id), o.location_id),
        o.provider_id
      from offering_revisions r join offerings o on o.id = r.offering_id
      where r.state = 'pending' and o.status = 'published'
    )
    select i.kind as kind, i.offering_id as offeringId, i.revision_id as revisionId, i.title as title,
      i.submitted_at as submittedAt, p.id as providerId, p.name as providerName,
      (p.verified_at is not null) as verified, n.region_key as regionKey, n.city as city, g.name as municipalityName
    from items i
      join locations l on l.id = i.location_id
      join locations n on n.id = i.proposed_location_id
      join providers p on p.id = i.provider_id
      left join regions g on g.key = n.region_key
    where substr(l.region_key, 1, ${prefix.length}) = ${prefix} or substr(n.region_key, 1, ${prefix.length}) = ${prefix}`;
}

export function reviewQueue(db: Executor, filter: { prefix: string; limit: number; offset: number }) {
  const items = queueItems(filter.prefix);
  const total = db.get<{ n: number }>(sql`select count(*) as n from (${items})`)?.n ?? 0;
  const rows = db.all<ReviewQueueRow>(
    sql`${items} order by submittedAt asc, offeringId asc limit ${filter.limit} offset ${filter.offset}`,
  );
  return { total, rows };
}
