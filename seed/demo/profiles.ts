import type { Category, Cost, Formality, Funding } from '../../schema';
import type { AudienceId } from './audiences';
import { weighted, type Weighted } from './random';

// What an offering of each category is usually like: for whom, how formal, what it costs and who pays,
// how often it meets, how many places it has. The correlations of the demo data live here.

export type ScheduleKind =
  | 'twice_weekly' | 'weekly' | 'weekdays' | 'fortnightly' | 'monthly' | 'course' | 'by_arrangement'
  | 'holiday' | 'one_day' | 'office_hours';

/** pairs: 1:1 mentorships (tandems); open: drop-in without a limit. */
export type CapacityKind = 'pairs' | 'small' | 'group' | 'course' | 'holiday' | 'open';

export type PriceUnit = 'hour' | 'month' | 'course' | 'week' | 'session';

export interface Profile {
  audiences: Weighted<AudienceId>;
  formality: Weighted<Formality>;
  cost: Weighted<Cost>;
  priceUnit: PriceUnit;
  /** Chance of BuT eligibility for a child or pupil offering that is not free. */
  but: number;
  /** Independent chance of each funding programme. */
  funding: Partial<Record<Funding, number>>;
  /** Categories that often come along as a second category, with their chance. */
  related: Partial<Record<Category, number>>;
  schedule: Weighted<ScheduleKind>;
  capacity: CapacityKind;
  /** Chance that a volunteer-run provider seeks volunteers for it. */
  volunteers: number;
  /** Chance that it is also held in languages of immigrant families. */
  otherLanguages: number;
  childcare: number;
  online: number;
}

type ProfileSpec = Omit<Profile, 'audiences' | 'formality' | 'cost' | 'schedule'> & {
  audiences: Partial<Record<AudienceId, number>>;
  formality: Partial<Record<Formality, number>>;
  cost: Partial<Record<Cost, number>>;
  schedule: Partial<Record<ScheduleKind, number>>;
};

