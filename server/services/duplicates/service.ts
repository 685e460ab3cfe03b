import type {
  DuplicateDecision, DuplicateGroup, DuplicateMember, DuplicatesQuery, DuplicatesResponse, NewDuplicateDecision,
} from '../../../schema';
import type { Executor } from '../../db/connection';
import type { RegionRow } from '../../db/schema';
import { HttpError } from '../../plugins/errors';
import { recordAudit } from '../../repos/audit-repo';
import {
  candidateStatuses, decisionsAround, deleteDecision, duplicateCandidates, findDecision, findSameDecision, insertDecision,
  offeringsByIds, type DecisionWithAuthor,
} from '../../repos/duplicate-decisions-repo';
import { findUserById } from '../../repos/users-repo';
import type { Actor } from '../actor';
import { authorize } from '../authorization';
import { archiveOffering } from '../offering-lifecycle';
import { writeTransaction } from '../offering-rules';
import { auditActor } from '../offerings-service';
import { describeGroup } from './describe';
import { findDuplicateGroups } from './detect';
import { prepareAll } from './prepare';
import type { DetectedGroup, DuplicateCandidate } from './types';

// Duplicate structures of a region for its coordinators and admins: the groups found, the decisions taken on
// them, and taking or withdrawing a decision. A decision writes an audit row for every member in the same
// transaction; "merged" archives every member but the one kept through the offering life cycle (its own
// audit row and, for published entries, an outbox entry that takes them out of the index).

/** Region names from the reference data in memory. */
export interface RegionNames {
  get(key: string): Pick<RegionRow, 'name'> | undefined;
}

function regionOf(key: string, regions: RegionNames): { key: string; name: string } {
  const region = regions.get(key);
  if (region) return { key, name: region.name };
  // Administrative regions (3 digits) are not part of the reference data: named after their state.
  const state = key.length === 3 ? regions.get(key.slice(0, 2)) : undefined;
  if (state) return { key, name: `Regierungsbezirk ${key} (${state.name})` };
  throw new HttpError(404, 'not_found', `Keine Region mit dem Schlüssel ${key} / No region with key ${key}`);
}

const isCandidate = (status: string) => (candidateStatuses as readonly string[]).includes(status);

function member(o: DuplicateCandidate): DuplicateMember {
  return {
    id: o.id, title: o.title, status: o.status, providerId: o.providerId, providerName: o.providerName,
    street: o.street, postcode: o.postcode, city: o.city, lat: o.lat, lng: o.lng,
    categories: o.categories, phases: o.phases, minAge: o.minAge, maxAge: o.maxAge,
    schedule: o.schedule.text, lastConfirmedAt: o.lastConfirmedAt, updatedAt: o.updatedAt,
  };
}

function decisionView(d: DecisionWithAuthor): DuplicateDecision {
  return {
    id: d.id, decision: d.decision, kind: d.kind, offeringIds: d.offeringIds, keepId: d.keepId, note: d.note,
    at: d.decidedAt, by: d.decidedByName,
  };
}

/**
 * The groups decisions settled, rebuilt from their members as they are now (any state, so a merge shows
 * what it archived), for decisions with a member in the region; the newest decision first.
 */
function decidedGroups(db: Executor, decisions: readonly DecisionWithAuthor[], region: string): DuplicateGroup[] {
  const members = new Map(offeringsByIds(db, [...new Set(decisions.flatMap((d) => d.offeringIds))]).map((o) => [o.id, o]));
  const groups: DuplicateGroup[] = [];
  for (const d of [...decisions].reverse()) {
    const present = d.offeringIds.map((id) => members.get(id)).filter((o): o is DuplicateCandidate => o !== undefined);
    // Drafts withdrawn and deleted since leave a group of one: nothing left to show.
    if (present.length < 2 || !present.some((o) => o.regionKey.startsWith(region))) continue;
    const described = describeGroup(d.kind, prepareAll(present));
    groups.push({
      ...described,
      suggestedKeepId: d.decision === 'merged' ? d.keepId : described.suggestedKeepId,
      offerings: present.map(member),
      decision: decisionView(d),
    });
  }
  return groups;
}

/** Strongest first; ties by id (code-unit order, the same in every locale), then by decision. */
function byScore(a: DuplicateGroup, b: DuplicateGroup): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || (a.decision?.id ?? 0) - (b.decision?.id ?? 0);
}

/** Decided groups only: the newest decision first, where a coordinator looks for the one to take back. */
const byNewestDecision = (a: DuplicateGroup, b: DuplicateGroup) => (b.decision?.id ?? 0) - (a.decision?.id ?? 0);

/**
 * A region's duplicate groups, one page of them. Open groups are found anew on every request from the
 * published and pending entries of the region, leaving out the pairs decisions settled; `counts` are of all
 * kinds, whatever `kind` and `show` ask for, so a page can show them on its tabs. The order is total, so
 * pages neither overlap nor leave a group out while nothing changes.
 */
