import { audienceOf } from './audiences';
import { distanceKm, namesOtherPeople, similarTitles } from './likeness';
import type { OfferingDraft, OfferingFactory } from './offerings';
import type { LocationDraft, ProviderDraft, ProviderFactory } from './providers';
import { weighted, type Rng } from './random';
import { secondAccountName, spellingVariant } from './spelling';

// Duplicate structures as real directories have them, so the coordinators' duplicate page has something to
// find. Two kinds that must not be confused:
// - re-entries (a data problem): about 2.5 % of the offerings are a programme entered a second time — by
//   the same provider with another spelling of the title, by a partner who holds it in the same rooms, or
//   by the same organisation registered a second time with "e.V." added or left off;
// - parallel programmes (a coordination hint): different providers doing the same thing for the same
//   people a few km apart. They occur on their own wherever a town has several providers of a kind.
// Both are made by turning existing offerings into them, so `count` stays the number of offerings and the
// rest of the data stays exactly as it was. The demo coordinator's district (showcase.ts) gets three
// re-entries, one of each way, and three parallel programmes for sure.

export const REENTRY_SHARE = 0.025;

type ReentryKind = 'same_provider' | 'partner' | 'second_account';
const REENTRY_KINDS = weighted<ReentryKind>({ same_provider: 5, partner: 3, second_account: 2 });
const SHOWCASE_REENTRIES: readonly ReentryKind[] = ['same_provider', 'partner', 'second_account'];
const SHOWCASE_PARALLELS = 3;
/** Parallel programmes lie a few km apart: at least 300 m (not one site), at most 2.5 km. */
const PARALLEL_MIN_KM = 0.3;
const PARALLEL_MAX_KM = 2.5;
/** Entries people actually make twice; archived and rejected ones are out of sight. */
const REENTERED_STATUSES = new Set(['published', 'pending', 'draft']);
const SECOND_ACCOUNT_KINDS = new Set(['association', 'volunteer_initiative']);
const DAY_MS = 86_400_000;

export interface DemoWorld {
  rng: Rng;
  /** By id − 1 (ids are still in generation order); new providers are appended. */
  providers: ProviderDraft[];
  /** By id − 1. */
  offerings: OfferingDraft[];
  /** Creation time (ms since 1970) of each offering, by id − 1. */
  offeringTimes: readonly number[];
  providerFactory: ProviderFactory;
  /** Writes the programmes of parallel providers; its own ids and times are not used. */
  planner: OfferingFactory;
}

/** Plants re-entries (REENTRY_SHARE of `count`) and, in the showcase district, parallel programmes. */
export function plantDuplicates(world: DemoWorld, showcase: string | null, count: number): void {
  const planter = new Planter(world);
  let planted = 0;
  if (showcase) {
    planted += planter.showcaseReentries(showcase);
    planter.showcaseParallels(showcase);
  }
  planter.spreadReentries(Math.round(count * REENTRY_SHARE) - planted);
}

class Planter {
  private readonly used = new Set<number>();
  private readonly sites = new Map<number, LocationDraft>();
  private readonly byProvider = new Map<number, OfferingDraft[]>();
  private readonly byMunicipality = new Map<string, OfferingDraft[]>();

  constructor(private readonly world: DemoWorld) {
    for (const provider of world.providers) for (const site of provider.locations) this.sites.set(site.row.id, site);
    for (const offering of world.offerings) {
      push(this.byProvider, offering.providerId, offering);
      push(this.byMunicipality, this.siteOf(offering).row.regionKey, offering);
    }
  }

  /** One re-entry of each kind among the district's published offerings; answers how many were made. */
  showcaseReentries(district: string): number {
    const originals = this.shuffledPublished(district);
    let made = 0;
    for (const kind of SHOWCASE_REENTRIES) {
      if (originals.some((original) => !this.used.has(original.id) && this.reenter(original, kind, true))) made++;
    }
    return made;
  }

  /** Parallel programmes in the district: a nearby provider's offering becomes one for the same people. */
  showcaseParallels(district: string): number {
    const local = this.world.providers.filter((p) => p.place.district.key === district);
    let made = 0;
    for (const original of this.shuffledPublished(district)) {
      if (made >= SHOWCASE_PARALLELS) break;
      if (!this.used.has(original.id) && this.parallel(original, local)) made++;
    }
    return made;
  }

