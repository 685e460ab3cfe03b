import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SuggestResponse } from '../../schema';
import { addOffering } from '../helpers/fixtures';
import { getJson, mapPoints, search } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';

// Word forms, relaxed queries, broader searches, chips and suggestions, on a handful of known offerings.

const ZWIESEL = { regionKey: '09276148', lat: 49.0167, lng: 13.2307, postcode: '94227', city: 'Zwiesel' };

let t: TestApp;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await startTestApp({
    fill: (db) => {
      ids.poland = addOffering(db, { title: 'Treffen für Mütter aus Polen', description: 'Wir sprechen über Schule und Alltag.', categories: ['parent_education'] });
      ids.dance = addOffering(db, { title: 'Tanzkurs für Jugendliche', description: 'Hip-Hop und Breakdance.', categories: ['sports'] });
      ids.danceExact = addOffering(db, { title: 'Tanzen im Park', description: 'Bewegung an der frischen Luft.', categories: ['sports'] });
      ids.loop = addOffering(db, { title: 'Vorlesestunde', description: 'Bilderbücher für die Kleinen.', categories: ['reading_mentorship'], access: ['hearing_loop'] });
      ids.swim = addOffering(db, { title: 'Schwimmen lernen', description: 'Seepferdchen für Anfänger.', categories: ['sports'], minAge: 5, maxAge: 8 });
      ids.choir = addOffering(db, { title: 'Kinderchor', description: 'Singen macht Spaß.', categories: ['music_arts'] });
      ids.choir2 = addOffering(db, { title: 'Chor der Grundschule', description: 'Wir singen jeden Freitag.', categories: ['music_arts'] });
      ids.tutoring = addOffering(db, { title: 'Nachhilfe Mathematik', description: 'Für Schülerinnen und Schüler.', categories: ['tutoring'], minAge: 8, maxAge: 12, cost: 'free' }, ZWIESEL);
      ids.creative = addOffering(db, { title: 'Kreativ mit Farben', description: 'Ein Malkurs für Kinder.', categories: ['music_arts'] });
      ids.after = addOffering(db, { title: 'Spielen nach der Schule', description: 'Draußen und drinnen.', categories: ['open_youth_work'] });
    },
  });
});
afterAll(async () => t?.close());

const q = (text: string, rest = '') => search(t.app, `q=${encodeURIComponent(text)}&perPage=20${rest}`);
const idsOf = (res: { hits: { id: number }[] }) => res.hits.map((h) => h.id);

describe('German word forms', () => {
  it('finds the country for its adjective, the base form for an inflected one', async () => {
    expect(idsOf(await q('polnische Mütter'))).toContain(ids.poland);
    expect(idsOf(await q('kreativer'))).toContain(ids.creative);
    expect(idsOf(await q('Muetter'))).toContain(ids.poland);
  });

  it('finds the compound for its verb, and ranks the word as written above the compound', async () => {
    const res = await q('Tanzen');
    expect(idsOf(res).slice(0, 2)).toEqual([ids.danceExact, ids.dance]);
    expect(res.relaxed).toBeUndefined();
  });

  it('finds an attribute by its word: a hearing loop the text never mentions', async () => {
    expect(idsOf(await q('Hörschleife'))).toEqual([ids.loop]);
  });
});

describe('no dead ends', () => {
  it('drops a word no offering contains and says which words the hits match', async () => {
    const res = await q('Schwimmen Zauberwürfel');
    expect(idsOf(res)).toEqual([ids.swim]);
    expect(res.total).toBe(1);
    expect(res.relaxed).toEqual({ matched: ['Schwimmen'], dropped: ['Zauberwürfel'] });
  });

  it('ignores a parent\'s filler words without relaxing', async () => {
    const res = await q('suche bitte Nachhilfe für meinen Sohn');
    expect(idsOf(res)).toEqual([ids.tutoring]);
    expect(res.relaxed).toBeUndefined();
  });

  it('gives the map the same offerings as the relaxed list', async () => {
    const points = await mapPoints(t.app, `q=${encodeURIComponent('Schwimmen Zauberwürfel')}`);
    expect(points.ids).toEqual([ids.swim]);
  });

  it('offers another spelling and broader searches, each with its count, when nothing is found', async () => {
    const misspelt = await q('Cohr');
    expect(misspelt.total).toBe(0);
    expect(misspelt.alternatives).toContainEqual({ kind: 'spelling', q: 'Chor', total: 2 });

    const nowhere = await q('Chor', '&region=09276');
    expect(nowhere.total).toBe(0);
    expect(nowhere.alternatives).toContainEqual({ kind: 'without_place', drop: ['region', 'near', 'radius', 'bbox'], total: 2 });
    expect(nowhere.alternatives).toContainEqual({ kind: 'without_words', total: 1 });
  });
});

describe('chips', () => {
  it('offers age, place and cost from the words, and searches the rest', async () => {
    const res = await q('Nachhilfe Mathe für 9-Jährige in Zwiesel kostenlos');
    expect(res.chips.map((c) => c.kind)).toEqual(['age', 'place', 'cost']);
    expect(res.chips[0]!.apply).toEqual({ age: 9 });
    expect(res.chips[1]!.apply).toMatchObject({ region: '09276148' });
    expect(idsOf(res)).toEqual([ids.tutoring]);
  });
});

describe('GET /api/suggest', () => {
  it('suggests categories, places and titles after two letters', async () => {
    const res = await getJson<SuggestResponse>(t.app, '/api/suggest?q=Nach');
    expect(res.suggestions).toContainEqual(expect.objectContaining({ kind: 'category', id: 'tutoring' }));
    expect(res.suggestions).toContainEqual({ kind: 'title', text: 'Nachhilfe Mathematik', count: 1 });
    // "nach" in a title is a function word, not what "Nach" was typed for.
    expect(res.suggestions).not.toContainEqual(expect.objectContaining({ text: 'Spielen nach der Schule' }));
    const places = await getJson<SuggestResponse>(t.app, '/api/suggest?q=Zwies');
    expect(places.suggestions).toContainEqual(expect.objectContaining({ kind: 'place', place: expect.objectContaining({ key: '09276148' }) }));
  });

  it('refuses one letter with a clear message', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/suggest?q=N' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('two letters');
  });
});

describe('the list and the map agree, relaxed or not', () => {
  // Drawn queries: words some offerings have, word forms, a compound, words nobody has, fillers; with and
  // without a filter. Whatever the search makes of them, the map must show exactly the listed offerings.
  const pool = [
    'Tanzen', 'Tanzkurs', 'Schwimmen', 'Chor', 'Nachhilfe', 'Mathe', 'polnische', 'Mütter', 'kreativer',
    'Hörschleife', 'Zauberwürfel', 'Quantenphysik', 'bitte', 'gesucht', 'Kinder', 'Cohr', 'Vorlesen', 'Farben',
  ];
  const filters = ['', '&category=sports', '&age=7', '&cost=free', '&region=09276'];
  let seed = 42;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };

  it('for 40 drawn queries', async () => {
    for (let i = 0; i < 40; i++) {
      const words = Array.from({ length: 1 + next(3) }, () => pool[next(pool.length)]!);
      const query = `q=${encodeURIComponent(words.join(' '))}${filters[next(filters.length)]}`;
      const list = await search(t.app, `${query}&perPage=100`);
      const points = await mapPoints(t.app, query);
      expect(points.ids.slice().sort((a, b) => a - b), query).toEqual(idsOf(list).sort((a, b) => a - b));
      expect(list.total, query).toBe(list.hits.length);
    }
  });
});

