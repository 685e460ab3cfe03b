import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData, showcaseDistrict, type DemoData } from '../../seed/demo/generate';
import { REENTRY_SHARE } from '../../seed/demo/duplicates';
import { Rng } from '../../seed/demo/random';
import { secondAccountName, spellingVariant } from '../../seed/demo/spelling';
import { SYNTHETIC_REGIONS } from './synthetic-regions';

type Offering = DemoData['offerings'][number];
type Location = DemoData['locations'][number];

/** Spelling differences a duplicate check must see through, folded away: case, umlauts, ae/oe/ue, hyphens. */
function fold(title: string): string {
  return title
    .toLowerCase()
    .replace(/[äöüß]/g, (ch) => ({ ä: 'a', ö: 'o', ü: 'u', ß: 's' })[ch] ?? ch)
    .replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u').replace(/ss/g, 's')
    .replace(/[^a-z0-9]/g, '');
}

/** Two offerings are one programme entered twice when everything but the wording of the title matches. */
function reentryKey(o: Offering, at: Location): string {
  return JSON.stringify([at.street, at.postcode, at.city, o.minAge, o.maxAge, o.categories, o.phases, o.schedule, fold(o.title)]);
}

function km(a: Location, b: Location): number {
  const cos = Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180);
  return Math.hypot((a.lng - b.lng) * 111.32 * cos, (a.lat - b.lat) * 111.32);
}

describe('duplicate structures in the demo data', () => {
  const count = 5_000;
  let data: DemoData;
  let locationOf: (o: Offering) => Location;
  let providerName: (id: number) => string;
  let pairs: [Offering, Offering][];

  beforeAll(() => {
    data = generateDemoData({ count, seed: 1, regions: SYNTHETIC_REGIONS });
    const locations = new Map(data.locations.map((l) => [l.id, l as Location]));
    locationOf = (o) => locations.get(o.locationId!)!;
    const names = new Map(data.providers.map((p) => [p.id!, p.name]));
    providerName = (id) => names.get(id)!;
    const byKey = new Map<string, Offering[]>();
    for (const o of data.offerings) {
      const key = reentryKey(o, locationOf(o));
      byKey.set(key, [...(byKey.get(key) ?? []), o]);
    }
    pairs = [...byKey.values()].filter((list) => list.length === 2).map((list) => [list[0]!, list[1]!]);
  });

  it('enters about 2.5 % of the offerings a second time, at the same address for the same people', () => {
    expect(data.offerings).toHaveLength(count);
    expect(pairs.length).toBeGreaterThanOrEqual(count * REENTRY_SHARE * 0.8);
    expect(pairs.length).toBeLessThanOrEqual(count * REENTRY_SHARE * 1.2);
  });

  it('re-enters by the same provider, by a partner, and by the same organisation registered with or without "e.V."', () => {
    const same = pairs.filter(([a, b]) => a.providerId === b.providerId);
    const twins = pairs.filter(([a, b]) => {
      const [x, y] = [providerName(a.providerId!), providerName(b.providerId!)];
      return x !== y && (x === `${y} e.V.` || y === `${x} e.V.`);
    });
    const partners = pairs.filter(([a, b]) => a.providerId !== b.providerId && !twins.some(([c]) => c === a));
    for (const [name, list] of [['same provider', same], ['second account', twins], ['partner', partners]] as const) {
      expect(list.length, name).toBeGreaterThan(pairs.length * 0.05);
    }
    // Mostly spelled differently; a partner sometimes copies the title as it is.
    expect(pairs.filter(([a, b]) => a.title !== b.title).length).toBeGreaterThan(pairs.length * 0.7);
  });

  it('gives the showcase district one re-entry of each kind and parallel programmes a few km apart', () => {
    const published = new Map<string, number>();
    for (const o of data.offerings) {
      if (o.status === 'published') published.set(locationOf(o).regionKey.slice(0, 5), (published.get(locationOf(o).regionKey.slice(0, 5)) ?? 0) + 1);
    }
    const municipalities = new Map<string, number>();
    for (const r of SYNTHETIC_REGIONS) if (r.level === 'gemeinde') municipalities.set(r.key.slice(0, 5), (municipalities.get(r.key.slice(0, 5)) ?? 0) + 1);
    const district = showcaseDistrict(published, municipalities)!;
    const inDistrict = (o: Offering) => locationOf(o).regionKey.startsWith(district) && o.status === 'published';

    const shown = pairs.filter(([a, b]) => inDistrict(a) && inDistrict(b));
    expect(shown.some(([a, b]) => a.providerId === b.providerId)).toBe(true);
    expect(shown.some(([a, b]) => providerName(a.providerId!).replace(/ e\.V\.$/, '') === providerName(b.providerId!).replace(/ e\.V\.$/, '') && a.providerId !== b.providerId)).toBe(true);
    expect(shown.some(([a, b]) => providerName(a.providerId!).replace(/ e\.V\.$/, '') !== providerName(b.providerId!).replace(/ e\.V\.$/, ''))).toBe(true);

    // Parallel: other providers, the same main category and target group, 0.3–2.5 km apart, their own titles.
    const candidates = data.offerings.filter(inDistrict);
    let parallels = 0;
    for (let i = 0; i < candidates.length; i++) {
      for (let j = i + 1; j < candidates.length; j++) {
        const [a, b] = [candidates[i]!, candidates[j]!];
        if (a.providerId === b.providerId || a.categories[0] !== b.categories[0] || a.minAge !== b.minAge || a.maxAge !== b.maxAge) continue;
        const d = km(locationOf(a), locationOf(b));
        if (d >= 0.3 && d <= 2.5 && fold(a.title) !== fold(b.title)) parallels++;
      }
    }
    expect(parallels).toBeGreaterThanOrEqual(2);
  });
});

