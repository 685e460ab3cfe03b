import { describe, expect, it } from 'vitest';
import { markers } from '../../server/services/duplicates/markers';
import { titleWeekdays, weekdays } from '../../server/services/duplicates/schedule';
import { wordReplaced } from '../../server/services/duplicates/compare';
import { prepareAll, vocabularyBits } from '../../server/services/duplicates/prepare';
import { categories, phases } from '../../schema';
import type { DuplicateCandidate } from '../../server/services/duplicates/types';
import {
  addressKey, editSimilarity, isTypo, organisationKey, placeWords, similarity, titleKey, words,
} from '../../server/services/duplicates/normalise';

describe('folding German spelling variants', () => {
  it('makes umlauts, their transliterations and missing umlauts compare equal', () => {
    const keys = ['Lesepaten München', 'Lesepaten Muenchen', 'Lesepaten Munchen', 'LESEPATEN MÜNCHEN'].map((t) => titleKey(t));
    expect(new Set(keys)).toEqual(new Set(['lesepatenmunchen']));
    expect(titleKey('Förderung für Schüler')).toBe(titleKey('Foerderung fuer Schueler'));
    expect(titleKey('Spaß am Lesen')).toBe(titleKey('Spass am Lesen'));
    expect(new Set(['Mädchentreff', 'Maedchentreff', 'Madchentreff'].map((t) => titleKey(t))).size).toBe(1);
  });

  it('makes compounds written apart, hyphenated and joined compare equal', () => {
    const keys = ['Hausaufgabenhilfe', 'Hausaufgaben-Hilfe', 'Hausaufgaben Hilfe', 'Hausaufgaben – Hilfe'].map((t) => titleKey(t));
    expect(new Set(keys).size).toBe(1);
    // The digraph fold runs on the joined form, so a vowel meeting across the joint folds alike.
    expect(titleKey('Kita Eltern Treff')).toBe(titleKey('Kitaeltern-Treff'));
  });

  it('drops small words, gender endings and the place name from titles', () => {
    expect(titleKey('Hilfe für Schüler*innen')).toBe(titleKey('Hilfe Schüler'));
    expect(titleKey('Treff der LehrerInnen')).toBe(titleKey('Treff Lehrer'));
    expect(titleKey('Lesepaten Freiburg', placeWords('Freiburg im Breisgau'))).toBe(titleKey('Lesepaten'));
    // A title that is nothing but the place keeps it.
    expect(titleKey('Regen', placeWords('Regen'))).toBe('regen');
  });

  it('removes legal forms from the end of organisation names, in any spelling', () => {
    const names = ['Lernfreunde Regen e.V.', 'Lernfreunde Regen e. V.', 'Lernfreunde Regen eV', 'Lernfreunde Regen', 'LERNFREUNDE REGEN E.V.'];
    expect(new Set(names.map(organisationKey))).toEqual(new Set(['lernfreunderegen']));
    expect(organisationKey('Bildungswerk gGmbH')).toBe('bildungswerk');
    expect(organisationKey('Lernhilfe UG (haftungsbeschränkt)')).toBe('lernhilfe');
    expect(organisationKey('Kinderhilfe gemeinnützige GmbH & Co. KG')).toBe('kinderhilfe');
    expect(organisationKey('Sportkreis Regen eG')).toBe('sportkreisregen');
    expect(organisationKey('Volkshochschule KdöR')).toBe('volkshochschule');
    // Only from the end: "AG" at the start is a working group, part of the name.
    expect(organisationKey('AG Jugendarbeit')).toBe('agjugendarbeit');
  });

  it('writes one address key for the usual ways of writing a street', () => {
    const keys = ['Hauptstraße 1', 'Hauptstr. 1', 'Haupt-Strasse 1', 'hauptstrasse 1', 'Hauptstraße 1'].map((s) => addressKey(s, '94209'));
    expect(new Set(keys)).toEqual(new Set(['94209|hauptstr1']));
    expect(addressKey('Hauptstraße 2', '94209')).not.toBe(keys[0]);
    expect(addressKey('', '94209')).toBeNull();
  });

  it('rates typos, word order and compounds as alike, and different programmes as not', () => {
    expect(similarity('Hausaufgabenhilfe', 'Hausaufgabenhlife')).toBeGreaterThanOrEqual(0.9);
    expect(similarity('Nachhilfe Englisch', 'Englisch-Nachhilfe')).toBe(1);
    expect(similarity('Mathe-Nachhilfe', 'Mathenachhilfe')).toBe(1);
    expect(similarity('Lesepaten', 'Lesezeit')).toBeLessThan(0.6);
    expect(similarity('Hausaufgabenhilfe', 'Hausaufgabenbetreuung')).toBeLessThan(0.7);
    // Short words are not compared by edits: one letter makes another word.
    expect(editSimilarity('lesen', 'losen')).toBe(0);
    expect(editSimilarity('lesepaten', 'lesepatem')).toBeCloseTo(8 / 9);
    expect(isTypo('jugendtreff', 'jugentdreff')).toBe(true);
    expect([isTypo('a1', 'a2'), isTypo('kinderchor', 'jugendchor'), isTypo('sommerferien', 'herbstferien')]).toEqual([false, false, false]);
  });

  it('writes out "St." as "Sankt"', () => {
    expect(titleKey('Lernstube St. Marien')).toBe(titleKey('Lernstube Sankt Marien'));
    expect(titleKey('Lernstube St Marien')).toBe(titleKey('Lernstube Sankt Marien'));
  });

  it('folds words of any script without dropping them', () => {
    expect(words('Çocuklar için Türkçe')).toEqual(['cocuklar', 'icin', 'turkce']);
    expect(words('دروس اللغة')).toHaveLength(2);
  });
});

