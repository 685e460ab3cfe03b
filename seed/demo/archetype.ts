import type { Category, ProviderKind } from '../../schema';
import type { District, Place, SizeClass } from './places';
import { weighted, type Rng, type Weighted } from './random';

/** A place where offerings happen, with the phrase texts use for "there": "im Jugendhaus Alte Mühle". */
export interface Venue {
  name: string | null;
  at: string;
}

/** A kind of provider as it occurs in German education landscapes, and what it typically offers. */
export interface Archetype {
  id: string;
  kind: ProviderKind;
  categories: Weighted<Category>;
  /** Offerings per provider in a city, [min, max]; towns and villages run fewer (see providers.ts). */
  size: readonly [number, number];
  /** How common the archetype is among the providers of a village, a town, a city. */
  share: Readonly<Record<SizeClass, number>>;
  /** Run by volunteers: its mentorships and homework help usually seek more of them. */
  volunteerRun: boolean;
  /** The provider's name and its main venue. */
  identity(place: Place, rng: Rng): { name: string; venue: Venue };
  /** One sentence on who the provider is. */
  about(place: Place, rng: Rng): string;
}

export interface ArchetypeSpec extends Omit<Archetype, 'categories'> {
  categories: Partial<Record<Category, number>>;
}

export function archetype(spec: ArchetypeSpec): Archetype {
  return { ...spec, categories: weighted(spec.categories) };
}

/** "Göppingen" from "Landkreis Göppingen"; district-free cities keep their name. */
export function districtShortName(district: District): string {
  return district.label.replace(/^(Landkreis|Kreis) /, '');
}

/** "für den Landkreis Göppingen", "für die Region Hannover", "Freiburg im Breisgau". */
export function forDistrict(district: District): string {
  if (district.urban) return district.label;
  return /^(Region|Städteregion)\b/.test(district.label) ? `für die ${district.label}` : `für den ${district.label}`;
}

/** "im Landkreis Göppingen", "in der Region Hannover", "in Freiburg im Breisgau". */
export function inDistrict(district: District): string {
  if (district.urban) return `in ${district.label}`;
  return /^(Region|Städteregion)\b/.test(district.label) ? `in der ${district.label}` : `im ${district.label}`;
}
