import { describe, it, expect } from 'vitest';
import { stemGerman, stemText } from '../../server/search/german-stemmer';

// Outputs of the Snowball German algorithm, each worked through by hand (prelude, R1/R2, steps 1–3,
// postlude). The comment says which rule does the work.
const known: [string, string][] = [
  // The sample from the algorithm's page.
  ['aufeinanderfolge', 'aufeinanderfolg'], // step 1: -e
  ['aufeinanderfolgen', 'aufeinanderfolg'], // step 1: -en
  ['aufeinanderfolgend', 'aufeinanderfolg'], // step 3: -end in R2
  ['aufeinanderfolgende', 'aufeinanderfolg'], // step 1 -e, step 3 -end
  ['aufeinanderfolgenden', 'aufeinanderfolg'], // step 1 -en, step 3 -end
  ['kategorie', 'kategori'],
  ['kategorien', 'kategori'],
  ['kategorisch', 'kategor'], // step 3: -isch in R2, not after e
  ['kategorische', 'kategor'],
  ['kategorischen', 'kategor'],
  ['kategorischer', 'kategor'],
  // The examples of step 1, carried through the other steps.
  ['äckern', 'ack'], // -ern; R1 is pushed to letter 3
  ['ackers', 'ack'], // -s after r, then step 2 -er
  ['armes', 'arm'],
  ['bedürfnissen', 'bedurfnis'], // -en, then -niss → -nis
  ['ergebnisse', 'ergebnis'],
  ['ergebnissen', 'ergebnis'],
  // Step 1 and 2.
  ['häuser', 'haus'],
  ['häusern', 'haus'],
  ['hauses', 'haus'],
  ['laufen', 'lauf'],
  ['gelesen', 'geles'],
  ['schwimmen', 'schwimm'],
  ['kurses', 'kurs'],
  ['angebots', 'angebot'], // -s after t
  ['kostenlose', 'kostenlos'], // the final s (after o) stays
  ['eltern', 'elt'],
  ['mädchen', 'madch'],
  ['spielst', 'spiel'], // step 2: -st after l, which has 3 letters before it
  ['schnellsten', 'schnell'], // step 1 -en, step 2 -st
  ['kleinste', 'klein'],
  ['ältesten', 'alt'], // step 1 -en, step 2 -est
  ['ersten', 'erst'], // -st not in R1
  ['größten', 'grosst'], // -st after s is not removed
  // Step 3.
  ['beratung', 'berat'],
  ['förderung', 'forder'],
  ['erziehung', 'erzieh'],
  ['ordnung', 'ordnung'], // -ung not in R2 (R2 is found from the unadjusted R1)
  ['bildung', 'bildung'], // -ung not in R2
  ['wissenschaftlich', 'wissenschaft'],
  ['eigentlich', 'eigent'],
  ['jugendlichen', 'jugend'], // -en, then -lich
  ['musikalisch', 'musikal'],
  ['lebendig', 'lebend'], // -ig in R2
  ['lustig', 'lustig'], // -ig not in R2
  ['technik', 'technik'], // -ik not in R2
  ['englisch', 'englisch'], // -isch not in R2
  ['kindheit', 'kindheit'], // -heit not in R2
  ['freundlichkeit', 'freundlich'], // -keit; the -lich before it is not in R2
  ['möglichkeit', 'moglich'],
  ['häufigkeit', 'haufig'],
  ['ehrlichkeit', 'ehrlich'],
  // u and y between vowels count as consonants.
  ['feuer', 'feu'],
  ['treue', 'treu'],
  ['betreuung', 'betreu'],
  ['betreuen', 'betreu'],
  ['bayern', 'bay'],
  ['quelle', 'quell'], // "ue" after q is not read as ü
  // Rules of the current published algorithm (Snowball 3).
  ['system', 'system'], // -em is kept after "syst"
  ['systems', 'system'],
  ['segeln', 'segel'], // -ln → -l
  ['basteln', 'bastel'],
];

describe('stemGerman: known Snowball German stems', () => {
  it.each(known)('%s → %s', (word, stem) => {
    expect(stemGerman(word)).toBe(stem);
  });

  it('checks enough words', () => {
    expect(known.length).toBeGreaterThanOrEqual(40);
  });
});