describe('edition, level and audience markers', () => {
  it('finds markers as words and inside compounds', () => {
    expect(markers('Sommerferien-Leseclub für Kinder 2026')).toBe('#2026 children holidays summer');
    expect(markers('Kinderferienprogramm')).toBe(markers('Ferienprogramm für Kinder'));
    expect(markers('Schwimmkurs für Anfänger')).toBe(markers('Anfängerschwimmen'));
    expect(markers('Elterncafé')).toBe('parents');
    expect(markers('Deutschkurs A1')).not.toBe(markers('Deutschkurs A2'));
    expect(markers('Schwimmkurs Fortgeschrittene')).not.toBe(markers('Schwimmkurs Anfänger'));
  });

  it('leaves ordinary words and place names alone', () => {
    expect(markers('Führung im Kloster')).toBe('');
    expect(markers('Muttersprachlicher Unterricht Türkisch')).toBe('');
    expect(markers('Lesepaten Sommerhausen', placeWords('Sommerhausen'))).toBe('');
    expect(markers('Lesepaten Muenchen')).toBe(markers('Lesepaten München'));
  });

  it('reads times of day as editions, but not programmes named after them', () => {
    expect(markers('Spielgruppe am Vormittag')).not.toBe(markers('Spielgruppe am Nachmittag'));
    expect(markers('Lerntreff abends')).toBe(markers('Lerntreff am Abend'));
    expect(markers('Sprachkurs früh')).toBe(markers('Sprachkurs morgens'));
    expect([markers('Musikalische Früherziehung'), markers('Spieleabend'), markers('Mittagsbetreuung')]).toEqual(['', '', '']);
  });

  it('counts letters and Roman numerals standing alone as labels, like numbers', () => {
    expect(markers('Bewerbungstraining Teil I')).not.toBe(markers('Bewerbungstraining Teil II'));
    expect(markers('Deutschkurs II')).toBe(markers('Deutschkurs 2'));
    expect(markers('Hausaufgabenhilfe Gruppe A')).not.toBe(markers('Hausaufgabenhilfe Gruppe B'));
    expect(markers('Lernförderung Klasse 5a')).not.toBe(markers('Lernförderung Klasse 5b'));
    expect(markers('Deutschkurs A1.1')).not.toBe(markers('Deutschkurs A1.2'));
    // Small words, abbreviations, elisions and legal forms are no labels.
    expect(markers('Hilfe im Alltag am Ort zu Hause')).toBe('');
    expect(markers('Haus d. kleinen Forscher')).toBe('');
    expect(markers('Lesepaten e. V.')).toBe(markers('Lesepaten eV'));
    expect(markers('Theater-AG')).toBe('');
    expect(markers("So geht's")).toBe('');
  });
});

