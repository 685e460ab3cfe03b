import { beforeAll, describe, expect, it } from 'vitest';
import { zQueryChip, type QueryChip } from '../../schema';
import { readReferenceData } from '../../seed/reference-data';
import { PlaceNames } from '../../server/search/place-names';
import { readChips } from '../../server/search/query-chips';
import { foldName } from '../../server/lib/fold-name';
import { seededRandom } from '../helpers/seeded-random';

// The real reference data: the committed files the server loads into SQLite at start (seed/prepare.ts).
let places: PlaceNames;
beforeAll(() => {
  const { regions, postcodes } = readReferenceData();
  places = new PlaceNames(regions, postcodes);
});

const chips = (q: string) => readChips(q, places).chips;
const only = (q: string) => {
  const found = chips(q);
  expect(found, q).toHaveLength(1);
  return found[0]!;
};
const words = (text: string) => foldName(text).split(' ');

describe('PlaceNames', () => {
  it('finds municipalities by name, without the qualifier, and the largest of a shared name', () => {
    expect(places.municipality(['zwiesel'])?.key).toBe('09276148');
    expect(places.municipality(['freiburg'])).toMatchObject({ key: '08311000', name: 'Freiburg im Breisgau' });
    expect(places.municipality(['frankfurt'])?.key).toBe('06412000');
    expect(places.municipality(words('Halle'))?.name).toBe('Halle (Saale)');
    expect(places.municipality(words('Bad Kötzting'))?.key).toBe('09372137');
    expect(places.municipality(words('St. Englmar'))?.key).toBe('09278184');
    expect(places.municipality(words('Sankt Englmar'))?.key).toBe('09278184');
    expect(places.municipality(['kotzting'])?.key).toBe('09372137');
    expect(places.municipality(['englmar'])).toBeUndefined();
  });

  it('finds districts, a Landkreis before the city of the same name', () => {
    expect(places.district(['regen'])).toMatchObject({ key: '09276', name: 'Landkreis Regen', level: 'kreis' });
    expect(places.district(['regensburg'])?.key).toBe('09375');
    expect(places.district(['hannover'])?.name).toBe('Region Hannover');
    expect(places.place(['regen'])?.key).toBe('09276138');
    expect(places.place(['nordfriesland'])?.key).toBe('01054');
  });

  it('finds postcodes', () => {
    expect(places.postcode('94227')).toMatchObject({ code: '94227', place: 'Zwiesel', regionKey: '09276148' });
    expect(places.postcode('9422')).toBeUndefined();
    expect(places.postcode('abcde')).toBeUndefined();
  });
});

