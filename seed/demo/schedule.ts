import type { Schedule } from '../../schema';
import type { Audience } from './audiences';
import { germanDate, isoDateOf, mondayFrom, rruleDate, weekdayOf } from './dates';
import { holidayAround, type HolidaySeason } from './holidays';
import type { ScheduleKind } from './profiles';
import { weighted, type Rng } from './random';

// When offerings take place: a text people read and, where the pattern is regular, an RFC 5545 RRULE.

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const ADVERBS = ['montags', 'dienstags', 'mittwochs', 'donnerstags', 'freitags', 'samstags', 'sonntags'] as const;
const WEEKDAY_NAMES = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'] as const;
const DAY_PAIRS: readonly (readonly [number, number])[] = [[0, 2], [1, 3], [0, 3], [2, 4], [1, 4]];
const ORDINALS: readonly (readonly [string, string])[] = [['ersten', '1'], ['zweiten', '2'], ['dritten', '3'], ['letzten', '-1']];
const SEASONS = weighted<HolidaySeason>({ Sommerferien: 5, Herbstferien: 3, Osterferien: 2 });

export interface ScheduleChoice {
  schedule: Schedule;
  season: HolidaySeason;
}

function clock(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A start and end (minutes after midnight) that suits the audience: mornings for toddlers, evenings for adults. */
function timeSlot(aud: Audience, rng: Rng): [number, number] {
  const duration = rng.pick([60, 90, 90, 120]);
  let start: number;
  if (aud.max <= 7) start = rng.chance(0.6) ? rng.pick([540, 570, 600]) : rng.pick([900, 930]);
  else if (aud.min >= 60) start = rng.pick([600, 630, 840, 870]);
  else if (aud.min >= 16) start = rng.chance(0.35) ? rng.pick([540, 570, 600]) : rng.pick([1080, 1110, 1140]);
  else if (aud.min >= 12) start = rng.pick([900, 930, 960, 990, 1020, 1080]);
  else start = rng.pick([810, 840, 870, 900, 930, 960, 990]);
  return [start, start + duration];
}

function times(slot: readonly [number, number]): string {
  return `${clock(slot[0])}–${clock(slot[1])} Uhr`;
}

/** Pupils' offerings usually pause in the school holidays. */
function schoolSuffix(aud: Audience, rng: Rng): string {
  return aud.min >= 5 && aud.max <= 19 && rng.chance(0.5) ? ' (außer in den Schulferien)' : '';
}

/** A day in the coming months, or in the past months for archived offerings. */
function dayAround(today: number, past: boolean, rng: Rng, maxDays: number): number {
  return past ? today - rng.int(20, maxDays) : today + rng.int(7, maxDays);
}

/** Courses do not start between Christmas and Epiphany. */
function inChristmasBreak(day: number): boolean {
  const monthDay = isoDateOf(day).slice(5);
  return monthDay >= '12-21' || monthDay <= '01-06';
}

export function makeSchedule(
  kind: ScheduleKind, aud: Audience, stateKey: string, today: number, past: boolean, rng: Rng,
): ScheduleChoice {
  const season: HolidaySeason = 'Sommerferien';
  switch (kind) {
    case 'twice_weekly': {
      const [a, b] = rng.pick(DAY_PAIRS);
      const slot = timeSlot(aud, rng);
      return { season, schedule: { text: `${ADVERBS[a]} und ${ADVERBS[b]} ${times(slot)}${schoolSuffix(aud, rng)}`, rrule: `FREQ=WEEKLY;BYDAY=${DAYS[a]},${DAYS[b]}` } };
    }
    case 'weekly': {
      const day = aud.max <= 19 || rng.chance(0.9) ? rng.int(0, 4) : 5;
      const slot = timeSlot(aud, rng);
      return { season, schedule: { text: `${ADVERBS[day]} ${times(slot)}${schoolSuffix(aud, rng)}`, rrule: `FREQ=WEEKLY;BYDAY=${DAYS[day]}` } };
    }
    case 'weekdays': {
      const last = rng.chance(0.6) ? 4 : 3;
      const first = rng.chance(0.8) ? 0 : 1;
      // Daily courses for adults run in the morning, youth clubs open in the afternoon until the evening.
      const slot: [number, number] = aud.min >= 16
        ? [rng.pick([510, 540]), rng.pick([720, 750])]
        : aud.min >= 12 ? [rng.pick([840, 900]), rng.pick([1140, 1200])] : [rng.pick([780, 810, 840]), rng.pick([930, 960, 990])];
      const days = DAYS.slice(first, last + 1).join(',');
      return { season, schedule: { text: `${ADVERBS[first]} bis ${ADVERBS[last]} ${times(slot)}${schoolSuffix(aud, rng)}`, rrule: `FREQ=WEEKLY;BYDAY=${days}` } };
    }
    case 'fortnightly': {
      const day = rng.int(0, 5);
      return { season, schedule: { text: `jeden zweiten ${WEEKDAY_NAMES[day]}, ${times(timeSlot(aud, rng))}`, rrule: `FREQ=WEEKLY;INTERVAL=2;BYDAY=${DAYS[day]}` } };
    }
    case 'monthly': {
      const day = rng.int(0, 5);
      const [word, n] = rng.pick(ORDINALS);
      const slot: [number, number] = day === 5 ? [600, rng.pick([720, 780, 900])] : timeSlot(aud, rng);
      return { season, schedule: { text: `jeden ${word} ${WEEKDAY_NAMES[day]} im Monat, ${times(slot)}`, rrule: `FREQ=MONTHLY;BYDAY=${n}${DAYS[day]}` } };
    }
    case 'course': {
      const count = rng.int(4, 12);
      const day = rng.int(0, 4);
      let start = mondayFrom(dayAround(today, past, rng, past ? 300 : 150)) + day;
      while (inChristmasBreak(start)) start += 7;
      const end = start + 7 * (count - 1);
      return {
        season,
        schedule: {
          text: `${count} Termine ab ${germanDate(start)}, jeweils ${ADVERBS[day]} ${times(timeSlot(aud, rng))}`,
          rrule: `FREQ=WEEKLY;BYDAY=${DAYS[day]};COUNT=${count}`,
          startDate: isoDateOf(start),
          endDate: isoDateOf(end),
        },
      };
    }
    case 'by_arrangement': {
      const roll = rng.float();
      if (roll < 0.4) return { season, schedule: { text: 'nach Absprache, in der Regel einmal pro Woche', rrule: 'FREQ=WEEKLY' } };
      if (roll < 0.6) return { season, schedule: { text: 'nach Absprache, etwa alle zwei Wochen', rrule: 'FREQ=WEEKLY;INTERVAL=2' } };
      return { season, schedule: { text: rng.pick(['Termine nach Vereinbarung', 'Zeit und Ort vereinbaren die Tandems selbst', 'flexibel nach Absprache']) } };
    }
    case 'holiday':
      return holidaySchedule(stateKey, today, past, rng);
    case 'one_day': {
      let day = dayAround(today, past, rng, past ? 300 : 120);
      if (rng.chance(0.5)) day += (5 - weekdayOf(day) + 7) % 7; // many one-day events are on Saturdays
      if (weekdayOf(day) === 6) day -= 1; // and none on Sundays
      const slot: [number, number] = weekdayOf(day) >= 5 ? [rng.pick([600, 660]), rng.pick([900, 960])] : timeSlot(aud, rng);
      return {
        season,
        schedule: { text: `${WEEKDAY_NAMES[weekdayOf(day)]}, ${germanDate(day)}, ${times(slot)}`, startDate: isoDateOf(day), endDate: isoDateOf(day) },
      };
    }
    case 'office_hours': {
      const day = rng.int(0, 4);
      const slot: [number, number] = [rng.pick([540, 600, 840]), 0];
      slot[1] = slot[0] + rng.pick([120, 180]);
      return { season, schedule: { text: `Sprechstunde ${ADVERBS[day]} ${times(slot)} und nach Vereinbarung`, rrule: `FREQ=WEEKLY;BYDAY=${DAYS[day]}` } };
    }
  }
}

/** One or two weeks (sometimes three) of the next school holidays in the offering's state. */
function holidaySchedule(stateKey: string, today: number, past: boolean, rng: Rng): ScheduleChoice {
  const season = SEASONS.pick(rng);
  const window = holidayAround(stateKey, season, today, past);
  const firstMonday = mondayFrom(window.start);
  const weeksInWindow = Math.max(1, Math.floor((window.end - firstMonday + 3) / 7));
  const weeks = Math.min(weeksInWindow, rng.chance(0.7) ? 1 : rng.chance(0.7) ? 2 : 3);
  let start = firstMonday + 7 * rng.int(0, weeksInWindow - weeks);
  let end = Math.min(window.end, start + 7 * (weeks - 1) + 4);
  if (end < start) [start, end] = [window.start, window.end]; // short holidays that start mid-week
  const slot: [number, number] = [rng.pick([480, 510, 540]), rng.pick([900, 930, 960])];
  return {
    season,
    schedule: {
      text: `${germanDate(start)} bis ${germanDate(end)}, montags bis freitags ${times(slot)}`,
      rrule: `FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=${rruleDate(end)}`,
      startDate: isoDateOf(start),
      endDate: isoDateOf(end),
    },
  };
}