  spreadReentries(wanted: number): void {
    if (wanted <= 0) return;
    const rng = this.world.rng;
    const published = this.world.offerings.filter((o) => o.status === 'published');
    if (published.length === 0) return;
    let made = 0;
    for (let attempt = 0; made < wanted && attempt < wanted * 20; attempt++) {
      const original = rng.pick(published);
      if (!this.used.has(original.id) && this.reenter(original, REENTRY_KINDS.pick(rng), false)) made++;
    }
  }

  /**
   * Turns another offering into a second entry of `original`. `strict`: only a published one (the showcase
   * must show it). False when no offering fits.
   */
  private reenter(original: OfferingDraft, kind: ReentryKind, strict: boolean): boolean {
    const { rng, providerFactory, providers } = this.world;
    const owner = this.providerOf(original);
    const site = this.siteOf(original);
    const fits = (o: OfferingDraft) =>
      o.id !== original.id && !this.used.has(o.id) && (strict ? o.status === 'published' : REENTERED_STATUSES.has(o.status));

    if (kind === 'partner') {
      // A partner that runs such programmes itself (a Förderverein with its school, reading helpers with
      // the library) and keeps other entries of its own.
      const category = original.categories[0]!;
      const copy = this.pickWhere(
        this.byMunicipality.get(site.row.regionKey) ?? [],
        (o) =>
          fits(o) && o.providerId !== owner.row.id && (this.byProvider.get(o.providerId)?.length ?? 0) >= 2 &&
          this.providerOf(o).archetype.categories.items.includes(category),
      );
      if (!copy) return false;
      const partner = this.providerOf(copy);
      const shared = providerFactory.siteAt(partner, site);
      this.sites.set(shared.row.id, shared);
      this.copy(original, copy, {
        title: rng.chance(0.5) ? original.title : spellingVariant(original.title, rng),
        description: renamed(original.description, owner.row.name, partner.row.name),
        contact: copy.contact,
        providerId: partner.row.id,
        locationId: shared.row.id,
      });
      return true;
    }

    const copy = this.pickWhere(this.byProvider.get(owner.row.id) ?? [], fits);
    if (!copy) return false;
    if (kind === 'same_provider') {
      this.copy(original, copy, {
        title: spellingVariant(original.title, rng),
        description: original.description,
        contact: original.contact,
        providerId: owner.row.id,
        locationId: original.locationId,
      });
      return true;
    }

    // Associations and volunteer groups are the ones that end up with two accounts, "e.V." or not.
    const name = SECOND_ACCOUNT_KINDS.has(owner.row.kind) ? secondAccountName(owner.row.name) : null;
    if (!name) return false;
    // Registered a little before the entry it then made.
    const createdAt = this.world.offeringTimes[copy.id - 1]! - rng.int(1, 90) * DAY_MS - rng.int(0, 3_600_000);
    const second = providerFactory.secondAccount(owner, name, createdAt, site);
    if (!second) return false;
    providers.push(second);
    const [secondSite] = second.locations;
    this.sites.set(secondSite!.row.id, secondSite!);
    this.copy(original, copy, {
      title: spellingVariant(original.title, rng),
      description: renamed(original.description, owner.row.name, name),
      contact: original.contact,
      providerId: second.row.id,
      locationId: secondSite!.row.id,
    });
    return true;
  }

