import { zOfferingInput, type ManagedOffering, type MessageLang, type OfferingInput } from '../../../../schema';
import { errorsOf, type FieldErrors } from '../forms/zod-errors';

/** The offering form's values: what the inputs hold (text for numbers), flat under the API's field paths. */
export interface OfferingValues {
  locationId: string;
  title: string;
  description: string;
  categories: string[];
  formality: string;
  phases: string[];
  minAge: string;
  maxAge: string;
  access: string[];
  languages: string[];
  cost: string;
  costNote: string;
  butEligible: boolean;
  childProtection: string[];
  capacity: string;
  seatsAvailable: string;
  waitingList: boolean;
  'schedule.text': string;
  'schedule.startDate': string;
  'schedule.endDate': string;
  funding: string[];
  seeksVolunteers: boolean;
  'contact.name': string;
  'contact.email': string;
  'contact.phone': string;
  'contact.website': string;
}

export function emptyOffering(locationId: number | null): OfferingValues {
  return {
    locationId: locationId === null ? '' : String(locationId),
    title: '',
    description: '',
    categories: [],
    formality: '',
    phases: [],
    minAge: '',
    maxAge: '',
    access: [],
    languages: ['de'],
    cost: 'free',
    costNote: '',
    butEligible: false,
    childProtection: [],
    capacity: '',
    seatsAvailable: '',
    waitingList: false,
    'schedule.text': '',
    'schedule.startDate': '',
    'schedule.endDate': '',
    funding: [],
    seeksVolunteers: false,
    'contact.name': '',
    'contact.email': '',
    'contact.phone': '',
    'contact.website': '',
  };
}

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

/**
 * The form's values for a stored offering. A provider continues from their pending revision, if any; a
 * coordinator corrects the stored offering itself.
 */
export function valuesOf(offering: ManagedOffering, withRevision = true): OfferingValues {
  const o = { ...offering, ...((withRevision && offering.pendingRevision?.fields) || {}) };
  return {
    locationId: String(o.locationId),
    title: o.title,
    description: o.description,
    categories: [...o.categories],
    formality: o.formality,
    phases: [...o.phases],
    minAge: text(o.minAge),
    maxAge: text(o.maxAge),
    access: [...o.access],
    languages: [...o.languages],
    cost: o.cost,
    costNote: o.costNote ?? '',
    butEligible: o.butEligible,
    childProtection: [...o.childProtection],
    capacity: text(o.capacity),
    seatsAvailable: text(o.seatsAvailable),
    waitingList: o.waitingList,
    'schedule.text': o.schedule.text,
    'schedule.startDate': o.schedule.startDate ?? '',
    'schedule.endDate': o.schedule.endDate ?? '',
    funding: [...o.funding],
    seeksVolunteers: o.seeksVolunteers,
    'contact.name': o.contact.name ?? '',
    'contact.email': o.contact.email ?? '',
    'contact.phone': o.contact.phone ?? '',
    'contact.website': o.contact.website ?? '',
  };
}

/** An empty input is "not given": undefined (the schema then says "please fill in") or null where allowed. */
function number(value: string): number | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : Number(trimmed.replace(',', '.'));
}
const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());

/**
 * The body the API takes, built from the form. `rrule` is not in the form (people write the schedule as
 * text); a stored one is kept.
 */
export function inputOf(v: OfferingValues, rrule?: string): Record<string, unknown> {
  return {
    locationId: number(v.locationId),
    title: v.title,
    description: v.description,
    categories: v.categories,
    formality: v.formality || undefined,
    phases: v.phases,
    minAge: number(v.minAge),
    maxAge: number(v.maxAge),
    access: v.access,
    languages: v.languages,
    cost: v.cost || undefined,
    costNote: optional(v.costNote) ?? null,
    butEligible: v.butEligible,
    childProtection: v.childProtection,
    capacity: number(v.capacity) ?? null,
    seatsAvailable: number(v.seatsAvailable) ?? null,
    waitingList: v.waitingList,
    schedule: {
      text: v['schedule.text'].trim(),
      ...(rrule ? { rrule } : {}),
      ...(optional(v['schedule.startDate']) ? { startDate: optional(v['schedule.startDate']) } : {}),
      ...(optional(v['schedule.endDate']) ? { endDate: optional(v['schedule.endDate']) } : {}),
    },
    funding: v.funding,
    seeksVolunteers: v.seeksVolunteers,
    contact: Object.fromEntries(
      (['name', 'email', 'phone', 'website'] as const)
        .map((k) => [k, optional(v[`contact.${k}`])] as const)
        .filter(([, value]) => value !== undefined),
    ),
  };
}

/**
 * Values that pass every single-field rule and trigger no rule across fields. zod checks the rules across
 * fields (ages in order, free places within capacity …) only once every field is valid; to explain them
 * together with the other mistakes, the form checks again with the failing fields replaced by these.
 */
const NEUTRAL: OfferingInput = {
  locationId: 1,
  title: 'Neutral',
  description: '',
  categories: ['tutoring'],
  formality: 'formal',
  phases: ['primary_school'],
  minAge: 0,
  maxAge: 120,
  access: [],
  languages: ['de'],
  cost: 'free',
  costNote: null,
  butEligible: false,
  childProtection: [],
  capacity: null,
  seatsAvailable: null,
  waitingList: false,
  schedule: { text: 'Neutral' },
  funding: [],
  seeksVolunteers: false,
  contact: {},
};

/** Every mistake of the form, worded by the shared messages, keyed by field path. */
export function checkOffering(values: OfferingValues, lang: MessageLang, rrule?: string): FieldErrors {
  const input = inputOf(values, rrule);
  const first = zOfferingInput.safeParse(input);
  if (first.success) return {};
  const errors = errorsOf(first, lang);
  const patched: Record<string, unknown> = { ...input };
  for (const issue of first.error.issues) {
    const [top, sub] = issue.path.map(String) as [keyof OfferingInput, string | undefined];
    if ((top === 'schedule' || top === 'contact') && sub !== undefined) {
      const nested = { ...(patched[top] as Record<string, unknown>) };
      const neutral = (NEUTRAL[top] as Record<string, unknown>)[sub];
      if (neutral === undefined) delete nested[sub];
      else nested[sub] = neutral;
      patched[top] = nested;
    } else if (top in NEUTRAL) {
      patched[top] = NEUTRAL[top];
    }
  }
  const across = errorsOf(zOfferingInput.safeParse(patched), lang);
  for (const [field, message] of Object.entries(across)) if (!(field in errors)) errors[field] = message;
  return errors;
}
