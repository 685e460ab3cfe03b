import { dayFromParts, easterSunday, yearOf } from './dates';

// School holidays, approximately: each state (first two digits of the region key) has its own summer and
// autumn holidays. Real dates rotate from year to year and are set by the state ministries; for demo data it
// is enough that the dates look right and differ between states, so the summer start rotates by a week.

export type HolidaySeason = 'Osterferien' | 'Sommerferien' | 'Herbstferien';

export interface HolidayWindow {
  season: HolidaySeason;
  /** First and last day (day numbers), both included. */
  start: number;
  end: number;
}

/** Usual summer start per state as [month, day]; Bavaria and Baden-Württemberg always start last. */
const SUMMER_START: Record<string, readonly [number, number]> = {
  '01': [7, 6], '02': [7, 9], '03': [7, 2], '04': [7, 2], '05': [7, 13], '06': [7, 6], '07': [7, 6],
  '08': [7, 29], '09': [8, 2], '10': [7, 6], '11': [7, 9], '12': [7, 9], '13': [7, 13], '14': [7, 4],
  '15': [7, 4], '16': [7, 4],
};

/** Usual autumn start per state as [month, day, length in days]. */
const AUTUMN: Record<string, readonly [number, number, number]> = {
  '01': [10, 19, 12], '02': [10, 19, 12], '03': [10, 12, 13], '04': [10, 12, 13], '05': [10, 12, 13],
  '06': [10, 5, 12], '07': [10, 12, 12], '08': [10, 26, 6], '09': [11, 2, 5], '10': [10, 12, 12],
  '11': [10, 19, 12], '12': [10, 19, 12], '13': [10, 5, 6], '14': [10, 5, 12], '15': [10, 12, 6],
  '16': [10, 5, 12],
};

export function holidayWindow(stateKey: string, season: HolidaySeason, year: number): HolidayWindow {
  const state = Number(stateKey) || 5;
  if (season === 'Osterferien') {
    const easter = easterSunday(year);
    return { season, start: easter - 6, end: easter + 7 };
  }
  if (season === 'Herbstferien') {
    const [month, day, length] = AUTUMN[stateKey] ?? [10, 12, 12];
    const start = dayFromParts(year, month, day);
    return { season, start, end: start + length - 1 };
  }
  const [month, day] = SUMMER_START[stateKey] ?? [7, 6];
  const fixed = stateKey === '08' || stateKey === '09';
  const shift = fixed ? 0 : (((year + state) % 3) - 1) * 7;
  const start = dayFromParts(year, month, day) + shift;
  return { season, start, end: start + (fixed ? 45 : 41) };
}

/** The next holidays of a season that start after `today`, or the last ones before it with `past`. */
export function holidayAround(stateKey: string, season: HolidaySeason, today: number, past = false): HolidayWindow {
  const year = yearOf(today);
  if (past) {
    const thisYear = holidayWindow(stateKey, season, year);
    return thisYear.end < today ? thisYear : holidayWindow(stateKey, season, year - 1);
  }
  const thisYear = holidayWindow(stateKey, season, year);
  return thisYear.start > today ? thisYear : holidayWindow(stateKey, season, year + 1);
}
