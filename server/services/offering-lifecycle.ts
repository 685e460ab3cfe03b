import type { Executor } from '../db/connection';
import type { OfferingRow } from '../db/schema';
import { recordAudit } from '../repos/audit-repo';
import { updateOffering } from '../repos/manage-offerings-repo';
import { enqueueOfferingChanges } from '../repos/outbox-repo';
import { closeRevision, findOpenRevision } from '../repos/revisions-repo';
import type { Actor } from './actor';
import { authorize } from './authorization';
import {
  checkOffering, inputOf, offeringResource, siteOfOrganisation, today, writeTransaction, wrongState,
} from './offering-rules';
import { auditActor, loadForStep } from './offerings-service';

// The steps of an offering's life cycle that its owner takes (and, for archive and confirm, its
// coordinators): draft ──submit──▶ pending ──withdraw──▶ draft; any ──archive──▶ archived; confirm.
// Publishing and rejecting are the reviewer's (review-service.ts).

/** Sends a draft or a rejected entry to review; it must pass every rule of a complete offering. */
export function submitOffering(db: Executor, actor: Actor, id: number): OfferingRow {
  return writeTransaction(db, (tx) => {
    const { row } = loadForStep(tx, actor, id);
    const user = authorize(actor, 'offering.submit', offeringResource(row));
    const { offering } = row;
    if (offering.status !== 'draft' && offering.status !== 'rejected') throw wrongState(offering.status, 'submit');
    // A draft may have been stored while a site or a vocabulary changed; review gets only complete entries.
    checkOffering(inputOf(offering));
    siteOfOrganisation(tx, offering.locationId, offering.providerId);
    const updated = updateOffering(tx, id, { status: 'pending', rejectionReason: null });
    recordAudit(tx, {
      actor: auditActor(user), entityType: 'offering', entityId: id, action: 'submit',
      changes: [{ field: 'status', old: offering.status, new: 'pending' }],
    });
    return updated;
  });
}

/**
 * Takes an entry back from review: a pending entry returns to draft; for a published entry, its open
 * revision is withdrawn and the published version simply stays.
 */
export function withdrawOffering(db: Executor, actor: Actor, id: number): OfferingRow {
  return writeTransaction(db, (tx) => {
    const { row } = loadForStep(tx, actor, id);
    const user = authorize(actor, 'offering.withdraw', offeringResource(row));
    const { offering } = row;
    if (offering.status === 'pending') {
      const updated = updateOffering(tx, id, { status: 'draft' });
      recordAudit(tx, {
        actor: auditActor(user), entityType: 'offering', entityId: id, action: 'withdraw',
        changes: [{ field: 'status', old: 'pending', new: 'draft' }],
      });
      return updated;
    }
    const open = offering.status === 'published' ? findOpenRevision(tx, id) : null;
    if (!open) throw wrongState(offering.status, 'withdraw');
    closeRevision(tx, open.id, { state: 'withdrawn', reviewedBy: null });
    recordAudit(tx, { actor: auditActor(user), entityType: 'offering', entityId: id, action: 'revision.withdraw', note: `revision ${open.id}` });
    return offering;
  });
}

/** Ends an entry in any state; a published one leaves the public directory, an open revision is dropped. */
export function archiveOffering(db: Executor, actor: Actor, id: number): OfferingRow {
  return writeTransaction(db, (tx) => {
    const { row } = loadForStep(tx, actor, id);
    const user = authorize(actor, 'offering.archive', offeringResource(row));
    const { offering } = row;
    if (offering.status === 'archived') throw wrongState(offering.status, 'archive');
    const open = findOpenRevision(tx, id);
    if (open) closeRevision(tx, open.id, { state: 'withdrawn', reviewedBy: user.id });
    const updated = updateOffering(tx, id, { status: 'archived', rejectionReason: null });
    recordAudit(tx, {
      actor: auditActor(user), entityType: 'offering', entityId: id, action: 'archive',
      changes: [{ field: 'status', old: offering.status, new: 'archived' }],
      note: open ? `revision ${open.id} withdrawn` : null,
    });
    if (offering.status === 'published') enqueueOfferingChanges(tx, [id], 'archive');
    return updated;
  });
}

/**
 * "Still current": sets lastConfirmedAt to today, in any state. The search document shows the date, so a
 * published entry whose date changes goes through the outbox.
 */
export function confirmOffering(db: Executor, actor: Actor, id: number): OfferingRow {
  const date = today();
  return writeTransaction(db, (tx) => {
    const { row } = loadForStep(tx, actor, id);
    const user = authorize(actor, 'offering.confirm', offeringResource(row));
    const { offering } = row;
    const updated = updateOffering(tx, id, { lastConfirmedAt: date });
    // Recorded even when the date does not change: who vouched for the entry, and when, is the point.
    recordAudit(tx, {
      actor: auditActor(user), entityType: 'offering', entityId: id, action: 'confirm',
      changes: offering.lastConfirmedAt === date ? [] : [{ field: 'lastConfirmedAt', old: offering.lastConfirmedAt, new: date }],
    });
    if (offering.status === 'published' && offering.lastConfirmedAt !== date) enqueueOfferingChanges(tx, [id], 'confirm');
    return updated;
  });
}
