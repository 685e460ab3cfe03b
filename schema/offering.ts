import { z } from 'zod';
import {
  zAccessFeature, zCategory, zChildProtection, zCost, zFormality, zFunding, zPhase, zProviderKind, zStatus,
} from './taxonomy';
import { zLanguage } from './languages';

export const zOfferingId = z.coerce
  .number({ error: 'an offering id is a positive whole number' })
  .int('an offering id is a positive whole number')
  .positive('an offering id is a positive whole number')
  .max(2 ** 31 - 1, 'an offering id is a positive whole number');

/** A calendar date as YYYY-MM-DD. */
export const zIsoDate = z.iso.date();

export const zContact = z.object({
  name: z.string().max(200).optional(),
  email: z.email().max(254).optional(),
  phone: z.string().max(50).optional(),
  website: z.url({ protocol: /^https?$/ }).max(500).optional(),
});
export type Contact = z.infer<typeof zContact>;

/**
 * When an offering takes place. `text` is what people read ("dienstags 15–17 Uhr, außer in den Ferien");
 * `rrule` is the machine-readable recurrence (RFC 5545, as Open Referral HSDS schedules use it).
 */
export const zSchedule = z.object({
  text: z.string().min(1).max(500),
  rrule: z.string().max(300).optional(),
  startDate: zIsoDate.optional(),
  endDate: zIsoDate.optional(),
});
export type Schedule = z.infer<typeof zSchedule>;

export const zProvider = z.object({
  id: z.number().int().positive(),
  name: z.string().min(2).max(200),
  kind: zProviderKind,
  description: z.string().max(5000),
  website: z.string().max(500).nullable(),
  email: z.string().max(254).nullable(),
  phone: z.string().max(50).nullable(),
  /** Municipality (8-digit AGS) of the provider's seat. */
  regionKey: z.string().regex(/^\d{8}$/),
});
export type Provider = z.infer<typeof zProvider>;

export const zLocation = z.object({
  id: z.number().int().positive(),
  providerId: z.number().int().positive(),
  name: z.string().max(200).nullable(),
  street: z.string().max(200),
  postcode: z.string().regex(/^\d{5}$/),
  city: z.string().max(200),
  /** Municipality (8-digit AGS) the location lies in. */
  regionKey: z.string().regex(/^\d{8}$/),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});
export type Location = z.infer<typeof zLocation>;

/** Fields of an offering that a provider writes (what a form or an import submits). */
const zOfferingFields = z.object({
  providerId: z.number().int().positive(),
  locationId: z.number().int().positive(),
  title: z.string().trim().min(3).max(200),
  description: z.string().trim().max(5000),
  categories: z.array(zCategory).min(1).max(4),
  formality: zFormality,
  phases: z.array(zPhase).min(1),
  minAge: z.number().int().min(0).max(120),
  maxAge: z.number().int().min(0).max(120),
  access: z.array(zAccessFeature),
  languages: z.array(zLanguage).min(1),
  cost: zCost,
  costNote: z.string().max(300).nullable(),
  /** Eligible for the Bildungs- und Teilhabepaket (BuT), e.g. Lernförderung. */
  butEligible: z.boolean(),
  childProtection: z.array(zChildProtection),
  /** Places in all (null: not limited), places still free, and whether a waiting list is kept. */
  capacity: z.number().int().positive().nullable(),
  seatsAvailable: z.number().int().min(0).nullable(),
  waitingList: z.boolean(),
  schedule: zSchedule,
  funding: z.array(zFunding),
  seeksVolunteers: z.boolean(),
  contact: zContact,
  status: zStatus,
  /** When the provider or the office last confirmed the entry is still correct. */
  lastConfirmedAt: zIsoDate,
});

export const zNewOffering = zOfferingFields
  .refine((o) => o.minAge <= o.maxAge, { message: 'minAge must not exceed maxAge', path: ['maxAge'] })
  .refine((o) => o.seatsAvailable === null || o.capacity === null || o.seatsAvailable <= o.capacity, {
    message: 'seatsAvailable must not exceed capacity',
    path: ['seatsAvailable'],
  });
export type NewOffering = z.infer<typeof zNewOffering>;

export const zOffering = zOfferingFields.extend({
  id: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Offering = z.infer<typeof zOffering>;

/** What the public detail endpoint answers: the offering with its provider and location. */
export const zOfferingDetail = zOffering.omit({ status: true }).extend({
  provider: zProvider,
  location: zLocation,
});
export type OfferingDetail = z.infer<typeof zOfferingDetail>;