const SPECS: Record<Category, ProfileSpec> = {
  tutoring: {
    audiences: { primary: 2, primaryLate: 2, lowerSecondary: 4, middleSecondary: 4, finalYears: 2, upperSecondary: 2, pupils: 2 },
    formality: { non_formal: 9, formal: 1 }, cost: { free: 3, reduced: 3, paid: 4 }, priceUnit: 'hour', but: 0.75,
    funding: { lernen_mit_rueckenwind: 0.15, startchancen: 0.1, municipal: 0.1, state: 0.05 },
    related: { homework_help: 0.15, mentoring: 0.05 }, schedule: { twice_weekly: 3, weekly: 4, by_arrangement: 3 },
    capacity: 'small', volunteers: 0.4, otherLanguages: 0.08, childcare: 0, online: 0.15,
  },
  homework_help: {
    audiences: { primary: 4, children: 3, lowerSecondary: 2, pupils: 2, newcomerChildren: 1 },
    formality: { non_formal: 7, informal: 3 }, cost: { free: 7, reduced: 2, paid: 1 }, priceUnit: 'month', but: 0.5,
    funding: { municipal: 0.25, startchancen: 0.08, self_funded: 0.2, foundation: 0.08 },
    related: { tutoring: 0.15, open_youth_work: 0.1 }, schedule: { twice_weekly: 4, weekdays: 4, weekly: 2 },
    capacity: 'group', volunteers: 0.75, otherLanguages: 0.12, childcare: 0, online: 0.02,
  },
  reading_mentorship: {
    audiences: { kita: 2, preschool: 1, primary: 5, primaryLate: 2, children: 1 },
    formality: { non_formal: 6, informal: 4 }, cost: { free: 9, reduced: 1 }, priceUnit: 'session', but: 0,
    funding: { foundation: 0.25, municipal: 0.15, self_funded: 0.2 },
    related: { mentoring: 0.15, language_mentorship: 0.06 }, schedule: { weekly: 5, by_arrangement: 3, monthly: 1 },
    capacity: 'pairs', volunteers: 0.95, otherLanguages: 0.08, childcare: 0, online: 0.02,
  },
  language_mentorship: {
    audiences: { newcomerChildren: 3, newcomerAdults: 4, families: 2, pupils: 1 },
    formality: { informal: 6, non_formal: 4 }, cost: { free: 10 }, priceUnit: 'session', but: 0,
    funding: { municipal: 0.2, state: 0.2, foundation: 0.15, esf_plus: 0.05, self_funded: 0.15 },
    related: { german_second_language: 0.3, mentoring: 0.2 }, schedule: { by_arrangement: 5, weekly: 3, fortnightly: 1 },
    capacity: 'pairs', volunteers: 0.95, otherLanguages: 0.85, childcare: 0.05, online: 0.05,
  },
  german_second_language: {
    audiences: { newcomerAdults: 5, newcomerChildren: 3, parentsSmall: 1, parentsSchool: 1 },
    formality: { non_formal: 6, formal: 3, informal: 1 }, cost: { free: 5, reduced: 3, paid: 2 }, priceUnit: 'course', but: 0.2,
    funding: { esf_plus: 0.2, state: 0.25, municipal: 0.15 },
    related: { language_mentorship: 0.15, adult_education: 0.15 }, schedule: { course: 4, twice_weekly: 3, weekdays: 2 },
    capacity: 'course', volunteers: 0.2, otherLanguages: 0.45, childcare: 0.25, online: 0.1,
  },
  culture_mentorship: {
    audiences: { children: 4, primary: 2, teens: 2, newcomerChildren: 1, families: 1 },
    formality: { informal: 5, non_formal: 5 }, cost: { free: 9, reduced: 1 }, priceUnit: 'session', but: 0.1,
    funding: { kultur_macht_stark: 0.6, foundation: 0.15, municipal: 0.15 },
    related: { culture_guides: 0.2, mentoring: 0.2, music_arts: 0.15 }, schedule: { by_arrangement: 4, monthly: 3, fortnightly: 2 },
    capacity: 'pairs', volunteers: 0.9, otherLanguages: 0.1, childcare: 0, online: 0,
  },
  culture_guides: {
    audiences: { children: 2, teens: 3, youngPeople: 2, families: 2, newcomerAdults: 1 },
    formality: { informal: 6, non_formal: 4 }, cost: { free: 8, reduced: 2 }, priceUnit: 'session', but: 0.1,
    funding: { kultur_macht_stark: 0.55, municipal: 0.2, foundation: 0.1 },
    related: { culture_mentorship: 0.2, music_arts: 0.1 }, schedule: { monthly: 4, one_day: 2, fortnightly: 2 },
    capacity: 'group', volunteers: 0.6, otherLanguages: 0.15, childcare: 0, online: 0,
  },
  mentoring: {
    audiences: { children: 2, teens: 3, youngPeople: 3, careerStarters: 1, trainees: 2, families: 1 },
    formality: { informal: 5, non_formal: 5 }, cost: { free: 10 }, priceUnit: 'session', but: 0,
    funding: { foundation: 0.3, municipal: 0.15, esf_plus: 0.1, self_funded: 0.15 },
    related: { career_orientation: 0.15, homework_help: 0.05 }, schedule: { by_arrangement: 6, fortnightly: 2, weekly: 1 },
    capacity: 'pairs', volunteers: 0.9, otherLanguages: 0.1, childcare: 0, online: 0.05,
  },
  music_arts: {
    audiences: { kita: 1, primary: 2, children: 3, teens: 2, youngPeople: 1, allAdults: 2, seniors: 1 },
    formality: { non_formal: 8, informal: 2 }, cost: { paid: 4, reduced: 4, free: 2 }, priceUnit: 'month', but: 0.5,
    funding: { kultur_macht_stark: 0.08, municipal: 0.15, self_funded: 0.1 },
    related: { culture_mentorship: 0.04, holiday_programme: 0.04 }, schedule: { weekly: 6, course: 3, one_day: 1 },
    capacity: 'group', volunteers: 0.1, otherLanguages: 0.03, childcare: 0.02, online: 0.02,
  },
  sports: {
    audiences: { kita: 2, primary: 3, children: 3, teens: 3, youngPeople: 1, allAdults: 1, seniors: 1, families: 1 },
    formality: { non_formal: 8, informal: 2 }, cost: { reduced: 5, paid: 3, free: 2 }, priceUnit: 'month', but: 0.6,
    funding: { self_funded: 0.3, municipal: 0.1, state: 0.05 },
    related: { open_youth_work: 0.03 }, schedule: { weekly: 6, twice_weekly: 3, course: 2 },
    capacity: 'group', volunteers: 0.35, otherLanguages: 0.03, childcare: 0.02, online: 0,
  },
  stem: {
    audiences: { primary: 2, children: 3, lowerSecondary: 2, teens: 3, upperSecondary: 1 },
    formality: { non_formal: 8, informal: 1, formal: 1 }, cost: { free: 5, reduced: 3, paid: 2 }, priceUnit: 'course', but: 0.2,
    funding: { foundation: 0.25, state: 0.15, municipal: 0.1, esf_plus: 0.05 },
    related: { digital_media: 0.25 }, schedule: { weekly: 4, course: 4, one_day: 2 },
    capacity: 'group', volunteers: 0.25, otherLanguages: 0.03, childcare: 0, online: 0.08,
  },
  digital_media: {
    audiences: { children: 2, teens: 3, youngPeople: 1, allAdults: 2, seniors: 3, parentsSchool: 1 },
    formality: { non_formal: 8, informal: 2 }, cost: { free: 5, reduced: 3, paid: 2 }, priceUnit: 'course', but: 0.1,
    funding: { municipal: 0.15, state: 0.1, foundation: 0.1, esf_plus: 0.05 },
    related: { stem: 0.1, parent_education: 0.05 }, schedule: { course: 4, weekly: 3, one_day: 2, office_hours: 1 },
    capacity: 'group', volunteers: 0.3, otherLanguages: 0.05, childcare: 0.02, online: 0.25,
  },
  career_orientation: {
    audiences: { careerStarters: 5, finalYears: 3, youngPeople: 3, upperSecondary: 2, trainees: 2.5, newcomerAdults: 1 },
    formality: { non_formal: 7, formal: 2, informal: 1 }, cost: { free: 9, reduced: 1 }, priceUnit: 'course', but: 0,
    funding: { esf_plus: 0.25, state: 0.2, municipal: 0.15 },
    related: { mentoring: 0.1, education_counselling: 0.15 }, schedule: { course: 3, one_day: 4, office_hours: 2, weekly: 1 },
    capacity: 'course', volunteers: 0.15, otherLanguages: 0.08, childcare: 0, online: 0.15,
  },
  parent_education: {
    audiences: { parentsSmall: 5, parentsSchool: 4, families: 1 },
    formality: { non_formal: 6, informal: 4 }, cost: { free: 7, reduced: 2, paid: 1 }, priceUnit: 'course', but: 0,
    funding: { municipal: 0.3, state: 0.1, esf_plus: 0.05, foundation: 0.05 },
    related: { early_childhood: 0.2, education_counselling: 0.1 }, schedule: { monthly: 3, weekly: 3, course: 2, one_day: 2 },
    capacity: 'group', volunteers: 0.15, otherLanguages: 0.3, childcare: 0.45, online: 0.1,
  },
  early_childhood: {
    audiences: { babies: 4, kita: 3, preschool: 2, early: 2 },
    formality: { non_formal: 6, informal: 4 }, cost: { free: 4, reduced: 4, paid: 2 }, priceUnit: 'month', but: 0.1,
    funding: { municipal: 0.3, state: 0.1, foundation: 0.05 },
    related: { parent_education: 0.25, music_arts: 0.05, sports: 0.05 }, schedule: { weekly: 7, twice_weekly: 1, course: 2 },
    capacity: 'group', volunteers: 0.15, otherLanguages: 0.12, childcare: 0, online: 0,
  },
  holiday_programme: {
    audiences: { primary: 3, children: 5, teens: 2, kita: 1 },
    formality: { non_formal: 8, informal: 2 }, cost: { reduced: 5, paid: 3, free: 2 }, priceUnit: 'week', but: 0.45,
    funding: { municipal: 0.3, self_funded: 0.1, foundation: 0.05, kultur_macht_stark: 0.05 },
    related: {}, schedule: { holiday: 1 },
    capacity: 'holiday', volunteers: 0.3, otherLanguages: 0.03, childcare: 0, online: 0,
  },
  open_youth_work: {
    audiences: { children: 2, teens: 5, youngPeople: 3 },
    formality: { informal: 8, non_formal: 2 }, cost: { free: 10 }, priceUnit: 'session', but: 0,
    funding: { municipal: 0.6, state: 0.1 },
    related: { homework_help: 0.08, digital_media: 0.05, sports: 0.05 }, schedule: { weekdays: 5, weekly: 3, twice_weekly: 2 },
    capacity: 'open', volunteers: 0.2, otherLanguages: 0.05, childcare: 0, online: 0,
  },
  education_counselling: {
    audiences: { allAdults: 3, youngPeople: 2, trainees: 2, parentsSchool: 2, newcomerAdults: 3 },
    formality: { non_formal: 6, informal: 4 }, cost: { free: 10 }, priceUnit: 'session', but: 0,
    funding: { municipal: 0.35, esf_plus: 0.15, state: 0.15 },
    related: { career_orientation: 0.15, parent_education: 0.05 }, schedule: { office_hours: 6, by_arrangement: 4 },
    capacity: 'open', volunteers: 0.05, otherLanguages: 0.35, childcare: 0.05, online: 0.3,
  },
  adult_education: {
    audiences: { adults: 4, allAdults: 5, seniors: 2, trainees: 1, newcomerAdults: 1 },
    formality: { non_formal: 7, formal: 2, informal: 1 }, cost: { paid: 5, reduced: 4, free: 1 }, priceUnit: 'course', but: 0,
    funding: { esf_plus: 0.08, state: 0.12 },
    related: { digital_media: 0.08 }, schedule: { course: 7, weekly: 2, one_day: 1 },
    capacity: 'course', volunteers: 0.03, otherLanguages: 0.05, childcare: 0.04, online: 0.2,
  },
};

export const PROFILES = Object.fromEntries(
  Object.entries(SPECS).map(([category, spec]) => [
    category,
    {
      ...spec,
      audiences: weighted(spec.audiences),
      formality: weighted(spec.formality),
      cost: weighted(spec.cost),
      schedule: weighted(spec.schedule),
    } satisfies Profile,
  ]),
) as Record<Category, Profile>;
