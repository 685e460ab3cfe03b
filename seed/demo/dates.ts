// Calendar arithmetic on whole days since 1970-01-01 (UTC). The generator counts from the `today` option
// only, never from the clock, so its output does not change from one day to the next.

const DAY_MS = 86_400_000;

const MONTHS = [
  'Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November',
  'Dezember',
] as const;

/** Day number of a YYYY-MM-DD date; throws on anything else, including impossible dates. */
export function dayOf(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`expected a date as YYYY-MM-DD, got "${isoDate}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  if (isoDateOf(ms / DAY_MS) !== isoDate) throw new Error(`"${isoDate}" is not a calendar date`);
  return ms / DAY_MS;
}

export function dayFromParts(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

// Formatting dates through Date objects costs more than the rest of an offering; a few thousand distinct
// days occur, so their texts are cached.
const isoDates = new Map<number, string>();

/** YYYY-MM-DD of a day number. */
export function isoDateOf(day: number): string {
  let text = isoDates.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoDates.set(day, text);
  }
  return text;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** An ISO timestamp (as SQLite's strftime('%Y-%m-%dT%H:%M:%fZ') writes it) at `ms` milliseconds into `day`. */
export function isoTimestampOf(day: number, ms: number): string {
  const wholeDay = day + Math.floor(ms / DAY_MS);
  const rest = ms - (wholeDay - day) * DAY_MS;
  const h = Math.floor(rest / 3_600_000);
  const m = Math.floor((rest % 3_600_000) / 60_000);
  const s = Math.floor((rest % 60_000) / 1000);
  // join() gives one flat string; a template literal would keep a tree of pieces alive for every row.
  return [isoDateOf(wholeDay), 'T', pad(h, 2), ':', pad(m, 2), ':', pad(s, 2), '.', pad(rest % 1000, 3), 'Z'].join('');
}

export function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** The Monday on or after `day`. */
export function mondayFrom(day: number): number {
  return day + ((7 - weekdayOf(day)) % 7);
}

/** "14. März 2027" */
export function germanDate(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${d.getUTCDate()}. ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "20270806" — the DATE form RFC 5545 uses in UNTIL. */
export function rruleDate(day: number): string {
  return isoDateOf(day).replaceAll('-', '');
}

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm). */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayFromParts(year, month, day);
}