  /**
   * Another provider of the district that runs such programmes anyway gets one for the same target group, a
   * few km from `original`, with its own title: one of its offerings becomes it, held at its site nearest to
   * `original` or, when none is near, at a venue in `original`'s municipality.
   */
  private parallel(original: OfferingDraft, providers: readonly ProviderDraft[]): boolean {
    const { providerFactory } = this.world;
    const audience = audienceOf(original);
    const category = original.categories[0];
    if (!audience || !category) return false;
    const owner = this.providerOf(original);
    const site = this.siteOf(original);
    const inRange = (s: { row: { lat: number; lng: number } }) => {
      const km = distanceKm(site.row, s.row);
      return km >= PARALLEL_MIN_KM && km <= PARALLEL_MAX_KM ? km : null;
    };

    let best: { provider: ProviderDraft; site: LocationDraft | null; rank: number } | null = null;
    for (const provider of providers) {
      if (provider.row.id === owner.row.id) continue;
      // Not the same organisation under its second account, and only a provider with more than this entry.
      if (provider.domain === owner.domain || !provider.archetype.categories.items.includes(category)) continue;
      if (this.spare(provider).length === 0 || (this.byProvider.get(provider.row.id)?.length ?? 0) < 2) continue;
      let near: LocationDraft | null = null;
      let rank = Infinity;
      for (const s of provider.locations) {
        const km = inRange(s);
        if (km !== null && km < rank) [near, rank] = [s, km];
      }
      if (!near) rank = PARALLEL_MAX_KM + distanceKm(site.row, provider.locations[0]!.row);
      if (!best || rank < best.rank) best = { provider, site: near, rank };
    }
    if (!best) return false;

    const venue = best.site ?? providerFactory.venueSite(best.provider, site.place, (p) => inRange({ row: p }) !== null);
    if (!venue) return false;
    this.sites.set(venue.row.id, venue);

    const target = this.spare(best.provider)[0]!;
    for (let attempt = 0; attempt < 6; attempt++) {
      const fresh = this.world.planner.create(best.provider, venue, { category, audience, status: 'published' });
      if (similarTitles(fresh.title, original.title) || namesOtherPeople(fresh.title, original.title)) continue;
      const { id, providerId, status, lastConfirmedAt, createdAt, updatedAt } = target;
      Object.assign(target, fresh, { id, providerId, locationId: venue.row.id, status, lastConfirmedAt, createdAt, updatedAt });
      this.used.add(original.id);
      this.used.add(target.id);
      return true;
    }
    return false;
  }

  /**
   * A random item of `list` that passes `accept`, or null: short lists are searched through, long ones (a
   * city's offerings) only tried 64 times, which keeps planting linear in the number of offerings.
   */
  private pickWhere(list: readonly OfferingDraft[], accept: (o: OfferingDraft) => boolean): OfferingDraft | null {
    const rng = this.world.rng;
    if (list.length <= 64) {
      const fitting = list.filter(accept);
      return fitting.length === 0 ? null : rng.pick(fitting);
    }
    for (let attempt = 0; attempt < 64; attempt++) {
      const o = rng.pick(list);
      if (accept(o)) return o;
    }
    return null;
  }

  /** A provider's published offerings not yet made part of a duplicate. */
  private spare(provider: ProviderDraft): OfferingDraft[] {
    return (this.byProvider.get(provider.row.id) ?? []).filter((o) => o.status === 'published' && !this.used.has(o.id));
  }

  /** `copy` becomes `original` entered again: same content, its own id, dates and status. */
  private copy(
    original: OfferingDraft,
    copy: OfferingDraft,
    own: Pick<OfferingDraft, 'title' | 'description' | 'contact' | 'providerId' | 'locationId'>,
  ): void {
    const before = copy.providerId;
    Object.assign(copy, {
      categories: [...original.categories],
      formality: original.formality,
      phases: [...original.phases],
      minAge: original.minAge,
      maxAge: original.maxAge,
      access: [...original.access],
      languages: [...original.languages],
      cost: original.cost,
      costNote: original.costNote,
      butEligible: original.butEligible,
      childProtection: [...original.childProtection],
      capacity: original.capacity,
      seatsAvailable: original.seatsAvailable,
      waitingList: original.waitingList,
      schedule: structuredClone(original.schedule),
      funding: [...original.funding],
      seeksVolunteers: original.seeksVolunteers,
      ...own,
      contact: structuredClone(own.contact),
    });
    if (before !== copy.providerId) {
      const list = this.byProvider.get(before) ?? [];
      list.splice(list.indexOf(copy), 1);
      push(this.byProvider, copy.providerId, copy);
    }
    this.used.add(original.id);
    this.used.add(copy.id);
  }

  private shuffledPublished(district: string): OfferingDraft[] {
    const list: OfferingDraft[] = [];
    for (const [municipality, offerings] of this.byMunicipality) {
      if (municipality.startsWith(district)) list.push(...offerings.filter((o) => o.status === 'published'));
    }
    list.sort((a, b) => a.id - b.id);
    return this.world.rng.sample(list, list.length);
  }

  private providerOf(offering: OfferingDraft): ProviderDraft {
    return this.world.providers[offering.providerId - 1]!;
  }

  private siteOf(offering: OfferingDraft): LocationDraft {
    return this.sites.get(offering.locationId)!;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The description with the provider's name swapped, unless that makes it too long for an offering. */
function renamed(description: string, from: string, to: string): string {
  const text = description.replaceAll(from, to);
  return text.length <= 800 ? text : description;
}
