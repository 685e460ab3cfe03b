import { categories, phases } from '../../../schema';
import { markers, whoOf } from './markers';
import { addressKey, foldedText, organisationKey, placeWords, textKey, titleKeys, trigrams } from './normalise';
import { titleWeekdays, weekdays } from './schedule';
import type { DuplicateCandidate } from './types';

// Everything a pair comparison needs, computed once per offering: vocabularies as bit masks, the folded
// title's trigrams and markers, the organisation's key, the address key. Descriptions are compared only for
// the few pairs whose titles come close, so their trigrams are computed on demand.

/**
 * Bit i for entry i of a vocabulary. Pair comparisons run millions of times, so a mask is one 32-bit number;
 * a vocabulary that outgrows it stops the start with this error instead of its 33rd entry silently sharing
 * the first one's bit (then the masks need a second word, as the point store's have: vocabulary-mask.ts).
 */
export function vocabularyBits(name: string, terms: readonly { id: string }[]): Map<string, number> {
  if (terms.length > 32) {
    throw new Error(`duplicate comparison: the ${name} vocabulary has ${terms.length} entries, its masks hold 32`);
  }
  return new Map(terms.map((t, i) => [t.id, 1 << i]));
}

const categoryBit = vocabularyBits('category', categories);
const phaseBit = vocabularyBits('phase', phases);

export function mask(ids: readonly string[], bits: ReadonlyMap<string, number>): number {
  let m = 0;
  for (const id of ids) m |= bits.get(id) ?? 0;
  return m;
}
export const categoryMask = (ids: readonly string[]) => mask(ids, categoryBit);
export const phaseMask = (ids: readonly string[]) => mask(ids, phaseBit);

export interface Prepared {
  item: DuplicateCandidate;
  categoryMask: number;
  phaseMask: number;
  /** The folded title (normalise.ts titleKey), its trigrams, and the trigrams of its words sorted. */
  titleKey: string;
  title: Int32Array;
  titleSorted: Int32Array;
  /** Edition, level and audience markers of the title (see markers.ts), and those that say whom it is for. */
  markers: string;
  who: string[];
  /** The title's folded words but the place's, and those of them that carry a marker. */
  words: string[];
  markerWords: string[];
  organisation: Int32Array;
  organisationKey: string;
  address: string | null;
  schedule: string;
  /** The weekdays the schedule or the title names, as bits (schedule.ts); 0: none named. */
  weekdays: number;
  /** The schedule's date range, open ends as the smallest and largest date. */
  from: string;
  until: string;
  /** Filled by `descriptionOf` on first use. */
  description?: Int32Array;
}

type TitleFacts = Pick<Prepared, 'titleKey' | 'title' | 'titleSorted' | 'markers' | 'who' | 'words' | 'markerWords'> & { titleDays: number };

function titleFacts(title: string, place: ReadonlySet<string>): TitleFacts {
  const keys = titleKeys(title, place);
  const found = markers(keys.words, place);
  const words = keys.words.filter((w) => !place.has(w));
  return {
    titleKey: keys.key,
    title: trigrams(keys.key),
    titleSorted: trigrams(keys.sorted),
    markers: found,
    who: whoOf(found),
    words,
    markerWords: found === '' ? [] : words.filter((w) => markers([w]) !== ''),
    titleDays: titleWeekdays(title),
  };
}

/**
 * Prepares offerings for comparison. Organisations, places, titles and schedules shared by many offerings
 * are folded once.
 */
export function prepareAll(items: readonly DuplicateCandidate[]): Prepared[] {
  const organisations = new Map<string, { key: string; grams: Int32Array }>();
  const places = new Map<string, Set<string>>();
  const titles = new Map<string, TitleFacts>();
  const schedules = new Map<string, { key: string; days: number }>();
  const addresses = new Map<string, string | null>();
  return items.map((item) => {
    const organisation = memo(organisations, String(item.providerId), () => {
      const key = organisationKey(item.providerName);
      return { key, grams: trigrams(key) };
    });
    const place = memo(places, item.city, () => placeWords(item.city));
    const { text, rrule } = item.schedule;
    const schedule = memo(schedules, `${text}\u0000${rrule ?? ''}`, () => ({ key: `${foldedText(text)}|${rrule ?? ''}`, days: weekdays(text, rrule) }));
    const { titleDays, ...title } = memo(titles, `${item.city}\u0000${item.title}`, () => titleFacts(item.title, place));
    return {
      item,
      categoryMask: categoryMask(item.categories),
      phaseMask: phaseMask(item.phases),
      ...title,
      organisation: organisation.grams,
      organisationKey: organisation.key,
      address: memo(addresses, `${item.postcode}|${item.street}`, () => addressKey(item.street, item.postcode)),
      schedule: schedule.key,
      weekdays: schedule.days | titleDays,
      from: item.schedule.startDate ?? '0000-00-00',
      until: item.schedule.endDate ?? '9999-99-99',
    };
  });
}

function memo<T>(cache: Map<string, T>, key: string, make: () => T): T {
  if (cache.has(key)) return cache.get(key)!;
  const value = make();
  cache.set(key, value);
  return value;
}

/** The description's trigrams (computed once). */
export function descriptionOf(p: Prepared): Int32Array {
  p.description ??= trigrams(textKey(p.item.description));
  return p.description;
}
