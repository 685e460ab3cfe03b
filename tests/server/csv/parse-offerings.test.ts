import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CsvFileError } from '../../../server/csv/csv-file-error';
import { parseOfferingsCsv, ROW_COLUMN } from '../../../server/csv/parse-offerings';
import { HEADERS, csvText, utf8, validInput, validRow } from './csv-files';

function fileError(run: () => unknown): CsvFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof CsvFileError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

const site = { name: null, street: 'Stadtplatz 3', postcode: '94209', city: 'Regen' };

describe('parseOfferingsCsv: encodings and delimiters', () => {
  it('reads a UTF-8 file with ";" and gives each row its line', () => {
    const text = csvText(HEADERS, [validRow(), validRow({ Nummer: '12', Titel: 'Lesepaten', Kategorien: 'Lesepatenschaft' })]);
    const result = parseOfferingsCsv(utf8(text));
    expect(result.encoding).toBe('utf-8');
    expect(result.delimiter).toBe(';');
    expect(result.rows).toEqual([
      { line: 2, id: null, title: 'Hausaufgabenhilfe Regen', site, input: validInput, errors: [] },
      {
        line: 3, id: 12, title: 'Lesepaten', site, errors: [],
        input: { ...validInput, title: 'Lesepaten', categories: ['reading_mentorship'] },
      },
    ]);
  });

  it('reads UTF-8 with a BOM and "," as delimiter, lists in quoted cells', () => {
    const text = csvText(HEADERS, [validRow({ Kategorien: 'Hausaufgabenhilfe, Nachhilfe und Lernförderung', Sprachen: 'de,tr' })], { delimiter: ',' });
    const result = parseOfferingsCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text)]));
    expect(result.delimiter).toBe(',');
    expect(result.rows[0]!.input).toEqual({ ...validInput, categories: ['homework_help', 'tutoring'], languages: ['de', 'tr'] });
  });

  it('reads tab-separated files', () => {
    const result = parseOfferingsCsv(utf8(csvText(HEADERS, [validRow()], { delimiter: '\t', eol: '\n' })));
    expect(result.delimiter).toBe('\t');
    expect(result.rows[0]!.input).toEqual(validInput);
  });

  it('reads Excel’s Windows-1252 export with umlauts and ß in headers and cells', () => {
    const row = validRow({ Titel: 'Lernförderung für Schüler', Straße: 'Große Gasse 1', Ort: 'Bärnau', Termine: 'Dienstag, außer Ferien' });
    const result = parseOfferingsCsv(iconv.encode(csvText(HEADERS, [row]), 'windows-1252'));
    expect(result.encoding).toBe('windows-1252');
    expect(result.rows[0]!.errors).toEqual([]);
    expect(result.rows[0]!.input?.title).toBe('Lernförderung für Schüler');
    expect(result.rows[0]!.input?.schedule.text).toBe('Dienstag, außer Ferien');
    expect(result.rows[0]!.site).toEqual({ name: null, street: 'Große Gasse 1', postcode: '94209', city: 'Bärnau' });
  });

  it('keeps line breaks inside quoted cells and counts lines as an editor shows them', () => {
    const text = [
      'Titel;Kategorien;Art des Angebots;Übergangsphasen;Alter von;Alter bis;Sprachen;Kosten;Termine;Straße;PLZ;Ort;Beschreibung',
      'Lesepaten;Lesepatenschaft;informell;Grundschule;6;9;Deutsch;Kostenlos;"Montag\r\nund Mittwoch";Stadtplatz 3;94209;Regen;"Erste Zeile\r\n""Zitat""; zweite Zeile"',
      '',
      ';;;;;;;;;;;;',
      'Hausaufgabenhilfe;Hausaufgabenhilfe;non_formal;primary_school;6;10;de;free;Mo;Stadtplatz 3;94209;Regen;',
      '',
    ].join('\r\n');
    const { rows } = parseOfferingsCsv(utf8(text));
    // Lines 2–4 are the first record, 5 is empty, 6 holds only delimiters: both are skipped.
    expect(rows.map((r) => r.line)).toEqual([2, 7]);
    expect(rows[0]!.input?.schedule.text).toBe('Montag\nund Mittwoch');
    expect(rows[0]!.input?.description).toBe('Erste Zeile\n"Zitat"; zweite Zeile');
    expect(rows[1]!.errors).toEqual([]);
  });

  it('honours Excel’s "sep=;" line and counts it as line 1', () => {
    const { rows, delimiter } = parseOfferingsCsv(utf8('sep=;\r\n' + csvText(HEADERS, [validRow()])));
    expect(delimiter).toBe(';');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.line).toBe(3);
  });
});

