import type { AccessFeature, ProviderKind } from '../../schema';
import type { NewLocationRow, NewProviderRow } from '../../server/db/schema';
import type { Archetype, Venue } from './archetype';
import { COMMUNITY_ARCHETYPES } from './archetypes-community';
import { LEARNING_ARCHETYPES, PROVIDER_CLOSINGS } from './archetypes-learning';
import { isoTimestampOf, yearOf } from './dates';
import { slugOf } from './names';
import { sentence } from './texts/sentence';
import { phoneNumber } from './numbers';
import { positionIn, type Place, type PlaceIndex, type SizeClass } from './places';
import { Weighted, type Rng } from './random';
import { CITY_QUARTERS, SHARED_VENUES, STREETS } from './words';

// Providers and their sites. A provider belongs to one municipality; its sites lie there or, now and then,
// in another municipality of the same district.

export interface LocationDraft {
  row: NewLocationRow & { id: number };
  place: Place;
  at: string;
  /** Accessibility of the building, shared by all offerings held there. */
  access: readonly AccessFeature[];
}

export interface ProviderDraft {
  row: NewProviderRow & { id: number; createdAt: string; updatedAt: string };
  archetype: Archetype;
  place: Place;
  domain: string;
  createdDay: number;
  /** Milliseconds into createdDay, so its offerings can be created after it. */
  createdMs: number;
  locations: LocationDraft[];
}

const ALL_ARCHETYPES = [...LEARNING_ARCHETYPES, ...COMMUNITY_ARCHETYPES];
const FALLBACK = ALL_ARCHETYPES.find((a) => a.id === 'sports_club') as Archetype;
const BY_SIZE: Record<SizeClass, Weighted<Archetype>> = {
  village: new Weighted(ALL_ARCHETYPES.map((a) => [a, a.share.village] as const)),
  town: new Weighted(ALL_ARCHETYPES.map((a) => [a, a.share.town] as const)),
  city: new Weighted(ALL_ARCHETYPES.map((a) => [a, a.share.city] as const)),
};
/** Villages' providers run fewer offerings than cities' (a village sports club, a city VHS). */
const SIZE_FACTOR: Record<SizeClass, number> = { village: 0.45, town: 0.75, city: 1 };

/** Public bodies build step-free more often than small associations and private tutors can afford to. */
const WHEELCHAIR_BY_KIND: Partial<Record<ProviderKind, readonly number[]>> = {
  school: [55, 20, 5], library: [60, 20, 5], adult_education_centre: [55, 20, 5], municipality: [60, 20, 5],
  kita: [50, 20, 10], private_tutor: [20, 20, 30], church: [30, 30, 15], company: [35, 20, 15],
};
const WHEELCHAIR_DEFAULT = [30, 25, 20];
/** The legal form stays last when a name gets a suffix: "… Nord e.V.". */
const LEGAL_FORM = / (e\.V\.|gGmbH|GmbH & Co\. KG|GmbH)$/;
const QUARTER_SUFFIXES = [
  'Mitte', 'Nord', 'Süd', 'West', 'Ost', 'Altstadt', 'Innenstadt', 'Nordstadt', 'Südstadt', 'Weststadt', 'Oststadt', 'Neustadt',
] as const;
const TRANSIT: Record<SizeClass, number> = { village: 0.35, town: 0.65, city: 0.92 };
const DAY_MS = 86_400_000;

export class ProviderFactory {
  private readonly usedNames = new Set<string>();
  private readonly usedDomains = new Set<string>();
  private nextProviderId = 1;
  private nextLocationId = 1;

  constructor(private readonly rng: Rng, private readonly places: PlaceIndex, private readonly today: number) {}

