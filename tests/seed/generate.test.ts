import { beforeAll, describe, expect, it } from 'vitest';
import { categories, phases, zNewOffering } from '../../schema';
import { categoryGaps, generateDemoData, type DemoData } from '../../seed/demo/generate';
import { CITY_KEY, GAP_DISTRICT, PLAIN_DISTRICT, placeOf, SYNTHETIC_REGIONS } from './synthetic-regions';

const regions = SYNTHETIC_REGIONS;

describe('generateDemoData', () => {
  let small: DemoData;
  let large: DemoData;

  beforeAll(() => {
    small = generateDemoData({ count: 5_000, seed: 1, regions });
    large = generateDemoData({ count: 30_000, seed: 2, regions });
  });

  it('returns exactly the same rows for the same count, seed and regions', () => {
    const again = generateDemoData({ count: 5_000, seed: 1, regions });
    expect(JSON.stringify(again)).toBe(JSON.stringify(small));
  });

  it('does not depend on the order of the regions', () => {
    const shuffled = [...regions].reverse();
    const again = generateDemoData({ count: 500, seed: 1, regions: shuffled });
    expect(again).toEqual(generateDemoData({ count: 500, seed: 1, regions }));
  });

  it('returns different rows for a different seed', () => {
    const other = generateDemoData({ count: 5_000, seed: 3, regions });
    const titles = (d: DemoData) => d.offerings.slice(0, 200).map((o) => o.title).join('|');
    expect(titles(other)).not.toBe(titles(small));
    expect(other.offerings.map((o) => o.createdAt)).not.toEqual(small.offerings.map((o) => o.createdAt));
  });

  it('returns exactly `count` offerings', () => {
    expect(small.offerings).toHaveLength(5_000);
    expect(generateDemoData({ count: 0, seed: 1, regions }).offerings).toHaveLength(0);
    expect(generateDemoData({ count: 1, seed: 1, regions }).offerings).toHaveLength(1);
  });

  it('numbers rows from 1 and every reference points at an existing row of the same provider', () => {
    for (const rows of [small.providers, small.locations, small.offerings]) {
      expect(rows.map((r) => r.id)).toEqual(rows.map((_, i) => i + 1));
    }
    const providerIds = new Set(small.providers.map((p) => p.id));
    const locationProvider = new Map(small.locations.map((l) => [l.id, l.providerId]));
    for (const l of small.locations) expect(providerIds.has(l.providerId)).toBe(true);
    for (const o of small.offerings) {
      expect(providerIds.has(o.providerId)).toBe(true);
      expect(locationProvider.get(o.locationId)).toBe(o.providerId);
    }
  });

  it('gives ids in order of creation and creates offerings after their providers', () => {
    const providerCreated = new Map(small.providers.map((p) => [p.id, p.createdAt as string]));
    for (let i = 1; i < small.offerings.length; i++) {
      expect(small.offerings[i - 1]!.createdAt! <= small.offerings[i]!.createdAt!).toBe(true);
    }
    for (const o of small.offerings) {
      expect(o.createdAt! >= providerCreated.get(o.providerId)!).toBe(true);
      expect(o.updatedAt! >= o.createdAt!).toBe(true);
    }
  });

  it('produces offerings that pass zNewOffering (a sample of 2,000)', () => {
    const step = Math.floor(small.offerings.length / 2_000);
    const sample = small.offerings.filter((_, i) => i % step === 0).slice(0, 2_000);
    expect(sample).toHaveLength(2_000);
    for (const offering of sample) {
      const result = zNewOffering.safeParse(offering);
      expect(result.success, `${offering.id}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
    }
  });

  it('covers every category and every phase within 5,000 offerings', () => {
    const seenCategories = new Set(small.offerings.flatMap((o) => o.categories));
    const seenPhases = new Set(small.offerings.flatMap((o) => o.phases));
    expect([...seenCategories].sort()).toEqual(categories.map((c) => c.id).sort());
    expect([...seenPhases].sort()).toEqual(phases.map((p) => p.id).sort());
  });

  it('keeps ages within 0–120 with min ≤ max, and holds every offering in German', () => {
    for (const o of small.offerings) {
      expect(o.minAge).toBeGreaterThanOrEqual(0);
      expect(o.maxAge).toBeLessThanOrEqual(120);
      expect(o.minAge).toBeLessThanOrEqual(o.maxAge);
      expect(o.languages).toContain('de');
    }
  });

  it('gives an offering at most one wheelchair value', () => {
    for (const o of small.offerings) {
      expect(o.access.filter((a) => a.startsWith('wheelchair_')).length).toBeLessThanOrEqual(1);
    }
  });

  it('places more offerings in heavier municipalities and none where nobody lives', () => {
    const where = placeOf(large.locations);
    const counts = new Map<string, number>();
    for (const o of large.offerings) counts.set(where(o.locationId), (counts.get(where(o.locationId)) ?? 0) + 1);
    const n = (key: string) => counts.get(key) ?? 0;
    expect(n(CITY_KEY)).toBeGreaterThan(n('08117001') * 5);
    expect(n('08117001')).toBeGreaterThan(n('08117002') * 3);
    expect(n('08117002')).toBeGreaterThan(n('08117004'));
    expect(n('08315005')).toBe(0);
  });

  it('leaves the gap categories out of the gap district entirely, while others have them', () => {
    const gaps = categoryGaps(GAP_DISTRICT);
    expect(gaps.length).toBeGreaterThan(0);
    expect(categoryGaps(PLAIN_DISTRICT)).toEqual([]);

    const where = placeOf(large.locations);
    const inDistrict = (district: string) => large.offerings.filter((o) => where(o.locationId).startsWith(district));
    const gapOfferings = inDistrict(GAP_DISTRICT);
    expect(gapOfferings.length).toBeGreaterThan(500);
    const gapCategories = new Set(gapOfferings.flatMap((o) => o.categories));
    for (const category of gaps) expect(gapCategories.has(category), category).toBe(false);

    // A district of the same shape without gaps does have them, so the absence is the rule and not chance.
    const plainCategories = new Set(inDistrict(PLAIN_DISTRICT).flatMap((o) => o.categories));
    for (const category of gaps) expect(plainCategories.has(category), category).toBe(true);
  });

  it('writes German titles with compound words', () => {
    const titles = large.offerings.map((o) => o.title);
    const compounds = [
      'Mathenachhilfe', 'Englischnachhilfe', 'Hausaufgabenbetreuung', 'Hausaufgabenhilfe', 'Lesepatenschaft',
      'Sprachpatenschaften', 'Kulturlotsen', 'Sommerferienprogramm', 'Bewerbungstraining', 'Programmierkurs',
      'Schwimmkurs', 'Elterncafé', 'Lernförderung',
    ];
    for (const word of compounds) expect(titles.some((t) => t.includes(word)), word).toBe(true);
    expect(new Set(titles).size).toBeGreaterThan(1_000);
    for (const text of [...titles, ...large.offerings.slice(0, 2_000).map((o) => o.description)]) {
      expect(text).toMatch(/^[\p{Script=Latin}0-9 .,:;!?()'’„“&%€+\-–/]+$/u);
    }
  });

  it('writes descriptions of 2–6 sentences', () => {
    for (const o of small.offerings.slice(0, 2_000)) {
      expect(o.description.length).toBeGreaterThanOrEqual(180);
      expect(o.description.length).toBeLessThanOrEqual(800);
      // A sentence ends after a word, not after "3." in a date or the "St." of a church name.
      const sentences = o.description.split(/(?<=[a-zäöüß)]{2}[.!?])\s+(?=[A-ZÄÖÜ])/);
      expect(sentences.length, o.description).toBeGreaterThanOrEqual(2);
      expect(sentences.length, o.description).toBeLessThanOrEqual(6);
    }
  });

  it('puts sites inside their municipality with a 5-digit postcode and the municipality as city', () => {
    const byKey = new Map(regions.map((r) => [r.key, r]));
    for (const l of small.locations) {
      const region = byKey.get(l.regionKey)!;
      expect(region.level).toBe('gemeinde');
      expect(l.city).toBe(region.name);
      expect(l.postcode).toMatch(/^\d{5}$/);
      const [w, s, e, n] = region.bbox;
      expect(l.lng).toBeGreaterThanOrEqual(w);
      expect(l.lng).toBeLessThanOrEqual(e);
      expect(l.lat).toBeGreaterThanOrEqual(s);
      expect(l.lat).toBeLessThanOrEqual(n);
    }
  });

  it('uses real postcodes where they are given', () => {
    const postcodesByRegion = new Map([[CITY_KEY, ['70173', '70174']]]);
    const data = generateDemoData({ count: 300, seed: 1, regions, postcodesByRegion });
    const cityPostcodes = new Set(data.locations.filter((l) => l.regionKey === CITY_KEY).map((l) => l.postcode));
    expect([...cityPostcodes].sort()).toEqual(['70173', '70174']);
  });

  it('gives providers fictional .example web and mail addresses', () => {
    for (const p of small.providers) {
      if (p.website) expect(p.website).toMatch(/^https:\/\/(www\.)?[a-z0-9-]+\.example$/);
      if (p.email) expect(p.email).toMatch(/^[a-z]+@[a-z0-9-]+\.example$/);
      if (p.phone) expect(p.phone).toMatch(/^0\d{2,4} \d[\d-]+$/);
    }
    expect(new Set(small.providers.map((p) => p.name)).size).toBe(small.providers.length);
  });

  it('keeps the moderation status mix near 92 / 3 / 2 / 2 / 1 percent', () => {
    const share = (status: string) => large.offerings.filter((o) => o.status === status).length / large.offerings.length;
    expect(share('published')).toBeGreaterThan(0.9);
    expect(share('published')).toBeLessThan(0.94);
    for (const status of ['pending', 'draft', 'archived', 'rejected']) {
      expect(share(status)).toBeGreaterThan(0.004);
      expect(share(status)).toBeLessThan(0.05);
    }
  });

  it('counts all dates from `today`, never from the clock', () => {
    const data = generateDemoData({ count: 2_000, seed: 5, regions, today: '2024-03-01' });
    for (const o of data.offerings) {
      expect(o.lastConfirmedAt <= '2024-03-01').toBe(true);
      expect(o.lastConfirmedAt >= '2022-03-02').toBe(true);
      expect(o.updatedAt! < '2024-03-02').toBe(true);
    }
    expect(generateDemoData({ count: 300, seed: 5, regions })).toEqual(
      generateDemoData({ count: 300, seed: 5, regions, today: '2026-11-01' }),
    );
  });

  it('rejects region lists without populated municipalities and impossible dates', () => {
    expect(() => generateDemoData({ count: 10, seed: 1, regions: regions.filter((r) => r.level !== 'gemeinde') })).toThrow(/municipalit/);
    expect(() => generateDemoData({ count: 10, seed: 1, regions, today: '2026-02-30' })).toThrow(/calendar date/);
  });
});
