import { z } from 'zod';
import { zAccessFeature, zCategory, zCost, zFormality, zPhase, zStatus } from './taxonomy';
import { zLanguage } from './languages';
import { regionLevels, zOutlineGeometry, zRegionKey } from './region';
import { zOfferingFilters } from './search';

// Education monitoring: gap maps, duplicate structures and the figures for the Bildungskonferenz. Gaps,
// figures and exports are aggregates of public data and open to everyone; duplicate groups and the
// decisions on them belong to the region's coordinators and admins.

export const DEFAULT_GAP_THRESHOLD_KM = 10;
export const MAX_GAP_THRESHOLD_KM = 100;

/**
 * A target group: the family search's filters without the place (the place is the region being looked at).
 * The same parameter names as `GET /api/offerings`, so a search URL's filters can be handed over as they are.
 */
export const zTargetGroup = zOfferingFilters.pick({
  q: true, category: true, phase: true, lang: true, formality: true, cost: true, access: true, age: true, but: true,
});
export type TargetGroup = z.output<typeof zTargetGroup>;

export const zGapsQuery = zTargetGroup
  .extend({
    /** A state, administrative region, district or municipality; absent: all of Germany. */
    region: zRegionKey.optional(),
    thresholdKm: z.coerce.number().positive().max(MAX_GAP_THRESHOLD_KM).default(DEFAULT_GAP_THRESHOLD_KM),
  })
  .strict();
export type GapsQuery = z.output<typeof zGapsQuery>;

/**
 * Settlement type by population, after the BBSR's "Stadt- und Gemeindetyp": rural community (< 5,000),
 * small town (5,000–20,000), medium town (20,000–100,000), large city (≥ 100,000).
 */
export const settlementTypes = ['rural', 'small_town', 'medium_town', 'large_city'] as const;
export const zSettlementType = z.enum(settlementTypes);
export type SettlementType = z.infer<typeof zSettlementType>;

export const zGapMunicipality = z.object({
  key: z.string(),
  name: z.string(),
  /** Inhabitants; null where nothing is known (unincorporated areas). */
  population: z.number().int().min(0).nullable(),
  /**
   * True when `population` is an estimate: the sources give population per district only, and a
   * district's figure is shared among its municipalities by area, town status and postcodes. False for a
   * district's only municipality (the kreisfreie Städte), whose figure is the district's official one, and
   * where population is null.
   */
  populationEstimated: z.boolean(),
  settlement: zSettlementType.nullable(),
  /** Matching offerings located in the municipality. */
  matching: z.number().int().min(0),
  /** Matching offerings per 1,000 inhabitants, to 3 significant digits; null without a population. */
  perThousand: z.number().min(0).nullable(),
  /**
   * Great-circle distance in km, rounded to 0.01 km, from the municipality's representative point to the
   * nearest matching offering anywhere, also beyond the region's border; null when no offering matches at
   * all. The representative point is the centroid of the municipality's largest part (islands and exclaves
   * left out), moved to the middle of the inside stretch of the east–west line through it where the
   * centroid falls outside the municipality (seed/reference/geometry.ts `representativePoint`).
   */
  nearestKm: z.number().min(0).nullable(),
  nearestOfferingId: z.number().int().nullable(),
  /** nearestKm ≤ thresholdKm, compared on the rounded nearestKm; false when nearestKm is null. */
  served: z.boolean(),
});
export type GapMunicipality = z.infer<typeof zGapMunicipality>;

export const zGapSummaryRow = z.object({
  municipalities: z.number().int(),
  served: z.number().int(),
  unserved: z.number().int(),
  population: z.number().int(),
  populationUnserved: z.number().int(),
  matching: z.number().int(),
  /** Matching offerings per 1,000 inhabitants of these municipalities; null without population. */
  perThousand: z.number().nullable(),
  /**
   * Median of nearestKm over these municipalities (the mean of the two middle values for an even count);
   * null distances count as infinitely far, and an infinitely far median is null.
   */
  medianNearestKm: z.number().nullable(),
});
export type GapSummaryRow = z.infer<typeof zGapSummaryRow>;

export const zGapsResponse = z.object({
  /**
   * The region asked for; null for all of Germany. A 3-digit key (administrative region) is not a region of
   * the reference data: it is named after its state and has the level `bezirk`.
   */
  region: z.object({ key: z.string(), name: z.string(), level: z.enum([...regionLevels, 'bezirk']) }).nullable(),
  thresholdKm: z.number(),
  /**
   * Every municipality of the region, worst served first: unserved before served; inhabited before
   * unincorporated areas (population null); then by nearestKm, farthest first (null, no matching offering at
   * all, counts as farthest); then by population, largest first; then by key.
   */
  municipalities: z.array(zGapMunicipality),
  summary: zGapSummaryRow.extend({
    /**
     * The urban/rural contrast: the same figures per settlement type, in the order of `settlementTypes`
     * (types without municipalities left out; municipalities without population are in no row).
     */
    bySettlement: z.array(zGapSummaryRow.extend({ settlement: zSettlementType })),
  }),
});
export type GapsResponse = z.infer<typeof zGapsResponse>;

