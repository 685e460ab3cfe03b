import { describe, expect, it } from 'vitest';
import { parseOfferingsCsv } from '../../../server/csv/parse-offerings';
import { planImport, siteKey, type ImportContext } from '../../../server/services/offering-import-plan';
import { HEADERS, csvText, utf8, validInput, validRow, type Header } from './csv-files';

const regen = { regionKey: '09276138', lat: 48.97, lng: 13.13, place: 'Regen' };
const zwiesel = { regionKey: '09276148', lat: 49.01, lng: 13.23, place: 'Zwiesel' };

function context(): ImportContext {
  return {
    sites: [
      { id: 1, name: 'Pfarrheim', street: 'Stadtplatz 3', postcode: '94209', city: 'Regen' },
      { id: 2, name: null, street: 'Bahnhofstraße 12', postcode: '94209', city: 'Regen' },
    ],
    ownOfferings: new Map([
      [10, { status: 'published', input: validInput, locationId: 1 }],
      [11, { status: 'draft', input: { ...validInput, title: 'Lesepaten' }, locationId: 2 }],
      [12, { status: 'published', input: validInput, locationId: 1 }],
    ]),
    postcode: (code) => ({ '94209': regen, '94227': zwiesel })[code] ?? null,
  };
}

const plan = (rows: Partial<Record<Header, string>>[], ctx = context()) =>
  planImport(parseOfferingsCsv(utf8(csvText(HEADERS, rows.map((r) => validRow(r))))).rows, ctx);

