import type {
  AuditEntry, ManagedOffering, ManagedOfferingList, ManagedOfferingSummary, ManageOfferingsQuery, OfferingInput, Revision,
} from '../../schema';
import type { Db, Executor } from '../db/connection';
import type { OfferingRevisionRow } from '../db/schema';
import { auditTrail } from '../repos/audit-repo';
import { findManagedOffering, listOfferings, type ManagedOfferingRow, type OfferingListRow } from '../repos/manage-offerings-repo';
import { findOpenRevision, latestRevision } from '../repos/revisions-repo';
import type { Actor } from './actor';
import { authorize, requireUser } from './authorization';
import { isStale, isStaleSoon, notFound, offeringResource, staleCutoffs, type StaleCutoffs } from './offering-rules';
import { loadForStep } from './offerings-service';

// How offerings appear to the people who maintain and review them. Reads only.

function toRevision(row: OfferingRevisionRow): Revision {
  return {
    id: row.id,
    state: row.state,
    fields: row.fields as OfferingInput,
    reason: row.reason,
    submittedAt: row.submittedAt,
    reviewedAt: row.reviewedAt,
  };
}

function present(db: Executor, { offering, provider, location }: ManagedOfferingRow): ManagedOffering {
  const open = offering.status === 'published' ? findOpenRevision(db, offering.id) : null;
  const latest = open ? null : latestRevision(db, offering.id);
  return {
    ...offering,
    stale: isStale(offering),
    staleSoon: isStaleSoon(offering),
    pendingRevision: open ? toRevision(open) : null,
    // Only while nothing newer is pending: then the provider reads why their last edit was not taken.
    rejectedRevision: latest?.state === 'rejected' ? toRevision(latest) : null,
    organisation: { id: provider.id, name: provider.name, verified: provider.verifiedAt !== null },
    location,
  };
}

/** The offering as its maintainers see it, for an answer after a change the actor was allowed to make. */
export function describeOffering(db: Executor, id: number): ManagedOffering {
  const row = findManagedOffering(db, id);
  if (!row) throw notFound(id);
  return present(db, row);
}

/** One offering in any state, for its owner, a coordinator of its region or an admin. */
export function getManagedOffering(db: Executor, actor: Actor, id: number): ManagedOffering {
  const { row } = loadForStep(db, actor, id);
  authorize(actor, 'offering.view', offeringResource(row));
  return present(db, row);
}

export function toSummary(row: OfferingListRow, cutoffs: StaleCutoffs): ManagedOfferingSummary {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    organisation: { id: row.providerId, name: row.providerName },
    location: { id: row.locationId, city: row.city, regionKey: row.regionKey },
    lastConfirmedAt: row.lastConfirmedAt,
    stale: isStale(row, cutoffs.stale),
    staleSoon: isStaleSoon(row, cutoffs),
    hasPendingRevision: Boolean(row.hasPendingRevision),
    rejectionReason: row.rejectionReason,
    revisionRejectionReason: row.revisionRejectionReason ?? null,
    updatedAt: row.updatedAt,
  };
}

/** The actor's offerings: a provider's own, a coordinator's region's, every one for an admin. */
export function listManagedOfferings(db: Executor, actor: Actor, query: ManageOfferingsQuery): ManagedOfferingList {
  const user = requireUser(actor);
  const page = { page: query.page, perPage: query.perPage };
  if (user.role === 'provider' && user.providerId === null) return { total: 0, ...page, items: [] };
  const cutoffs = staleCutoffs();
  const { total, rows } = listOfferings(db, {
    providerId: user.role === 'provider' ? user.providerId! : undefined,
    regionPrefix: user.role === 'coordinator' ? user.regionPrefix ?? '\u0000' : undefined,
    status: query.status,
    confirmedBefore: query.stale === 'soon' ? cutoffs.soon : query.stale ? cutoffs.stale : undefined,
    confirmedFrom: query.stale === 'soon' ? cutoffs.stale : undefined,
    q: query.q,
    order: query.stale ? 'confirmed' : 'updated',
    limit: query.perPage,
    offset: (query.page - 1) * query.perPage,
  });
  return { total, ...page, items: rows.map((r) => toSummary(r, cutoffs)) };
}

/** Who changed what and when, newest first; people appear by role only. */
export function offeringHistory(db: Db, actor: Actor, id: number): { items: AuditEntry[] } {
  const { row } = loadForStep(db, actor, id);
  authorize(actor, 'offering.view', offeringResource(row));
  const entries = auditTrail(db, 'offering', id);
  return {
    items: entries.map((e) => ({ id: e.id, at: e.at, action: e.action, actorRole: e.actorRole, changes: e.changes, note: e.note })),
  };
}
