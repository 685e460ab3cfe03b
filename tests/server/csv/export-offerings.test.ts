import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { zOfferingInputFields, zContact, zSchedule } from '../../../schema';
import { offeringsToCsv, type ExportRow } from '../../../server/csv/export-offerings';
import { exportColumns, offeringColumns } from '../../../server/csv/offering-columns';
import { parseOfferingsCsv, type OfferingFields } from '../../../server/csv/parse-offerings';
import { offeringsTemplateCsv } from '../../../server/csv/template';
import { validInput } from './csv-files';

const site = { name: 'Pfarrheim St. Michael', street: 'Stadtplatz 3', postcode: '94209', city: 'Regen' };

const full: OfferingFields = {
  title: 'Lernförderung „Mathe; Deutsch“ für Schüler*innen',
  description: 'Erste Zeile; mit Semikolon\nzweite Zeile mit "Anführungszeichen" und Größe, Maß, Öl, Übung',
  categories: ['tutoring', 'german_second_language'],
  formality: 'formal',
  phases: ['primary_school', 'school_to_work'],
  minAge: 8,
  maxAge: 18,
  access: ['wheelchair_limited', 'easy_language'],
  languages: ['de', 'ar', 'fa'],
  cost: 'reduced',
  costNote: '5 € pro Termin; mit BuT kostenlos',
  butEligible: true,
  childProtection: ['criminal_record_check'],
  capacity: 1500,
  seatsAvailable: 0,
  waitingList: true,
  schedule: { text: 'Di + Do\n15–17 Uhr', rrule: 'FREQ=WEEKLY;BYDAY=TU,TH', startDate: '2025-09-16', endDate: '2026-07-31' },
  funding: ['lernen_mit_rueckenwind', 'esf_plus'],
  seeksVolunteers: true,
  contact: { name: '-Team Süd-', email: 'info@verein.example', phone: '+49 9921 1234', website: 'https://verein.example/a?b=1;c=2' },
};

/** The cells of an export, as a spreadsheet program would see them. */
const cellsOf = (csv: Buffer) => parse(csv, { delimiter: ';', bom: true }) as string[][];

