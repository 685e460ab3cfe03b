import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CsvFileError } from '../../../server/csv/csv-file-error';
import { decodeCsv } from '../../../server/csv/decode';

const sample = 'Titel;Straße\r\nLernförderung für Schüler;Große Gasse 1\r\n';

function refusal(bytes: Buffer): CsvFileError {
  try {
    decodeCsv(bytes);
  } catch (error) {
    if (error instanceof CsvFileError) return error;
    throw error;
  }
  throw new Error('decodeCsv accepted the file');
}

describe('decodeCsv', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeCsv(Buffer.from(sample, 'utf8'))).toEqual({ text: sample, encoding: 'utf-8' });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample, 'utf8')]);
    expect(decodeCsv(bytes)).toEqual({ text: sample, encoding: 'utf-8' });
  });

  it('reads Excel’s Windows-1252 export with ä, ö, ü and ß', () => {
    const bytes = iconv.encode(sample, 'windows-1252');
    expect(bytes.includes(0xdf)).toBe(true); // ß as one byte: really not UTF-8
    expect(decodeCsv(bytes)).toEqual({ text: sample, encoding: 'windows-1252' });
  });

  it('reads Windows-1252 characters outside Latin-1 (€, en dash)', () => {
    const text = 'Titel\r\nKurs – 5 €\r\n';
    expect(decodeCsv(iconv.encode(text, 'windows-1252'))).toEqual({ text, encoding: 'windows-1252' });
  });

  it('refuses UTF-16 with a byte order mark, in German and English', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(sample, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(sample, 'utf16be')]);
    for (const bytes of [le, be]) {
      const error = refusal(bytes);
      expect(error.code).toBe('utf16');
      expect(error.de).toContain('UTF-16');
      expect(error.de).toContain('CSV UTF-8 (durch Trennzeichen getrennt)');
      expect(error.en).toContain('CSV UTF-8 (Comma delimited)');
      expect(error.message).toBe(`${error.de} / ${error.en}`);
    }
  });

  it('refuses UTF-16 without a byte order mark by its NUL bytes', () => {
    expect(refusal(iconv.encode(sample, 'utf16le')).code).toBe('utf16');
  });

  it('refuses an .xlsx workbook and says what it is', () => {
    // The start of a real .xlsx: a zip local file header, full of NUL bytes like UTF-16 text.
    const xlsx = Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00', 'latin1'), Buffer.alloc(64), Buffer.from('[Content_Types].xml')]);
    const error = refusal(xlsx);
    expect(error.code).toBe('binary');
    expect(error.de).toContain('Excel- oder OpenOffice-Arbeitsmappe (.xlsx/.ods)');
    expect(error.en).toContain('workbook (.xlsx/.ods)');
  });

  it('refuses an old .xls workbook and other binary files', () => {
    expect(refusal(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])).de).toContain('(.xls)');
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x41, 0x42, 0x43, 0x44]);
    expect(refusal(binary).code).toBe('binary');
  });

  it('refuses an empty file and one with only a BOM and blank lines', () => {
    expect(refusal(Buffer.alloc(0)).code).toBe('empty');
    const blank = refusal(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('\r\n \r\n')]));
    expect(blank.code).toBe('empty');
    expect(blank.message).toBe('Die Datei ist leer. / The file is empty.');
  });
});
