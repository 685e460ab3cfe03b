import { STOP_WORDS, titleKeys } from './normalise';

// Words that make two otherwise alike titles two programmes: an edition (a season, the holidays, a year,
// online), a level, or an audience. "Leseclub" and "Ferien-Leseclub", "Schwimmkurs für Anfänger" and
// "Schwimmkurs für Fortgeschrittene", "Deutsch A1" and "Deutsch A2", "Elterncafé" and "Café" are different
// offerings although their titles are close; two titles with the same markers (or none) are not told apart
// by this. This is a small, general lexicon of German edition and audience words, not a list of titles:
// a marker is found as a word of its own or inside a compound ("Sommerferienprogramm", "Grundschulkinder").
// Times of day are editions too ("Spielgruppe am Vormittag" / "am Nachmittag"). Numbers (years, class
// levels, course parts) count as markers, and so do labels: a letter or two standing alone ("Gruppe A",
// "Kurs B") and Roman numerals ("Teil II", read as 2 so that "Teil 2" is the same part).
//
// How a stem is found in a folded word: `part` anywhere inside it (long, unambiguous stems), `start` at its
// beginning only ("oster" would otherwise find "Kloster"; "aufbau" "Wiederaufbau"), `word` only as the whole
// word ("mutter" would otherwise find "Muttersprache", "profi" "Profil").

type Where = 'part' | 'start' | 'word';

/** Groups that say whom an offering is for (levels and audiences), as opposed to which edition it is. */
export const WHO_GROUPS: ReadonlySet<string> = new Set([
  'beginners', 'advanced', 'parents', 'families', 'children', 'youth', 'adults', 'seniors', 'girls', 'boys', 'women', 'men',
]);

const GROUPS: Record<string, [stem: string, where: Where][]> = {
  // Editions
  holidays: [['ferien', 'part']],
  summer: [['sommer', 'part']],
  autumn: [['herbst', 'part']],
  winter: [['winter', 'part']],
  spring: [['frühjahr', 'part'], ['frühling', 'part'], ['oster', 'start']],
  whitsun: [['pfingst', 'part']],
  christmas: [['weihnacht', 'part'], ['advent', 'start']],
  online: [['online', 'start']],
  // "früh" only as a word: "Frühförderung", "Früherziehung" are programmes, not times.
  morning: [['vormittag', 'part'], ['morgens', 'word'], ['früh', 'word']],
  afternoon: [['nachmittag', 'part']],
  // At the beginning only: an "Elternabend" or "Spieleabend" is a kind of programme.
  evening: [['abend', 'start']],
  // Levels
  beginners: [['anfänger', 'part'], ['einsteiger', 'part'], ['einstieg', 'start'], ['beginner', 'part'], ['grundkurs', 'part']],
  advanced: [['fortgeschritten', 'part'], ['aufbau', 'start'], ['profi', 'word'], ['profis', 'word'], ['experten', 'part']],
  // Audiences
  parents: [['eltern', 'part'], ['mütter', 'word'], ['müttern', 'word'], ['väter', 'part'], ['vätern', 'part']],
  families: [['familie', 'start'], ['familien', 'part']],
  children: [['kind', 'start'], ['kinder', 'part'], ['kleinkind', 'part'], ['kids', 'start'], ['baby', 'start'], ['babys', 'part']],
  youth: [['jugend', 'part'], ['teens', 'word'], ['teenager', 'word'], ['jugendliche', 'part']],
  adults: [['erwachsen', 'part']],
  seniors: [['senior', 'part'], ['ältere', 'word']],
  girls: [['mädchen', 'part']],
  boys: [['jungen', 'word'], ['jungs', 'word'], ['jungengruppe', 'word'], ['jungenarbeit', 'word']],
  women: [['frauen', 'part']],
  men: [['männer', 'part']],
};

interface Stem {
  group: string;
  stem: string;
  where: Where;
}

const STEMS: readonly Stem[] = Object.entries(GROUPS).flatMap(([group, stems]) =>
  stems.map(([stem, where]) => ({ group, stem: titleKeys(stem).words[0]!, where })),
);
/** Language levels of the Common European Framework (A1 … C2), as words of their own. */
const CEFR_LEVEL = /^[abc][12]$/;
const NUMBER = /^\d+$/;
/** A class or group with its letter: "Klasse 5a", "7b". */
const NUMBER_WITH_LETTER = /^\d+[a-z]$/;
const ROMAN: ReadonlyMap<string, number> = new Map(
  ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'].map((r, k) => [r, k + 1]),
);
/**
 * Short words that are no labels: small words (STOP_WORDS: "am", "im", "zu"), other common German and
 * English ones, and legal forms ("Theater AG", "Lesepaten eV").
 */
const NOT_LABELS: ReadonlySet<string> = new Set([
  ...[...STOP_WORDS].filter((w) => w.length <= 2),
  'da', 'du', 'er', 'es', 'ja', 'je', 'ob', 'oh', 'ok', 'so', 'um', 'wo',
  'at', 'be', 'by', 'go', 'is', 'it', 'me', 'my', 'no', 'on', 'or', 'to', 'up', 'we',
  'ag', 'co', 'eg', 'ek', 'ev', 'kg', 'se', 'ug',
]);

/** The markers of one folded word: group names, `level:a1`, `#2026`, `#2` (II), `label:b`. */
function markersOfWord(word: string, into: Set<string>): void {
  if (NUMBER.test(word)) into.add(`#${Number(word)}`);
  else if (NUMBER_WITH_LETTER.test(word)) into.add(`#${word.replace(/^0+(?=\d)/, '')}`);
  else if (CEFR_LEVEL.test(word)) into.add(`level:${word}`);
  else if (ROMAN.has(word)) into.add(`#${ROMAN.get(word)}`);
  else if (word.length <= 2 && !NOT_LABELS.has(word)) into.add(`label:${word}`);
  for (const { group, stem, where } of STEMS) {
    const found = where === 'word' ? word === stem : where === 'start' ? word.startsWith(stem) : word.includes(stem);
    if (found) into.add(group);
  }
}

/**
 * The edition, level and audience markers of a title (or of its folded words), sorted and joined: two titles are told apart by their
 * markers exactly when these strings differ. `markers('Sommerferien-Leseclub für Kinder 2026')` →
 * "#2026 children holidays summer".
 */
export function markers(title: string | readonly string[], placeWords: ReadonlySet<string> = new Set()): string {
  const found = new Set<string>();
  // The place's own name is no marker: "Lesepaten Sommerhausen" is not a summer edition.
  for (const word of typeof title === 'string' ? titleKeys(title).words : title) if (!placeWords.has(word)) markersOfWord(word, found);
  // "Ferien" inside "Sommerferien" is both; "Kinder" inside "Kleinkinder" both too: harmless, both sides fold alike.
  return [...found].sort().join(' ');
}

/** The markers that say whom an offering is for: audiences, levels, language levels. */
export function whoOf(markerList: string): string[] {
  return markerList === '' ? [] : markerList.split(' ').filter((g) => WHO_GROUPS.has(g) || g.startsWith('level:'));
}

/**
 * Whether two titles name different people: both name an audience or level, and none in common ("für
 * Mädchen" / "für Jungen", "Anfänger" / "Fortgeschrittene", "Deutsch A1" / "Deutsch B2"). A title without
 * any says nothing against the other. Takes `whoOf` of each.
 */
export function differentPeople(x: readonly string[], y: readonly string[]): boolean {
  return x.length > 0 && y.length > 0 && !x.some((g) => y.includes(g));
}
