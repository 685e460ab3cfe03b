import { words } from './normalise';

// Words that make two otherwise alike titles two programmes: an edition (a season, the holidays, a year,
// online), a level, or an audience. "Leseclub" and "Ferien-Leseclub", "Schwimmkurs für Anfänger" and
// "Schwimmkurs für Fortgeschrittene", "Deutsch A1" and "Deutsch A2", "Elterncafé" and "Café" are different
// offerings although their titles are close; two titles with the same markers (or none) are not told apart
// by this. This is a small, general lexicon of German edition and audience words, not a list of titles:
// a marker is found as a word of its own or inside a compound ("Sommerferienprogramm", "Grundschulkinder"),
// and numbers (years, class levels, course parts) count as markers too.
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
  stems.map(([stem, where]) => ({ group, stem: words(stem)[0]!, where })),
);
/** Language levels of the Common European Framework (A1 … C2), as words of their own. */
const CEFR_LEVEL = /^[abc][12]$/;
const NUMBER = /^\d+$/;

/** The markers of one folded word: group names, `level:a1`, `#2026`. */
function markersOfWord(word: string, into: Set<string>): void {
  if (NUMBER.test(word)) into.add(`#${Number(word)}`);
  else if (CEFR_LEVEL.test(word)) into.add(`level:${word}`);
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
  for (const word of typeof title === 'string' ? words(title) : title) if (!placeWords.has(word)) markersOfWord(word, found);
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
