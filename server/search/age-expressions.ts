import type { ChipSpan } from './chip-span';

// Ages and school grades, read for the age chip (query-chips.ts). Patterns in German and English; ranges
// ("6-10 Jahre") and other numbers ("ab 9 Uhr", "10 Euro") give none.

const NUMBER_WORDS: Record<string, number> = {
  ein: 1, eins: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, fuenf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10,
  elf: 11, zwölf: 12, zwoelf: 12, dreizehn: 13, vierzehn: 14, fünfzehn: 15, sechzehn: 16, siebzehn: 17,
  achtzehn: 18, neunzehn: 19, zwanzig: 20,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20,
};
const WORD_NUMBER = Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|');

/** Not a longer number ("2015", "1.5") and not the lower end of a range ("Klasse 5-7", "6 bis 10"). */
const NUM_END = String.raw`(?!\p{N}|[.,]\p{N}|\s?[-–]\s?\p{N}|\s+(?:bis|to)\s+\p{N})`;
/** A number of one or two digits that starts an expression (not part of "1.5", "2015" or "A9"). */
const NUM = String.raw`(?<![\p{L}\p{N}]|\p{N}[.,])(\d{1,2})${NUM_END}`;
/** A number right after a keyword ("Klasse 5", "Kl.5"). */
const NUM_AFTER = String.raw`(\d{1,2})${NUM_END}`;
/** A number in digits or words ("9", "neun"), starting an expression. */
const ANY_NUM = String.raw`(?<![\p{L}\p{N}]|\p{N}[.,])(\d{1,2}|${WORD_NUMBER})${NUM_END}`;
/** Not the upper end of a range ("6-10 Jahre", "6 bis 10 Jahre", "6- bis 10-Jährige"): ranges give no single age. */
const NOT_RANGE_END = String.raw`(?<!\p{N}\s?(?:[-–]|bis|to)\s?|\p{N}[-–]\s?(?:bis|und|oder)\s)`;
const END = String.raw`(?![\p{L}\p{N}])`;

interface AgePattern {
  re: RegExp;
  grade: boolean;
}

const agePatterns: AgePattern[] = [
  // 9-Jährige, 9jährige, 9-jährigen, 9 jährig, neunjährige
  { re: String.raw`${NOT_RANGE_END}${ANY_NUM}\s?-?\s?j(?:ä|ae|a)hrig(?:e|en|er|es|em)?${END}`, grade: false },
  // 9 Jahre, 9 Jahren, 9 J., 9J, 9 Jahre alt
  { re: String.raw`${NOT_RANGE_END}${NUM}\s?(?:jahren|jahre|jahr|jhr\.?|jr\.?|j\.?)(?:${END}|(?<=\.))(?:\s+alt(?:e|en|er|es)?${END})?`, grade: false },
  // neun Jahre alt
  { re: String.raw`${NOT_RANGE_END}${ANY_NUM}\s+jahre\s+alt(?:e|en|er|es)?${END}`, grade: false },
  // Alter 9, im Alter von 9 Jahren, Alter: 9
  { re: String.raw`(?<![\p{L}])(?:im\s+alter\s+von|alter)\s*:?\s*${NUM_AFTER}(?:\s?(?:jahren|jahre|j\.?)${END})?`, grade: false },
  // ab 9, ab 9 Jahren (not "ab 9 Uhr", "ab 9 €")
  {
    re: String.raw`(?<![\p{L}])ab\s+${NUM_AFTER}(?:\s?(?:jahren|jahre|j\.?)(?:${END}|(?<=\.)))?(?!\s?(?:uhr|h|€|euro|eur|%|min|minuten|personen|pers|teilnehmer\p{L}*|tn|kinder\p{L}*)${END})(?!\s?[€%:])`,
    grade: false,
  },
  // age 9, aged 9, ages 9
  { re: String.raw`(?<![\p{L}])(?:aged?|ages)\s*:?\s*${NUM_AFTER}${END}`, grade: false },
  // 9-year-old, 9 year olds, 9 years old, nine-year-old
  { re: String.raw`${NOT_RANGE_END}${ANY_NUM}\s?-?\s?(?:years?|yrs?)\s?-?\s?olds?${END}`, grade: false },
  // 9 years, 9 yrs, 9yo
  { re: String.raw`${NOT_RANGE_END}${NUM}\s?(?:years|year|yrs|yr|yo|y\.o\.)(?:${END}|(?<=\.))`, grade: false },
  // Klasse 5, Kl. 5, Jahrgangsstufe 5, Jgst. 5
  { re: String.raw`(?<![\p{L}])(?:klassenstufe|klasse|kl\.?|jahrgangsstufe|jgst\.?)\s?${NUM_AFTER}${END}`, grade: true },
  // 5. Klasse, 5.Klasse, 5te Klasse, 5. Kl., 5.-Klässler
  {
    re: String.raw`${NUM}(?:\.|te|ten)?\s?-?\s?(?:klasse|kl\.|klässler(?:in|innen)?|klaessler(?:in|innen)?|jahrgangsstufe|jgst\.?)(?:${END}|(?<=\.))`,
    grade: true,
  },
  // grade 5, year 5
  { re: String.raw`(?<![\p{L}])(?:grade|year)\s?${NUM_AFTER}${END}`, grade: true },
  // 5th grade, 5th graders, 5th year
  { re: String.raw`${NUM}(?:st|nd|rd|th)\s?-?\s?(?:grade|graders?|year)${END}`, grade: true },
].map((p) => ({ re: new RegExp(p.re, 'giu'), grade: p.grade }));

