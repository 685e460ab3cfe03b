import { z } from 'zod';
import { zAccessFeature, zCategory, zChildProtection, zCost, zFormality, zFunding, zPhase, zProviderKind } from './taxonomy';
import { zLanguage } from './languages';
import { zContact, zIsoDate, zSchedule } from './offering';

// What providers and coordinators write: the offering form, the organisation and its sites. The same
// schemas validate the web forms, the API bodies and every CSV row, so a mistake is explained the same way
// everywhere. Messages are left to `localizeIssue` (schema/issue-messages.ts): refinements carry a
// `params.rule` that names the rule, so the form can say it in German or English next to the field.

const wheelchairLevels = ['wheelchair_yes', 'wheelchair_limited', 'wheelchair_no'] as const;

/** The fields of an offering a provider fills in (status, dates and ownership are the server's). */
export const zOfferingInputFields = z.object({
  locationId: z.number().int().positive(),
  title: z.string().trim().min(3).max(200),
  description: z.string().trim().max(5000),
  categories: z.array(zCategory).min(1).max(4),
  formality: zFormality,
  phases: z.array(zPhase).min(1).max(9),
  minAge: z.number().int().min(0).max(120),
  maxAge: z.number().int().min(0).max(120),
  access: z.array(zAccessFeature).max(12),
  languages: z.array(zLanguage).min(1).max(40),
  cost: zCost,
  costNote: z.string().trim().max(300).nullable(),
  butEligible: z.boolean(),
  childProtection: z.array(zChildProtection).max(4),
  capacity: z.number().int().positive().max(100_000).nullable(),
  seatsAvailable: z.number().int().min(0).max(100_000).nullable(),
  waitingList: z.boolean(),
  schedule: zSchedule,
  funding: z.array(zFunding).max(8),
  seeksVolunteers: z.boolean(),
  contact: zContact,
});

/** Rules across fields; each issue names its rule for the localized message. */
function offeringRules(o: z.infer<typeof zOfferingInputFields>, ctx: z.RefinementCtx): void {
  if (o.minAge > o.maxAge) ctx.addIssue({ code: 'custom', path: ['maxAge'], params: { rule: 'ageOrder' } });
  if (o.seatsAvailable !== null && o.capacity !== null && o.seatsAvailable > o.capacity) {
    ctx.addIssue({ code: 'custom', path: ['seatsAvailable'], params: { rule: 'seatsWithinCapacity' } });
  }
  if (o.access.filter((a) => (wheelchairLevels as readonly string[]).includes(a)).length > 1) {
    ctx.addIssue({ code: 'custom', path: ['access'], params: { rule: 'oneWheelchairLevel' } });
  }
  if (o.schedule.startDate && o.schedule.endDate && o.schedule.startDate > o.schedule.endDate) {
    ctx.addIssue({ code: 'custom', path: ['schedule', 'endDate'], params: { rule: 'dateOrder' } });
  }
  for (const list of ['categories', 'phases', 'access', 'languages', 'childProtection', 'funding'] as const) {
    if (new Set(o[list]).size !== o[list].length) ctx.addIssue({ code: 'custom', path: [list], params: { rule: 'noRepeats' } });
  }
}

export const zOfferingInput = zOfferingInputFields.superRefine(offeringRules);
export type OfferingInput = z.infer<typeof zOfferingInput>;

/** A partial edit: any subset of the fields, checked against the stored offering once merged. */
export const zOfferingPatch = zOfferingInputFields.partial().strict();
export type OfferingPatch = z.infer<typeof zOfferingPatch>;

/** Checks a full offering (e.g. stored fields merged with a patch) against every rule. */
export const checkOfferingInput = (value: unknown) => zOfferingInput.safeParse(value);

const matching = (pattern: RegExp, rule: string) => z.string().trim().refine((v) => pattern.test(v), { params: { rule } });

