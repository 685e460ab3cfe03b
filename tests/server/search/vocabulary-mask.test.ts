import { describe, expect, it } from 'vitest';
import { accessFeatures, categories, languages, phases } from '../../../schema';
import type { PointRow } from '../../../server/repos/offerings-repo';
import { PointStore, pointMasks } from '../../../server/search/point-store';
import { VocabularyMask } from '../../../server/search/vocabulary-mask';

const vocabulary = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `t${i + 1}` }));

describe('VocabularyMask', () => {
  const forty = new VocabularyMask('synthetic', vocabulary(40));
  const column = forty.column(3);
  forty.write(column, 0, ['t1']);
  forty.write(column, 1, ['t33']);
  forty.write(column, 2, ['t1', 't33', 't40']);

  it('takes as many 32-bit words as the vocabulary needs', () => {
    expect(forty.words).toBe(2);
    expect(forty.capacity).toBeGreaterThanOrEqual(40);
    expect(new VocabularyMask('small', vocabulary(32)).words).toBe(1);
    expect(new VocabularyMask('empty', []).words).toBe(1);
  });

  it('does not take the 33rd entry for the first', () => {
    expect(forty.anyAt(column, 0, forty.of(['t33'])!)).toBe(false);
    expect(forty.anyAt(column, 1, forty.of(['t1'])!)).toBe(false);
    expect(forty.anyAt(column, 1, forty.of(['t33'])!)).toBe(true);
    expect(forty.anyAt(column, 0, forty.of(['t2', 't1'])!)).toBe(true);
  });

  it('requires every entry for "all of", across words', () => {
    expect(forty.allAt(column, 2, forty.of(['t1', 't40'])!)).toBe(true);
    expect(forty.allAt(column, 1, forty.of(['t1', 't33'])!)).toBe(false);
    expect(forty.allAt(column, 0, forty.of(['t1', 't33'])!)).toBe(false);
  });

  it('counts each entry at its own index, the 32nd and 33rd included', () => {
    const counts = new Int32Array(40);
    forty.write(column, 0, ['t32']);
    for (let i = 0; i < 3; i++) forty.countAt(counts, column, i);
    expect([counts[0], counts[31], counts[32], counts[39]]).toEqual([2, 1, 2, 1]);
  });

  it('means no filter for no values, and ignores ids outside the vocabulary', () => {
    expect(forty.of(undefined)).toBeUndefined();
    expect(forty.of([])).toBeUndefined();
    expect([...forty.of(['unknown'])!]).toEqual([0, 0]);
  });
});

describe('the point store masks', () => {
  it.each([
    ['category', categories],
    ['phase', phases],
    ['access', accessFeatures],
    ['language', languages],
  ] as const)('hold every %s of the vocabulary', (field, list) => {
    expect(pointMasks[field].capacity).toBeGreaterThanOrEqual(list.length);
    expect(pointMasks[field].size).toBe(list.length);
  });

  it('tell every language apart, the last included', () => {
    const row = (id: number, lang: PointRow['languages'][number]): PointRow => ({
      id, categories: ['tutoring'], phases: [], access: [], languages: [lang], formality: 'formal', cost: 'free',
      but: false, minAge: 0, maxAge: 99, seeksVolunteers: false, lastConfirmedAt: '2025-01-01T00:00:00Z',
      regionKey: '09162000', lat: 48.1 + id / 1000, lng: 11.5,
    });
    const store = new PointStore(languages.map((l, i) => row(i + 1, l.id)));
    for (const [i, l] of languages.entries()) {
      const found = store.select({ lang: [l.id] }, 10).map((p) => store.columns.ids[p]);
      expect(found, l.id).toEqual([i + 1]);
    }
  });
});