describe('parseOfferingsCsv: columns', () => {
  it('matches headers in any order, case and spelling, and fills left-out optional columns', () => {
    const headers = ['ORT', 'plz', 'Strasse', 'termine', 'KOSTEN', 'sprachen', 'alter bis', 'Alter ab', 'Phasen', 'art des angebots', 'kategorien', 'titel', 'Kontakt Email', 'Plaetze gesamt'];
    const row: Record<string, string> = {
      ORT: 'Regen', plz: '94209', Strasse: 'Stadtplatz 3', termine: 'Mo–Do 14–16 Uhr', KOSTEN: 'free', sprachen: 'German',
      'alter bis': '10', 'Alter ab': '6', Phasen: 'Grundschule', 'art des angebots': 'Non-formal', kategorien: 'homework help',
      titel: 'Hausaufgabenhilfe Regen', 'Kontakt Email': 'info@verein.example', 'Plaetze gesamt': '1.000',
    };
    const { rows } = parseOfferingsCsv(utf8(csvText(headers, [row])));
    expect(rows[0]!.errors).toEqual([]);
    expect(rows[0]!.input).toEqual({ ...validInput, capacity: 1000, contact: { email: 'info@verein.example' } });
  });

  it('refuses unknown and missing columns and names them', () => {
    const headers: string[] = [...HEADERS.filter((h) => h !== 'PLZ' && h !== 'Termine'), 'Farbe', ''];
    // The trailing empty header is what spreadsheets leave behind; it is not reported.
    const error = fileError(() => parseOfferingsCsv(utf8(csvText(headers, [validRow()]))));
    expect(error.code).toBe('bad_columns');
    expect(error.de).toBe('Unbekannte Spalten: „Farbe“. Es fehlen die Pflichtspalten „Termine“, „PLZ“. Bitte die Spaltenüberschriften der Vorlage verwenden.');
    expect(error.en).toBe('Unknown columns: "Farbe". Required columns are missing: "Termine", "PLZ". Please use the column headers of the template.');
    expect(error.details).toMatchObject({ unknown: ['Farbe'], duplicate: [], missing: ['Termine', 'PLZ'] });
  });

  it('refuses a column that appears twice', () => {
    const error = fileError(() => parseOfferingsCsv(utf8(csvText([...HEADERS, 'titel'], [validRow()]))));
    expect(error.details).toMatchObject({ unknown: [], duplicate: ['titel'], missing: [] });
  });

  it('ignores the Status column of its own export', () => {
    const { rows } = parseOfferingsCsv(utf8(csvText([...HEADERS, 'Status'], [{ ...validRow(), Status: 'Veröffentlicht' }])));
    expect(rows[0]!.input).toEqual(validInput);
  });
});

