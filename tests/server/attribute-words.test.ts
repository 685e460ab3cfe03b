import { searchToken } from '../../server/search/search-tokens';
import { describe, expect, it } from 'vitest';
import { accessFeatures, categories, costs, languages, phases } from '../../schema';
import {
  accessWords, attributeTerms, categoryWords, costWords, languagePhrases, languageWords, phaseWords,
  type OfferingAttributes,
} from '../../server/search/attribute-words';

const base: OfferingAttributes = {
  categories: ['tutoring'], phases: ['primary_school'], formality: 'non_formal', access: [], languages: ['de'],
  cost: 'paid', butEligible: false,
};
const terms = (o: Partial<OfferingAttributes>) => attributeTerms({ ...base, ...o }).split(' ');

describe('attributeTerms', () => {
  it('gives no positive accessibility word to an offering that is not wheelchair accessible', () => {
    const words = terms({ access: ['wheelchair_no'] });
    for (const positive of ['barrierefrei', 'rollstuhlgerecht', 'rollstuhl', 'wheelchair', 'accessible', 'nicht']) {
      expect(words).not.toContain(positive);
    }
    expect(accessWords.wheelchair_no).toEqual([]);
    expect(terms({ access: ['wheelchair_limited'] })).not.toContain('barrierefrei');
  });

  it('gives the words of a hearing loop', () => {
    const words = terms({ access: ['hearing_loop'] });
    expect(words).toEqual(expect.arrayContaining(['hörschleife', 'höranlage', 'induktive', 'hearing', 'loop']));
  });

  it('gives German and English words of the cost and BuT', () => {
    expect(terms({ cost: 'free' })).toEqual(expect.arrayContaining(['kostenlos', 'free', 'gratis', 'umsonst']));
    expect(terms({ cost: 'paid' })).not.toContain('free');
    expect(terms({ butEligible: true })).toEqual(expect.arrayContaining(['but', 'bildungspaket', 'teilhabe']));
    expect(terms({ butEligible: false })).not.toContain('bildungspaket');
  });

  it('gives the names of the languages', () => {
    const words = terms({ languages: ['ar', 'fa'] });
    expect(words).toEqual(expect.arrayContaining(['arabisch', 'arabic', 'persisch', 'farsi', 'dari', 'persian']));
    // Inflected forms share the search token of their base form, so they are searched, not indexed again.
    expect(words).not.toContain('arabische');
    expect(words.map(searchToken)).toContain(searchToken('arabischen'));
    expect(terms({ languages: ['de'] })).not.toContain('arabisch');
  });

  it('gives labels and everyday words of categories and phases', () => {
    const words = terms({ categories: ['homework_help'], phases: ['early_childhood'] });
    expect(words).toEqual(expect.arrayContaining(['hausaufgabenhilfe', 'hausaufgaben', 'homework', 'kita', 'kleinkind']));
  });

  it('is compact: each word once, no joining words, no hyphen parts', () => {
    const words = terms({
      categories: categories.map((c) => c.id), phases: phases.map((p) => p.id),
      access: accessFeatures.map((f) => f.id).filter((id) => id !== 'wheelchair_no' && id !== 'wheelchair_limited'),
      languages: languages.map((l) => l.id), cost: 'free', butEligible: true,
    });
    expect(new Set(words).size).toBe(words.length);
    for (const joining of ['und', 'and', 'mit', 'the', 'of', '']) expect(words).not.toContain(joining);
    expect(words).toContain('stepfree');
    expect(words.every((w) => /^[\p{L}\p{N}]+$/u.test(w))).toBe(true);
  });
});

describe('word lists', () => {
  it('cover every id with its labels, except the features that name a lack', () => {
    for (const c of categories) expect(categoryWords[c.id]).toContain(c.label.de.toLowerCase());
    // "Frühe Kindheit (Familie → Kita)": the name before the brackets, and what is in them
    for (const p of phases) expect(phaseWords[p.id]).toContain(p.label.de.toLowerCase().replace(/ \(.*\)$/, ''));
    for (const c of costs) expect(costWords[c.id]).toEqual(expect.arrayContaining([c.label.de.toLowerCase(), c.label.en.toLowerCase()]));
    for (const f of accessFeatures) {
      if (f.id === 'wheelchair_no' || f.id === 'wheelchair_limited') continue;
      expect(accessWords[f.id]).toEqual(expect.arrayContaining([f.label.de.toLowerCase(), f.label.en.toLowerCase()]));
    }
    for (const l of languages) expect(languageWords[l.id].length).toBeGreaterThan(0);
  });

  it('names school-subject languages in queries only when marked', () => {
    expect(languagePhrases.en).not.toContain('englisch');
    expect(languagePhrases.en).toEqual(expect.arrayContaining(['auf englisch', 'in english', 'englischsprachig']));
    expect(languagePhrases.ar).toEqual(expect.arrayContaining(['arabisch', 'arabische', 'arabic', 'auf arabisch', 'in arabic']));
  });
});