  /** A new provider in `place` with one to three sites; its archetype never offers only gap categories. */
  create(place: Place): ProviderDraft {
    const rng = this.rng;
    const gaps = place.district.gaps;
    let arch = FALLBACK;
    let identity: { name: string; venue: Venue } | null = null;
    for (let attempt = 0; attempt < 8; attempt++) {
      const candidate = BY_SIZE[place.size].pick(rng);
      if (candidate.categories.items.every((c) => gaps.has(c))) continue;
      const found = candidate.identity(place, rng);
      arch = candidate;
      identity = found;
      if (!this.usedNames.has(found.name)) break;
    }
    identity ??= arch.identity(place, rng);
    const name = this.uniqueName(identity.name, place);
    const domain = this.uniqueDomain(name, place);

    const createdDay = this.today - rng.int(60, 6 * 365);
    const createdMs = rng.int(7 * 3600, 19 * 3600) * 1000 + rng.int(0, 999);
    const updatedDay = Math.min(this.today, createdDay + rng.skewed(0, this.today - createdDay, 0.6));
    const description = [sentence(arch.about(place, rng))];
    const closing = rng.pick(PROVIDER_CLOSINGS);
    if (closing.fits(arch) && rng.chance(0.8)) description.push(sentence(closing.text(place.name, yearOf(createdDay) - rng.int(0, 40))));

    const row: ProviderDraft['row'] = {
      id: this.nextProviderId++,
      name,
      kind: arch.kind,
      description: description.join(' '),
      website: arch.volunteerRun && rng.chance(0.15) ? null : `https://${rng.chance(0.3) ? 'www.' : ''}${domain}`,
      email: rng.chance(0.03) ? null : `${rng.pick(['info', 'info', 'kontakt', 'post', 'buero'])}@${domain}`,
      phone: rng.chance(0.05) ? null : phoneNumber(place.areaCode, rng),
      regionKey: place.key,
      createdAt: isoTimestampOf(createdDay, createdMs),
      updatedAt: isoTimestampOf(updatedDay, updatedDay === createdDay ? createdMs + 60_000 : rng.int(7 * 3600, 20 * 3600) * 1000),
    };
    const provider: ProviderDraft = { row, archetype: arch, place, domain, createdDay, createdMs, locations: [] };
    provider.locations.push(this.location(provider, place, identity.venue));
    const extra = (rng.chance(0.25) ? 1 : 0) + (rng.chance(0.08) ? 1 : 0);
    for (let i = 0; i < extra; i++) {
      const where = rng.chance(0.3) ? this.places.nearby(place, rng) : place;
      const [venueName, at] = rng.pick(SHARED_VENUES);
      const quarter = where === place && place.size === 'city' ? ` ${rng.pick(CITY_QUARTERS)}` : '';
      provider.locations.push(this.location(provider, where, { name: `${venueName}${quarter}`, at }));
    }
    return provider;
  }

  /**
   * The same organisation registered a second time, as `name` (its name with or without "e.V."), created at
   * `createdAt` (ms since 1970), with one site at the address of `site`. Null when the name is taken.
   */
  secondAccount(original: ProviderDraft, name: string, createdAt: number, site: LocationDraft): ProviderDraft | null {
    if (this.usedNames.has(name)) return null;
    this.usedNames.add(name);
    const createdDay = Math.floor(createdAt / DAY_MS);
    const createdMs = createdAt - createdDay * DAY_MS;
    const at = isoTimestampOf(createdDay, createdMs);
    const row: ProviderDraft['row'] = { ...original.row, id: this.nextProviderId++, name, createdAt: at, updatedAt: at };
    const provider: ProviderDraft = { ...original, row, createdDay, createdMs, locations: [] };
    this.siteAt(provider, site);
    return provider;
  }

  /** A new site of `provider` at the address of `site`: partners who hold a programme in the same rooms. */
  siteAt(provider: ProviderDraft, site: LocationDraft): LocationDraft {
    const location: LocationDraft = {
      row: { ...site.row, id: this.nextLocationId++, providerId: provider.row.id },
      place: site.place,
      at: site.at,
      access: site.access,
    };
    provider.locations.push(location);
    return location;
  }

  /**
   * A new site of `provider` in `place` at a shared venue (a Bürgerhaus, a school, a library …), at a
   * position `accept` agrees to; null when twelve positions drawn in `place` did not suit.
   */
  venueSite(provider: ProviderDraft, place: Place, accept: (position: { lat: number; lng: number }) => boolean): LocationDraft | null {
    for (let attempt = 0; attempt < 12; attempt++) {
      const position = positionIn(place, this.rng);
      if (!accept(position)) continue;
      const [venueName, at] = this.rng.pick(SHARED_VENUES);
      const location = this.location(provider, place, { name: venueName, at }, position);
      provider.locations.push(location);
      return location;
    }
    return null;
  }