describe('readChips', () => {
  it('reads age, place and cost from a typical query, each with its own remaining query', () => {
    const q = 'Nachhilfe Mathe für 9-Jährige in Zwiesel kostenlos';
    const { chips: found, searchText } = readChips(q, places);
    expect(found).toEqual<QueryChip[]>([
      {
        kind: 'age', text: '9-Jährige', label: { de: 'Alter 9', en: 'Age 9' }, apply: { age: 9 },
        remainingQ: 'Nachhilfe Mathe in Zwiesel kostenlos',
      },
      {
        kind: 'place', text: 'in Zwiesel', label: { de: 'Zwiesel', en: 'Zwiesel' },
        apply: { region: '09276148', place: 'Zwiesel' }, remainingQ: 'Nachhilfe Mathe für 9-Jährige kostenlos',
      },
      {
        kind: 'cost', text: 'kostenlos', label: { de: 'Kostenlos', en: 'Free' }, apply: { cost: 'free' },
        remainingQ: 'Nachhilfe Mathe für 9-Jährige in Zwiesel',
      },
    ]);
    expect(searchText).toBe('Nachhilfe Mathe in Zwiesel kostenlos');
  });

  it.each([
    ['9 Jahre', 9], ['9 J.', 9], ['9-Jährige', 9], ['9jährige', 9], ['9-jährigen', 9], ['Alter 9', 9], ['ab 9', 9],
    ['ab 12 Jahren', 12], ['age 9', 9], ['9 years', 9], ['9-year-old', 9], ['9 year olds', 9], ['neunjährige', 9],
    ['0 Jahre', 0], ['für meine 9-jährige Tochter', 9],
  ])('reads the age in %j', (q, age) => {
    const chip = only(q);
    expect(chip).toMatchObject({ kind: 'age', apply: { age }, remainingQ: '' });
    expect(readChips(q, places).searchText).toBe('');
  });

  it.each([
    ['Klasse 5', 5], ['5. Klasse', 5], ['Kl. 5', 5], ['5.Klasse', 5], ['Jahrgangsstufe 5', 5], ['grade 5', 5],
    ['year 5', 5], ['5th grade', 5], ['Klasse 1', 1], ['Klasse 13', 13],
  ])('reads the school grade in %j as an age', (q, grade) => {
    expect(only(q)).toMatchObject({
      kind: 'age', apply: { age: grade + 5 },
      label: { de: `Alter ${grade + 5} (Klasse ${grade})`, en: `Age ${grade + 5} (year ${grade})` },
    });
  });

  it('reads no age out of other numbers', () => {
    for (const q of ['Klasse 14', 'Klasse 0', 'ab 9 Uhr', 'ab 5 €', '6-10 Jahre', 'Jahrgang 2015', '2.5 Jahre', '123 Jahre', 'A9 Jahre']) {
      expect(chips(q).filter((c) => c.kind === 'age'), q).toEqual([]);
    }
  });

  it('reads a grade with a subject and keeps the subject', () => {
    const { chips: found, searchText } = readChips('5. Klasse Englisch', places);
    expect(found).toEqual([expect.objectContaining({ kind: 'age', text: '5. Klasse', apply: { age: 10 }, remainingQ: 'Englisch' })]);
    expect(searchText).toBe('Englisch');
  });

  it('reads a postcode as a place near it', () => {
    const chip = only('94227 Hausaufgabenhilfe');
    expect(chip).toMatchObject({
      kind: 'place', text: '94227', label: { de: '94227 Zwiesel', en: '94227 Zwiesel' },
      apply: { place: '94227 Zwiesel', near: { lat: expect.any(Number), lng: expect.any(Number) } },
      remainingQ: 'Hausaufgabenhilfe',
    });
    expect(readChips('94227 Hausaufgabenhilfe', places).searchText).toBe('94227 Hausaufgabenhilfe');
  });

  it('reads languages, marked or by adjective, but not a school subject', () => {
    expect(only('auf Arabisch')).toMatchObject({
      kind: 'lang', text: 'auf Arabisch', apply: { lang: 'ar' }, label: { de: 'Sprache: Arabisch', en: 'Language: Arabic' },
    });
    expect(only('arabische Hausaufgabenhilfe')).toMatchObject({ apply: { lang: 'ar' }, remainingQ: 'Hausaufgabenhilfe' });
    expect(only('Arabic homework help')).toMatchObject({ apply: { lang: 'ar' }, remainingQ: 'homework help' });
    expect(only('türkischsprachig')).toMatchObject({ apply: { lang: 'tr' } });
    expect(only('Kurse auf Englisch')).toMatchObject({ apply: { lang: 'en' }, remainingQ: 'Kurse' });
    expect(only('tutoring in English')).toMatchObject({ apply: { lang: 'en' }, remainingQ: 'tutoring' });
    expect(chips('Nachhilfe Englisch')).toEqual([]);
    expect(chips('Nachhilfe in Englisch')).toEqual([]);
  });

  it('reads accessibility features and BuT', () => {
    expect(only('barrierefrei')).toMatchObject({ kind: 'access', apply: { access: 'wheelchair_yes' }, label: { de: 'Rollstuhlgerecht' } });
    expect(only('rollstuhlgerecht')).toMatchObject({ apply: { access: 'wheelchair_yes' } });
    expect(only('Hörschleife')).toMatchObject({ apply: { access: 'hearing_loop' } });
    expect(only('Gebärdensprache')).toMatchObject({ apply: { access: 'sign_language' } });
    expect(only('Kurs in leichter Sprache')).toMatchObject({ apply: { access: 'easy_language' }, text: 'leichter Sprache' });
    expect(only('step-free')).toMatchObject({ apply: { access: 'step_free' } });
    expect(only('BuT Nachhilfe')).toMatchObject({ kind: 'but', apply: { but: true }, remainingQ: 'Nachhilfe' });
    expect(only('Bildungspaket')).toMatchObject({ kind: 'but', apply: { but: true } });
    expect(chips('nicht barrierefrei')).toEqual([]);
  });

  it('takes the longest phrase', () => {
    expect(only('mit Bus und Bahn erreichbar')).toMatchObject({ apply: { access: 'public_transport' }, remainingQ: '' });
    expect(only('eingeschränkt rollstuhlgerecht')).toMatchObject({ apply: { access: 'wheelchair_limited' } });
    expect(only('ohne Kosten')).toMatchObject({ apply: { cost: 'free' } });
  });

  it('reads no place out of ordinary words', () => {
    expect(chips('essen kochen')).toEqual([]);
    expect(chips('Essen kochen')).toEqual([]);
    expect(chips('Singen lernen')).toEqual([]);
    expect(chips('nachhilfe zwiesel')).toEqual([]);
    expect(only('Musik in Essen')).toMatchObject({ apply: { region: '05113000' }, remainingQ: 'Musik' });
    expect(only('Schwimmen in Singen')).toMatchObject({ apply: { place: 'Singen (Hohentwiel)' } });
  });

  it('reads the municipality Regen, the district only when named as one', () => {
    expect(only('Tanzen in Regen')).toMatchObject({
      kind: 'place', text: 'in Regen', apply: { region: '09276138', place: 'Regen' }, remainingQ: 'Tanzen',
    });
    expect(only('Landkreis Regen')).toMatchObject({ apply: { region: '09276', place: 'Landkreis Regen' } });
    expect(only('LK Regen')).toMatchObject({ apply: { region: '09276' } });
    expect(only('im Landkreis Regen')).toMatchObject({ text: 'im Landkreis Regen', remainingQ: '' });
  });

  it('tells a name written with "ue" from the one with "u", and still reads "ue" for "ü"', () => {
    expect(only('Nachhilfe in Neuenkirchen').label.de).toBe('Neuenkirchen');
    expect(only('Nachhilfe in Neunkirchen').label.de).toBe('Neunkirchen');
    expect(only('Nachhilfe in Muenchen').label.de).toBe('München');
  });

  it('reads places by their everyday and multi-word names', () => {
    expect(only('Freiburg')).toMatchObject({ apply: { region: '08311000', place: 'Freiburg im Breisgau' } });
    expect(only('Frankfurt am Main')).toMatchObject({ apply: { region: '06412000' }, remainingQ: '' });
    expect(only('Nachhilfe Bad Kötzting')).toMatchObject({ text: 'Bad Kötzting', apply: { region: '09372137' }, remainingQ: 'Nachhilfe' });
    expect(only('Sankt Englmar')).toMatchObject({ apply: { region: '09278184' } });
    expect(only('Halle (Saale) Musik')).toMatchObject({ text: 'Halle (Saale)', remainingQ: 'Musik' });
  });

  it('offers one chip per kind and value, in the order of the query', () => {
    const found = chips('kostenlos in Zwiesel gratis 9 Jahre');
    expect(found.map((c) => c.kind)).toEqual(['cost', 'place', 'age']);
  });

  it('takes out only its own words, tidying spaces and punctuation', () => {
    const found = chips('Mathe  Zwiesel, kostenlos!');
    expect(found.map((c) => c.remainingQ)).toEqual(['Mathe, kostenlos!', 'Mathe Zwiesel!']);
  });

  it('never throws, and every chip is valid and shortens the query', () => {
    const random = seededRandom(20240611);
    const pieces = [
      'a', 'ä', 'ß', 'Z', 'x', 'é', '9', '5', '0', '94227', ' ', ' ', ' ', '-', '.', ',', '(', ')', '/', '€', '%',
      '🙂', '👩‍👧', 'ع', 'ש', 'ж', '中', '\u200f', '\t', 'in ', 'auf ', 'ab ', 'für ', 'Klasse ', 'Jahre', 'jährige',
      'Zwiesel', 'Regen', 'Landkreis ', 'kostenlos', 'Arabisch', 'barrierefrei', 'Bad ', 'Kötzting', 'BuT', 'year',
      'old', 'nicht ', 'Halle (', 'Saale)', '12', '123456',
    ];
    for (let n = 0; n < 300; n++) {
      const length = Math.floor(random() * 200);
      let q = '';
      while (q.length < length) q += pieces[Math.floor(random() * pieces.length)];
      q = q.slice(0, 200);
      const reading = readChips(q, places);
      expect(reading.searchText.length).toBeLessThanOrEqual(q.length);
      for (const chip of reading.chips) {
        expect(zQueryChip.safeParse(chip).success, q).toBe(true);
        expect(chip.remainingQ.length, q).toBeLessThan(q.length);
      }
      const keys = reading.chips.map((c) => `${c.kind}:${JSON.stringify(c.apply)}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
    for (const q of ['', ' ', '99999', '0000000000', '١٢٣ عربي', 'שלום', '🙂'.repeat(100), '9'.repeat(200), '-'.repeat(200)]) {
      expect(() => readChips(q, places)).not.toThrow();
    }
  });
});