/** Words before an age that belong to it ("für meine 9-jährige Tochter", "ab 9"). */
const AGE_BEFORE =
  /(?:^|(?<=\s))(?:(?:für|fuer|for|ab|from)\s+)?(?:(?:mein|meine|meinen|meinem|meiner|unser|unsere|unseren|unserem|unserer|my|our)\s+)?$/iu;
/** Words after an age that say only whose age it is ("9-jährige Tochter"). */
const AGE_AFTER =
  /^\s+(?:tochter|sohn|enkel|enkelin|enkelkind|daughter|son|grandson|granddaughter|grandchild)(?![\p{L}\p{N}])/iu;

function numberValue(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : NUMBER_WORDS[text.toLowerCase()] ?? -1;
}

/** Ages and school grades in what a parent types, as chips ('9-Jährige', 'Klasse 5' → age 10); never overlapping. */
export function findAges(q: string): ChipSpan[] {
  const found: ChipSpan[] = [];
  for (const { re, grade } of agePatterns) {
    re.lastIndex = 0;
    for (let m = re.exec(q); m !== null; m = re.exec(q)) {
      if (m[0] === '') {
        re.lastIndex++;
        continue;
      }
      const n = numberValue(m[1] ?? '');
      if (grade ? n < 1 || n > 13 : n < 0 || n > 99) continue;
      const age = grade ? n + 5 : n;
      const start = m.index;
      const end = start + m[0].length;
      const from = Math.max(0, start - 40);
      // A window cut inside a word starts after that word, so "…xfür" is never read as "für".
      const window = q.slice(from, start).replace(from > 0 && /\S/.test(q[from - 1]!) ? /^\S*/ : /^(?!)/, '');
      const before = AGE_BEFORE.exec(window);
      const cut = before && before[0] !== '' ? start - before[0].length : start;
      const after = AGE_AFTER.exec(q.slice(end, end + 40));
      const label = grade
        ? { de: `Alter ${age} (Klasse ${n})`, en: `Age ${age} (year ${n})` }
        : { de: `Alter ${age}`, en: `Age ${age}` };
      found.push({
        kind: 'age', start, end, cut, cutEnd: end + (after ? after[0].length : 0), text: m[0], label, apply: { age },
      });
    }
  }
  // Overlapping readings: the one starting first, then the longest.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: ChipSpan[] = [];
  for (const f of found) {
    const last = kept[kept.length - 1];
    if (last && f.start < last.end) continue;
    kept.push(f);
  }
  return kept;
}
