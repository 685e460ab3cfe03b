import type { OfferingInput } from '../../schema';

// Data of the relevance suite: a fixed set of offerings in three municipalities of Landkreis Regen and
// the queries a parent or young person would type, each judged by hand against this fixture. The suite is
// written without looking at how search works, so it checks the engine instead of mirroring it.

export type Town = 'zwiesel' | 'regen' | 'bodenmais';

export interface RelevanceOffering {
  /** Unique and readable, e.g. 'zw-tanz-hiphop'. */
  key: string;
  town: Town;
  /** Provider name, e.g. 'TSV Zwiesel e.V.'. */
  provider: string;
  title: string;
  /** 1–4 realistic German sentences, as providers really write them. */
  description: string;
  categories: OfferingInput['categories'];
  phases: OfferingInput['phases'];
  formality: OfferingInput['formality'];
  minAge: number;
  maxAge: number;
  access: OfferingInput['access'];
  languages: OfferingInput['languages'];
  cost: OfferingInput['cost'];
  butEligible: boolean;
}

export type QueryClass =
  | 'inflection'
  | 'verb_compound'
  | 'filler'
  | 'attribute'
  | 'typo'
  | 'transliteration'
  | 'english'
  | 'plain'
  | 'place';

export interface JudgedQuery {
  /** Exactly what a parent or young person would type, mixed case, as on a phone. */
  q: string;
  /** Keys of the offering(s) that must be among the first 3 results; passing needs at least one of them. */
  targets: string[];
  class: QueryClass;
  /**
   * Free text plus machine-checked facts, separated by ';'. Facts every target must have:
   * 'access:<feature>', 'cost:<cost>', 'lang:<language>', 'but' (BuT-eligible), 'age:<n>' (inside the age
   * range), 'town:<town>'. 'combo' marks a query that combines several classes.
   */
  note?: string;
}