export const zPostcode = matching(/^\d{5}$/, 'postcode');
/** A municipality (8-digit official key). */
export const zMunicipalityKey = matching(/^\d{8}$/, 'municipalityKey');
/** A coordinator's scope: a state (2 digits), administrative region (3), district (5) or municipality (8). */
export const zRegionPrefix = matching(/^(\d{2}|\d{3}|\d{5}|\d{8})$/, 'regionPrefix');

const zOptionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** An organisation (provider) as its members describe it; contact fields are shown publicly. */
export const zOrganisationInput = z.object({
  name: z.string().trim().min(2).max(200),
  kind: zProviderKind,
  description: z.string().trim().max(5000).default(''),
  website: z.url({ protocol: /^https?$/ }).max(500).nullable().optional(),
  email: z.email().max(254).nullable().optional(),
  phone: zOptionalText(50),
  /** The municipality of the organisation's seat. */
  regionKey: zMunicipalityKey,
});
export type OrganisationInput = z.infer<typeof zOrganisationInput>;

/** Germany with a margin: a pin outside is a typo or a dragged-away marker. */
export const GERMANY_BOUNDS = { west: 5.5, south: 47.2, east: 15.5, north: 55.1 } as const;

/** A site (place where offerings happen). Without lat/lng the server proposes the postcode's position. */
export const zSiteInput = z
  .object({
    name: zOptionalText(200),
    street: z.string().trim().min(2).max(200),
    postcode: zPostcode,
    city: z.string().trim().min(2).max(200),
    lat: z.number().min(GERMANY_BOUNDS.south).max(GERMANY_BOUNDS.north).optional(),
    lng: z.number().min(GERMANY_BOUNDS.west).max(GERMANY_BOUNDS.east).optional(),
  })
  .refine((s) => (s.lat === undefined) === (s.lng === undefined), { path: ['lng'], params: { rule: 'latLngTogether' } });
export type SiteInput = z.infer<typeof zSiteInput>;

// Accounts.
export const MIN_PASSWORD_LENGTH = 10;
export const zEmail = z.email().max(254).transform((e) => e.trim().toLowerCase());
export const zPassword = z.string().min(MIN_PASSWORD_LENGTH).max(200);
export const zUserRole = z.enum(['provider', 'coordinator', 'admin']);
export type UserRole = z.infer<typeof zUserRole>;

export const zRegisterInput = z.object({
  email: zEmail,
  password: zPassword,
  displayName: z.string().trim().min(1).max(120),
  /** The interface language, so mails arrive in the language the person registered in. */
  lang: z.enum(['de', 'en']).default('de'),
});
export const zLoginInput = z.object({ email: zEmail, password: z.string().min(1).max(200) });
export const zTokenInput = z.object({ token: z.string().min(20).max(200) });
export const zPasswordResetRequest = z.object({ email: zEmail, lang: z.enum(['de', 'en']).default('de') });
export const zPasswordResetInput = z.object({ token: z.string().min(20).max(200), password: zPassword });
export const zPasswordChangeInput = z.object({ currentPassword: z.string().min(1).max(200), newPassword: zPassword });
export const zDeleteAccountInput = z.object({ password: z.string().min(1).max(200) });

/** An admin creates a coordinator (scoped to a region) or another admin; they set their password by mail. */
export const zCreateUserInput = z
  .object({
    email: zEmail,
    displayName: z.string().trim().min(1).max(120),
    role: z.enum(['coordinator', 'admin']),
    regionPrefix: zRegionPrefix.nullable().optional(),
  })
  .refine((u) => u.role !== 'coordinator' || !!u.regionPrefix, { path: ['regionPrefix'], params: { rule: 'coordinatorRegion' } });

export const zRejectInput = z.object({ reason: z.string().trim().min(5).max(2000) });

/** The signed-in user as the API shows them to themselves; never public. */
export const zMe = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  role: zUserRole,
  emailVerified: z.boolean(),
  organisation: z.object({ id: z.number().int(), name: z.string(), verified: z.boolean() }).nullable(),
  regionPrefix: z.string().nullable(),
  createdAt: z.string(),
});
export type Me = z.infer<typeof zMe>;

export { zIsoDate };
