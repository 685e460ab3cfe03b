import { z } from 'zod';
import { zOfferingInputFields, zOrganisationInput, zPostcode, zRegionPrefix, zSiteInput } from './editing';
import { zLocation, zOffering, zProvider } from './offering';
import { zStatus } from './taxonomy';

// What the private API answers to providers, coordinators and admins: their offerings with moderation
// state, organisations with their sites, the review queue and the audit trail. No schema here carries
// personal data of accounts (names, e-mail addresses, user ids); an offering's contact is what the
// provider entered for the public.

/** `stale`: true (not confirmed for 12 months), false, or `soon` (due within the month before that). */
const zStaleParam = z
  .enum(['true', 'false', '1', '0', 'soon'], { error: 'use true, false or soon' })
  .transform((v): boolean | 'soon' => (v === 'soon' ? 'soon' : v === 'true' || v === '1'));

const zPage = z.coerce.number().int().min(1).max(10_000).default(1);
const zPerPage = z.coerce.number().int().min(1).max(100).default(25);

/** A numeric id in a path. */
export const zIdParams = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });

/** A site: a place where an organisation's offerings happen. */
export const zSite = zLocation;
export type Site = z.infer<typeof zSite>;

/** An organisation as its members, its coordinators and admins see it. */
export const zOrganisation = zProvider.extend({
  verified: z.boolean(),
  verifiedAt: z.string().nullable(),
  sites: z.array(zSite),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organisation = z.infer<typeof zOrganisation>;

/**
 * A partial edit of an organisation. Built without the input's defaults: a default would fill in fields
 * the edit leaves out (an empty description) and overwrite what is stored.
 */
export const zOrganisationPatch = zOrganisationInput.extend({ description: z.string().trim().max(5000) }).partial().strict();
export type OrganisationPatch = z.infer<typeof zOrganisationPatch>;

/** A partial edit of a site; checked as a whole (lat and lng together) once merged with the stored site. */
export const zSitePatch = z.object(zSiteInput.shape).partial().strict();
export type SitePatch = z.infer<typeof zSitePatch>;

/** The position proposed for a postcode: the municipality's, since no street-level geocoder runs offline. */
export const zSitePosition = z.object({
  lat: z.number(),
  lng: z.number(),
  regionKey: z.string(),
  place: z.string(),
  precision: z.literal('municipality'),
});
export type SitePosition = z.infer<typeof zSitePosition>;

export const zSitePositionQuery = z.object({
  postcode: zPostcode,
  /** Accepted for a future street-level geocoder; the bundled gazetteer decides by postcode alone. */
  city: z.string().trim().max(200).optional(),
});

/** An offering's fields as a provider proposed them (an open or rejected revision). */
export const zProposedFields = zOfferingInputFields;

export const zRevision = z.object({
  id: z.number().int(),
  state: z.enum(['pending', 'approved', 'rejected', 'withdrawn']),
  fields: zProposedFields,
  reason: z.string().nullable(),
  submittedAt: z.string(),
  reviewedAt: z.string().nullable(),
});
export type Revision = z.infer<typeof zRevision>;

/** One stored offering with its moderation state, as its owner or reviewer sees it. */
export const zManagedOffering = zOffering.extend({
  rejectionReason: z.string().nullable(),
  /** Published and not confirmed for 12 months. */
  stale: z.boolean(),
  /** Published, last confirmed more than 11 months ago, not yet stale: worth a "still current" now. */
  staleSoon: z.boolean(),
  /** The edit of a published offering that waits for review; the public still sees the row above. */
  pendingRevision: zRevision.nullable(),
  /** The latest revision when a coordinator rejected it (with the reason) and nothing newer is pending. */
  rejectedRevision: zRevision.nullable(),
  organisation: z.object({ id: z.number().int(), name: z.string(), verified: z.boolean() }),
  location: zLocation,
});
export type ManagedOffering = z.infer<typeof zManagedOffering>;

export const zManagedOfferingSummary = z.object({
  id: z.number().int(),
  title: z.string(),
  status: zStatus,
  organisation: z.object({ id: z.number().int(), name: z.string() }),
  location: z.object({ id: z.number().int(), city: z.string(), regionKey: z.string() }),
  lastConfirmedAt: z.string(),
  stale: z.boolean(),
  staleSoon: z.boolean(),
  hasPendingRevision: z.boolean(),
  /** Why a coordinator rejected the entry (status rejected); the dashboard shows it without another request. */
  rejectionReason: z.string().nullable(),
  /**
   * Why a coordinator rejected the latest edit of the entry, while nothing newer is pending: the same
   * reason as `ManagedOffering.rejectedRevision.reason`.
   */
  revisionRejectionReason: z.string().nullable(),
  updatedAt: z.string(),
});
export type ManagedOfferingSummary = z.infer<typeof zManagedOfferingSummary>;

export const zManagedOfferingList = z.object({
  total: z.number().int(),
  page: z.number().int(),
  perPage: z.number().int(),
  items: z.array(zManagedOfferingSummary),
});
export type ManagedOfferingList = z.infer<typeof zManagedOfferingList>;

export const zManageOfferingsQuery = z
  .object({
    status: zStatus.optional(),
    /** `true`: only published entries not confirmed for 12 months; `soon`: those that will be within a month. */
    stale: zStaleParam.optional(),
    q: z.string().trim().min(1).max(200).optional(),
    page: zPage,
    perPage: zPerPage,
  })
  .strict();
export type ManageOfferingsQuery = z.infer<typeof zManageOfferingsQuery>;

/** The body of a new offering: the input, and whether to submit it for review straight away. */
export const zNewOfferingBody = zOfferingInputFields.extend({ submit: z.boolean().optional() });

export const zFieldChange = z.object({ field: z.string(), old: z.unknown(), new: z.unknown() });
export type FieldChangeOut = z.infer<typeof zFieldChange>;

/** One row of an offering's history: what changed, when, by which role (never by whom personally). */
export const zAuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  action: z.string(),
  actorRole: z.string(),
  changes: z.array(zFieldChange),
  note: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof zAuditEntry>;
export const zAuditEntries = z.object({ items: z.array(zAuditEntry) });

const zReviewContext = {
  offeringId: z.number().int(),
  kind: z.enum(['new', 'revision']),
  organisation: z.object({ id: z.number().int(), name: z.string(), verified: z.boolean() }),
  municipality: z.object({ key: z.string(), name: z.string() }),
};

/** An entry of the review queue: a new entry waiting to be published, or an edit of a published one. */
export const zReviewItem = z.object({
  ...zReviewContext,
  revisionId: z.number().int().nullable(),
  title: z.string(),
  city: z.string(),
  submittedAt: z.string(),
});
export type ReviewItem = z.infer<typeof zReviewItem>;

export const zReviewQueue = z.object({
  total: z.number().int(),
  page: z.number().int(),
  perPage: z.number().int(),
  items: z.array(zReviewItem),
});
export type ReviewQueue = z.infer<typeof zReviewQueue>;

export const zReviewQuery = z
  .object({ region: zRegionPrefix.optional(), page: zPage, perPage: zPerPage })
  .strict();

/** What a coordinator decides on: the version the public sees, the proposed one, and what differs. */
export const zReviewDetail = z.object({
  ...zReviewContext,
  kind: zReviewContext.kind.nullable(),
  status: zStatus,
  location: zLocation,
  /** The other site of the organisation an open revision moves the entry to (null: it stays where it is). */
  proposedLocation: zLocation.nullable(),
  /** The municipality of the proposed site. */
  proposedMunicipality: z.object({ key: z.string(), name: z.string() }).nullable(),
  revisionId: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
  published: zProposedFields.nullable(),
  proposed: zProposedFields.nullable(),
  diff: z.array(zFieldChange),
});
export type ReviewDetail = z.infer<typeof zReviewDetail>;

export const zStaleList = z.object({
  total: z.number().int(),
  page: z.number().int(),
  perPage: z.number().int(),
  items: z.array(zManagedOfferingSummary),
});