describe('stemGerman: what the search relies on', () => {
  const same = (words: string[], stem: string) => {
    for (const w of words) expect(stemGerman(w), w).toBe(stem);
  };

  it('meets inflections of adjectives', () => {
    same(['polnische', 'polnischen', 'polnisch', 'Polnisches'], 'polnisch');
    same(['kreativer', 'kreativ', 'kreative', 'Kreativen'], 'kreativ');
    same(['deutsche', 'deutschen', 'Deutsch'], 'deutsch');
  });

  it('meets verbs and their nouns', () => {
    same(['Tanzen', 'tanzen', 'Tanz'], 'tanz');
    same(['Malen', 'malen'], 'mal');
    same(['lernen', 'Lernen'], 'lern');
    same(['spielen', 'Spiele', 'spielst'], 'spiel');
  });

  it('meets plural and dative forms', () => {
    same(['Kinder', 'Kindern', 'Kind'], 'kind');
    same(['Hausaufgaben', 'Hausaufgabe'], 'hausaufgab');
    same(['Angebote', 'Angeboten', 'Angebots', 'Angebot'], 'angebot');
    same(['Jugend', 'Jugendliche', 'Jugendlichen'], 'jugend');
  });

  it('leaves Schülerin apart from Schüler (the algorithm knows no -in; synonyms cover it)', () => {
    expect(stemGerman('Schüler')).toBe('schul');
    expect(stemGerman('Schülern')).toBe('schul');
    expect(stemGerman('Schülerin')).toBe('schulerin');
    expect(stemGerman('Schülerinnen')).toBe('schulerinn');
  });

  it('reads ae/oe/ue as umlauts, in any case, and removes umlauts at the end', () => {
    same(['Muenchen', 'München', 'MÜNCHEN', 'MUENCHEN'], 'munch');
    same(['schoene', 'schöne', 'Schöne'], 'schon');
    same(['Oel', 'Öl'], 'ol');
  });

  it('treats ß as ss', () => {
    same(['Strasse', 'Straße', 'STRASSE'], 'strass');
    same(['Fußball', 'Fussball'], 'fussball');
  });

  it('normalises combining diacritics and strips other Latin diacritics', () => {
    expect(stemGerman('Mu\u0308nchen')).toBe('munch');
    same(['Café', 'Cafe', 'CAFÉ', 'Cafe\u0301'], 'caf');
    expect(stemGerman('Crème')).toBe(stemGerman('Creme'));
  });

  it('keeps digits and short words', () => {
    expect(stemGerman('2024')).toBe('2024');
    expect(stemGerman('007')).toBe('007');
    expect(stemGerman('In')).toBe('in');
    expect(stemGerman('zu')).toBe('zu');
    expect(stemGerman('A')).toBe('a');
  });

  it('removes derivational suffixes (step 3)', () => {
    // These would fail without step 3.
    expect(stemGerman('Bedeutung')).toBe('bedeut');
    expect(stemGerman('kategorisch')).toBe('kategor');
    expect(stemGerman('Freundlichkeit')).toBe('freundlich');
    expect(stemGerman('aufeinanderfolgend')).toBe(stemGerman('aufeinanderfolgen'));
  });

  it('gives the same answer the second time (memoised)', () => {
    const first = stemGerman('Wissenschaftliche');
    expect(stemGerman('Wissenschaftliche')).toBe(first);
    expect(first).toBe('wissenschaft');
  });
});

describe('stemText', () => {
  it('splits on anything but letters and digits', () => {
    expect(stemText('9-Jährige in Zwiesel')).toEqual(['9', 'jahrig', 'in', 'zwiesel']);
  });

  it('keeps order and repeats', () => {
    expect(stemText('Tanzen, tanzen & Tanz!')).toEqual(['tanz', 'tanz', 'tanz']);
    expect(stemText('Malen für Kinder (6–10 Jahre)')).toEqual(['mal', 'fur', 'kind', '6', '10', 'jahr']);
  });

  it('keeps a word with a combining mark together', () => {
    expect(stemText('Mu\u0308nchen')).toEqual(['munch']);
  });

  it('gives nothing for no words', () => {
    expect(stemText('')).toEqual([]);
    expect(stemText(' – !? ')).toEqual([]);
  });
});