  /** How many offerings a new provider of this archetype runs in this place. */
  plannedOfferings(provider: ProviderDraft): number {
    const [min, max] = provider.archetype.size;
    return Math.max(1, Math.round(this.rng.skewed(min, max, 1.3) * SIZE_FACTOR[provider.place.size]));
  }

  private location(provider: ProviderDraft, place: Place, venue: Venue, position?: { lat: number; lng: number }): LocationDraft {
    const rng = this.rng;
    const { lat, lng } = position ?? positionIn(place, rng);
    const street = `${rng.pick(STREETS)} ${rng.skewed(1, 140, 1.8)}${rng.chance(0.08) ? rng.pick(['a', 'b', 'c']) : ''}`;
    return {
      row: {
        id: this.nextLocationId++,
        providerId: provider.row.id,
        name: venue.name,
        street,
        postcode: rng.pick(place.postcodes),
        city: place.name,
        regionKey: place.key,
        lat,
        lng,
      },
      place,
      at: venue.at,
      access: this.buildingAccess(provider.archetype.kind, place),
    };
  }

  private buildingAccess(kind: ProviderKind, place: Place): AccessFeature[] {
    const rng = this.rng;
    const [yes = 30, limited = 25, no = 20] = WHEELCHAIR_BY_KIND[kind] ?? WHEELCHAIR_DEFAULT;
    const roll = rng.float() * 100;
    const features: AccessFeature[] = [];
    const wheelchair: AccessFeature | null =
      roll < yes ? 'wheelchair_yes' : roll < yes + limited ? 'wheelchair_limited' : roll < yes + limited + no ? 'wheelchair_no' : null;
    if (wheelchair) features.push(wheelchair);
    if ((wheelchair === 'wheelchair_yes' && rng.chance(0.7)) || (wheelchair === 'wheelchair_limited' && rng.chance(0.25))) {
      features.push('step_free');
    }
    if (rng.chance(kind === 'library' || kind === 'church' || kind === 'adult_education_centre' ? 0.15 : 0.04)) features.push('hearing_loop');
    if (rng.chance(0.03)) features.push('vision_support');
    if (rng.chance(0.006)) features.push('braille_tactile');
    if (rng.chance(TRANSIT[place.size])) features.push('public_transport');
    return features;
  }

  /**
   * Big cities run several of a kind ("Volkshochschule Berlin-Mitte", "Jugendhaus Kompass Nordstadt"):
   * a taken name gets a city quarter, and a number once the quarters run out.
   */
  private uniqueName(name: string, place: Place): string {
    let candidate = name;
    for (let i = 0; this.usedNames.has(candidate); i++) {
      const quarter = QUARTER_SUFFIXES[i % QUARTER_SUFFIXES.length] ?? 'Mitte';
      const round = Math.floor(i / QUARTER_SUFFIXES.length);
      const suffix = round === 0 ? quarter : `${quarter} ${round + 1}`;
      candidate = name.includes(place.name)
        ? name.replace(place.name, `${place.name}-${suffix}`)
        : name.replace(LEGAL_FORM, '') + ` ${suffix}` + (LEGAL_FORM.exec(name)?.[0] ?? '');
    }
    this.usedNames.add(candidate);
    return candidate;
  }

  /** A fictional domain under .example: the name's slug, with the town added when the name lacks it. */
  private uniqueDomain(name: string, place: Place): string {
    // Both parts are capped so the whole label stays within the 63 characters DNS allows.
    const base = slugOf(name, 36);
    const town = slugOf(place.name, 20);
    const slug = base.includes(town) ? base : `${base}-${town}`;
    let candidate = `${slug}.example`;
    for (let n = 2; this.usedDomains.has(candidate); n++) candidate = `${slug}-${n}.example`;
    this.usedDomains.add(candidate);
    return candidate;
  }
}
