import { beforeAll, describe, expect, it } from 'vitest';
import type { Category } from '../../schema';
import { generateDemoData, type DemoData } from '../../seed/demo/generate';
import { CITY_KEY, placeOf, SYNTHETIC_REGIONS } from './synthetic-regions';

// The demo data should look like a real directory: these are the correlations a coordinator would notice
// if they were missing.

type Offering = DemoData['offerings'][number];

describe('generateDemoData correlations', () => {
  let data: DemoData;
  let primary: (category: Category) => Offering[];

  beforeAll(() => {
    data = generateDemoData({ count: 20_000, seed: 11, regions: SYNTHETIC_REGIONS });
    primary = (category) => data.offerings.filter((o) => o.categories[0] === category);
  });

  const share = (list: readonly Offering[], test: (o: Offering) => boolean) => list.filter(test).length / list.length;

  it('offers tutoring and homework help to school-age children, often BuT-eligible', () => {
    const learning = [...primary('tutoring'), ...primary('homework_help')];
    for (const o of learning) {
      expect(o.minAge).toBeGreaterThanOrEqual(6);
      expect(o.maxAge).toBeLessThanOrEqual(19);
      expect(o.phases.some((p) => p === 'primary_school' || p === 'secondary_school' || p === 'primary_to_secondary')).toBe(true);
    }
    expect(share(primary('tutoring'), (o) => o.butEligible)).toBeGreaterThan(0.3);
  });

  it('keeps early childhood for the under-sevens and career orientation at the school-to-work transition', () => {
    for (const o of primary('early_childhood')) expect(o.maxAge).toBeLessThanOrEqual(7);
    for (const o of primary('career_orientation')) expect(o.phases).toContain('school_to_work');
    for (const o of primary('adult_education')) expect(o.minAge).toBeGreaterThanOrEqual(14);
  });

  it('holds language mentorships in German and the languages of immigrant families', () => {
    expect(share(primary('language_mentorship'), (o) => o.languages.length > 1)).toBeGreaterThan(0.7);
  });

  it('funds many culture mentorships and culture guides through "Kultur macht stark"', () => {
    const culture = [...primary('culture_mentorship'), ...primary('culture_guides')];
    expect(share(culture, (o) => o.funding.includes('kultur_macht_stark'))).toBeGreaterThan(0.35);
    expect(share(primary('sports'), (o) => o.funding.includes('kultur_macht_stark'))).toBe(0);
  });

  it('runs 1:1 mentorships with volunteers, often full and with a waiting list', () => {
    const mentorships = ['reading_mentorship', 'language_mentorship', 'culture_mentorship', 'mentoring'].flatMap((c) => primary(c as Category));
    expect(share(mentorships, (o) => o.seeksVolunteers)).toBeGreaterThan(0.6);
    expect(share(mentorships, (o) => o.waitingList)).toBeGreaterThan(0.3);
    expect(share(primary('adult_education'), (o) => o.seeksVolunteers)).toBeLessThan(0.1);
  });

  it('checks volunteers who work with children', () => {
    const risky = data.offerings.filter((o) => o.minAge < 18 && o.seeksVolunteers);
    expect(share(risky, (o) => o.childProtection.includes('criminal_record_check'))).toBeGreaterThan(0.75);
    const adults = data.offerings.filter((o) => o.minAge >= 18);
    expect(share(adults, (o) => o.childProtection.includes('criminal_record_check'))).toBe(0);
  });

  it('marks BuT only for young people and never for free offerings', () => {
    for (const o of data.offerings.filter((x) => x.butEligible)) {
      expect(o.minAge).toBeLessThan(18);
      expect(o.cost).not.toBe('free');
    }
  });

  it('has easy language in about 5% and sign language in about 3% of offerings', () => {
    expect(share(data.offerings, (o) => o.access.includes('easy_language'))).toBeGreaterThan(0.03);
    expect(share(data.offerings, (o) => o.access.includes('easy_language'))).toBeLessThan(0.08);
    expect(share(data.offerings, (o) => o.access.includes('sign_language'))).toBeGreaterThan(0.015);
    expect(share(data.offerings, (o) => o.access.includes('sign_language'))).toBeLessThan(0.045);
  });

  it('reaches city offerings by bus and train more often than village ones', () => {
    const where = placeOf(data.locations);
    const city = data.offerings.filter((o) => where(o.locationId) === CITY_KEY);
    const villages = data.offerings.filter((o) => ['08315003', '08315004', '08117003', '08117004'].includes(where(o.locationId)));
    expect(villages.length).toBeGreaterThan(20);
    expect(share(city, (o) => o.access.includes('public_transport'))).toBeGreaterThan(
      share(villages, (o) => o.access.includes('public_transport')) + 0.2,
    );
  });

  it('schedules holiday programmes in the coming school holidays', () => {
    const holidays = primary('holiday_programme').filter((o) => o.status !== 'archived');
    expect(holidays.length).toBeGreaterThan(100);
    for (const o of holidays) {
      expect(o.schedule.startDate! > '2026-11-01').toBe(true);
      expect(o.schedule.endDate! >= o.schedule.startDate!).toBe(true);
      expect(o.schedule.endDate! < '2028-01-01').toBe(true);
      expect(['03', '04', '06', '07', '08', '09', '10', '11']).toContain(o.schedule.startDate!.slice(5, 7));
    }
  });

  it('writes recurrence rules in RFC 5545 syntax', () => {
    const rrules = data.offerings.map((o) => o.schedule.rrule).filter((r): r is string => r !== undefined);
    expect(rrules.length).toBeGreaterThan(data.offerings.length / 2);
    for (const rule of rrules) {
      expect(rule).toMatch(/^FREQ=(WEEKLY|MONTHLY)(;(INTERVAL=\d+|COUNT=\d+|UNTIL=\d{8}|BYDAY=(-?\d)?(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*))*$/);
    }
  });

  it('confirmed every entry within the last two years', () => {
    for (const o of data.offerings) {
      expect(o.lastConfirmedAt >= '2024-11-02').toBe(true);
      expect(o.lastConfirmedAt <= '2026-11-01').toBe(true);
    }
  });
});
