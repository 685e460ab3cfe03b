import {
  accessFeatures, fundingProgrammes, languages as languageTerms, type AccessFeature, type ChildProtection, type Cost,
  type Funding, type Language, type Status,
} from '../../schema';
import type { Archetype } from './archetype';
import type { Audience } from './audiences';
import { euros } from './numbers';
import type { CapacityKind, PriceUnit, Profile, ScheduleKind } from './profiles';
import { weighted, type Rng } from './random';

// The facts of an offering besides its texts: languages, cost, places, accessibility, child protection,
// funding and moderation status.

export const STATUSES = weighted<Status>({ published: 92, pending: 3, draft: 2, archived: 2, rejected: 1 });

/** Languages of immigrant families, roughly by how often support is offered in them. */
const OTHER_LANGUAGES = weighted<Language>({
  ar: 18, uk: 18, tr: 14, fa: 9, ru: 9, en: 6, pl: 5, ro: 5, ku: 4, sq: 3, bg: 2, ps: 2, ti: 2, fr: 1.5, so: 1.5,
  vi: 1, it: 1, el: 1, hr: 1, sr: 1, bs: 1, es: 1, pt: 0.5, zh: 0.5, da: 0.1,
});
const LANGUAGE_NAMES = new Map<string, string>(languageTerms.map((l) => [l.id, l.label.de]));

/** German always; other languages where the profile or the title call for them. */
export function chooseLanguages(profile: Profile, forceOther: boolean, stateKey: string, rng: Rng): Language[] {
  const chosen: Language[] = ['de'];
  if (forceOther || rng.chance(profile.otherLanguages)) {
    const count = rng.chance(0.5) ? 1 : rng.chance(0.7) ? 2 : 3;
    for (let i = 0; i < count; i++) {
      const lang = OTHER_LANGUAGES.pick(rng);
      if (!chosen.includes(lang)) chosen.push(lang);
    }
  }
  // The Danish minority lives in Schleswig-Holstein.
  if (stateKey === '01' && !chosen.includes('da') && rng.chance(0.03)) chosen.push('da');
  return chosen;
}