describe('a word of the title swapped for another', () => {
  const base: DuplicateCandidate = {
    id: 0, title: '', description: '', status: 'published', providerId: 1, providerName: 'Verein', street: 'Weg 1', postcode: '94209',
    city: 'Regen', regionKey: '09276138', lat: 48.97, lng: 13.12, categories: ['tutoring'], phases: ['primary_school'], minAge: 6,
    maxAge: 10, schedule: { text: '' }, contact: {}, lastConfirmedAt: '2026-10-01', updatedAt: '2026-10-01T10:00:00.000Z',
  };
  const swapped = (x: string, y: string) => {
    const [a, b] = prepareAll([{ ...base, id: 1, title: x }, { ...base, id: 2, title: y }]);
    return wordReplaced(a!, b!);
  };
  it('sees a word replaced by another', () => {
    expect(swapped('Krabbelgruppe Rot', 'Krabbelgruppe Blau')).toBe(true);
    expect(swapped('Lernwerkstatt Nord', 'Lernwerkstatt Süd')).toBe(true);
    expect(swapped('Spielgruppe am Montag', 'Spielgruppe am Mittwoch')).toBe(true);
  });
  it('does not see spelling variants, compounds split otherwise or a word added', () => {
    expect(swapped('Bücherwurm-Club', 'Leseclub Bücherwurm')).toBe(false);
    expect(swapped('Hausaufgabenhilfe Grundschule', 'Hausaufgaben-Hilfe in der Grundschule Regen')).toBe(false);
    expect(swapped('Theaterwerkstatt Sonnenschein', 'Theaterwerkstatt Sonnenschien')).toBe(false);
    expect(swapped('Lese-Club', 'Leseklub')).toBe(false);
    expect(swapped('Leseclub', 'Leseclub Bücherwurm')).toBe(false);
  });
});

describe('weekdays of a schedule', () => {
  const days = (text: string, rrule?: string) => weekdays(text, rrule).toString(2).padStart(7, '0').split('').reverse().join('');
  it('reads days, abbreviations, ranges and BYDAY', () => {
    expect(days('dienstags 9:00–10:30 Uhr')).toBe('0100000');
    expect(days('Mo. und Do. 15 Uhr')).toBe('1001000');
    expect(days('montags bis freitags 13:30–16:00 Uhr (außer in den Ferien)')).toBe('1111100');
    expect(days('jeden dritten Samstag im Monat')).toBe('0000010');
    expect(days('wöchentlich', 'FREQ=WEEKLY;BYDAY=TU,TH')).toBe('0101000');
  });
  it('names no day where the text names none', () => {
    expect(weekdays('Termine nach Vereinbarung')).toBe(0);
    expect(weekdays('so oft wie möglich, da wir flexibel sind')).toBe(0);
  });
  it('reads days a title names written out, not abbreviations', () => {
    expect(titleWeekdays('Krabbelgruppe Montag')).toBe(1);
    expect(titleWeekdays('Krabbelgruppe mittwochs')).toBe(4);
    expect(titleWeekdays('So lernt man Schach')).toBe(0);
    expect(titleWeekdays('Mo-Fr Hausaufgabenhilfe')).toBe(0);
  });
});

describe('the vocabulary masks of the duplicate comparison', () => {
  const terms = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `t${i}` }));

  it('give every entry of a vocabulary of up to 32 its own bit', () => {
    const bits = vocabularyBits('test', terms(32));
    expect(new Set(bits.values()).size).toBe(32);
    expect(bits.get('t31')! & bits.get('t0')!).toBe(0);
  });

  it('refuse a vocabulary that outgrows them, naming it', () => {
    expect(() => vocabularyBits('category', terms(33))).toThrow(/category vocabulary has 33 entries, its masks hold 32/);
  });

  it('hold today’s vocabularies', () => {
    expect(() => vocabularyBits('category', categories)).not.toThrow();
    expect(() => vocabularyBits('phase', phases)).not.toThrow();
  });
});
