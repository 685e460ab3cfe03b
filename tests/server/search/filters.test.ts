import { describe, expect, it } from 'vitest';
import { filterGroups, quote, toMeiliFilter } from '../../../server/search/filters';
import { settingsHold } from '../../../server/search/indexer';

describe('quote', () => {
  it('escapes quotes and backslashes so a value cannot close its string', () => {
    expect(quote('a"b')).toBe('"a\\"b"');
    expect(quote('a\\')).toBe('"a\\\\"');
    expect(quote('x\\" OR id > 0')).toBe('"x\\\\\\" OR id > 0"');
  });
});

describe('filterGroups', () => {
  it('joins options of one facet with OR and facets with AND', () => {
    const filter = toMeiliFilter(
      filterGroups({ category: ['tutoring', 'stem'], access: ['online', 'childcare'], age: 9, region: '08' }, 10),
    );
    expect(filter).toEqual([
      ['categories = "tutoring"', 'categories = "stem"'],
      ['access = "online"'],
      ['access = "childcare"'],
      ['minAge <= 9'],
      ['maxAge >= 9'],
      ['regions = "08"'],
    ]);
  });

  it('leaves out one facet on request, for its own counts', () => {
    const groups = filterGroups({ category: ['tutoring'], lang: ['de'] }, 10);
    expect(toMeiliFilter(groups, 'category')).toEqual([['languages = "de"']]);
  });

  it('turns near and radius into meters, with the default radius', () => {
    expect(toMeiliFilter(filterGroups({ near: { lat: 48.1, lng: 11.5 } }, 10))).toEqual([['_geoRadius(48.1, 11.5, 10000)']]);
  });

  it('refuses numbers that are not finite', () => {
    expect(() => filterGroups({ age: Number.NaN }, 10)).toThrow();
  });
});

describe('settingsHold', () => {
  it('ignores extra keys and the order of set-like lists, but not of ranking rules', () => {
    expect(settingsHold({ a: [1, 2] }, { a: [2, 1], b: 3 })).toBe(true);
    expect(settingsHold(['x', 'y'], ['y', 'x'], true)).toBe(false);
    expect(settingsHold({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(settingsHold('für', 'fu\u0308r')).toBe(true);
  });
});