export function listDuplicates(db: Executor, actor: Actor, query: DuplicatesQuery, regions: RegionNames): DuplicatesResponse {
  authorize(actor, 'duplicates.view', { type: 'region', prefix: query.region });
  const region = regionOf(query.region, regions);
  const candidates = duplicateCandidates(db, query.region);
  const decisions = decisionsAround(db, query.region);
  const open = findDuplicateGroups(candidates, decisions);
  const decided = decidedGroups(db, decisions, query.region);
  const ofKind = (g: { kind: string }) => !query.kind || g.kind === query.kind;
  const byId = new Map(candidates.map((o) => [o.id, o]));
  const openGroups = query.show === 'decided' ? [] : open.filter(ofKind).map((g: DetectedGroup): DuplicateGroup => ({
    ...g, offerings: g.offeringIds.map((id) => member(byId.get(id)!)), decision: null,
  }));
  const shown = [...openGroups, ...(query.show === 'open' ? [] : decided.filter(ofKind))];
  shown.sort(query.show === 'decided' ? byNewestDecision : byScore);
  const from = (query.page - 1) * query.perPage;
  return {
    region,
    groups: shown.slice(from, from + query.perPage),
    total: shown.length,
    page: query.page,
    perPage: query.perPage,
    counts: {
      same_entry: open.filter((g) => g.kind === 'same_entry').length,
      parallel: open.filter((g) => g.kind === 'parallel').length,
      decided: decided.length,
    },
  };
}

/** The longest official key prefix (8, 5, 3 or 2 digits, or '') that all keys share: the region of a group. */
export function commonRegion(keys: readonly string[]): string {
  let n = Math.min(...keys.map((k) => k.length));
  for (const key of keys) while (n > 0 && key.slice(0, n) !== keys[0]!.slice(0, n)) n--;
  const level = [8, 5, 3, 2].find((l) => l <= n) ?? 0;
  return keys[0]!.slice(0, level);
}

const groupName = (kind: string, ids: readonly number[]) => `${kind}:${ids.join('-')}`;

/**
 * Records a coordinator's decision on a group. Every member must exist (404), lie in the actor's region
 * (403) and be published or pending (409); for `merged`, every member but `keepId` is archived in the
 * same transaction.
 */
export function recordDecision(db: Executor, actor: Actor, input: NewDuplicateDecision): DuplicateDecision {
  // Role first, so someone who may not decide learns nothing about which ids exist.
  const user = authorize(actor, 'duplicates.decide', { type: 'region', prefix: null });
  const ids = [...new Set(input.offeringIds)].sort((a, b) => a - b);
  if (ids.length < 2) {
    throw new HttpError(400, 'invalid_request', 'Eine Gruppe hat mindestens zwei verschiedene Angebote / A group has at least two different offerings.', [
      { parameter: 'offeringIds', message: 'mindestens zwei verschiedene Nummern / at least two different ids' },
    ]);
  }
  return writeTransaction(db, (tx) => {
    const rows = offeringsByIds(tx, ids);
    const missing = ids.filter((id) => !rows.some((r) => r.id === id));
    if (missing.length > 0) {
      throw new HttpError(404, 'not_found', `Keine Angebote mit den Nummern ${missing.join(', ')} / No offerings with ids ${missing.join(', ')}`, { ids: missing });
    }
    const regionKey = commonRegion(rows.map((r) => r.regionKey));
    authorize(actor, 'duplicates.decide', { type: 'region', prefix: regionKey });
    const closed = rows.filter((r) => !isCandidate(r.status));
    if (closed.length > 0) {
      const list = closed.map((r) => `${r.id} (${r.status})`).join(', ');
      throw new HttpError(409, 'invalid_state', `Nur veröffentlichte und wartende Einträge lassen sich so entscheiden: ${list} / Only published and pending entries can be decided on: ${list}`, { ids: closed.map((r) => r.id) });
    }
    if (findSameDecision(tx, input.kind, ids, input.decision)) {
      throw new HttpError(409, 'already_decided', `Über diese Gruppe ist schon so entschieden / This group has already been decided so: ${groupName(input.kind, ids)}`);
    }
    const keepId = input.decision === 'merged' ? input.keepId! : null;
    const note = input.note ? input.note : null;
    const row = insertDecision(tx, { kind: input.kind, offeringIds: ids, decision: input.decision, keepId, note, regionKey, decidedBy: user.id });
    const summary = `decision ${row.id} on ${groupName(input.kind, ids)}${keepId !== null ? `, kept ${keepId}` : ''}${note ? `: ${note}` : ''}`;
    for (const id of ids) {
      recordAudit(tx, { actor: auditActor(user), entityType: 'offering', entityId: id, action: `duplicate.${input.decision}`, note: summary });
    }
    if (keepId !== null) for (const id of ids) if (id !== keepId) archiveOffering(tx, actor, id);
    return decisionView({ ...row, decidedByName: findUserById(tx, user.id)?.displayName ?? null });
  });
}

/**
 * Withdraws a "not a duplicate" or "intended" decision, so its pairs are found again. A merge is not undone
 * here (409): its archived entries must be restored by hand.
 */
export function undoDecision(db: Executor, actor: Actor, id: number): void {
  const user = authorize(actor, 'duplicates.decide', { type: 'region', prefix: null });
  writeTransaction(db, (tx) => {
    const row = findDecision(tx, id);
    if (!row) throw new HttpError(404, 'not_found', `Keine Entscheidung mit der Nummer ${id} / No decision with id ${id}`);
    authorize(actor, 'duplicates.decide', { type: 'region', prefix: row.regionKey });
    if (row.decision === 'merged') {
      throw new HttpError(
        409,
        'invalid_state',
        'Eine Zusammenführung lässt sich nicht zurücknehmen: die archivierten Einträge müssen von Hand wiederhergestellt werden / ' +
          'A merge cannot be undone: the archived entries must be restored by hand.',
      );
    }
    deleteDecision(tx, id);
    const note = `decision ${id} (${row.decision}) on ${groupName(row.kind, row.offeringIds)} withdrawn`;
    for (const offeringId of row.offeringIds) {
      recordAudit(tx, { actor: auditActor(user), entityType: 'offering', entityId: offeringId, action: 'duplicate.undo', note });
    }
  });
}
