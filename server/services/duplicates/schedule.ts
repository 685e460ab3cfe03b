import { words } from './normalise';

// The weekdays a schedule names, so that one course held on Tuesdays and one on Thursdays are two offerings
// (two groups of a course), not one entered twice. Read from the words of the text ("dienstags", "Mo",
// "montags bis freitags") and from an RFC 5545 rule's BYDAY; a schedule that names none says nothing.
// Titles name days too ("Krabbelgruppe Montag" / "Krabbelgruppe Mittwoch"), but only written out: "So" at
// the start of a title is an ordinary word.

const DAYS: readonly (readonly string[])[] = [
  ['montag', 'montags', 'mo'],
  ['dienstag', 'dienstags', 'di'],
  ['mittwoch', 'mittwochs', 'mi'],
  ['donnerstag', 'donnerstags', 'do'],
  ['freitag', 'freitags', 'fr'],
  ['samstag', 'samstags', 'sonnabend', 'sonnabends', 'sa'],
  ['sonntag', 'sonntags', 'so'],
];
const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const dayOf = new Map<string, number>(DAYS.flatMap((names, d) => names.map((n) => [words(n)[0]!, d] as [string, number])));
/** Two-letter abbreviations are days only written as such ("Mo", "Di."); "so" and "da" are ordinary words too. */
const ABBREVIATION = /^(Mo|Di|Mi|Do|Fr|Sa|So)\.?$/;

/** The weekdays a schedule names, as bits (Monday = 1); 0 when it names none. */
export function weekdays(text: string, rrule?: string): number {
  let mask = daysNamed(text, true);
  const byday = /BYDAY=([A-Z0-9,+-]+)/.exec(rrule ?? '')?.[1];
  if (byday) for (const d of byday.split(',')) if (BYDAY.indexOf(d.slice(-2)) >= 0) mask |= 1 << BYDAY.indexOf(d.slice(-2));
  return mask;
}

/** The weekdays a title names, written out ("Montag", "dienstags"), as bits; 0 when it names none. */
export function titleWeekdays(title: string): number {
  return daysNamed(title, false);
}

function daysNamed(text: string, abbreviations: boolean): number {
  let mask = 0;
  const raw = abbreviations ? text.split(/[\s,;/–-]+/) : [];
  const folded = words(text);
  let from = -1;
  for (let k = 0; k < folded.length; k++) {
    const w = folded[k]!;
    const day = dayOf.get(w);
    const isDay = day !== undefined && (w.length > 2 || raw.some((r) => ABBREVIATION.test(r) && words(r)[0] === w));
    if (isDay) {
      // "montags bis freitags": every day between.
      if (from >= 0) for (let d = from; d !== day; d = (d + 1) % 7) mask |= 1 << d;
      mask |= 1 << day;
      from = -1;
      if (folded[k + 1] === 'bis') from = day;
    }
  }
  return mask;
}
