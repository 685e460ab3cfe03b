import type { NewLocationRow, NewOfferingRow, NewProviderRow } from '../../server/db/schema';
import { dayOf } from './dates';
import { plantDuplicates } from './duplicates';
import { OfferingFactory, type OfferingDraft } from './offerings';
import { buildPlaces, type RegionInput } from './places';
import { ProviderFactory, type ProviderDraft } from './providers';
import { Rng } from './random';
import { renumberByCreation } from './renumber';
import { showcaseDistrict } from './showcase';

export { categoryGaps, isSparseDistrict } from './places';
export { showcaseDistrict } from './showcase';

export interface DemoData {
  providers: NewProviderRow[];
  locations: NewLocationRow[];
  offerings: NewOfferingRow[];
}

export interface DemoOptions {
  /** Number of offerings. */
  count: number;
  seed: number;
  /** Region rows; municipalities (8-digit keys) with a weight above zero receive offerings. */
  regions: readonly RegionInput[];
  /** The day the data is "as of", YYYY-MM-DD: all dates are counted from it, never from the clock. */
  today?: string;
  /** Real postcodes per municipality key; without them postcodes are derived from the key. */
  postcodesByRegion?: ReadonlyMap<string, readonly string[]>;
}

export const DEFAULT_TODAY = '2026-11-01';

const DAY_MS = 86_400_000;
/** Share of a provider's offerings held at its main site; the rest spread over all its sites. */
const MAIN_SITE_SHARE = 0.6;

/**
 * Realistic, fictional demo data: providers, their sites and `count` offerings placed where people live
 * (municipalities drawn by weight^1.15), with deliberate gaps (see places.ts) and duplicate structures:
 * programmes entered twice and parallel programmes, surely some in the demo coordinator's district (see
 * duplicates.ts, showcase.ts). Deterministic: the same options give the same rows, ids from 1 in order of
 * creation, timestamps counted back from `today`.
 */
export function generateDemoData(options: DemoOptions): DemoData {
  const { count, seed, regions } = options;
  if (!Number.isInteger(count) || count < 0) throw new Error(`generateDemoData: count must be a whole number ≥ 0, got ${count}`);
  if (!Number.isFinite(seed)) throw new Error(`generateDemoData: seed must be a finite number, got ${seed}`);
  const today = dayOf(options.today ?? DEFAULT_TODAY);
  const rng = new Rng(seed);
  const places = buildPlaces(regions, options.postcodesByRegion);

  const perPlace = new Int32Array(places.places.length);
  for (let i = 0; i < count; i++) perPlace[places.pick(rng).index]! += 1;

  const providerFactory = new ProviderFactory(rng, places, today);
  const offeringFactory = new OfferingFactory(rng, today);
  const providers: ProviderDraft[] = [];
  const offerings: OfferingDraft[] = [];

  for (const place of places.places) {
    let left = perPlace[place.index] ?? 0;
    while (left > 0) {
      const provider = providerFactory.create(place);
      const planned = Math.min(left, providerFactory.plannedOfferings(provider));
      left -= planned;
      providers.push(provider);
      const [main] = provider.locations;
      for (let k = 0; k < planned; k++) {
        const site = k === 0 || rng.chance(MAIN_SITE_SHARE) ? main! : rng.pick(provider.locations);
        offerings.push(offeringFactory.create(provider, site));
      }
    }
  }

  // Drawn after everything else, so the other offerings stay as they are without duplicates.
  plantDuplicates(
    {
      rng, providers, offerings, offeringTimes: offeringFactory.createdTimes, providerFactory,
      planner: new OfferingFactory(rng, today),
    },
    showcaseDistrict(publishedPerDistrict(providers, offerings), municipalitiesPerDistrict(regions)),
    count,
  );

  const providerTimes = providers.map((p) => p.createdDay * DAY_MS + p.createdMs);
  const locations = providers.flatMap((p) => p.locations.map((l) => l.row));
  return renumberByCreation(providers.map((p) => p.row), providerTimes, locations, offerings, offeringFactory.createdTimes);
}

/** Published offerings per district, counted where they take place. */
function publishedPerDistrict(providers: readonly ProviderDraft[], offerings: readonly OfferingDraft[]): Map<string, number> {
  const districtOf = new Map<number, string>();
  for (const p of providers) for (const l of p.locations) districtOf.set(l.row.id, l.row.regionKey.slice(0, 5));
  const counts = new Map<string, number>();
  for (const o of offerings) {
    if (o.status !== 'published') continue;
    const key = districtOf.get(o.locationId)!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Municipalities per district key, of every municipality in `regions` (people live there or not). */
function municipalitiesPerDistrict(regions: readonly RegionInput[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of regions) {
    if (r.level === 'gemeinde' && /^\d{8}$/.test(r.key)) counts.set(r.key.slice(0, 5), (counts.get(r.key.slice(0, 5)) ?? 0) + 1);
  }
  return counts;
}
