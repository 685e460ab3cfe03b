import { z } from 'zod';
import { zLabel } from './labels';
import { zAccessFeature, zCategory, zCost } from './taxonomy';
import { zLanguage } from './languages';
import { zRegionKey, zRegionMatch } from './region';

// What the search says about a query beyond its hits: filters it read from the words (offered, never
// applied by the server), how it relaxed a query no offering matched completely, and broader searches
// when nothing matched at all. Shared by the API and the family page.

/** The filter parameters a chip sets, in the API's own names (`place` is the text the place field shows). */
export const zChipFilters = z.object({
  age: z.number().int().min(0).max(120).optional(),
  region: zRegionKey.optional(),
  near: z.object({ lat: z.number(), lng: z.number() }).optional(),
  place: z.string().optional(),
  cost: zCost.optional(),
  lang: zLanguage.optional(),
  access: zAccessFeature.optional(),
  but: z.boolean().optional(),
});
export type ChipFilters = z.infer<typeof zChipFilters>;

export const chipKinds = ['age', 'place', 'cost', 'lang', 'access', 'but'] as const;

/** A filter read from the words of the query: "9-Jährige" → age 9, "in Zwiesel" → Zwiesel, "kostenlos" → free. */
export const zQueryChip = z.object({
  kind: z.enum(chipKinds),
  /** The words of the query it was read from, as typed ("9-Jährige", "in Zwiesel"). */
  text: z.string(),
  /** What it means, for the chip ("Alter 9" / "Age 9", "Zwiesel", "Kostenlos" / "Free"). */
  label: zLabel,
  /** The filters one tap applies. */
  apply: zChipFilters,
  /** The query text once the chip's words are taken out; one tap searches this with the filter applied. */
  remainingQ: z.string(),
});
export type QueryChip = z.infer<typeof zQueryChip>;

/** Present when no offering contains every word: the hits match the words in `matched` only. */
export const zRelaxedQuery = z.object({
  /** The words every shown offering matches, as typed. */
  matched: z.array(z.string()),
  /** The words left out, as typed. */
  dropped: z.array(z.string()),
});
export type RelaxedQuery = z.infer<typeof zRelaxedQuery>;

export const alternativeKinds = ['spelling', 'without_place', 'wider_radius', 'without_filter', 'without_words'] as const;

/**
 * A broader search offered when a query finds nothing at all, with the number of offerings it finds.
 * spelling: search `q` instead; without_place: drop region/near/radius/bbox; wider_radius: set `radius`;
 * without_filter: drop the parameters in `drop` (for a list filter, only the `value` given);
 * without_words: search without any text.
 */
export const zSearchAlternative = z.object({
  kind: z.enum(alternativeKinds),
  q: z.string().optional(),
  radius: z.number().optional(),
  drop: z.array(z.string()).optional(),
  value: z.string().optional(),
  total: z.number().int().min(1),
});
export type SearchAlternative = z.infer<typeof zSearchAlternative>;

// Suggestions while typing (GET /api/suggest).

export const MIN_SUGGEST_LENGTH = 2;

export const zSuggestQuery = z
  .object({
    q: z.string().trim().min(MIN_SUGGEST_LENGTH, 'q needs at least two letters').max(60),
    limit: z.coerce.number().int().min(1).max(10).default(8),
  })
  .strict();
export type SuggestQuery = z.output<typeof zSuggestQuery>;

export const zSuggestion = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('category'), id: zCategory, label: zLabel }),
  z.object({ kind: z.literal('place'), place: zRegionMatch }),
  /** A title many offerings share (or one offering's title), with how many offerings carry it. */
  z.object({ kind: z.literal('title'), text: z.string(), count: z.number().int().min(1) }),
]);
export type Suggestion = z.infer<typeof zSuggestion>;

export const zSuggestResponse = z.object({ suggestions: z.array(zSuggestion) });
export type SuggestResponse = z.infer<typeof zSuggestResponse>;