/**
 * Outlines of all municipalities of a state, administrative region or district, for the gap map: one request,
 * simplified.
 */
export const zMunicipalityOutlines = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({ key: z.string(), name: z.string() }),
      geometry: zOutlineGeometry,
    }),
  ),
});
export type MunicipalityOutlines = z.infer<typeof zMunicipalityOutlines>;

// ---- Figures for the Bildungskonferenz ----------------------------------------------------------------

/**
 * The target group and the region: a state, administrative region, district or municipality; absent: only
 * the whole country is answered.
 */
export const zFiguresQuery = zTargetGroup.extend({ region: zRegionKey.optional() }).strict();
export type FiguresQuery = z.output<typeof zFiguresQuery>;

export const needGroups = ['mobility', 'hearing', 'vision', 'cognition', 'participation'] as const;
export const zNeedGroup = z.enum(needGroups);

const zCounts = <K extends z.ZodType<string>>(key: K) => z.record(key, z.number().int().min(0));

/** Counts of published offerings of one area (all counts are offerings, not shares; total is the base). */
export const zFigureSet = z.object({
  scope: z.enum(['region', 'state', 'country']),
  key: z.string().nullable(),
  name: z.string(),
  total: z.number().int().min(0),
  /** An offering with several categories / phases / languages counts in each. */
  categories: zCounts(zCategory),
  phases: zCounts(zPhase),
  formality: zCounts(zFormality),
  cost: zCounts(zCost),
  access: zCounts(zAccessFeature),
  /** Offerings with at least one feature of the need group (not counting "not wheelchair accessible"). */
  accessByNeed: zCounts(zNeedGroup),
  languages: zCounts(zLanguage),
  free: z.number().int().min(0),
  butEligible: z.number().int().min(0),
  seeksVolunteers: z.number().int().min(0),
  /** Last confirmed by provider or office more than 12 months before today (German date), as "stale" in the workspace. */
  notConfirmed12Months: z.number().int().min(0),
});
export type FigureSet = z.infer<typeof zFigureSet>;

export const zFiguresResponse = z.object({
  /**
   * The region itself, then its state (when the region lies below state level), then the whole country;
   * without a region only the country.
   */
  sets: z.array(zFigureSet).min(1),
  generatedAt: z.string(),
});
export type FiguresResponse = z.infer<typeof zFiguresResponse>;

// ---- Duplicate structures ----------------------------------------------------------------------------

export const duplicateKinds = ['same_entry', 'parallel'] as const;
export const zDuplicateKind = z.enum(duplicateKinds);
export type DuplicateKind = z.infer<typeof zDuplicateKind>;

export const duplicateDecisions = ['not_duplicate', 'intended', 'merged'] as const;
export const zDuplicateDecisionKind = z.enum(duplicateDecisions);
export type DuplicateDecisionKind = z.infer<typeof zDuplicateDecisionKind>;

export const DEFAULT_DUPLICATES_PER_PAGE = 50;
export const MAX_DUPLICATES_PER_PAGE = 200;

export const zDuplicatesQuery = z
  .object({
    region: zRegionKey,
    kind: zDuplicateKind.optional(),
    /** open: groups without a decision (default); decided: with one; all: both. */
    show: z.enum(['open', 'decided', 'all']).default('open'),
    /** A big city has thousands of groups (Berlin: about 2,000 parallel ones at 100,000 offerings), so the list is paged. */
    page: z.coerce.number().int().min(1).default(1),
    perPage: z.coerce.number().int().min(1).max(MAX_DUPLICATES_PER_PAGE).default(DEFAULT_DUPLICATES_PER_PAGE),
  })
  .strict();
export type DuplicatesQuery = z.output<typeof zDuplicatesQuery>;

