import { distance } from 'geokdbush';
import { categories, phases, type Category, type DuplicateKind, type DuplicateReason, type Phase } from '../../../schema';
import {
  ALIKE_ORGANISATIONS, organisationSimilarity, pairFacts, parallelValue, sameEntryValue, textSimilarity, titleSimilarity,
} from './compare';
import { dice } from './normalise';
import type { Prepared } from './prepare';
import type { DetectedGroup, DuplicateCandidate } from './types';

// Why a group was formed, as facts a coordinator can check, and its score. Used for the groups detection
// finds and for groups rebuilt from a decision (whose members may no longer meet the rules).

/** Below this, descriptions are not alike enough to be worth naming as a reason. */
const TEXT_WORTH_NAMING = 0.5;
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Entries whose description or contact says more are kept rather than the thinner ones. */
function completeness(o: DuplicateCandidate): number {
  const contact = [o.contact.name, o.contact.email, o.contact.phone, o.contact.website].filter(Boolean).length;
  return contact * 10_000 + Math.min(o.description.length, 9_999);
}

/**
 * Which entry of a same-entry group to keep when merging: a published entry before a pending one (the
 * public already finds it, links to it exist), then the most recently confirmed (its provider looks after
 * it), then the most complete (description and contact), then the oldest id (the first entered).
 */
export function suggestKeep(members: readonly DuplicateCandidate[]): number {
  const ranked = [...members].sort(
    (x, y) =>
      Number(y.status === 'published') - Number(x.status === 'published') ||
      y.lastConfirmedAt.localeCompare(x.lastConfirmedAt) ||
      completeness(y) - completeness(x) ||
      x.id - y.id,
  );
  return ranked[0]!.id;
}

const idsOf = <T extends { id: string }>(terms: readonly T[], mask: number) => terms.filter((_, i) => (mask & (1 << i)) !== 0).map((t) => t.id);

/** Score, reasons and the entry to keep of a group of `kind`; `members` in ascending id order. */
export function describeGroup(kind: DuplicateKind, members: readonly Prepared[]): DetectedGroup {
  let maxKm = 0;
  let minScore = 1;
  let minTitle = 1;
  let minText = 1;
  let minOrganisation = 1;
  let categoryMask = -1;
  let phaseMask = -1;
  for (let i = 0; i < members.length; i++) {
    const a = members[i]!;
    categoryMask &= a.categoryMask;
    phaseMask &= a.phaseMask;
    for (let j = i + 1; j < members.length; j++) {
      const b = members[j]!;
      const km = distance(a.item.lng, a.item.lat, b.item.lng, b.item.lat);
      const facts = pairFacts(a, b, km);
      maxKm = Math.max(maxKm, km);
      if (kind === 'same_entry') {
        const title = titleSimilarity(a, b);
        minTitle = Math.min(minTitle, title);
        const text = textSimilarity(a, b);
        minText = Math.min(minText, text);
        minScore = Math.min(minScore, sameEntryValue(a, b, facts, title, text));
      } else {
        // Parallel programmes have their own titles; alike ones are worth naming, typos hardly.
        minTitle = Math.min(minTitle, Math.max(dice(a.title, b.title), dice(a.titleSorted, b.titleSorted)));
        minScore = Math.min(minScore, parallelValue(a, b, facts));
      }
      if (a.item.providerId !== b.item.providerId) minOrganisation = Math.min(minOrganisation, organisationSimilarity(a, b));
    }
  }
  const items = members.map((m) => m.item);
  const reasons: DuplicateReason[] = [];
  const address = members[0]!.address;
  if (address !== null && members.every((m) => m.address === address)) reasons.push({ code: 'same_address' });
  reasons.push({ code: 'distance', km: round2(maxKm) });
  if (kind === 'same_entry' || minTitle >= TEXT_WORTH_NAMING) reasons.push({ code: 'title_similarity', value: round2(minTitle) });
  if (kind === 'same_entry' && minText >= TEXT_WORTH_NAMING) reasons.push({ code: 'description_similarity', value: round2(minText) });
  const organisations = new Set(items.map((o) => o.providerId)).size;
  if (organisations === 1) reasons.push({ code: 'same_provider' });
  else if (kind === 'same_entry' && minOrganisation >= ALIKE_ORGANISATIONS) reasons.push({ code: 'similar_provider', value: round2(minOrganisation) });
  else reasons.push({ code: 'different_providers', count: organisations });
  const sharedCategories = idsOf(categories, categoryMask) as Category[];
  if (sharedCategories.length > 0) reasons.push({ code: 'shared_categories', categories: sharedCategories });
  const sharedPhases = idsOf(phases, phaseMask) as Phase[];
  if (sharedPhases.length > 0) reasons.push({ code: 'shared_phases', phases: sharedPhases });
  const minAge = Math.max(...items.map((o) => o.minAge));
  const maxAge = Math.min(...items.map((o) => o.maxAge));
  if (minAge <= maxAge) reasons.push({ code: 'age_overlap', minAge, maxAge });
  if (members.every((m) => m.schedule === members[0]!.schedule)) reasons.push({ code: 'same_schedule' });
  const offeringIds = items.map((o) => o.id).sort((x, y) => x - y);
  return {
    id: `${kind}:${offeringIds.join('-')}`,
    kind,
    score: members.length < 2 ? 0 : minScore,
    reasons,
    offeringIds,
    suggestedKeepId: kind === 'same_entry' ? suggestKeep(items) : null,
  };
}
