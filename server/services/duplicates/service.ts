import type {
  DuplicateDecision, DuplicateGroup, DuplicateMember, DuplicatesQuery, DuplicatesResponse, NewDuplicateDecision,
} from '../../../schema';
import type { Executor } from '../../db/connection';
import { HttpError } from '../../plugins/errors';
import { recordAudit } from '../../repos/audit-repo';
import {
  candidateStatuses, decisionsAround, deleteDecision, detectionFingerprint, duplicateCandidates, findDecision, findDecisionOn,
  insertDecision, offeringsByIds, type DecisionWithAuthor,
} from '../../repos/duplicate-decisions-repo';
import { findUserById } from '../../repos/users-repo';
import type { Actor } from '../actor';
import { authorize, decide } from '../authorization';
import { archiveOffering } from '../offering-lifecycle';
import { writeTransaction } from '../offering-rules';
import { auditActor } from '../offerings-service';
import { describeRegion, type RegionSource } from '../region-names';
import { describeGroup } from './describe';
import type { DetectionCache } from './detection-cache';
import { findDuplicateGroups } from './detect';
import { prepareAll } from './prepare';
import type { DuplicateCandidate } from './types';

// Duplicate structures of a region for its coordinators and admins: the groups found, the decisions taken on
// them, and taking or withdrawing a decision. A decision writes an audit row for every member in the same
// transaction; "merged" archives every member but the one kept through the offering life cycle (its own
// audit row and, for published entries, an outbox entry that takes them out of the index).

function regionOf(key: string, regions: RegionSource): { key: string; name: string } {
  const region = describeRegion(regions, key);
  if (region) return { key, name: region.name };
  throw new HttpError(404, 'not_found', `Keine Region mit dem Schlüssel ${key} / No region with key ${key}`);
}

/** Whether the actor may decide on duplicates in the region with this key ('' = all of Germany). */
const decidesIn = (actor: Actor, regionKey: string) => decide(actor, 'duplicates.decide', { type: 'region', prefix: regionKey }).allowed;

/**
 * The answer for ids an actor asked for but cannot see: ids that do not exist and ids outside their region
 * are answered alike (403), so that a coordinator cannot probe which ids exist in other regions, as a 404
 * for the one and a 403 for the other would let them. Only someone whose region is all of Germany hears
 * 404: nothing is outside for them, so it tells nothing they could not look up.
 */
function notVisible(actor: Actor, ids: readonly number[], what: 'offerings' | 'decision'): HttpError {
  const list = ids.join(', ');
  if (decidesIn(actor, '')) {
    return what === 'offerings'
      ? new HttpError(404, 'not_found', `Keine Angebote mit den Nummern ${list} / No offerings with ids ${list}`, { ids })
      : new HttpError(404, 'not_found', `Keine Entscheidung mit der Nummer ${list} / No decision with id ${list}`);
  }
  return what === 'offerings'
    ? new HttpError(403, 'outside_region', `Nicht in Ihrer Region: ${list} / Not in your region: ${list}`, { ids })
    : new HttpError(403, 'outside_region', 'Das liegt außerhalb Ihrer Region / This is outside your region.');
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
 * The groups decisions taken inside the region settled, rebuilt from their members as they are now (any
 * state, so a merge shows what it archived); the newest decision first, each group once.
 *
 * Nothing outside the region is shown. A decision whose members reach beyond it (an admin's across
 * districts) settles its pairs inside the region all the same (detection is given every decision around
 * it), but is listed only where all its members lie. A member whose site has moved out of the region since
 * is left out of the group and of the decision's ids.
 */
function decidedGroups(db: Executor, decisions: readonly DecisionWithAuthor[], region: string): DuplicateGroup[] {
  const within = decisions.filter((d) => d.regionKey.startsWith(region));
  const members = new Map(offeringsByIds(db, [...new Set(within.flatMap((d) => d.offeringIds))]).map((o) => [o.id, o]));
  const outside = (id: number) => {
    const o = members.get(id);
    return o !== undefined && !o.regionKey.startsWith(region);
  };
  const groups: DuplicateGroup[] = [];
  const listed = new Set<string>();
  for (const d of [...within].reverse()) {
    const present = d.offeringIds.filter((id) => !outside(id)).map((id) => members.get(id)).filter((o): o is DuplicateCandidate => o !== undefined);
    // Drafts withdrawn and deleted since, or sites moved away, may leave a group of one: nothing to show.
    if (present.length < 2) continue;
    const described = describeGroup(d.kind, prepareAll(present));
    // Older data may hold two decisions on one group (a second one is refused now), and members gone may
    // make two decisions' groups one: the newest decision stands for it.
    if (listed.has(described.id)) continue;
    listed.add(described.id);
    const keepId = d.keepId !== null && outside(d.keepId) ? null : d.keepId;
    groups.push({
      ...described,
      suggestedKeepId: d.decision === 'merged' ? keepId : described.suggestedKeepId,
      offerings: present.map(member),
      decision: { ...decisionView(d), offeringIds: d.offeringIds.filter((id) => !outside(id)), keepId },
    });
  }
  return groups;
}

let detections = 0;
/** How often detection has run in this process: tests tell a cached answer from a fresh one by it. */
export const detectionRuns = (): number => detections;

/** The open groups of a region, kept per region by the routes (see detection-cache.ts). */
export type OpenGroupsCache = DetectionCache<DuplicateGroup[]>;

/** Detection over the region's published and pending entries, leaving out the pairs `decisions` settled. */
function openGroups(db: Executor, region: string, decisions: readonly DecisionWithAuthor[]): DuplicateGroup[] {
  detections++;
  const candidates = duplicateCandidates(db, region);
  const byId = new Map(candidates.map((o) => [o.id, o]));
  return findDuplicateGroups(candidates, decisions).map((g) => ({
    ...g, offerings: g.offeringIds.map((id) => member(byId.get(id)!)), decision: null,
  }));
}

/** Strongest first; ties by id (code-unit order, the same in every locale), then by decision. */
function byScore(a: DuplicateGroup, b: DuplicateGroup): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || (a.decision?.id ?? 0) - (b.decision?.id ?? 0);
}

