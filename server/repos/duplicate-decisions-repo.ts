import { and, asc, count, eq, inArray, max, or, sql } from 'drizzle-orm';
import type { DuplicateDecisionKind, DuplicateKind } from '../../schema';
import type { Executor } from '../db/connection';
import { auditLog, duplicateDecisions, locations, offerings, providers, users, type DuplicateDecisionRow } from '../db/schema';
import { inRegion } from './manage-offerings-repo';

// Duplicate detection reads offerings with their organisation and site; decisions on groups are stored here.

/** The states whose entries are compared: published ones, and pending ones (a new entry duplicating a published one). */
export const candidateStatuses = ['published', 'pending'] as const;

const candidateFields = {
  id: offerings.id,
  title: offerings.title,
  description: offerings.description,
  status: offerings.status,
  providerId: offerings.providerId,
  providerName: providers.name,
  street: locations.street,
  postcode: locations.postcode,
  city: locations.city,
  regionKey: locations.regionKey,
  lat: locations.lat,
  lng: locations.lng,
  categories: offerings.categories,
  phases: offerings.phases,
  minAge: offerings.minAge,
  maxAge: offerings.maxAge,
  schedule: offerings.schedule,
  contact: offerings.contact,
  lastConfirmedAt: offerings.lastConfirmedAt,
  updatedAt: offerings.updatedAt,
};

function selectCandidates(db: Executor) {
  return db
    .select(candidateFields)
    .from(offerings)
    .innerJoin(providers, eq(providers.id, offerings.providerId))
    .innerJoin(locations, eq(locations.id, offerings.locationId));
}

/** An offering with its organisation's name and its site, as duplicate detection compares it. */
export type CandidateRow = ReturnType<ReturnType<typeof selectCandidates>['all']>[number];

/**
 * Published and pending offerings whose site lies in the region (official key prefix; '' = everywhere).
 * Sites first: SQLite keeps the left table of a CROSS JOIN in the outer loop, so a region's sites are found
 * by reading the sites table once (40,000 rows for 100,000 offerings: a few ms) and their offerings through
 * offerings_location_idx. Starting from the offerings' status index instead, it looked up the site of every
 * offering in Germany: 150 ms for a district of 142 offerings, 6 ms this way.
 */
export function duplicateCandidates(db: Executor, regionPrefix: string): CandidateRow[] {
  const where = [eq(offerings.locationId, locations.id), inArray(offerings.status, [...candidateStatuses])];
  if (regionPrefix) where.push(inRegion(locations.regionKey, regionPrefix));
  return db
    .select(candidateFields)
    .from(locations)
    .crossJoin(offerings)
    .innerJoin(providers, eq(providers.id, offerings.providerId))
    .where(and(...where))
    .orderBy(asc(offerings.id))
    .all();
}

/** These offerings in any state (the members of a decision), in id order. */
export function offeringsByIds(db: Executor, ids: readonly number[]): CandidateRow[] {
  if (ids.length === 0) return [];
  const rows: CandidateRow[] = [];
  // SQLite allows 32,766 variables a statement.
  for (let i = 0; i < ids.length; i += 10_000) {
    rows.push(...selectCandidates(db).where(inArray(offerings.id, ids.slice(i, i + 10_000))).all());
  }
  return rows.sort((a, b) => a.id - b.id);
}

export interface DecisionWithAuthor extends DuplicateDecisionRow {
  /** The display name of who decided; null once the account is deleted. */
  decidedByName: string | null;
}

function selectDecisions(db: Executor) {
  return db
    .select({ decision: duplicateDecisions, name: users.displayName })
    .from(duplicateDecisions)
    .leftJoin(users, eq(users.id, duplicateDecisions.decidedBy));
}
const withAuthor = (r: { decision: DuplicateDecisionRow; name: string | null }): DecisionWithAuthor => ({ ...r.decision, decidedByName: r.name });

/**
 * Decisions that may concern a region: those whose own region (the common prefix of their members' sites)
 * lies inside it or contains it. Those containing it settle pairs inside it too, but may name entries
 * elsewhere: whether a member lies in the region is for the caller to check before showing it.
 */
export function decisionsAround(db: Executor, regionPrefix: string): DecisionWithAuthor[] {
  const key = duplicateDecisions.regionKey;
  const where = regionPrefix
    ? or(inRegion(key, regionPrefix), sql`substr(${regionPrefix}, 1, length(${key})) = ${key}`)
    : undefined;
  return selectDecisions(db).where(where).orderBy(asc(duplicateDecisions.id)).all().map(withAuthor);
}

/** The decisions a person took, oldest first (for their data export). */
export function decisionsByUser(db: Executor, userId: number): DuplicateDecisionRow[] {
  return db.select().from(duplicateDecisions).where(eq(duplicateDecisions.decidedBy, userId)).orderBy(asc(duplicateDecisions.id)).all();
}

export function findDecision(db: Executor, id: number): DecisionWithAuthor | null {
  const row = selectDecisions(db).where(eq(duplicateDecisions.id, id)).get();
  return row ? withAuthor(row) : null;
}

/** A decision of this kind on exactly these members (ascending ids), whatever its outcome, if one is stored. */
export function findDecisionOn(db: Executor, kind: DuplicateKind, offeringIds: readonly number[]): DuplicateDecisionRow | null {
  return db
    .select()
    .from(duplicateDecisions)
    .where(and(
      eq(duplicateDecisions.kind, kind),
      // Stored as JSON.stringify wrote it: ascending ids, no spaces.
      sql`${duplicateDecisions.offeringIds} = ${JSON.stringify(offeringIds)}`,
    ))
    .orderBy(asc(duplicateDecisions.id))
    .get() ?? null;
}

export function insertDecision(
  db: Executor,
  row: { kind: DuplicateKind; offeringIds: number[]; decision: DuplicateDecisionKind; keepId: number | null; note: string | null; regionKey: string; decidedBy: number },
): DuplicateDecisionRow {
  return db.insert(duplicateDecisions).values(row).returning().get();
}

export function deleteDecision(db: Executor, id: number): boolean {
  return db.delete(duplicateDecisions).where(eq(duplicateDecisions.id, id)).run().changes > 0;
}

/**
 * A cheap fingerprint of everything detection reads: it changes whenever an offering, an organisation's
 * name, a site or a decision may have changed. Every change made through the services writes an audit row
 * (offerings in any state, organisations and sites, decisions), and audit ids only grow (AUTOINCREMENT);
 * the offerings' last change and count, and the decisions' last id and count, catch writes that bypass the
 * services (seeding, scripts) as far as they can. Each aggregate is its own statement, so that SQLite
 * answers max() from an index (the rowid, offerings_updated_idx) instead of reading the table: well under a
 * millisecond at 100,000 offerings but for the offerings' count, a few milliseconds.
 */
export function detectionFingerprint(db: Executor): string {
  const audit = db.select({ id: max(auditLog.id) }).from(auditLog).get()?.id ?? 0;
  const updated = db.select({ at: max(offerings.updatedAt) }).from(offerings).get()?.at ?? '';
  const offeringCount = db.select({ n: count() }).from(offerings).get()?.n ?? 0;
  const decision = db.select({ id: max(duplicateDecisions.id) }).from(duplicateDecisions).get()?.id ?? 0;
  const decisionCount = db.select({ n: count() }).from(duplicateDecisions).get()?.n ?? 0;
  return `${audit}|${updated}|${offeringCount}|${decision}|${decisionCount}`;
}