describe('offeringsToCsv', () => {
  it('writes UTF-8 with a BOM, ";" and CRLF, in template order plus the status', () => {
    const csv = offeringsToCsv([{ id: 7, input: validInput, site, status: 'published' }]);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8').slice(1);
    expect(text.split('\r\n')).toHaveLength(3);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, row] = cellsOf(csv);
    expect(header).toEqual(exportColumns.map((c) => c.header));
    expect(header!.slice(0, -1)).toEqual(offeringColumns.map((c) => c.header));
    const cell = (name: string) => row![header!.indexOf(name)];
    expect([cell('Nummer'), cell('Kategorien'), cell('Art des Angebots'), cell('BuT-fähig'), cell('Status')]).toEqual([
      '7', 'Hausaufgabenhilfe', 'Non-formal', 'nein', 'Veröffentlicht',
    ]);
  });

  it('writes lists as German labels joined by ", " and dates as DD.MM.YYYY', () => {
    const [header, row] = cellsOf(offeringsToCsv([{ id: 1, input: full, site }]));
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell('Sprachen')).toBe('Deutsch, Arabisch, Persisch (Farsi, Dari)');
    expect(cell('Übergangsphasen')).toBe('Grundschule, Übergang Schule → Ausbildung, Studium, Beruf');
    expect([cell('Beginn'), cell('Ende'), cell('Plätze gesamt'), cell('Plätze frei')]).toEqual(['16.09.2025', '31.07.2026', '1500', '0']);
  });

  it('neutralises formulas in every text cell', () => {
    const evil = '=HYPERLINK("http://evil","x")';
    const input = { ...validInput, title: evil, description: '+1+1', costNote: '@SUM(A1)', contact: { name: '-2+3', phone: '\t=1' } };
    const csv = offeringsToCsv([{ id: 3, input, site: { ...site, name: '=cmd|\' /C calc\'!A0', street: '@Stadtplatz 3' } }]);
    expect(csv.toString('utf8')).toContain(`;"'=HYPERLINK(""http://evil"",""x"")";`);
    const [header, row] = cellsOf(csv);
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell('Titel')).toBe(`'${evil}`);
    expect([cell('Beschreibung'), cell('Kostenhinweis'), cell('Kontakt Name'), cell('Kontakt Telefon')]).toEqual([
      "'+1+1", "'@SUM(A1)", "'-2+3", "'\t=1",
    ]);
    expect([cell('Standort'), cell('Straße')]).toEqual(["'=cmd|' /C calc'!A0", "'@Stadtplatz 3"]);
    for (const value of row!) expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('export → import round trip', () => {
  const roundTrip = (rows: ExportRow[]) => parseOfferingsCsv(offeringsToCsv(rows)).rows;

  it('gives back the same offerings, sites and numbers', () => {
    const rows: ExportRow[] = [
      { id: 1, input: full, site, status: 'draft' },
      { id: 2, input: validInput, site: { name: null, street: 'Große Gasse 1', postcode: '01067', city: 'Dresden' } },
      { id: 3, input: { ...validInput, title: "'=schon geschützt", description: '-- Gedankenstrich' }, site },
    ];
    // The first offering has line breaks in two cells, so it takes lines 2 to 4.
    expect(roundTrip(rows)).toEqual(rows.map((r, i) => ({ line: [2, 5, 6][i], id: r.id, title: r.input.title, site: r.site, input: r.input, errors: [] })));
  });

  it('keeps any text intact (property)', () => {
    // Texts as the schema stores them: trimmed, no carriage returns or other control characters (zod counts
    // lengths in code points).
    // Half of them from the characters that CSV, spreadsheets and our formula guard treat specially.
    const tricky = fc.array(fc.constantFrom(...';,|"\'=+-@\n \tx äöüßÄ€→'), { maxLength: 30 }).map((a) => a.join(''));
    const anyText = fc.string({ unit: 'grapheme', maxLength: 40 });
    const storedText = (min: number) =>
      fc.oneof(tricky, anyText).filter((s) => s.trim() === s && [...s].length >= min && !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(s));
    fc.assert(
      fc.property(storedText(3), storedText(0), storedText(1), (title, description, note) => {
        const input = { ...validInput, title, description, costNote: note === '' ? null : note, schedule: { text: `${note}x` } };
        const [row] = roundTrip([{ id: 9, input, site }]);
        expect(row!.errors).toEqual([]);
        expect(row!.input).toEqual(input);
      }),
      { numRuns: 300 },
    );
  });
});

describe('offeringsTemplateCsv', () => {
  it('has the template columns and one example row that imports without errors', () => {
    const template = offeringsTemplateCsv();
    const [header, ...rows] = cellsOf(template);
    expect(header).toEqual(offeringColumns.map((c) => c.header));
    expect(rows).toHaveLength(1);
    const [parsed] = parseOfferingsCsv(template).rows;
    expect(parsed).toMatchObject({ line: 2, id: null, errors: [], site: { postcode: '94209', city: 'Regen' } });
    expect(parsed!.input?.categories).toContain('homework_help');
  });
});

describe('offering columns', () => {
  it('cover every field a provider fills in, except the site id', () => {
    const leaves = [
      ...Object.keys(zOfferingInputFields.shape).filter((k) => !['locationId', 'schedule', 'contact'].includes(k)),
      ...Object.keys(zSchedule.shape).map((k) => `schedule.${k}`),
      ...Object.keys(zContact.shape).map((k) => `contact.${k}`),
    ];
    const covered = offeringColumns.map((c) => c.path.join('.'));
    expect(covered.filter((p) => !p.startsWith('site.') && p !== 'id').sort()).toEqual(leaves.sort());
  });
});
