import { distance } from 'geokdbush';
import KDBush from 'kdbush';
import type { DuplicateKind } from '../../../schema';
import { PARALLEL_KM, SAME_ENTRY_KM, mayRelate, pairFacts, parallelScore, sameEntryScore } from './compare';
import { describeGroup } from './describe';
import { completeLinkage, EdgeList } from './linkage';
import { prepareAll, type Prepared } from './prepare';
import type { DecisionCover, DetectedGroup, DuplicateCandidate } from './types';

// Finding duplicate structures among offerings, independent of the database (the benchmark runs it over all
// of Germany). Blocking keeps it far from comparing all pairs: k-d trees over the sites (kdbush, one per
// category) yield each offering's neighbours within the larger distance limit that share a category, plus
// the offerings at the same street address wherever their pins are; cheap checks (shared phase as a bit
// mask, overlapping ages) and the great-circle distance (geokdbush) come before any text is compared.
// Related pairs are then grouped with complete linkage (linkage.ts), same entries first; the entries a
// same-entry group would merge away are left out of parallel groups, so one programme entered twice does
// not also appear as two parallel ones.

/** The most members of a group: what one decision may name (zNewDuplicateDecision). */
export const MAX_GROUP_SIZE = 50;

export interface DetectionOptions {
  /** Only these kinds (default both). */
  kinds?: readonly DuplicateKind[];
}

/**
 * Pairs settled by a decision, per kind: a pair is dropped when one decision of that kind names both; a
 * same-entry decision settles the pair for both kinds.
 */
class Settled {
  private readonly pairs = new Map<DuplicateKind, Map<number, Set<number>>>();

  constructor(decisions: readonly DecisionCover[], present: ReadonlySet<number>) {
    for (const d of decisions) {
      const ids = d.offeringIds.filter((id) => present.has(id));
      let byKind = this.pairs.get(d.kind);
      if (!byKind) this.pairs.set(d.kind, (byKind = new Map()));
      for (const x of ids) {
        for (const y of ids) {
          if (x >= y) continue;
          let set = byKind.get(x);
          if (!set) byKind.set(x, (set = new Set()));
          set.add(y);
        }
      }
    }
  }

  has(kind: DuplicateKind, x: number, y: number): boolean {
    const byKind = this.pairs.get(kind);
    if (!byKind) return false;
    return (x < y ? byKind.get(x)?.has(y) : byKind.get(y)?.has(x)) ?? false;
  }
}

/** Groups both kinds of duplicate structure among `items`, leaving out pairs that `decisions` settled. */
export function findDuplicateGroups(
  items: readonly DuplicateCandidate[],
  decisions: readonly DecisionCover[] = [],
  options: DetectionOptions = {},
): DetectedGroup[] {
  const kinds = new Set(options.kinds ?? ['same_entry', 'parallel']);
  const prepared = prepareAll(items);
  const n = prepared.length;
  if (n < 2) return [];
  const settled = new Settled(decisions, new Set(items.map((o) => o.id)));
  const same = new EdgeList();
  const parallel = new EdgeList();

  const relate = (i: number, j: number, km: number) => {
    const a = prepared[i]!;
    const b = prepared[j]!;
    const facts = pairFacts(a, b, km);
    if (!mayRelate(facts)) return;
    const x = a.item.id;
    const y = b.item.id;
    // A same-entry decision ("not a duplicate", "intended") means the coordinator has looked at these two
    // entries: offering them again as parallel programmes would ask the same question twice. A parallel
    // decision does not settle a same entry, though: that is a data problem, shown whatever was agreed.
    if (settled.has('same_entry', x, y)) return;
    if (kinds.has('same_entry')) {
      const score = sameEntryScore(a, b, facts);
      if (score !== null) {
        same.push(i, j, score);
        return;
      }
    }
    if (kinds.has('parallel') && !settled.has('parallel', x, y)) {
      const score = parallelScore(a, b, facts);
      if (score !== null) parallel.push(i, j, score);
    }
  };

  const radius = Math.max(kinds.has('parallel') ? PARALLEL_KM : 0, SAME_ENTRY_KM);
  forEachNearbyPair(prepared, radius, relate);
  // The same street address counts as the same place however far apart the pins were set.
  if (kinds.has('same_entry')) {
    const byAddress = new Map<string, number[]>();
    prepared.forEach((p, i) => {
      if (p.address === null) return;
      const list = byAddress.get(p.address);
      if (list) list.push(i);
      else byAddress.set(p.address, [i]);
    });
    for (const list of byAddress.values()) {
      for (let s = 0; s < list.length; s++) {
        for (let t = s + 1; t < list.length; t++) {
          const [i, j] = [list[s]!, list[t]!];
          const km = distance(prepared[i]!.item.lng, prepared[i]!.item.lat, prepared[j]!.item.lng, prepared[j]!.item.lat);
          if (km > radius) relate(i, j, km);
        }
      }
    }
  }
  return groupEdges(prepared, same, parallel);
}