/** "Arabisch", "Arabisch und Ukrainisch", "Arabisch, Türkisch und Ukrainisch". */
export function languageList(langs: readonly Language[]): string {
  const names = langs.filter((l) => l !== 'de').map((l) => LANGUAGE_NAMES.get(l) ?? l);
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} und ${names[names.length - 1]}`;
}

export interface CostChoice {
  cost: Cost;
  but: boolean;
  price: string;
  note: string | null;
}

const PRICE_RANGES: Record<PriceUnit, { paid: [number, number]; reduced: [number, number]; unit: string }> = {
  hour: { paid: [15, 35], reduced: [5, 12], unit: 'pro Stunde' },
  month: { paid: [15, 45], reduced: [5, 15], unit: 'pro Monat' },
  course: { paid: [40, 180], reduced: [10, 40], unit: 'für den ganzen Kurs' },
  // A single date: an excursion, a workshop day, a parents' evening.
  week: { paid: [60, 180], reduced: [20, 70], unit: 'pro Woche' },
  session: { paid: [5, 25], reduced: [2, 8], unit: 'pro Termin' },
};

/** The unit a price is quoted in: courses for the whole course, holiday weeks per week, else the profile's. */
export function priceUnitFor(kind: ScheduleKind, profile: Profile): PriceUnit {
  return kind === 'course' ? 'course' : kind === 'holiday' ? 'week' : kind === 'one_day' ? 'session' : profile.priceUnit;
}

export function chooseCost(profile: Profile, unit: PriceUnit, arch: Archetype, aud: Audience, forceBut: boolean, rng: Rng): CostChoice {
  let cost = profile.cost.pick(rng);
  if (arch.kind === 'private_tutor') cost = rng.chance(0.85) ? 'paid' : 'reduced';
  else if (arch.kind === 'municipality' || arch.kind === 'company') cost = rng.chance(0.9) ? 'free' : cost;
  if (forceBut && cost === 'free') cost = 'reduced';
  // BuT pays tutoring up to 25 and participation (clubs, music, holidays) up to 18.
  const young = aud.min < 18 && aud.max <= 27;
  const but = forceBut || (young && cost !== 'free' && rng.chance(profile.but));
  if (cost === 'free') {
    const note = rng.chance(0.25) ? rng.pick(['kostenlos', 'kostenfrei, Spenden willkommen', 'keine Kosten', 'kostenlos, Material wird gestellt']) : null;
    return { cost, but, price: '', note };
  }
  const range = PRICE_RANGES[unit];
  const [min, max] = cost === 'paid' ? range.paid : range.reduced;
  const amount = Math.round(rng.int(min * 2, max * 2)) / 2;
  const price = `${euros(amount)} ${range.unit}`;
  const parts = [price];
  if (cost === 'reduced') parts.push(rng.pick(['ermäßigt auf Anfrage', `mit Familienpass ${euros(Math.max(1, Math.round(amount / 2)))}`, 'Ermäßigung für Geschwister']));
  else if (rng.chance(0.3)) parts.push(rng.pick(['Geschwisterrabatt möglich', 'Material inklusive', 'zahlbar monatlich']));
  if (but) parts.push(rng.pick(['über BuT erstattungsfähig', 'mit BuT-Bescheid kostenlos', 'Abrechnung über Bildung und Teilhabe möglich']));
  return { cost, but, price, note: parts.join('; ') };
}

export interface CapacityChoice {
  capacity: number | null;
  seatsAvailable: number | null;
  waitingList: boolean;
}

/** [smallest, largest capacity, chance that all places are taken]. */
const CAPACITY_RANGES: Record<Exclude<CapacityKind, 'open'>, readonly [number, number, number]> = {
  pairs: [4, 30, 0.55], small: [1, 6, 0.3], group: [8, 20, 0.2], course: [10, 25, 0.2], holiday: [15, 40, 0.35],
};

/** Places in all and still free; 1:1 mentorships often run out of mentors and keep a waiting list. */
export function chooseCapacity(kind: CapacityKind, rng: Rng): CapacityChoice {
  if (kind === 'open') {
    return rng.chance(0.8) ? { capacity: null, seatsAvailable: null, waitingList: false } : { capacity: rng.int(20, 60), seatsAvailable: null, waitingList: false };
  }
  if (rng.chance(0.08)) return { capacity: null, seatsAvailable: null, waitingList: false };
  const [min, max, fullChance] = CAPACITY_RANGES[kind];
  const capacity = rng.int(min, max);
  if (rng.chance(fullChance)) return { capacity, seatsAvailable: 0, waitingList: rng.chance(kind === 'pairs' ? 0.9 : 0.6) };
  const seatsAvailable = Math.max(1, Math.round(capacity * rng.float() ** 1.5));
  return { capacity, seatsAvailable: Math.min(capacity, seatsAvailable), waitingList: kind === 'pairs' && rng.chance(0.1) };
}

const ACCESS_ORDER = new Map<string, number>(accessFeatures.map((f, i) => [f.id, i]));

/** The building's features plus what the offering itself provides, in vocabulary order. */
export function chooseAccess(
  building: readonly AccessFeature[], profile: Profile, childcare: boolean, easyLanguageRate: number, rng: Rng,
): AccessFeature[] {
  const features = building.slice();
  if (rng.chance(easyLanguageRate)) features.push('easy_language');
  if (rng.chance(0.03)) features.push('sign_language');
  if (childcare || rng.chance(profile.childcare)) features.push('childcare');
  if (rng.chance(profile.online)) features.push('online');
  return features.sort((a, b) => (ACCESS_ORDER.get(a) ?? 0) - (ACCESS_ORDER.get(b) ?? 0));
}

/** Child protection is the rule where children meet volunteers, and missing now and then, as in real life. */
export function chooseProtection(aud: Audience, volunteers: boolean, rng: Rng): ChildProtection[] {
  if (aud.min >= 18) return rng.chance(0.12) ? ['trained_staff'] : [];
  if (rng.chance(0.08)) return [];
  const measures: ChildProtection[] = [];
  if (rng.chance(volunteers ? 0.55 : 0.6)) measures.push('safeguarding_concept');
  if (rng.chance(volunteers ? 0.88 : 0.6)) measures.push('criminal_record_check');
  if (rng.chance(volunteers ? 0.4 : 0.75)) measures.push('trained_staff');
  if (volunteers && rng.chance(0.7)) measures.push('volunteer_supervision');
  return measures;
}

const FUNDING_ORDER = new Map<string, number>(fundingProgrammes.map((f, i) => [f.id, i]));

export function chooseFunding(profile: Profile, arch: Archetype, rng: Rng): Funding[] {
  if (arch.kind === 'private_tutor') return [];
  if (arch.kind === 'company') return rng.chance(0.5) ? ['self_funded'] : [];
  const chosen: Funding[] = [];
  for (const [programme, chance] of Object.entries(profile.funding) as [Funding, number][]) {
    // The Startchancen programme funds schools (and their associations) only.
    if (programme === 'startchancen' && arch.kind !== 'school' && arch.id !== 'school_association') continue;
    if (rng.chance(chance)) chosen.push(programme);
  }
  if (arch.volunteerRun && !chosen.includes('self_funded') && rng.chance(0.2)) chosen.push('self_funded');
  return chosen.sort((a, b) => (FUNDING_ORDER.get(a) ?? 0) - (FUNDING_ORDER.get(b) ?? 0));
}
