import { searchToken } from './search-tokens';

/**
 * Groups of words that mean the same to the people searching. Every word of a group finds the others.
 * Parts of compounds need no entry here: the decompounded field already lets "Hilfe" find
 * "Hausaufgabenhilfe"; these groups are for different words with one meaning.
 */
export const synonymGroups: readonly string[][] = [
  ['nachhilfe', 'lernförderung', 'lernhilfe', 'förderunterricht', 'lernunterstützung'],
  ['kita', 'kindergarten', 'kindertagesstätte', 'kindertageseinrichtung'],
  ['mathe', 'mathematik'],
  ['hausaufgabenhilfe', 'hausaufgabenbetreuung', 'hausaufgabenunterstützung'],
  ['sprachpate', 'sprachpatenschaft', 'sprachpatin', 'sprachpaten'],
  ['lesepate', 'lesepatenschaft', 'lesepatin', 'lesepaten', 'vorlesepate'],
  ['kulturpate', 'kulturpatenschaft', 'kulturpatin', 'kulturpaten'],
  ['mentor', 'mentorin', 'mentoring', 'pate', 'patin', 'patenschaft'],
  ['daz', 'deutsch als zweitsprache', 'deutschkurs', 'sprachkurs'],
  ['mint', 'stem', 'naturwissenschaft', 'technik'],
  ['ferienprogramm', 'ferienbetreuung', 'ferienfreizeit', 'feriencamp'],
  ['berufsorientierung', 'berufswahl', 'berufsberatung'],
  ['jugendzentrum', 'jugendtreff', 'jugendhaus', 'juz'],
  ['vhs', 'volkshochschule'],
  ['but', 'bildung und teilhabe', 'bildungspaket', 'teilhabepaket'],
  ['kostenlos', 'gratis', 'kostenfrei', 'umsonst'],
  ['leichte sprache', 'einfache sprache'],
  ['englisch', 'english'],
  ['schüler', 'schülerin', 'schülerinnen'],
  ['foto', 'fotografie', 'fotografieren', 'fotograf', 'fotografin'],
  ['lehrer', 'lehrerin', 'lehrerinnen', 'lehrkraft', 'lehrkräfte'],
];

/**
 * English words families type, each with the German words of the offerings' texts it means; one way only,
 * so a German query does not widen to the English word's other meanings.
 */
export const englishWords: readonly [string, string[]][] = [
  ['math', ['mathe']], ['maths', ['mathe']], ['mathematics', ['mathe']], ['tutoring', ['nachhilfe']],
  ['tutor', ['nachhilfe']], ['tuition', ['nachhilfe']], ['homework', ['hausaufgaben']], ['help', ['hilfe']],
  ['reading', ['lesen']], ['read', ['lesen']], ['language', ['sprache']], ['languages', ['sprache']],
  ['german', ['deutsch']], ['course', ['kurs']], ['courses', ['kurs']], ['class', ['kurs']], ['classes', ['kurs']],
  ['lesson', ['unterricht']], ['lessons', ['unterricht']], ['swimming', ['schwimmen']], ['swim', ['schwimmen']],
  ['dance', ['tanzen']], ['dancing', ['tanzen']], ['painting', ['malen']], ['paint', ['malen']],
  ['drawing', ['zeichnen']], ['arts', ['kunst']], ['music', ['musik']], ['choir', ['chor']], ['singing', ['singen']],
  ['guitar', ['gitarre']], ['piano', ['klavier']], ['drama', ['theater']], ['theatre', ['theater']],
  ['football', ['fußball']], ['soccer', ['fußball']], ['climbing', ['klettern']], ['sports', ['sport']],
  ['coding', ['programmieren']], ['programming', ['programmieren']], ['robotics', ['robotik']],
  ['robots', ['roboter']], ['science', ['forschen']], ['holiday', ['ferien']], ['holidays', ['ferien']],
  ['vacation', ['ferien']], ['career', ['beruf']], ['job', ['beruf']], ['jobs', ['beruf']],
  ['application', ['bewerbung']], ['apprenticeship', ['ausbildung']], ['parents', ['eltern']],
  ['mother', ['mutter']], ['mothers', ['mutter']], ['father', ['vater']], ['family', ['familie']],
  ['families', ['familie']], ['toddler', ['kleinkind']], ['toddlers', ['kleinkind']], ['preschool', ['kita']],
  ['daycare', ['kita']], ['school', ['schule']], ['youth', ['jugend']], ['teens', ['jugendliche']],
  ['teenagers', ['jugendliche']], ['mentoring', ['mentor']], ['volunteer', ['ehrenamt']],
  ['library', ['bibliothek']], ['pottery', ['töpfern']], ['crafts', ['basteln']], ['cooking', ['kochen']],
  ['nature', ['natur']], ['chess', ['schach']], ['counselling', ['beratung']], ['advice', ['beratung']],
  ['adults', ['erwachsene']], ['seniors', ['senioren']], ['girls', ['mädchen']], ['boys', ['jungen']],
  ['learning', ['lernen']], ['learn', ['lernen']], ['exam', ['prüfung']], ['exams', ['prüfung']],
  ['writing', ['schreiben']], ['media', ['medien']], ['meeting', ['treffen']], ['café', ['cafe']],
];

/** Each word as the index and queries see it: its search token (several words: each one's token). */
function tokens(words: string): string {
  return words.split(' ').map(searchToken).join(' ');
}

/**
 * Meilisearch wants each word mapped to its synonyms; a group becomes a mapping from every member.
 * Queries are searched by token (search-tokens.ts), so keys and values are tokens as well.
 */
export function synonymsSetting(
  groups: readonly string[][] = synonymGroups,
  oneWay: readonly [string, string[]][] = englishWords,
): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  const add = (word: string, others: string[]) => {
    const targets = others.filter((w) => w !== word);
    if (targets.length > 0) map[word] = [...new Set([...(map[word] ?? []), ...targets])];
  };
  for (const group of groups) {
    const members = [...new Set(group.map(tokens))];
    for (const word of members) add(word, members);
  }
  for (const [english, german] of oneWay) add(tokens(english), german.map(tokens));
  return map;
}

/** Short words that carry no meaning in a search ("Nachhilfe in Mathe für Kinder"). */
export const germanStopWords = [
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einer', 'eines', 'einem', 'einen',
  'und', 'oder', 'in', 'im', 'für', 'fuer', 'mit', 'von', 'vom', 'zu', 'zum', 'zur', 'am', 'an', 'auf',
  'bei', 'aus', 'als', 'auch', 'nach', 'the', 'and', 'for', 'of',
];
