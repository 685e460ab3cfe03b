import { describe, expect, it } from 'vitest';
import { categories } from '../../../schema/taxonomy';
import { clearDecompoundCache, compoundParts, decompoundWord } from '../../../server/search/decompound';
import { buildLexicon, COMBINING_MARK, lexicon } from '../../../server/search/lexicon';

/** Asserts that every expected part is present (the exact list also holds variants and runs). */
function expectParts(word: string, expected: readonly string[]): string[] {
  const parts = decompoundWord(word);
  expect(parts).toEqual(expect.arrayContaining([...expected]));
  return parts;
}

describe('decompoundWord', () => {
  it('splits Hausaufgabenhilfe into haus, aufgaben, hilfe and the runs hausaufgaben and aufgabenhilfe', () => {
    expect(decompoundWord('Hausaufgabenhilfe')).toEqual([
      'haus',
      'aufgaben',
      'aufgabe',
      'hilfe',
      'hausaufgaben',
      'hausaufgabe',
      'aufgabenhilfe',
    ]);
  });

  it('gives the known head of Mathenachhilfe and the head of that head', () => {
    expectParts('Mathenachhilfe', ['nachhilfe', 'hilfe']);
  });

  it('lets "Betreuung" and "Hausaufgaben" find Hausaufgabenbetreuung', () => {
    expectParts('Hausaufgabenbetreuung', ['betreuung', 'hausaufgaben', 'haus']);
  });

  it('splits Lesepatenschaft into lese, paten, pate and patenschaft, but never emits the bare suffix', () => {
    const parts = expectParts('Lesepatenschaft', ['lese', 'paten', 'pate', 'patenschaft', 'lesepaten']);
    expect(parts).not.toContain('schaft');
  });

  it('finds lotse and lotsen in Kulturlotsen although the lexicon lists only the singular', () => {
    expect(lexicon.has('lotsen')).toBe(false);
    expectParts('Kulturlotsen', ['kultur', 'lotse', 'lotsen']);
  });

  it('splits Sommerferienprogramm into sommer, ferien, programm and their runs', () => {
    expect(decompoundWord('Sommerferienprogramm')).toEqual([
      'sommer',
      'ferien',
      'programm',
      'sommerferien',
      'ferienprogramm',
    ]);
    expectParts('Ferienprogramm', ['ferien', 'programm']);
  });

  it('maps the combining form Sprach- to sprache in Sprachförderung', () => {
    expectParts('Sprachförderung', ['sprach', 'sprache', 'förderung']);
  });

  it('splits Schwimmkurs, Holzwerkstatt, Berufsberatung and Bildungsberatung at their heads', () => {
    expectParts('Schwimmkurs', ['schwimmen', 'kurs']);
    expectParts('Holzwerkstatt', ['holz', 'werkstatt']);
    expectParts('Berufsberatung', ['beruf', 'beratung']);
    expectParts('Bildungsberatung', ['bildung', 'beratung']);
  });

  it('emits a part with its linking element only where that is a word (aufgaben, not berufs)', () => {
    expect(decompoundWord('Berufsorientierung')).toEqual(['beruf', 'orientierung']);
    expect(decompoundWord('Bildungsberatung')).not.toContain('bildungs');
    expectParts('Erwachsenenbildung', ['erwachsene', 'erwachsenen', 'bildung']);
  });

  it('handles feminine forms: Lesepatinnen gives patin and pate, Lernbegleiterinnen gives begleiter', () => {
    expectParts('Lesepatinnen', ['lese', 'patin', 'pate']);
    expectParts('Lernbegleiterinnen', ['lernen', 'begleiter', 'begleiterin']);
  });

  it('gives the tail of a word whose first part is unknown, even when the tail is itself a compound', () => {
    expectParts('Quartiersmanagement', ['management']);
    expectParts('Bundesjugendspiele', ['jugendspiele', 'jugend', 'spiele']);
  });

  it.each(['Kinder', 'Montag', 'Freitag', 'Beratung', 'Angebot', 'Erdbeere', 'Schulung', 'Sekunde', 'Schuldner'])(
    'leaves the ordinary word %s whole',
    (word) => {
      expect(decompoundWord(word)).toEqual([]);
    },
  );

  it.each([
    ['Beispiel', 'spiel'],
    ['Interessen', 'essen'],
    ['Begleitung', 'leitung'],
    ['Transport', 'sport'],
    ['Verband', 'band'],
  ])('does not find a coincidental tail in %s (%s)', (word, coincidence) => {
    expect(decompoundWord(word)).not.toContain(coincidence);
  });

  it('does not take a particle verb for a compound (aufstellen, abgelaufen)', () => {
    expect(decompoundWord('aufstellen')).toEqual([]);
    expect(decompoundWord('abgelaufen')).toEqual([]);
  });

  it('returns nothing for words shorter than six letters', () => {
    expect(decompoundWord('Kurse')).toEqual([]);
    expect(decompoundWord('Hilfe')).toEqual([]);
    expect(decompoundWord('')).toEqual([]);
  });

  it('never returns the word itself, a bare linking element or a part shorter than three letters', () => {
    const words = ['Kindertagesstätte', 'Elternabend', 'Wochenendfreizeit', 'Kinderspielplatz', 'Jugendarbeit'];
    for (const word of words) {
      const parts = decompoundWord(word);
      expect(parts.length).toBeGreaterThan(0);
      expect(parts).not.toContain(word.toLowerCase());
      for (const part of parts) {
        expect(part.length).toBeGreaterThanOrEqual(3);
        expect(['ens', 'es', 'en', 'er', 'ns']).not.toContain(part);
      }
    }
  });

  it('splits hyphenated words into their pieces and decompounds each piece', () => {
    expect(decompoundWord('Deutsch-Kurs')).toEqual(['deutsch', 'kurs']);
    expect(decompoundWord('MINT-Ferienprogramm')).toEqual(['mint', 'ferienprogramm', 'ferien', 'programm']);
  });

  it('ignores case', () => {
    const expected = decompoundWord('Hausaufgabenhilfe');
    expect(decompoundWord('HAUSAUFGABENHILFE')).toEqual(expected);
    expect(decompoundWord('hausaufgabenhilfe')).toEqual(expected);
  });

  it('handles umlauts and ß, also when an umlaut is typed as a letter plus a combining mark', () => {
    const composed = decompoundWord('Sprachförderung');
    expect(decompoundWord('Sprachfo\u0308rderung')).toEqual(composed);
    expectParts('Fußballtraining', ['fußball', 'training']);
    expectParts('Bücherbus', ['bücher', 'bus']);
  });

  it('joins parts with linking elements, adding the plural form where the element is a plural ending', () => {
    const custom = buildLexicon(['haus', 'aufgabe', 'hilfe', 'bildung', 'beratung']);
    expect(decompoundWord('Hausaufgabenhilfe', custom)).toEqual([
      'haus',
      'aufgabe',
      'aufgaben',
      'hilfe',
      'hausaufgabe',
      'hausaufgaben',
      'aufgabenhilfe',
    ]);
    expect(decompoundWord('Bildungsberatung', custom)).toEqual(['bildung', 'beratung']);
  });

  it('prefers the segmentation with fewer parts (kinder|garten, not kind|erg|arten)', () => {
    const custom = buildLexicon(['kinder', 'kind', 'garten', 'erg', 'arten']);
    expect(decompoundWord('Kindergarten', custom)).toEqual(['kinder', 'kind', 'garten']);
  });

  it('uses the lexicon it is given, with a memo of its own', () => {
    const custom = buildLexicon(['quiz', 'abend']);
    expect(decompoundWord('Quizabend', custom)).toEqual(['quiz', 'abend']);
    expect(decompoundWord('Quizabend')).toEqual([]);
  });
});

