import type { Category, Contact, ProviderKind, Status } from '../../schema';
import type { NewOfferingRow } from '../../server/db/schema';
import { AUDIENCES, type Audience, type AudienceId } from './audiences';
import { isoDateOf, isoTimestampOf } from './dates';
import { describe } from './description';
import { mailboxOf, person, slugOf } from './names';
import { phoneNumber } from './numbers';
import {
  chooseAccess, chooseCapacity, chooseCost, chooseFunding, chooseLanguages, chooseProtection, languageList, priceUnitFor,
  STATUSES,
} from './offering-facts';
import { PROFILES } from './profiles';
import type { LocationDraft, ProviderDraft } from './providers';
import type { Rng } from './random';
import { makeSchedule } from './schedule';
import type { TextContext, Theme, Topic } from './texts/context';
import { THEMES } from './texts/themes';
import { CULTURE_VENUES, TOPICS } from './texts/topics';

export type OfferingDraft = NewOfferingRow & { id: number; createdAt: string; updatedAt: string };

const NO_TOPIC: Topic = { n: '', k: '' };
const DAY_MS = 86_400_000;
/**
 * How much less often than a volunteer-run provider a provider of this kind seeks volunteers: welfare
 * associations and libraries run mentor programmes too; tutoring businesses and companies never do.
 */
const VOLUNTEER_FACTOR: Partial<Record<ProviderKind, number>> = {
  association: 0.7, youth_services: 0.7, library: 0.7, cultural_institution: 0.6, foundation: 0.8, church: 0.8,
  private_tutor: 0, company: 0,
};

/** Categories whose families most need plain German. */
const EASY_LANGUAGE_RATE: Partial<Record<Category, number>> = {
  education_counselling: 0.12, german_second_language: 0.1, parent_education: 0.1, language_mentorship: 0.08,
};

/**
 * An exact-size copy: arrays grown by push keep spare capacity, which adds up over 200,000 rows with six
 * lists each.
 */
function compact<T>(list: readonly T[]): T[] {
  return list.slice();
}

/** Builds offerings one at a time; what an offering is about follows from its provider's archetype. */
export class OfferingFactory {
  private nextId = 1;
  /** Creation time (ms since 1970) of each offering, by id - 1: renumbering sorts by it. */
  readonly createdTimes: number[] = [];

  constructor(private readonly rng: Rng, private readonly today: number) {}

