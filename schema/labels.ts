import { z } from 'zod';

/** A label a person reads, German first (the directory's default language), English second. */
export const zLabel = z.object({ de: z.string(), en: z.string() });
export type Label = z.infer<typeof zLabel>;

/** One entry of a controlled vocabulary: a stable English id and its labels. */
export interface Term<Id extends string = string> {
  id: Id;
  label: Label;
  /** The group a term belongs to where the vocabulary is grouped (e.g. accessibility need groups). */
  group?: string;
}

/** Collects the ids of a term list as a tuple, so zod can build an enum from it. */
export function termIds<const T extends readonly Term[]>(terms: T): [T[number]['id'], ...T[number]['id'][]] {
  return terms.map((t) => t.id) as [T[number]['id'], ...T[number]['id'][]];
}