describe('compoundParts', () => {
  it('collects the parts of every word of a text, deduplicated, in order of first appearance', () => {
    const text = 'Hausaufgabenhilfe und Mathenachhilfe für Grundschulkinder; dazu Hausaufgabenhilfe im Sommer.';
    const parts = compoundParts(text).split(' ');
    expect(new Set(parts).size).toBe(parts.length);
    expect(parts.slice(0, 3)).toEqual(['haus', 'aufgaben', 'aufgabe']);
    expect(parts).toEqual(expect.arrayContaining(['nachhilfe', 'hilfe', 'grundschule', 'kinder', 'kind']));
    expect(parts.indexOf('mathe')).toBeGreaterThan(parts.indexOf('aufgabenhilfe'));
    expect(parts).not.toContain('sommer');
  });

  it('completes truncated first elements: "Erwachsenen- und Weiterbildung" gives erwachsenenbildung', () => {
    expect(compoundParts('Erwachsenen- und Weiterbildung').split(' ')).toEqual(
      expect.arrayContaining(['erwachsenenbildung', 'bildung']),
    );
    expect(compoundParts('Sprach-, Lese- und Schreibförderung').split(' ')).toEqual(
      expect.arrayContaining(['sprachförderung', 'leseförderung', 'förderung']),
    );
  });

  it('completes truncated heads: "Berufsberatung und -orientierung" gives berufsorientierung', () => {
    expect(compoundParts('Berufsberatung und -orientierung').split(' ')).toContain('berufsorientierung');
  });

  it('does not take a hyphenated compound for a truncated one', () => {
    expect(compoundParts('MINT-Ferienprogramm').split(' ')).toEqual(['ferien', 'programm']);
  });

  it('returns an empty string for a text without compounds', () => {
    expect(compoundParts('Jeden Montag ab 15 Uhr, kostenlos.')).toBe('');
    expect(compoundParts('')).toBe('');
  });

  it('returns identical output from the memo, after clearing it, and for every repeat', () => {
    const texts = [
      'Lesepatenschaft in der Stadtbibliothek',
      'Kulturlotsen begleiten Familien ins Theater',
      'Bewerbungstraining und Berufsorientierung',
    ];
    clearDecompoundCache();
    const first = texts.map((text) => compoundParts(text));
    for (let round = 0; round < 3; round++) {
      expect(texts.map((text) => compoundParts(text))).toEqual(first);
    }
    clearDecompoundCache();
    expect(texts.map((text) => compoundParts(text))).toEqual(first);
  });

  it('stays correct when more words pass through than the memo holds', () => {
    const text = 'Hausaufgabenhilfe, Lesepatenschaft und Sommerferienprogramm';
    clearDecompoundCache();
    const before = compoundParts(text);
    // 30,000 distinct compounds push the first words out of the memo's recent generation and beyond.
    const stems = [...lexicon].filter((entry) => !entry.endsWith(COMBINING_MARK)).slice(0, 200);
    for (let i = 0; i < 30_000; i++) compoundParts(`${stems[i % 200]}${stems[Math.floor(i / 200) % 200]}haus`);
    // Twice: the first lookup finds the words in the older generation and copies them forward.
    expect(compoundParts(text)).toBe(before);
    expect(compoundParts(text)).toBe(before);
  });
});