describe('parseOfferingsCsv: cells', () => {
  const parseOne = (overrides: Parameters<typeof validRow>[0]) => parseOfferingsCsv(utf8(csvText(HEADERS, [validRow(overrides)]))).rows[0]!;

  it('reads vocabulary by id, German or English label, case- and umlaut-tolerant, split by "," or "|"', () => {
    const row = parseOne({
      Kategorien: 'nachhilfe und lernfoerderung | HAUSAUFGABENHILFE',
      Übergangsphasen: 'Übergang Schule → Ausbildung, Studium, Beruf, Grundschule',
      Sprachen: 'de, Türkisch, english, Persisch (Farsi, Dari)',
      'Art des Angebots': 'informell',
      Kosten: 'Ermaessigt moeglich',
    });
    expect(row.errors).toEqual([]);
    expect(row.input).toMatchObject({
      categories: ['tutoring', 'homework_help'],
      phases: ['school_to_work', 'primary_school'],
      languages: ['de', 'tr', 'en', 'fa'],
      formality: 'informal',
      cost: 'reduced',
    });
  });

  it('names an unknown vocabulary word and a few allowed values', () => {
    const row = parseOne({ Kategorien: 'Hausaufgabenhilfe, Schach' });
    expect(row.input).toBeNull();
    expect(row.errors).toEqual([{
      column: 'Kategorien',
      message: '„Schach“ ist kein bekannter Wert. Erlaubt sind z. B.: Nachhilfe und Lernförderung, Hausaufgabenhilfe, Lesepatenschaft, Sprachpatenschaft, Deutsch als Zweitsprache, Kulturpatenschaft und 13 weitere.',
      messageEn: '"Schach" is not a known value. Allowed are e.g.: Tutoring, Homework help, Reading mentorship, Language mentorship, German as a second language, Culture mentorship and 13 more.',
    }]);
  });

  it('reads yes/no in every usual spelling, empty meaning no', () => {
    const values = { ja: true, JA: true, x: true, '1': true, yes: true, WAHR: true, nein: false, '0': false, no: false, FALSCH: false, '': false };
    for (const [cell, expected] of Object.entries(values)) expect(parseOne({ 'BuT-fähig': cell }).input?.butEligible).toBe(expected);
    expect(parseOne({ 'BuT-fähig': 'vielleicht' }).errors).toEqual([
      { column: 'BuT-fähig', message: 'Bitte „ja“ oder „nein“ eingeben.', messageEn: 'Please enter "yes" or "no".' },
    ]);
  });

  it('reads ages as whole numbers, also "10,0", and explains anything else', () => {
    expect(parseOne({ 'Alter von': '6,0', 'Alter bis': '10.0' }).input).toMatchObject({ minAge: 6, maxAge: 10 });
    expect(parseOne({ 'Alter von': 'sechs' }).errors).toEqual([
      { column: 'Alter von', message: 'Bitte eine ganze Zahl eingeben, z. B. 10.', messageEn: 'Please enter a whole number, e.g. 10.' },
    ]);
    expect(parseOne({ 'Alter bis': '' }).errors).toEqual([{ column: 'Alter bis', message: 'Bitte ausfüllen.', messageEn: 'Please fill this in.' }]);
  });

  it('reports minAge above maxAge on "Alter bis"', () => {
    const row = parseOne({ 'Alter von': '12', 'Alter bis': '10' });
    expect(row.input).toBeNull();
    expect(row.errors).toEqual([{
      column: 'Alter bis',
      message: 'Das Höchstalter darf nicht unter dem Mindestalter liegen.',
      messageEn: 'The maximum age must not be below the minimum age.',
    }]);
  });

  it('reads dates as YYYY-MM-DD and DD.MM.YYYY and refuses dates that do not exist', () => {
    expect(parseOne({ Beginn: '16.09.2025' }).input?.schedule.startDate).toBe('2025-09-16');
    expect(parseOne({ Beginn: '2025-09-16' }).input?.schedule.startDate).toBe('2025-09-16');
    expect(parseOne({ Beginn: '31.02.2025' }).errors).toEqual([{
      column: 'Beginn',
      message: 'Bitte ein Datum wie 15.09.2025 oder 2025-09-15 eingeben.',
      messageEn: 'Please enter a date like 15.09.2025 or 2025-09-15.',
    }]);
  });

  it('reports a postcode of the wrong shape on "PLZ" and restores the zero Excel drops', () => {
    expect(parseOne({ PLZ: '9420x' }).errors).toEqual([
      { column: 'PLZ', message: 'Eine Postleitzahl hat fünf Ziffern, z. B. 94209.', messageEn: 'A postcode has five digits, e.g. 94209.' },
    ]);
    expect(parseOne({ PLZ: '1067', Ort: 'Dresden' }).site).toEqual({ name: null, street: 'Stadtplatz 3', postcode: '01067', city: 'Dresden' });
  });

  it('reports every problem of a row on its column, in template order', () => {
    const row = parseOne({ Nummer: 'neu', Titel: '', Kategorien: 'Schach', 'Kontakt E-Mail': 'keine-adresse', Straße: '' });
    expect(row.errors.map((e) => [e.column, e.message])).toEqual([
      ['Nummer', 'Die Nummer stammt aus einem Export; für neue Einträge bleibt sie leer.'],
      ['Titel', 'Bitte ausfüllen.'],
      ['Kategorien', expect.stringContaining('„Schach“ ist kein bekannter Wert.')],
      ['Straße', 'Bitte ausfüllen.'],
      ['Kontakt E-Mail', 'Bitte eine gültige E-Mail-Adresse eingeben, z. B. name@beispiel.de.'],
    ]);
    expect(row).toMatchObject({ id: null, title: null, input: null });
  });

  it('reports a row with the wrong number of cells and still reads the rows around it', () => {
    const good = csvText(HEADERS, [validRow()]).split('\r\n')[1]!;
    const text = [HEADERS.join(';'), good, 'Nur;drei;Zellen', good + ';;', good + ';zu viel'].join('\r\n');
    const { rows } = parseOfferingsCsv(utf8(text));
    expect(rows.map((r) => [r.line, r.errors.map((e) => e.column)])).toEqual([
      [2, []], [3, [ROW_COLUMN]], [4, []], [5, [ROW_COLUMN]],
    ]);
    expect(rows[1]!.errors[0]!.message).toBe('Die Zeile hat 3 Zellen, die Kopfzeile 17. Vermutlich fehlt ein Trennzeichen oder eines ist zu viel.');
  });

  it('refuses a file whose quotation mark is never closed, naming the line', () => {
    const good = csvText(HEADERS, [validRow()]).split('\r\n')[1]!;
    const error = fileError(() => parseOfferingsCsv(utf8([HEADERS.join(';'), good, good, ';"Offenes Zitat;x', good].join('\r\n'))));
    expect(error.code).toBe('malformed');
    expect(error.details).toEqual({ line: 4 });
    expect(error.de).toContain('ab Zeile 4 nicht lesbar: ein Anführungszeichen (") wird nicht geschlossen');
  });
});

