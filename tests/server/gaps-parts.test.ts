import { describe, expect, it } from 'vitest';
import type { GapMunicipality } from '../../schema';
import { Lru } from '../../server/lib/lru';
import { medianKm, perThousand, worstServedFirst } from '../../server/services/gaps/ranking';
import { normaliseTargetGroup, targetGroupKey } from '../../server/services/gaps/target-group';

const row = (nearestKm: number | null): GapMunicipality => ({
  key: '0', name: '', population: null, populationEstimated: false, settlement: null, matching: 0, perThousand: null,
  nearestKm, nearestOfferingId: null, served: false,
});

describe('gap computation parts', () => {
  it('gives one cache key to the same target group however its filters are ordered or cased', () => {
    const key = (group: Parameters<typeof normaliseTargetGroup>[0]) => targetGroupKey(normaliseTargetGroup(group));
    expect(key({ category: ['tutoring', 'sports'], q: '  Mathe   Nachhilfe', age: 10 }))
      .toBe(key({ age: 10, q: 'mathe nachhilfe', category: ['sports', 'tutoring', 'sports'] }));
    expect(key({ category: [] })).toBe(key({}));
    expect(key({ age: 10 })).not.toBe(key({ age: 11 }));
    expect(key({ but: true })).not.toBe(key({ but: false }));
  });

  it('takes the median of distances with nothing matching as infinitely far', () => {
    expect(medianKm([row(3), row(1), row(2)])).toBe(2);
    expect(medianKm([row(4), row(1), row(2), row(3)])).toBe(2.5);
    expect(medianKm([row(1), row(null), row(2)])).toBe(2);
    expect(medianKm([row(1), row(null)])).toBeNull();
    expect(medianKm([])).toBeNull();
  });

  it('forgets the least recently used entry, and the oldest ones beyond the weight bound', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    lru.get('a');
    lru.set('c', 3);
    expect([lru.peek('a'), lru.peek('b'), lru.peek('c')]).toEqual([1, undefined, 3]);

    const weighed = new Lru<string, string>(10, (v) => v.length, 5);
    weighed.set('x', 'abc');
    weighed.set('y', 'de');
    weighed.set('z', 'f');
    expect([weighed.peek('x'), weighed.peek('y'), weighed.peek('z')]).toEqual([undefined, 'de', 'f']);
    weighed.set('big', 'abcdefgh');
    expect(weighed.size).toBe(1);
  });
});

describe('perThousand', () => {
  it('keeps three significant digits, so a few offerings among many people do not read as none', () => {
    expect(perThousand(2, 862_154)).toBe(0.00232);
    expect(perThousand(0, 862_154)).toBe(0);
    expect(perThousand(37, 2_000)).toBe(18.5);
    expect(perThousand(1, null)).toBeNull();
    expect(perThousand(1, 0)).toBeNull();
  });
});

describe('worstServedFirst', () => {
  const row = (key: string, fields: Partial<GapMunicipality>): GapMunicipality => ({
    key, name: key, population: 1000, populationEstimated: true, settlement: 'rural', matching: 0, perThousand: 0,
    nearestKm: 5, nearestOfferingId: 1, served: false, ...fields,
  });
  it('puts unincorporated areas after every inhabited municipality of the same served state, however far', () => {
    const forest = row('1', { population: null, settlement: null, perThousand: null, nearestKm: 40 });
    const village = row('2', { nearestKm: 12 });
    const town = row('3', { nearestKm: 3, served: true });
    expect([town, forest, village].sort(worstServedFirst).map((m) => m.key)).toEqual(['2', '1', '3']);
  });
});