describe('lexicon', () => {
  it('holds between 800 and 1500 lowercase entries of at least three letters', () => {
    expect(lexicon.size).toBeGreaterThanOrEqual(800);
    expect(lexicon.size).toBeLessThanOrEqual(1500);
    for (const entry of lexicon) expect(entry).toMatch(/^[a-zäöüßé]{3,}-?$/);
  });

  it('contains no function words, prefixes or bare suffixes that would cut ordinary words', () => {
    const cutters = ['ein', 'ich', 'und', 'der', 'die', 'das', 'nach', 'vor', 'aus', 'mit', 'bei', 'ver', 'ent'];
    const suffixes = ['schaft', 'ung', 'heit', 'keit', 'lich', 'isch'];
    for (const word of [...cutters, ...suffixes]) {
      expect(lexicon.has(word)).toBe(false);
      expect(lexicon.has(word + COMBINING_MARK)).toBe(false);
    }
  });

  it('knows every word of the category labels, or the parts it is made of', () => {
    for (const category of categories) {
      for (const word of category.label.de.toLowerCase().match(/\p{L}+/gu) ?? []) {
        if (word.length < 6 || ['offene', 'frühkindliche'].includes(word)) continue;
        const known = lexicon.has(word) || decompoundWord(word).length > 0;
        expect(known, `${word} from "${category.label.de}"`).toBe(true);
      }
    }
  });

  it('rejects malformed entries when building a lexicon', () => {
    expect(() => buildLexicon(['Haus'])).toThrow();
    expect(() => buildLexicon(['ab'])).toThrow();
    expect(() => buildLexicon(['zwei worte'])).toThrow();
    expect(() => buildLexicon(['tor'], { strictShort: true })).toThrow();
    expect(buildLexicon(['haus', 'sprach-']).has('sprach-')).toBe(true);
  });
});
