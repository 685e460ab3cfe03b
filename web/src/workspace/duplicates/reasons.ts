import type { DuplicateGroup, DuplicateKind, DuplicateReason } from '../../../../schema';
import type { I18n } from '../../i18n/i18n';
import { formatAges, termList } from '../../lib/format';
import type { Translate } from '../i18n/text';
import type { DuplicateTextKey } from './texts';

// The structured reasons of a group as sentences a coordinator can check against the entries below them.

type T = Translate<DuplicateTextKey>;

const percent = (value: number) => Math.round(value * 100);

/** One sentence per reason, in the interface language; `members` tells "apart" from "at most … apart". */
export function reasonSentence(reason: DuplicateReason, members: number, t: T, i18n: I18n): string {
  switch (reason.code) {
    case 'distance': {
      if (reason.km < 0.05) return t('reason_distance_zero');
      const km = i18n.formatNumber(reason.km < 10 ? Math.round(reason.km * 10) / 10 : Math.round(reason.km));
      return t(members > 2 ? 'reason_distanceMax' : 'reason_distance', { km });
    }
    case 'same_address':
      return t('reason_same_address');
    case 'title_similarity':
      return t('reason_title_similarity', { percent: percent(reason.value) });
    case 'description_similarity':
      return t('reason_description_similarity', { percent: percent(reason.value) });
    case 'same_provider':
      return t('reason_same_provider');
    case 'similar_provider':
      return percent(reason.value) === 100 ? t('reason_similar_provider_same') : t('reason_similar_provider', { percent: percent(reason.value) });
    case 'different_providers':
      return t('reason_different_providers', { count: reason.count });
    case 'shared_categories':
      return t(reason.categories.length === 1 ? 'reason_shared_category' : 'reason_shared_categories', {
        list: termList(i18n, 'categories', reason.categories),
      });
    case 'shared_phases':
      return t(reason.phases.length === 1 ? 'reason_shared_phase' : 'reason_shared_phases', {
        list: termList(i18n, 'phases', reason.phases),
      });
    case 'age_overlap':
      return t('reason_age_overlap', { ages: formatAges(i18n, reason.minAge, reason.maxAge) });
    case 'same_schedule':
      return t('reason_same_schedule');
  }
}

/** The reasons worth a sentence: "at the same spot" says nothing more next to "same address". */
export function shownReasons(reasons: readonly DuplicateReason[]): DuplicateReason[] {
  const sameAddress = reasons.some((r) => r.code === 'same_address');
  return reasons.filter((r) => !(sameAddress && r.code === 'distance' && r.km < 0.05));
}

/** "Übereinstimmung 94 % (sehr hoch)": the score as a percentage with words. */
export function scoreText(kind: DuplicateKind, score: number, t: T): string {
  const words: DuplicateTextKey =
    score >= 0.9 ? 'score_very_high' : score >= 0.75 ? 'score_high' : score >= 0.6 ? 'score_medium' : 'score_low';
  return t(kind === 'same_entry' ? 'score_same_entry' : 'score_parallel', { percent: percent(score), words: t(words) });
}

/** The entry a group is named after: the one to keep, else the first. */
export function leadMember(group: DuplicateGroup) {
  return group.offerings.find((o) => o.id === group.suggestedKeepId) ?? group.offerings[0];
}

/** The group's heading: the programme entered twice, or what the parallel offerings have in common. */
export function groupHeading(group: DuplicateGroup, t: T, i18n: I18n): string {
  const count = group.offerings.length || group.offeringIds.length;
  if (group.kind === 'same_entry') return t('groupSame', { title: leadMember(group)?.title ?? '', count });
  const shared = group.reasons.find((r) => r.code === 'shared_categories');
  const ages = group.reasons.find((r) => r.code === 'age_overlap');
  const first = group.offerings[0];
  const category = shared?.code === 'shared_categories' && shared.categories[0] ? shared.categories[0] : first?.categories[0];
  const [min, max] = ages?.code === 'age_overlap' ? [ages.minAge, ages.maxAge] : [first?.minAge ?? 0, first?.maxAge ?? 0];
  return t('groupParallel', {
    category: category ? i18n.term('categories', category) : '',
    ages: formatAges(i18n, min, max),
    count,
  });
}
