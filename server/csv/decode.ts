import iconv from 'iconv-lite';
import { CsvFileError } from './csv-file-error';

// Providers export from Excel, LibreOffice or Numbers. Excel's plain "CSV (Trennzeichen-getrennt)" writes
// Windows-1252, "CSV UTF-8" writes UTF-8 with a BOM, the others write UTF-8. A Windows-1252 file with
// umlauts is almost never valid UTF-8, so "decodes as UTF-8 without error" is a reliable test.

export type CsvEncoding = 'utf-8' | 'windows-1252';

const SAVE_AS_DE = 'Bitte in Excel „Datei → Speichern unter → CSV UTF-8 (durch Trennzeichen getrennt)“ wählen und die neue Datei hochladen.';
const SAVE_AS_EN = 'In Excel choose "File → Save as → CSV UTF-8 (Comma delimited)" and upload the new file.';

/** Signatures of files people pick by mistake instead of the CSV export. */
const containers: { magic: number[]; de: string; en: string }[] = [
  { magic: [0x50, 0x4b, 0x03, 0x04], de: 'eine Excel- oder OpenOffice-Arbeitsmappe (.xlsx/.ods)', en: 'an Excel or OpenOffice workbook (.xlsx/.ods)' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], de: 'eine ältere Excel-Arbeitsmappe (.xls)', en: 'an older Excel workbook (.xls)' },
  { magic: [0x25, 0x50, 0x44, 0x46], de: 'ein PDF-Dokument', en: 'a PDF document' },
];

const startsWith = (bytes: Buffer, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * Turns an uploaded file into text. Throws a `CsvFileError` the person can act on for empty files,
 * UTF-16 text (Excel's "Unicode-Text") and spreadsheets or other binary files.
 */
export function decodeCsv(bytes: Buffer): { text: string; encoding: CsvEncoding } {
  refuseUnreadable(bytes);
  let text: string;
  let encoding: CsvEncoding;
  try {
    // The decoder drops a leading UTF-8 BOM by itself.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    encoding = 'utf-8';
  } catch {
    text = iconv.decode(bytes, 'windows-1252');
    encoding = 'windows-1252';
  }
  if (text.trim() === '') {
    throw new CsvFileError('empty', 'Die Datei ist leer.', 'The file is empty.');
  }
  return { text, encoding };
}

function refuseUnreadable(bytes: Buffer): void {
  if (bytes.length === 0) throw new CsvFileError('empty', 'Die Datei ist leer.', 'The file is empty.');
  // Before the UTF-16 test: a zip or OLE header is full of NUL bytes too.
  const container = containers.find((c) => startsWith(bytes, c.magic));
  if (container) {
    throw new CsvFileError(
      'binary',
      `Das ist ${container.de}, keine CSV-Datei. ${SAVE_AS_DE}`,
      `This is ${container.en}, not a CSV file. ${SAVE_AS_EN}`,
    );
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) || looksLikeUtf16(bytes)) {
    throw new CsvFileError(
      'utf16',
      `Die Datei ist als UTF-16 („Unicode-Text“) gespeichert und kann so nicht gelesen werden. ${SAVE_AS_DE}`,
      `The file is saved as UTF-16 ("Unicode Text") and cannot be read. ${SAVE_AS_EN}`,
    );
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new CsvFileError(
      'binary',
      `Die Datei enthält keinen lesbaren Text (Binärdatei). ${SAVE_AS_DE}`,
      `The file contains no readable text (binary file). ${SAVE_AS_EN}`,
    );
  }
}

/**
 * UTF-16 without a BOM: text in Latin script then has a NUL in every other byte. A real CSV has none at
 * all, so a quarter of the sample being NUL cannot be an accident.
 */
function looksLikeUtf16(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 4096);
  let nul = 0;
  for (const b of sample) if (b === 0) nul++;
  return sample.length >= 4 && nul * 4 >= sample.length;
}