describe('parseOfferingsCsv: limits', () => {
  it('refuses more rows than allowed and says the limit', () => {
    const text = csvText(HEADERS, [validRow(), validRow(), validRow()]);
    const error = fileError(() => parseOfferingsCsv(utf8(text), { maxBytes: 1_000_000, maxRows: 2 }));
    expect(error.code).toBe('too_many_rows');
    expect(error.message).toBe(
      'Die Datei hat 3 Einträge; höchstens 2 sind auf einmal möglich. Bitte die Liste aufteilen. / ' +
        'The file has 3 entries; at most 2 can be imported at once. Please split the list.',
    );
  });

  it('allows 5,000 rows by default, not one more', () => {
    const line = csvText(HEADERS, [validRow()]).split('\r\n')[1]!;
    const file = (n: number) => utf8([HEADERS.join(';'), ...Array.from({ length: n }, () => line)].join('\r\n'));
    expect(parseOfferingsCsv(file(5_000)).rows).toHaveLength(5_000);
    const error = fileError(() => parseOfferingsCsv(file(5_001)));
    expect(error.de).toBe('Die Datei hat 5.001 Einträge; höchstens 5.000 sind auf einmal möglich. Bitte die Liste aufteilen.');
    expect(error.details).toEqual({ maxRows: 5_000 });
  });

  it('refuses files larger than allowed before reading them', () => {
    const error = fileError(() => parseOfferingsCsv(Buffer.alloc(2048, 0x41), { maxBytes: 1024, maxRows: 10 }));
    expect(error.code).toBe('too_large');
    expect(error.de).toBe('Die Datei ist 2 KB groß; erlaubt sind höchstens 1 KB. Bitte die Liste auf mehrere Dateien aufteilen.');
    const big = fileError(() => parseOfferingsCsv(Buffer.alloc(5 * 1024 * 1024 + 1, 0x41)));
    expect(big.en).toBe('The file is 5 MB; at most 5 MB are allowed. Please split the list into several files.');
  });

  it('passes on encoding errors as file errors', () => {
    expect(fileError(() => parseOfferingsCsv(iconv.encode('Titel;PLZ\r\n', 'utf16le'))).code).toBe('utf16');
    expect(fileError(() => parseOfferingsCsv(Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1'))).code).toBe('binary');
  });
});
