import { describe, expect, it } from 'vitest';
import { accessFeatures, categories, costs, formalities, languages, phases, zOfferingInputFields } from '../../schema';
import { relevanceOfferings } from './fixture';
import { judgedQueries, unjudgedQueries } from './queries';
import type { JudgedQuery, QueryClass, RelevanceOffering, Town } from './types';

// Checks the relevance data itself (not the search): it must be consistent before it can judge anything.

const byKey = new Map(relevanceOfferings.map((o) => [o.key, o]));
const classes: QueryClass[] = ['inflection', 'verb_compound', 'filler', 'attribute', 'typo', 'transliteration', 'english', 'plain', 'place'];
const towns: Town[] = ['zwiesel', 'regen', 'bodenmais'];
const wheelchairLevels = ['wheelchair_yes', 'wheelchair_limited', 'wheelchair_no'];

const zFixtureFields = zOfferingInputFields.pick({
  title: true, description: true, categories: true, formality: true, phases: true, minAge: true, maxAge: true,
  access: true, languages: true, cost: true, butEligible: true,
});

/** The machine-checkable facts in a query note, e.g. 'combo; cost:free; age:9; town:zwiesel'. */
function factsOf(q: JudgedQuery): string[] {
  return (q.note ?? '').split(';').map((part) => part.trim()).filter((part) => /^(access|cost|lang|age|town):\S+$/.test(part) || part === 'but');
}

function hasFact(o: RelevanceOffering, fact: string): boolean {
  if (fact === 'but') return o.butEligible;
  const [kind, value] = fact.split(':') as [string, string];
  switch (kind) {
    case 'access': return (o.access as string[]).includes(value);
    case 'cost': return o.cost === value;
    case 'lang': return (o.languages as string[]).includes(value);
    case 'age': return o.minAge <= Number(value) && Number(value) <= o.maxAge;
    case 'town': return o.town === value;
    default: return false;
  }
}

describe('relevance fixture', () => {
  it('has unique keys and at least 150 offerings', () => {
    expect(relevanceOfferings.length).toBeGreaterThanOrEqual(150);
    expect(byKey.size).toBe(relevanceOfferings.length);
  });

  it('has at least 40 offerings in each town, each key prefixed with its town', () => {
    const prefix: Record<Town, string> = { zwiesel: 'zw-', regen: 'rg-', bodenmais: 'bm-' };
    for (const town of towns) expect(relevanceOfferings.filter((o) => o.town === town).length).toBeGreaterThanOrEqual(40);
    for (const o of relevanceOfferings) expect(o.key.startsWith(prefix[o.town]), o.key).toBe(true);
  });

  it('uses only valid ids and passes the offering form rules', () => {
    const ids = (list: readonly { id: string }[]) => new Set(list.map((t) => t.id));
    const valid = {
      categories: ids(categories), phases: ids(phases), formality: ids(formalities), access: ids(accessFeatures),
      languages: ids(languages), cost: ids(costs),
    };
    for (const o of relevanceOfferings) {
      const parsed = zFixtureFields.safeParse(o);
      expect(parsed.success, `${o.key}: ${parsed.error?.message}`).toBe(true);
      for (const c of o.categories) expect(valid.categories.has(c), `${o.key} category ${c}`).toBe(true);
      for (const p of o.phases) expect(valid.phases.has(p), `${o.key} phase ${p}`).toBe(true);
      for (const a of o.access) expect(valid.access.has(a), `${o.key} access ${a}`).toBe(true);
      for (const l of o.languages) expect(valid.languages.has(l), `${o.key} language ${l}`).toBe(true);
      expect(valid.formality.has(o.formality), o.key).toBe(true);
      expect(valid.cost.has(o.cost), o.key).toBe(true);
      expect(o.minAge, o.key).toBeLessThanOrEqual(o.maxAge);
      expect(o.access.filter((a) => wheelchairLevels.includes(a)).length, o.key).toBeLessThanOrEqual(1);
      for (const list of [o.categories, o.phases, o.access, o.languages]) expect(new Set(list).size, o.key).toBe(list.length);
      expect(o.provider.trim().length, o.key).toBeGreaterThan(2);
      expect(o.description.length, o.key).toBeGreaterThan(40);
      expect(o.description.length, o.key).toBeLessThan(600);
    }
  });

  it('covers every category', () => {
    const used = new Set(relevanceOfferings.flatMap((o) => o.categories));
    for (const c of categories) expect(used.has(c.id), c.id).toBe(true);
  });
});

describe('judged queries', () => {
  it('has at least 60 queries, at least 7 per class and at least 5 that combine classes', () => {
    expect(judgedQueries.length).toBeGreaterThanOrEqual(60);
    for (const c of classes) expect(judgedQueries.filter((q) => q.class === c).length, c).toBeGreaterThanOrEqual(7);
    expect(judgedQueries.filter((q) => (q.note ?? '').split(';').some((p) => p.trim() === 'combo')).length).toBeGreaterThanOrEqual(5);
  });

  it('has no query twice', () => {
    const seen = new Set(judgedQueries.map((q) => q.q.trim().toLowerCase()));
    expect(seen.size).toBe(judgedQueries.length);
  });

  it('names 1 to 3 distinct targets that all exist', () => {
    for (const q of judgedQueries) {
      expect(q.targets.length, q.q).toBeGreaterThanOrEqual(1);
      expect(q.targets.length, q.q).toBeLessThanOrEqual(3);
      expect(new Set(q.targets).size, q.q).toBe(q.targets.length);
      for (const t of q.targets) expect(byKey.has(t), `${q.q} → ${t}`).toBe(true);
    }
  });

  it('gives every attribute query a checkable fact', () => {
    for (const q of judgedQueries.filter((j) => j.class === 'attribute')) expect(factsOf(q).length, q.q).toBeGreaterThan(0);
  });

  it('only names targets that have the facts in the note', () => {
    for (const q of judgedQueries) {
      for (const fact of factsOf(q)) {
        for (const t of q.targets) expect(hasFact(byKey.get(t)!, fact), `${q.q}: ${t} lacks ${fact}`).toBe(true);
      }
    }
  });

  it('keeps at least 10 queries that should find nothing', () => {
    expect(unjudgedQueries.length).toBeGreaterThanOrEqual(10);
  });
});