describe('planImport', () => {
  it('plans creates, updates, unchanged rows and errors with their lines', () => {
    const result = plan([
      {}, // line 2: new, at an existing site
      { Nummer: '10' }, // line 3: the same as stored
      { Nummer: '11', Titel: 'Lesepaten Regen', Straße: 'bahnhofstr. 12' }, // line 4: new title, same site
      { Nummer: '999' }, // line 5: not ours
      { Kategorien: 'Schach' }, // line 6: invalid row
    ]);
    expect(result.rows.map((r) => [r.line, r.action, r.id, r.title])).toEqual([
      [2, 'create', null, 'Hausaufgabenhilfe Regen'],
      [3, 'unchanged', 10, 'Hausaufgabenhilfe Regen'],
      [4, 'update', 11, 'Lesepaten Regen'],
      [5, 'error', 999, 'Hausaufgabenhilfe Regen'],
      [6, 'error', null, 'Hausaufgabenhilfe Regen'],
    ]);
    expect(result.rows.map((r) => r.site)).toEqual([{ existingId: 1 }, { existingId: 1 }, { existingId: 2 }, { existingId: 1 }, { existingId: 1 }]);
    expect(result.rows[2]!.changes).toEqual([{ field: 'title', column: 'Titel', old: 'Lesepaten', new: 'Lesepaten Regen' }]);
    expect(result.rows[3]!.errors).toEqual([{
      column: 'Nummer',
      message: 'Die Nummer 999 gehört nicht zu Ihren Einträgen. Für neue Einträge bleibt die Spalte leer.',
      messageEn: 'Number 999 is not one of your entries. Leave the column empty for new entries.',
    }]);
    expect(result.rows[4]!.errors.map((e) => e.column)).toEqual(['Kategorien']);
    expect(result.summary).toEqual({ create: 1, update: 1, unchanged: 1, errors: 2, newSites: 0 });
  });

  it('lists every changed field with its column, including nested ones', () => {
    const [row] = plan([{ Nummer: '10', 'Alter bis': '12', Beginn: '01.10.2025', 'Kontakt E-Mail': 'neu@verein.example', 'BuT-fähig': 'ja' }]).rows;
    expect(row!.action).toBe('update');
    expect(row!.changes).toEqual([
      { field: 'maxAge', column: 'Alter bis', old: 10, new: 12 },
      { field: 'butEligible', column: 'BuT-fähig', old: false, new: true },
      { field: 'schedule.startDate', column: 'Beginn', old: undefined, new: '2025-10-01' },
      { field: 'contact.email', column: 'Kontakt E-Mail', old: undefined, new: 'neu@verein.example' },
    ]);
  });

  it('moves an offering to another existing site as a change of "Standort"', () => {
    const [row] = plan([{ Nummer: '10', Straße: 'Bahnhofstrasse 12' }]).rows;
    expect(row).toMatchObject({ action: 'update', site: { existingId: 2 } });
    expect(row!.changes).toEqual([
      { field: 'locationId', column: 'Standort', old: 'Stadtplatz 3, 94209 Regen', new: 'Bahnhofstrasse 12, 94209 Regen' },
    ]);
  });

  it('creates one new site for rows that share a new address, from the gazetteer', () => {
    const result = plan([
      { Standort: 'Jugendzentrum', Straße: 'Neue Straße 5', PLZ: '94227', Ort: 'Zwiesel' },
      { Straße: 'neue str. 5', PLZ: '94227', Ort: 'Zwiesel' },
      { Nummer: '11', Titel: 'Lesepaten', Straße: 'NEUE STRASSE 5', PLZ: '94227', Ort: 'Zwiesel' },
    ]);
    const expected = { new: { name: 'Jugendzentrum', street: 'Neue Straße 5', postcode: '94227', city: 'Zwiesel', regionKey: '09276148', lat: 49.01, lng: 13.23 } };
    expect(result.rows.map((r) => r.site)).toEqual([expected, expected, expected]);
    // One object for all of them, so whoever carries out the plan creates the site once.
    const newSite = (i: number) => (result.rows[i]!.site as { new: object }).new;
    expect(newSite(1)).toBe(newSite(0));
    expect(newSite(2)).toBe(newSite(0));
    expect(result.rows.map((r) => r.action)).toEqual(['create', 'create', 'update']);
    expect(result.rows[2]!.changes).toEqual([
      { field: 'locationId', column: 'Standort', old: 'Bahnhofstraße 12, 94209 Regen', new: 'NEUE STRASSE 5, 94227 Zwiesel' },
    ]);
    expect(result.summary).toEqual({ create: 2, update: 1, unchanged: 0, errors: 0, newSites: 1 });
  });

  it('reports a postcode the gazetteer does not know on "PLZ"', () => {
    const [row] = plan([{ Straße: 'Hauptstraße 1', PLZ: '99999', Ort: 'Nirgendwo' }]).rows;
    expect(row).toMatchObject({ line: 2, action: 'error', site: null });
    expect(row!.errors).toEqual([{
      column: 'PLZ',
      message: 'Die Postleitzahl 99999 ist uns nicht bekannt. Bitte prüfen.',
      messageEn: 'The postcode 99999 is not known to us. Please check it.',
    }]);
  });

  it('refuses the same number twice in a file, on every line that has it', () => {
    const result = plan([{ Nummer: '12' }, {}, { Nummer: '12', Titel: 'Andere Fassung' }]);
    expect(result.rows.map((r) => r.action)).toEqual(['error', 'create', 'error']);
    expect(result.rows[0]!.errors).toEqual([{
      column: 'Nummer',
      message: 'Die Nummer 12 steht mehrfach in der Datei (Zeilen 2, 4). Jeder Eintrag darf nur einmal vorkommen.',
      messageEn: 'Number 12 appears more than once in the file (lines 2, 4). Each entry may appear only once.',
    }]);
    expect(result.rows[2]!.errors).toEqual(result.rows[0]!.errors);
  });

  it('does not count new sites of rows that are errors', () => {
    const result = plan([{ Straße: 'Neue Straße 5', PLZ: '94227', Ort: 'Zwiesel', 'Alter von': '12', 'Alter bis': '3' }]);
    expect(result.summary).toEqual({ create: 0, update: 0, unchanged: 0, errors: 1, newSites: 0 });
    expect(result.rows[0]!.errors.map((e) => e.column)).toEqual(['Alter bis']);
  });
});

describe('siteKey', () => {
  it('treats spellings of one address alike and different addresses apart', () => {
    const key = siteKey('Hauptstraße 5a', '94209');
    for (const street of ['Hauptstr. 5a', 'hauptstrasse 5 a', ' HAUPTSTRASSE  5A ', 'Hauptstr.5a']) expect(siteKey(street, '94209')).toBe(key);
    expect(siteKey('Hauptstraße 5', '94209')).not.toBe(key);
    expect(siteKey('Hauptstraße 5a', '94227')).not.toBe(key);
    expect(siteKey('Straße der Einheit 1', '01067')).toBe(siteKey('Str. der Einheit 1', '01067'));
  });
});
