import type { OfferingInput, OfferingPatch } from '../../schema';
import { zOfferingPatch } from '../../schema';
import type { Executor } from '../db/connection';
import type { OfferingRow } from '../db/schema';
import { HttpError } from '../plugins/errors';
import { changedFields, recordAudit } from '../repos/audit-repo';
import {
  deleteOffering as deleteOfferingRow, findManagedOffering, insertOffering, updateOffering as updateOfferingRow,
  type ManagedOfferingRow,
} from '../repos/manage-offerings-repo';
import { findSite } from '../repos/organisations-repo';
import { enqueueOfferingChanges } from '../repos/outbox-repo';
import { findOpenRevision, insertRevision, updateRevisionFields } from '../repos/revisions-repo';
import type { Actor, UserActor } from './actor';
import { authorize, requireUser } from './authorization';
import {
  checkOffering, inputOf, issueDetails, notFound, offeringResource, siteOfOrganisation, today, writeTransaction, wrongState,
} from './offering-rules';

// Creating and editing offerings. Every function takes the database or an open transaction (the CSV
// import runs thousands of them in one) and does its reads, checks and writes in `writeTransaction`.

/** Loads an offering for a step of its life cycle: 401 before anything is looked up, 404 when unknown. */
export function loadForStep(db: Executor, actor: Actor, id: number): { user: UserActor; row: ManagedOfferingRow } {
  const user = requireUser(actor);
  const row = findManagedOffering(db, id);
  if (!row) throw notFound(id);
  return { user, row };
}

export const auditActor = (user: UserActor) => ({ id: user.id, role: user.role });

/**
 * Creates an offering as a draft, or as pending with `submit`. A provider creates for their own
 * organisation; an admin for the organisation whose site the input names.
 */
export function createOffering(db: Executor, actor: Actor, input: OfferingInput, options: { submit?: boolean } = {}): OfferingRow {
  const user = authorize(actor, 'offering.create', { type: 'own-account' });
  const data = checkOffering(input);
  return writeTransaction(db, (tx) => {
    // authorize() let a provider through only with an organisation; an admin's entry belongs to the site's.
    const organisationId = user.role === 'provider' ? user.providerId! : findSite(tx, data.locationId)?.providerId ?? -1;
    siteOfOrganisation(tx, data.locationId, organisationId);
    const row = insertOffering(tx, {
      ...data,
      providerId: organisationId,
      status: options.submit ? 'pending' : 'draft',
      lastConfirmedAt: today(),
    });
    recordAudit(tx, { actor: auditActor(user), entityType: 'offering', entityId: row.id, action: 'create', changes: changedFields(null, data) });
    if (options.submit) {
      recordAudit(tx, { actor: auditActor(user), entityType: 'offering', entityId: row.id, action: 'submit', changes: [{ field: 'status', old: 'draft', new: 'pending' }] });
    }
    return row;
  });
}

export type EditOutcome = 'edited' | 'revision' | 'corrected' | 'unchanged';

/**
 * Edits an offering. Draft, pending and rejected entries change in place (a rejected one returns to draft).
 * A provider's edit of a published entry becomes its single pending revision (a second edit updates it);
 * a coordinator's or admin's edit of a published entry is a correction the public sees at once.
 */
export function updateOffering(
  db: Executor,
  actor: Actor,
  id: number,
  patch: OfferingPatch,
): { offering: OfferingRow; outcome: EditOutcome } {
  return writeTransaction(db, (tx) => {
    const { row } = loadForStep(tx, actor, id);
    const user = authorize(actor, 'offering.edit', offeringResource(row));
    const parsed = zOfferingPatch.safeParse(patch);
    if (!parsed.success) {
      throw new HttpError(400, 'invalid_offering', 'Ungültige Änderung / Invalid change', issueDetails(parsed.error));
    }
    const { offering } = row;
    if (offering.status === 'archived') throw wrongState(offering.status, 'edit');
    if (offering.status === 'published' && user.role === 'provider') return proposeRevision(tx, user, offering, parsed.data);
    const before = inputOf(offering);
    const after = checkOffering({ ...before, ...parsed.data });
    const site = siteOfOrganisation(tx, after.locationId, offering.providerId);
    // Moving the entry to another site must keep it where this coordinator may act, too.
    if (site.id !== row.location.id) authorize(actor, 'offering.edit', { ...offeringResource(row), regionKey: site.regionKey });
    const changes = changedFields(before, after);
    if (changes.length === 0) return { offering, outcome: 'unchanged' as const };
    const backToDraft = offering.status === 'rejected';
    const updated = updateOfferingRow(tx, id, { ...after, ...(backToDraft ? { status: 'draft', rejectionReason: null } : {}) });
    if (backToDraft) changes.push({ field: 'status', old: 'rejected', new: 'draft' });
    const correction = offering.status === 'published';
    recordAudit(tx, { actor: auditActor(user), entityType: 'offering', entityId: id, action: correction ? 'correct' : 'edit', changes });
    if (correction) enqueueOfferingChanges(tx, [id], 'correction');
    return { offering: updated, outcome: correction ? 'corrected' as const : 'edited' as const };
  });
}

/** A provider's edit of a published entry: the proposal waits for review, the public keeps the row. */
function proposeRevision(tx: Executor, user: UserActor, offering: OfferingRow, patch: OfferingPatch) {
  const published = inputOf(offering);
  const open = findOpenRevision(tx, offering.id);
  const base = open ? (open.fields as OfferingInput) : published;
  const proposed = checkOffering({ ...base, ...patch });
  siteOfOrganisation(tx, proposed.locationId, offering.providerId);
  const changes = changedFields(base, proposed);
  if (changes.length === 0) return { offering, outcome: 'unchanged' as const };
  if (open) {
    updateRevisionFields(tx, open.id, proposed);
    recordAudit(tx, { actor: auditActor(user), entityType: 'offering', entityId: offering.id, action: 'revision.update', changes, note: `revision ${open.id}` });
  } else {
    const revision = insertRevision(tx, { offeringId: offering.id, fields: proposed, submittedBy: user.id });
    recordAudit(tx, { actor: auditActor(user), entityType: 'offering', entityId: offering.id, action: 'revision.propose', changes, note: `revision ${revision.id}` });
  }
  return { offering, outcome: 'revision' as const };
}

/**
 * Deletes a draft. Only drafts: a published entry can never return to draft (it is archived instead), so a
 * draft was never public and no search document or public link can point at it.
 */
export function deleteOffering(db: Executor, actor: Actor, id: number): void {
  writeTransaction(db, (tx) => {
    const { row } = loadForStep(tx, actor, id);
    const user = authorize(actor, 'offering.delete', offeringResource(row));
    if (row.offering.status !== 'draft') throw wrongState(row.offering.status, 'delete');
    deleteOfferingRow(tx, id);
    recordAudit(tx, { actor: auditActor(user), entityType: 'offering', entityId: id, action: 'delete', changes: changedFields(inputOf(row.offering), {}), note: row.offering.title });
  });
}