  /**
   * A new offering of `provider` at `location`. `like` fixes the main category, the target group and the
   * status instead of drawing them: a programme of another provider for the same people (see duplicates.ts).
   */
  create(provider: ProviderDraft, location: LocationDraft, like?: { category: Category; audience: AudienceId; status: Status }): OfferingDraft {
    const rng = this.rng;
    const arch = provider.archetype;
    // Sites lie in the provider's district, so the district's gaps apply to all its offerings.
    const gaps = provider.place.district.gaps;
    const category = like ? like.category : arch.categories.pickWhere(rng, (c) => !gaps.has(c), 'sports');
    const profile = PROFILES[category];
    const themes = THEMES[category];
    const fits = (t: Theme) => !t.categories?.some((c) => gaps.has(c)) && (!like || !t.audiences || t.audiences.includes(like.audience));
    let theme = rng.pick(themes);
    for (let i = 0; i < 8 && !fits(theme); i++) theme = rng.pick(themes);
    if (like && !fits(theme)) theme = themes.find(fits) ?? theme;
    const aud: Audience = like
      ? AUDIENCES[like.audience]
      : AUDIENCES[theme.audiences ? rng.pick(theme.audiences) : profile.audiences.pick(rng)];
    let topic = this.topicFor(category, aud, gaps);
    const status = like ? like.status : STATUSES.pick(rng);
    const scheduleKind = theme.schedule ?? profile.schedule.pick(rng);
    const { schedule, season } = makeSchedule(scheduleKind, aud, location.place.stateKey, this.today, status === 'archived', rng);
    const langs = chooseLanguages(profile, theme.otherLanguage === true, location.place.stateKey, rng);
    const costs = chooseCost(profile, priceUnitFor(scheduleKind, profile), arch, aud, theme.but === true, rng);
    const who = person(rng);
    const formal = rng.chance(0.35);
    const contactName = formal ? `${who.female ? 'Frau' : 'Herr'} ${who.last}` : `${who.first} ${who.last}`;
    const contactDative = formal && !who.female ? `Herrn ${who.last}` : contactName;
    const phone = provider.row.phone && rng.chance(0.6) ? provider.row.phone : phoneNumber(location.place.areaCode, rng);

    const c: TextContext = {
      aud, topic, season, schedule: schedule.text, price: costs.price, contact: contactName, contactDative, phone,
      city: location.place.name,
      district: provider.place.district.label,
      at: location.at,
      provider: provider.row.name,
      languages: '',
      other: languageList(langs.slice(1, 2)) || 'Arabisch',
      culture: rng.pick(CULTURE_VENUES),
    };
    const title = theme.title(c);
    // A topic counts only where the title names it; otherwise the description must not mention it either.
    if (topic.n !== '' && !title.includes(topic.n) && !title.includes(topic.k)) topic = NO_TOPIC;
    c.topic = topic;
    if (topic.lang && !langs.includes(topic.lang)) langs.push(topic.lang);
    c.languages = languageList(langs);

    const categories: Category[] = [category];
    const add = (extra: Category) => {
      if (!gaps.has(extra) && !categories.includes(extra) && categories.length < 4) categories.push(extra);
    };
    theme.categories?.forEach(add);
    if (topic.cat) add(topic.cat);
    for (const extra in profile.related) {
      if (rng.chance(profile.related[extra as Category] ?? 0)) add(extra as Category);
    }

    const places = chooseCapacity(profile.capacity, rng);
    const access = chooseAccess(location.access, profile, theme.childcare === true, EASY_LANGUAGE_RATE[category] ?? 0.04, rng);
    const seeksVolunteers = rng.chance(profile.volunteers * (arch.volunteerRun ? 1 : VOLUNTEER_FACTOR[arch.kind] ?? 0.3));
    const protection = chooseProtection(aud, seeksVolunteers || arch.volunteerRun, rng);
    const description = describe(c, {
      category, cost: costs.cost, but: costs.but, dropIn: profile.capacity === 'open', ongoing: schedule.startDate === undefined,
      waitingList: places.waitingList,
      seeksVolunteers, otherLanguages: langs.length > 1, access, protection,
    }, rng);

    const contact: Contact = { name: contactName };
    const email = rng.chance(0.55) ? `${mailboxOf(who)}@${provider.domain}` : provider.row.email;
    if (email) contact.email = email;
    contact.phone = phone;
    if (provider.row.website && rng.chance(0.35)) contact.website = `${provider.row.website}/angebote/${slugOf(title, 30)}`;

    return {
      id: this.nextId++,
      providerId: provider.row.id,
      locationId: location.row.id,
      title,
      description,
      categories: compact(categories),
      formality: arch.kind === 'private_tutor' ? 'non_formal' : theme.formality ?? profile.formality.pick(rng),
      phases: [...aud.phases],
      minAge: aud.min,
      maxAge: aud.max,
      access: compact(access),
      languages: compact(langs),
      cost: costs.cost,
      costNote: costs.note,
      butEligible: costs.but,
      childProtection: compact(protection),
      capacity: places.capacity,
      seatsAvailable: places.seatsAvailable,
      waitingList: places.waitingList,
      schedule,
      funding: compact(chooseFunding(profile, arch, rng)),
      seeksVolunteers,
      contact,
      status,
      ...this.dates(provider),
    };
  }

  /** A subject or activity that suits the audience's ages and does not bring a gap category along. */
  private topicFor(category: Category, aud: Audience, gaps: ReadonlySet<Category>): Topic {
    const list = TOPICS[category];
    const fits = (t: Topic) => (t.min ?? 0) <= aud.max && (t.max ?? 120) >= aud.min && !(t.cat && gaps.has(t.cat));
    for (let i = 0; i < 8; i++) {
      const topic = this.rng.pick(list);
      if (fits(topic)) return topic;
    }
    return list.find(fits) ?? NO_TOPIC;
  }

  /** Created after its provider and within four years; confirmed within two years; updated since. */
  private dates(provider: ProviderDraft): { lastConfirmedAt: string; createdAt: string; updatedAt: string } {
    const rng = this.rng;
    const today = this.today;
    const earliest = Math.min(today - 1, Math.max(provider.createdDay, today - 4 * 365));
    const createdDay = earliest + rng.skewed(0, today - 1 - earliest, 0.8);
    let createdMs = rng.int(7 * 3600, 20 * 3600) * 1000 + rng.int(0, 999);
    if (createdDay === provider.createdDay) createdMs = Math.max(createdMs, provider.createdMs + 60_000);
    const confirmedFrom = Math.max(createdDay, today - 729);
    const confirmedDay = confirmedFrom + rng.skewed(0, today - confirmedFrom, 0.7);
    const updatedDay = confirmedDay + rng.skewed(0, today - confirmedDay, 3);
    const updatedMs = updatedDay === createdDay
      ? Math.min(DAY_MS - 1, createdMs + rng.int(60, 7200) * 1000)
      : rng.int(7 * 3600, 20 * 3600) * 1000 + rng.int(0, 999);
    this.createdTimes.push(createdDay * DAY_MS + createdMs);
    return {
      lastConfirmedAt: isoDateOf(confirmedDay),
      createdAt: isoTimestampOf(createdDay, createdMs),
      updatedAt: isoTimestampOf(updatedDay, updatedMs),
    };
  }
}