/** Why offerings were grouped; each reason is a fact the coordinator can check. */
export const zDuplicateReason = z.discriminatedUnion('code', [
  /** Largest straight-line distance between two members' sites. */
  z.object({ code: z.literal('distance'), km: z.number().min(0) }),
  z.object({ code: z.literal('same_address') }),
  /** Similarity of the titles after folding spelling variants, 0–1. */
  z.object({ code: z.literal('title_similarity'), value: z.number().min(0).max(1) }),
  z.object({ code: z.literal('description_similarity'), value: z.number().min(0).max(1) }),
  z.object({ code: z.literal('same_provider') }),
  /** Different organisations whose names are alike (e.g. "Lesepaten e.V." / "Lesepaten"). */
  z.object({ code: z.literal('similar_provider'), value: z.number().min(0).max(1) }),
  z.object({ code: z.literal('different_providers'), count: z.number().int().min(2) }),
  z.object({ code: z.literal('shared_categories'), categories: z.array(zCategory) }),
  z.object({ code: z.literal('shared_phases'), phases: z.array(zPhase) }),
  /** The ages all members have in common. */
  z.object({ code: z.literal('age_overlap'), minAge: z.number().int(), maxAge: z.number().int() }),
  z.object({ code: z.literal('same_schedule') }),
]);
export type DuplicateReason = z.infer<typeof zDuplicateReason>;

export const zDuplicateMember = z.object({
  id: z.number().int(),
  title: z.string(),
  status: zStatus,
  providerId: z.number().int(),
  providerName: z.string(),
  street: z.string(),
  postcode: z.string(),
  city: z.string(),
  lat: z.number(),
  lng: z.number(),
  categories: z.array(zCategory),
  phases: z.array(zPhase),
  minAge: z.number().int(),
  maxAge: z.number().int(),
  schedule: z.string(),
  lastConfirmedAt: z.string(),
  updatedAt: z.string(),
});
export type DuplicateMember = z.infer<typeof zDuplicateMember>;

export const zDuplicateDecision = z.object({
  id: z.number().int(),
  decision: zDuplicateDecisionKind,
  kind: zDuplicateKind,
  offeringIds: z.array(z.number().int()),
  keepId: z.number().int().nullable(),
  note: z.string().nullable(),
  at: z.string(),
  /** Display name of the person who decided; null once their account is deleted. */
  by: z.string().nullable(),
});
export type DuplicateDecision = z.infer<typeof zDuplicateDecision>;

export const zDuplicateGroup = z.object({
  /** Stable for the same kind and members: `${kind}:${sorted ids joined by '-'}`. */
  id: z.string(),
  kind: zDuplicateKind,
  /**
   * 0–1: how sure the grouping is (same_entry) or how closely the programmes overlap (parallel). The score
   * of the group's weakest pair, so every two members are at least this alike.
   */
  score: z.number().min(0).max(1),
  reasons: z.array(zDuplicateReason),
  offeringIds: z.array(z.number().int()).min(2),
  offerings: z.array(zDuplicateMember),
  /** same_entry: the entry to keep when merging (published, most recently confirmed, most complete). */
  suggestedKeepId: z.number().int().nullable(),
  /** The decision that covers this group, when shown with show=decided|all. */
  decision: zDuplicateDecision.nullable(),
});
export type DuplicateGroup = z.infer<typeof zDuplicateGroup>;

export const zDuplicatesResponse = z.object({
  region: z.object({ key: z.string(), name: z.string() }),
  /**
   * One page of the groups `kind` and `show` ask for. open and all: strongest first (score descending, then
   * id, then decision id), so pages stay stable while nothing changes; decided: newest decision first. A
   * page past the end is empty.
   */
  groups: z.array(zDuplicateGroup),
  /** The groups `kind` and `show` ask for, on all pages. */
  total: z.number().int().min(0),
  page: z.number().int().min(1),
  perPage: z.number().int().min(1),
  /**
   * Open groups of each kind and decided groups of both kinds, whatever `kind`, `show` and `page` ask for,
   * so a page can show them on its tabs.
   */
  counts: z.object({ same_entry: z.number().int(), parallel: z.number().int(), decided: z.number().int() }),
});
export type DuplicatesResponse = z.infer<typeof zDuplicatesResponse>;

export const zNewDuplicateDecision = z
  .object({
    kind: zDuplicateKind,
    offeringIds: z.array(z.number().int().positive()).min(2).max(50),
    decision: zDuplicateDecisionKind,
    /** merged (and only merged): the entry that stays; the others are archived. */
    keepId: z.number().int().positive().optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .strict()
  .refine((d) => d.decision !== 'merged' || d.kind === 'same_entry', {
    message: 'only the same entry entered twice can be merged; parallel programmes are marked intended or not a duplicate',
    path: ['decision'],
  })
  .refine((d) => d.decision !== 'merged' || (d.keepId !== undefined && d.offeringIds.includes(d.keepId)), {
    message: 'merged needs keepId, one of offeringIds',
    path: ['keepId'],
  })
  // Refused rather than dropped: a client sending it means a merge and would otherwise believe one happened.
  .refine((d) => d.decision === 'merged' || d.keepId === undefined, {
    message: 'keepId belongs to merged only; not_duplicate and intended keep every entry',
    path: ['keepId'],
  });
export type NewDuplicateDecision = z.infer<typeof zNewDuplicateDecision>;
