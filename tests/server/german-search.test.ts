import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOffering } from '../helpers/fixtures';
import { search } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';

// A small directory of known offerings, so every query's expected answer is exact.
const titles = {
  mathe: 'Mathenachhilfe für die Klassen 5 bis 7',
  hausaufgaben: 'Hausaufgabenhilfe im Jugendtreff',
  betreuung: 'Hausaufgabenbetreuung an der Grundschule',
  lesen: 'Lesepatenschaft in der Stadtbibliothek',
  kultur: 'Kulturlotsen zeigen Museen und Theater',
  ferien: 'Sommerferienprogramm im Wald',
  kita: 'Sprachförderung in der Kita Sonnenschein',
  nachhilfe: 'Nachhilfe in Englisch',
  schwimmen: 'Schwimmkurs für Anfänger',
} as const;

let t: TestApp;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await startTestApp({
    fill: (db) => {
      for (const [key, title] of Object.entries(titles)) {
        ids[key] = addOffering(db, { title, description: 'Anmeldung im Büro.', categories: ['music_arts'] });
      }
    },
  });
});
afterAll(async () => t?.close());

async function found(q: string): Promise<number[]> {
  const res = await search(t.app, `q=${encodeURIComponent(q)}&perPage=100`);
  return res.hits.map((h) => h.id);
}

describe('German compound words', () => {
  it('finds Mathenachhilfe for "Nachhilfe"', async () => {
    expect(await found('Nachhilfe')).toEqual(expect.arrayContaining([ids.mathe, ids.nachhilfe]));
  });

  it('finds Hausaufgabenhilfe for "Hilfe Hausaufgaben"', async () => {
    expect(await found('Hilfe Hausaufgaben')).toContain(ids.hausaufgaben);
  });

  it('finds Hausaufgabenbetreuung for "Betreuung"', async () => {
    expect(await found('Betreuung')).toContain(ids.betreuung);
  });

  it('finds Lesepatenschaft for "Paten"', async () => {
    expect(await found('Patenschaft')).toContain(ids.lesen);
  });

  it('finds Kulturlotsen for "Lotsen", Sommerferienprogramm for "Ferien", Schwimmkurs for "Kurs"', async () => {
    expect(await found('Lotsen')).toContain(ids.kultur);
    expect(await found('Ferien')).toContain(ids.ferien);
    expect(await found('Ferienprogramm')).toContain(ids.ferien);
    expect(await found('Kurs')).toContain(ids.schwimmen);
  });

  it('does not find unrelated offerings for a part', async () => {
    expect(await found('Hausaufgaben')).not.toContain(ids.schwimmen);
    expect(await found('Nachhilfe')).not.toContain(ids.ferien);
  });
});

describe('German synonyms and typos', () => {
  it('finds Nachhilfe for "Lernförderung" and "Lernhilfe"', async () => {
    expect(await found('Lernförderung')).toEqual(expect.arrayContaining([ids.nachhilfe, ids.mathe]));
    expect(await found('Lernhilfe')).toContain(ids.nachhilfe);
  });

  it('finds the Kita for "Kindergarten" and "Kindertagesstätte"', async () => {
    expect(await found('Kindergarten')).toContain(ids.kita);
    expect(await found('Kindertagesstätte')).toContain(ids.kita);
  });

  it('finds Mathenachhilfe for "Mathematik"', async () => {
    expect(await found('Mathematik')).toContain(ids.mathe);
  });

  it('finds Hausaufgabenbetreuung for "Hausaufgabenhilfe" and the other way round', async () => {
    expect(await found('Hausaufgabenhilfe')).toContain(ids.betreuung);
    expect(await found('Hausaufgabenbetreuung')).toContain(ids.hausaufgaben);
  });

  it('tolerates a typo', async () => {
    expect(await found('Nachilfe')).toContain(ids.nachhilfe);
    expect(await found('Bibliotek')).toContain(ids.lesen);
  });
});
