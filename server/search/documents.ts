import { categories, type OfferingHit } from '../../schema';
import type { LocationRow, OfferingRow, ProviderRow } from '../db/schema';
import { attributeTermList } from './attribute-words';
import { compoundParts } from './decompound';
import { documentTokens } from './search-tokens';

/** An offering with what the index needs from its provider and location. */
export interface IndexableOffering {
  offering: OfferingRow;
  providerName: string;
  providerKind: ProviderRow['kind'];
  location: Pick<LocationRow, 'city' | 'postcode' | 'regionKey' | 'lat' | 'lng'>;
}

const categoryLabel = new Map<string, string>(categories.map((c) => [c.id, `${c.label.de} ${c.label.en}`]));

/** AGS prefixes of a municipality key (state, administrative region, district, municipality). */
export function regionPrefixes(municipalityKey: string): string[] {
  return [2, 3, 5, 8].map((n) => municipalityKey.slice(0, n));
}

export function summarize(description: string, max = 220): string {
  if (description.length <= max) return description;
  const cut = description.lastIndexOf(' ', max - 1);
  return `${description.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}

/** What a result card shows of an offering (the `hitAttributes` of its search document). */
export function cardFields({ offering: o, providerName, location }: IndexableOffering) {
  return {
    id: o.id,
    title: o.title,
    summary: summarize(o.description),
    providerName,
    categories: o.categories,
    formality: o.formality,
    phases: o.phases,
    minAge: o.minAge,
    maxAge: o.maxAge,
    access: o.access,
    languages: o.languages,
    cost: o.cost,
    butEligible: o.butEligible,
    waitingList: o.waitingList,
    seatsAvailable: o.seatsAvailable,
    city: location.city,
    postcode: location.postcode,
    regionKey: location.regionKey,
    _geo: { lat: location.lat, lng: location.lng },
    lastConfirmedAt: o.lastConfirmedAt,
  };
}

/** The search document of a published offering: the card's fields plus what search and filters need. */
export function toSearchDocument(offering: IndexableOffering) {
  const { offering: o, location } = offering;
  const categoryLabels = o.categories.map((c) => categoryLabel.get(c) ?? c).join(' ');
  const attributes = attributeTermList(o);
  const parts = compoundParts(`${o.title} ${categoryLabels} ${o.description}`);
  return {
    ...cardFields(offering),
    description: o.description,
    categoryLabels,
    // The parts of German compound words ("Mathenachhilfe" → "nachhilfe hilfe …"), so that users who type a
    // part find the compound. Meilisearch does not split German compounds by itself.
    compoundParts: parts,
    // The words that name the offering's attributes ("barrierefrei", "Hörschleife", "kostenlos", "Arabisch"),
    // so a family can type them (attribute-words.ts).
    attributeTerms: attributes,
    // The search tokens (stems) of the words above where they differ from the words, so inflected and
    // transliterated queries meet the text (search-tokens.ts). One field per source keeps a title match
    // ranked above a description match.
    titleTokens: documentTokens(o.title),
    categoryTokens: documentTokens(categoryLabels),
    partTokens: documentTokens(parts),
    descriptionTokens: documentTokens(o.description),
    attributeTokens: attributes.map(documentTokens),
    placeTokens: documentTokens(location.city),
    regions: regionPrefixes(location.regionKey),
    createdTs: Date.parse(o.createdAt) / 1000,
  };
}
export type SearchDocument = ReturnType<typeof toSearchDocument>;

/** The fields a result card shows; everything else in the document is for searching and filtering. */
export const hitAttributes = [
  'id', 'title', 'summary', 'providerName', 'categories', 'formality', 'phases', 'minAge', 'maxAge', 'access',
  'languages', 'cost', 'butEligible', 'waitingList', 'seatsAvailable', 'city', 'postcode', 'regionKey', '_geo',
  'lastConfirmedAt',
] as const;

type StoredHit = Pick<SearchDocument, (typeof hitAttributes)[number]> & { _geoDistance?: number };

/** Great-circle distance in km (haversine); the earth as a sphere is precise enough for "how far". */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function toHit(stored: StoredHit, near?: { lat: number; lng: number }): OfferingHit {
  const { _geo, _geoDistance, ...rest } = stored;
  const hit: OfferingHit = { ...rest, lat: _geo.lat, lng: _geo.lng };
  if (near) {
    const km = _geoDistance !== undefined ? _geoDistance / 1000 : distanceKm(near, _geo);
    hit.distanceKm = Math.round(km * 100) / 100;
  }
  return hit;
}
