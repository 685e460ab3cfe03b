import { zRejectInput, type ManagedOfferingList, type ReviewDetail, type ReviewQueue } from '../../schema';
import type { Executor } from '../db/connection';
import type { LocationRow, OfferingRevisionRow, OfferingRow } from '../db/schema';
import type { MailMessage } from '../mail/mailer';
import { reviewResultMail } from '../mail/templates';
import { HttpError } from '../plugins/errors';
import { changedFields, recordAudit } from '../repos/audit-repo';
import { listOfferings, updateOffering, type ManagedOfferingRow } from '../repos/manage-offerings-repo';
import { enqueueOfferingChanges } from '../repos/outbox-repo';
import { findRegion, findSite, memberMailRecipients } from '../repos/organisations-repo';
import { closeRevision, findOpenRevision, reviewQueue } from '../repos/revisions-repo';
import type { Actor, UserActor } from './actor';
import { authorize, decide } from './authorization';
import {
  checkOffering, inputOf, issueDetails, offeringInputKeys, offeringResource, siteOfOrganisation, staleCutoffs, today,
  writeTransaction, wrongState,
} from './offering-rules';
import { auditActor, loadForStep } from './offerings-service';
import { toSummary } from './offering-views';

// What coordinators (for their region) and admins do with what providers send in: the queue, the
// comparison of the published with the proposed version, publishing and rejecting, and the stale list.

export type ReviewOutcome = 'published' | 'revision-approved' | 'rejected' | 'revision-rejected';

/**
 * A reviewer of the region (own region when `region` is absent). Asked before any offering is looked up,
 * so a provider learns nothing about which ids exist.
 */
function reviewer(actor: Actor, region?: string): { user: UserActor; prefix: string } {
  const user = authorize(actor, 'review.queue', { type: 'region', prefix: region ?? null });
  return { user, prefix: region ?? (user.role === 'admin' ? '' : user.regionPrefix ?? '') };
}

/**
 * The other site of the organisation that the open revision moves the entry to, or null (no revision, the
 * same site, or a site that is not the organisation's: publishing refuses that one anyway).
 */
function proposedSite(db: Executor, row: ManagedOfferingRow, open: OfferingRevisionRow | null): LocationRow | null {
  const id = open?.fields.locationId;
  if (typeof id !== 'number' || id === row.location.id) return null;
  const site = findSite(db, id);
  return site && site.providerId === row.offering.providerId ? site : null;
}

/**
 * Loads an entry for review with its open revision. A revision that moves the entry into another region
 * concerns both regions: deciding on it needs authority over both (otherwise a coordinator could publish
 * into a region not theirs), looking at it authority over either (it is in both queues).
 */
function loadForReview(db: Executor, actor: Actor, id: number, purpose: 'decide' | 'view') {
  reviewer(actor);
  const { user, row } = loadForStep(db, actor, id);
  const open = row.offering.status === 'published' ? findOpenRevision(db, id) : null;
  const current = offeringResource(row);
  const site = proposedSite(db, row, open);
  const regions = site && site.regionKey !== current.regionKey ? [current, { ...current, regionKey: site.regionKey }] : [current];
  const asked = purpose === 'decide' ? regions : [regions.find((r) => decide(actor, 'offering.review', r).allowed) ?? current];
  for (const resource of asked) authorize(actor, 'offering.review', resource);
  return { user, row, open, site };
}

/** Publishes a pending entry, or applies the open revision of a published one. */
export function publishOffering(db: Executor, actor: Actor, id: number): { offering: OfferingRow; outcome: ReviewOutcome } {
  const date = today();
  return writeTransaction(db, (tx) => {
    const { user, row, open } = loadForReview(tx, actor, id, 'decide');
    const { offering } = row;
    if (offering.status === 'pending') {
      checkOffering(inputOf(offering));
      siteOfOrganisation(tx, offering.locationId, offering.providerId);
      // Just reviewed, so it counts as confirmed today; otherwise an old draft would be stale on arrival.
      const updated = updateOffering(tx, id, { status: 'published', rejectionReason: null, lastConfirmedAt: date });
      recordAudit(tx, {
        actor: auditActor(user), entityType: 'offering', entityId: id, action: 'publish',
        changes: changedFields({ status: 'pending', lastConfirmedAt: offering.lastConfirmedAt }, { status: 'published', lastConfirmedAt: date }),
      });
      enqueueOfferingChanges(tx, [id], 'publish');
      return { offering: updated, outcome: 'published' as const };
    }
    if (!open) throw wrongState(offering.status, 'publish');
    const proposed = checkOffering(open.fields);
    siteOfOrganisation(tx, proposed.locationId, offering.providerId);
    const changes = changedFields(inputOf(offering), proposed);
    const updated = updateOffering(tx, id, { ...proposed, lastConfirmedAt: date });
    closeRevision(tx, open.id, { state: 'approved', reviewedBy: user.id });
    recordAudit(tx, { actor: auditActor(user), entityType: 'offering', entityId: id, action: 'revision.approve', changes, note: `revision ${open.id}` });
    enqueueOfferingChanges(tx, [id], 'revision-approved');
    return { offering: updated, outcome: 'revision-approved' as const };
  });
}