/** Decided groups only: the newest decision first, where a coordinator looks for the one to take back. */
const byNewestDecision = (a: DuplicateGroup, b: DuplicateGroup) => (b.decision?.id ?? 0) - (a.decision?.id ?? 0);

/**
 * A region's duplicate groups, one page of them. Open groups are found from the published and pending
 * entries of the region, leaving out the pairs decisions settled; with a `cache`, once for all pages, kinds
 * and people until something detection reads changes. `counts` are of all kinds, whatever `kind` and
 * `show` ask for, so a page can show them on its tabs. The order is total, so pages neither overlap nor
 * leave a group out while nothing changes.
 */
export function listDuplicates(
  db: Executor, actor: Actor, query: DuplicatesQuery, regions: RegionSource, cache?: OpenGroupsCache,
): DuplicatesResponse {
  authorize(actor, 'duplicates.view', { type: 'region', prefix: query.region });
  const region = regionOf(query.region, regions);
  // Read before the data it stands for: a change in between costs one more detection, never a stale answer.
  const fingerprint = cache ? detectionFingerprint(db) : '';
  const decisions = decisionsAround(db, query.region);
  const detect = () => openGroups(db, query.region, decisions);
  const open = cache ? cache.get(query.region, fingerprint, detect) : detect();
  // Not cached: cheap, and the deciders' names may change without the fingerprint noticing.
  const decided = decidedGroups(db, decisions, query.region);
  const ofKind = (g: { kind: string }) => !query.kind || g.kind === query.kind;
  const shown = [...(query.show === 'decided' ? [] : open.filter(ofKind)), ...(query.show === 'open' ? [] : decided.filter(ofKind))];
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
 * Records a coordinator's decision on a group. Every member must exist and lie in the actor's region (403
 * otherwise; 404 for unknown ids to admins, see `notVisible`) and be published or pending (409); there must
 * be no decision of the kind on the group yet (409 `already_decided`), and a merge keeps a published entry
 * when there is one (409 `keep_not_published`). For `merged`, every member but `keepId` is archived in the
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
    const byId = new Map(rows.map((r) => [r.id, r]));
    const unseen = ids.filter((id) => {
      const row = byId.get(id);
      return row === undefined || !decidesIn(actor, row.regionKey);
    });
    if (unseen.length > 0) throw notVisible(actor, unseen, 'offerings');
    const regionKey = commonRegion(rows.map((r) => r.regionKey));
    authorize(actor, 'duplicates.decide', { type: 'region', prefix: regionKey });
    const closed = rows.filter((r) => !isCandidate(r.status));
    if (closed.length > 0) {
      const list = closed.map((r) => `${r.id} (${r.status})`).join(', ');
      throw new HttpError(409, 'invalid_state', `Nur veröffentlichte und wartende Einträge lassen sich so entscheiden: ${list} / Only published and pending entries can be decided on: ${list}`, { ids: closed.map((r) => r.id) });
    }
    // One decision per group and kind: a second, contradicting one would leave it unclear which holds.
    const existing = findDecisionOn(tx, input.kind, ids);
    if (existing) {
      throw new HttpError(
        409,
        'already_decided',
        `Über diese Gruppe ist schon entschieden (Entscheidung ${existing.id}: ${existing.decision}); nehmen Sie diese zuerst zurück / ` +
          `This group has already been decided (decision ${existing.id}: ${existing.decision}); withdraw it first: ${groupName(input.kind, ids)}`,
        { decisionId: existing.id },
      );
    }
    const keepId = input.decision === 'merged' ? input.keepId! : null;
    if (keepId !== null && byId.get(keepId)!.status !== 'published') {
      // Archiving the published entry would take the programme out of the search until the kept one is reviewed.
      const published = rows.filter((r) => r.status === 'published').map((r) => r.id);
      if (published.length > 0) {
        const list = published.join(', ');
        throw new HttpError(
          409,
          'keep_not_published',
          `Behalten Sie einen veröffentlichten Eintrag (${list}): ${keepId} wartet noch auf Prüfung, und die veröffentlichten verschwänden aus der Suche / ` +
            `Keep a published entry (${list}): ${keepId} is still pending review, and the published ones would leave the search.`,
          { keepId, published },
        );
      }
    }
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
    // Unknown and outside the region alike, so a coordinator cannot probe other regions' decision ids.
    if (!row || !decidesIn(actor, row.regionKey)) throw notVisible(actor, [id], 'decision');
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
