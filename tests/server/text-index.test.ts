import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryTerms } from '../../server/search/query-words';
import type { TextIndex } from '../../server/search/text-index';
import { addOffering, setStatus } from '../helpers/fixtures';
import { search } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';

// The full-text index in SQLite finds what Meilisearch finds for queries without typos: the same words,
// stems, compound parts, attribute words and synonyms.

let t: TestApp;
let text: TextIndex;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await startTestApp({
    fill: (db) => {
      ids.poland = addOffering(db, { title: 'Treffen für Mütter aus Polen', description: 'Wir sprechen über Schule und Alltag.', categories: ['parent_education'] });
      ids.dance = addOffering(db, { title: 'Tanzkurs für Jugendliche', description: 'Hip-Hop und Breakdance.', categories: ['sports'] });
      ids.danceExact = addOffering(db, { title: 'Tanzen im Park', description: 'Bewegung an der frischen Luft.', categories: ['sports'] });
      ids.loop = addOffering(db, { title: 'Vorlesestunde', description: 'Bilderbücher für die Kleinen.', categories: ['reading_mentorship'], access: ['hearing_loop'] });
      ids.swim = addOffering(db, { title: 'Schwimmen lernen', description: 'Seepferdchen für Anfänger.', categories: ['sports'] });
      ids.choir = addOffering(db, { title: 'Kinderchor', description: 'Singen macht Spaß.', categories: ['music_arts'] });
      ids.tutoring = addOffering(db, { title: 'Nachhilfe Mathematik', description: 'Für Schülerinnen und Schüler.', categories: ['tutoring'] });
      ids.learning = addOffering(db, { title: 'Lernförderung in Deutsch', description: 'Kleine Gruppen.', categories: ['tutoring'] });
    },
  });
  // The app's own index, once its background build after the start is done; then built again here.
  await t.app.directory.textRebuilt;
  text = t.app.directory.text;
  expect(await text.rebuild()).toBe(true);
});
afterAll(async () => t?.close());

const sorted = (list: number[]) => [...list].sort((a, b) => a - b);

describe('the text index in SQLite', () => {
  it.each(['Tanzen', 'polnische Mütter', 'Muetter', 'Hörschleife', 'Nachhilfe', 'Lernförderung', 'Schwimmen', 'Chor', 'Mathe'])(
    'finds for "%s" what Meilisearch finds',
    async (q) => {
      const fromMeili = (await search(t.app, `q=${encodeURIComponent(q)}&perPage=100`)).hits.map((h) => h.id);
      expect(fromMeili.length, q).toBeGreaterThan(0);
      expect(sorted(text.match(queryTerms(q))), q).toEqual(sorted(fromMeili));
    },
  );

  it('reads no query text as FTS5 syntax', () => {
    for (const q of ['"', 'a" OR "b', 'NEAR(tanz kurs)', 'tanz*', '-tanz', 'col:tanz', '^tanz', 'AND OR NOT']) {
      expect(() => text.match(queryTerms(q)), q).not.toThrow();
      // Also as tokens straight from the text (no word splitting before): only quoting keeps them literal.
      expect(() => text.match([{ typed: q, token: q }]), q).not.toThrow();
      expect(() => text.match([{ typed: q, token: q, prefix: true }]), q).not.toThrow();
    }
  });

  it('follows changes: an unpublished offering leaves, a new one comes', () => {
    expect(text.match(queryTerms('Kinderchor'))).toEqual([ids.choir]);
    setStatus(t.app.db, ids.choir!, 'archived');
    const added = addOffering(t.app.db, { title: 'Jugendchor', description: 'Wir proben dienstags.', categories: ['music_arts'] });
    text.apply([ids.choir!, added]);
    expect(text.match(queryTerms('Kinderchor'))).toEqual([]);
    expect(text.match(queryTerms('Jugendchor'))).toEqual([added]);
    expect(text.current).toBe(true);
  });
});