describe('spellingVariant', () => {
  const titles = [
    'Mathenachhilfe für die Klassen 5 bis 7', 'Hausaufgabenhilfe am Nachmittag', 'Lese-Rechtschreib-Förderung',
    'Vorschulwerkstatt: fit für die Schule', 'Online-Nachhilfe Spanisch', 'Gesprächskreis für Eltern von Kleinkindern',
    'Schnuppertag Handwerk', 'Großeltern auf Zeit: Patenschaften zwischen Jung und Alt', 'Kulturlotsen – Stadt entdecken',
  ];

  it('always spells the title differently, in ways that fold back to the same letters', () => {
    const rng = new Rng(4);
    for (let round = 0; round < 50; round++) {
      for (const title of titles) {
        const variant = spellingVariant(title, rng);
        expect(variant, title).not.toBe(title);
        expect(fold(variant), `${title} → ${variant}`).toBe(fold(title));
      }
    }
  });

  it('uses every kind of variant', () => {
    const rng = new Rng(9);
    const seen = Array.from({ length: 400 }, () => spellingVariant('Mathenachhilfe für Grundschulkinder', rng));
    expect(seen).toContain('Mathenachhilfe fuer Grundschulkinder');
    expect(seen).toContain('Mathenachhilfe fur Grundschulkinder');
    expect(seen).toContain('Mathe-Nachhilfe für Grundschulkinder');
    expect(seen).toContain('Mathenachhilfe Für Grundschulkinder');
    expect(seen).toContain('Mathenachhilfe für grundschulkinder');
  });
});

describe('secondAccountName', () => {
  it('adds "e.V." or leaves it off, and leaves other legal forms alone', () => {
    expect(secondAccountName('Sprachpaten Göppingen')).toBe('Sprachpaten Göppingen e.V.');
    expect(secondAccountName('Förderverein der Grundschule am Park e.V.')).toBe('Förderverein der Grundschule am Park');
    expect(secondAccountName('Lernstudio Meier GmbH')).toBeNull();
    expect(secondAccountName('Jugendhilfe Nord gGmbH')).toBeNull();
  });
});