const KM_PER_DEGREE_LATITUDE = 111.2;

/**
 * Calls `visit` once for every pair within `radiusKm` that shares a category and a phase and whose ages
 * overlap. One k-d tree per category: a pair sharing no category is never looked at (in a city most
 * neighbours do something else), and a pair sharing several is visited only under the first of them.
 */
function forEachNearbyPair(prepared: readonly Prepared[], radiusKm: number, visit: (i: number, j: number, km: number) => void): void {
  const n = prepared.length;
  const lng = new Float64Array(n);
  const lat = new Float64Array(n);
  const categories = new Int32Array(n);
  const phases = new Int32Array(n);
  const minAge = new Int16Array(n);
  const maxAge = new Int16Array(n);
  prepared.forEach((p, i) => {
    [lng[i], lat[i], categories[i], phases[i], minAge[i], maxAge[i]] = [p.item.lng, p.item.lat, p.categoryMask, p.phaseMask, p.item.minAge, p.item.maxAge];
  });
  const dLat = radiusKm / KM_PER_DEGREE_LATITUDE;
  for (let bit = 0; bit < 31; bit++) {
    const flag = 1 << bit;
    const members: number[] = [];
    for (let i = 0; i < n; i++) if ((categories[i]! & flag) !== 0) members.push(i);
    if (members.length < 2) continue;
    const index = new KDBush(members.length);
    for (const i of members) index.add(lng[i]!, lat[i]!);
    index.finish();
    for (let k = 0; k < members.length; k++) {
      const i = members[k]!;
      // The box is widened for the latitude at its pole-ward edge, so it holds the whole circle.
      const dLng = dLat / Math.cos(((Math.abs(lat[i]!) + dLat) * Math.PI) / 180);
      for (const m of index.range(lng[i]! - dLng, lat[i]! - dLat, lng[i]! + dLng, lat[i]! + dLat)) {
        const j = members[m]!;
        if (j <= i) continue;
        const shared = categories[i]! & categories[j]!;
        // Visited under the lowest category both share.
        if ((shared & -shared) !== flag) continue;
        if ((phases[i]! & phases[j]!) === 0 || minAge[i]! > maxAge[j]! || minAge[j]! > maxAge[i]!) continue;
        const km = distance(lng[i]!, lat[i]!, lng[j]!, lat[j]!);
        if (km <= radiusKm) visit(i, j, km);
      }
    }
  }
}

/** A group reported must still say what its members share: a category and a phase common to all. */
function shareSomething(prepared: readonly Prepared[]) {
  return (A: readonly number[], B: readonly number[]) => {
    let c = -1;
    let p = -1;
    for (const i of [...A, ...B]) {
      c &= prepared[i]!.categoryMask;
      p &= prepared[i]!.phaseMask;
    }
    return c !== 0 && p !== 0;
  };
}

function groupEdges(prepared: readonly Prepared[], same: EdgeList, parallel: EdgeList): DetectedGroup[] {
  const n = prepared.length;
  const compatible = shareSomething(prepared);
  const describe = (kind: DuplicateKind, indexes: readonly number[]) =>
    describeGroup(kind, [...indexes].sort((x, y) => prepared[x]!.item.id - prepared[y]!.item.id).map((i) => prepared[i]!));

  const sameLinkage = completeLinkage(n, same, { maxSize: MAX_GROUP_SIZE, compatible, keepLoose: true });
  // A chain (A ≈ B ≈ C, but A ≉ C) is shown as its groups plus each loose pair, so no pair found is lost.
  const sameGroups = [...sameLinkage.groups, ...sameLinkage.loose].map((g) => describe('same_entry', g));
  const unique = new Map(sameGroups.map((g) => [g.id, g]));

  // Entries that merging would archive are left out of parallel groups; the one kept stands for them.
  const mergedAway = new Set<number>();
  for (const g of unique.values()) for (const id of g.offeringIds) if (id !== g.suggestedKeepId) mergedAway.add(id);
  const kept = new EdgeList();
  for (let e = 0; e < parallel.length; e++) {
    const a = parallel.a[e]!;
    const b = parallel.b[e]!;
    if (!mergedAway.has(prepared[a]!.item.id) && !mergedAway.has(prepared[b]!.item.id)) kept.push(a, b, parallel.score[e]!);
  }
  const parallelGroups = completeLinkage(n, kept, { maxSize: MAX_GROUP_SIZE, compatible }).groups.map((g) => describe('parallel', g));

  const byScore = (x: DetectedGroup, y: DetectedGroup) => y.score - x.score || x.id.localeCompare(y.id);
  return [...[...unique.values()].sort(byScore), ...parallelGroups.sort(byScore)];
}
