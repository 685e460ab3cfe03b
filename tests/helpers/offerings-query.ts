import { zOfferingsQuery, type OfferingsQuery } from '../../schema';

/** A query string as GET /api/offerings reads it: repeated parameters as lists, then validated. */
export function parseOfferingsQuery(text: string): OfferingsQuery {
  const params = new URLSearchParams(text);
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    raw[key] = all.length > 1 ? all : all[0]!;
  }
  return zOfferingsQuery.parse(raw);
}
