import { z } from 'zod';
import { zLabel } from './labels';

/** Every error the API answers with: a code for programs, a message for people, details for fixing it. */
export const zApiError = z.object({
  error: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ApiError = z.infer<typeof zApiError>;

export const zHealth = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ ok: z.boolean(), offerings: z.number().int().optional() }),
  search: z.object({ ok: z.boolean(), documents: z.number().int().optional(), message: z.string().optional() }),
  /**
   * Whether searches can be answered without Meilisearch: the server's own text index holds every published
   * offering (it is kept up to date with the outbox, and caught up or rebuilt in the background after a start);
   * and whether searches are answered that way now, Meilisearch being away. Does not change `status`.
   */
  fallback: z.object({ ready: z.boolean(), inUse: z.boolean() }).optional(),
  /** Changes written to SQLite but not yet confirmed by Meilisearch (see docs/accounts-and-moderation.md). */
  outbox: z.object({
    pending: z.number().int(),
    oldestPendingAgeMs: z.number().int().nullable(),
    lastError: z.string().optional(),
  }),
});
export type Health = z.infer<typeof zHealth>;

const zTermOut = z.object({ id: z.string(), label: zLabel, group: z.string().optional() });
export const zTaxonomy = z.record(z.string(), z.array(zTermOut).readonly());
export type Taxonomy = z.infer<typeof zTaxonomy>;

export const zClientConfig = z.object({
  /** Null when the directory runs without a tile server: the map then shows bundled outlines only. */
  tiles: z.object({ url: z.string(), attribution: z.string() }).nullable(),
  reportEmail: z.string(),
});
export type ClientConfig = z.infer<typeof zClientConfig>;