/** Rejects a pending entry (it becomes `rejected`) or the open revision (the published version stays). */
export function rejectOffering(
  db: Executor,
  actor: Actor,
  id: number,
  body: { reason: string },
): { offering: OfferingRow; outcome: ReviewOutcome; reason: string } {
  return writeTransaction(db, (tx) => {
    const { user, row, open } = loadForReview(tx, actor, id, 'decide');
    const parsed = zRejectInput.safeParse(body);
    if (!parsed.success) {
      throw new HttpError(400, 'invalid_request', 'Bitte eine Begründung angeben (mindestens 5 Zeichen) / Please give a reason (at least 5 characters).', issueDetails(parsed.error));
    }
    const { reason } = parsed.data;
    const { offering } = row;
    if (offering.status === 'pending') {
      const updated = updateOffering(tx, id, { status: 'rejected', rejectionReason: reason });
      recordAudit(tx, {
        actor: auditActor(user), entityType: 'offering', entityId: id, action: 'reject',
        changes: [{ field: 'status', old: 'pending', new: 'rejected' }], note: reason,
      });
      return { offering: updated, outcome: 'rejected' as const, reason };
    }
    if (!open) throw wrongState(offering.status, 'reject');
    closeRevision(tx, open.id, { state: 'rejected', reviewedBy: user.id, reason });
    recordAudit(tx, { actor: auditActor(user), entityType: 'offering', entityId: id, action: 'revision.reject', note: `revision ${open.id}: ${reason}` });
    return { offering, outcome: 'revision-rejected' as const, reason };
  });
}

/** New entries and open revisions whose site (current or proposed) lies in the region, oldest first. */
export function listReviewQueue(db: Executor, actor: Actor, query: { region?: string; page: number; perPage: number }): ReviewQueue {
  const { prefix } = reviewer(actor, query.region);
  const { total, rows } = reviewQueue(db, { prefix, limit: query.perPage, offset: (query.page - 1) * query.perPage });
  return {
    total,
    page: query.page,
    perPage: query.perPage,
    items: rows.map((r) => ({
      offeringId: r.offeringId,
      kind: r.kind,
      revisionId: r.revisionId,
      title: r.title,
      city: r.city,
      submittedAt: r.submittedAt,
      organisation: { id: r.providerId, name: r.providerName, verified: r.verified === 1 },
      municipality: { key: r.regionKey, name: r.municipalityName ?? r.city },
    })),
  };
}

/** The published version (if any), the proposed one (if any) and what differs, field by field. */
export function getReviewDetail(db: Executor, actor: Actor, id: number): ReviewDetail {
  const { row, open, site } = loadForReview(db, actor, id, 'view');
  const { offering, provider, location } = row;
  const municipality = (key: string, city: string) => ({ key, name: findRegion(db, key)?.name ?? city });
  const published = offering.status === 'published' ? inputOf(offering) : null;
  const proposed = open ? checkOffering(open.fields) : offering.status === 'pending' ? inputOf(offering) : null;
  return {
    offeringId: id,
    kind: open ? 'revision' : offering.status === 'pending' ? 'new' : null,
    status: offering.status,
    organisation: { id: provider.id, name: provider.name, verified: provider.verifiedAt !== null },
    municipality: municipality(location.regionKey, location.city),
    location,
    // The diff names only the site's id; the reviewer needs to see where the entry would move to.
    proposedLocation: site,
    proposedMunicipality: site ? municipality(site.regionKey, site.city) : null,
    revisionId: open?.id ?? null,
    submittedAt: open?.submittedAt ?? null,
    published,
    proposed,
    diff: proposed ? changedFields(published, proposed, offeringInputKeys) : [],
  };
}

/** Published entries of the region not confirmed for 12 months, longest unconfirmed first. */
export function listStale(db: Executor, actor: Actor, query: { region?: string; page: number; perPage: number }): ManagedOfferingList {
  const { prefix } = reviewer(actor, query.region);
  const cutoffs = staleCutoffs();
  const { total, rows } = listOfferings(db, {
    regionPrefix: prefix, confirmedBefore: cutoffs.stale, order: 'confirmed', limit: query.perPage, offset: (query.page - 1) * query.perPage,
  });
  return { total, page: query.page, perPage: query.perPage, items: rows.map((r) => toSummary(r, cutoffs)) };
}

/**
 * The mails telling an organisation's members how the review of their entry ended. Addresses are read
 * here only to send; they never reach an answer.
 */
export function reviewResultMessages(
  db: Executor,
  offering: OfferingRow,
  outcome: ReviewOutcome,
  links: { offeringPage: string },
  reason?: string,
): MailMessage[] {
  return memberMailRecipients(db, offering.providerId).map((member) => {
    const content = reviewResultMail({
      lang: member.lang === 'en' ? 'en' : 'de',
      name: member.displayName,
      offeringTitle: offering.title,
      outcome: outcome === 'published' || outcome === 'revision-approved' ? 'published' : 'rejected',
      reason,
      link: links.offeringPage,
    });
    return { to: member.email, subject: content.subject, text: content.text, html: content.html, kind: content.kind };
  });
}
