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
];

/** Meilisearch wants each word mapped to its synonyms; a group becomes a mapping from every member. */
export function synonymsSetting(groups: readonly string[][] = synonymGroups): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const group of groups) {
    for (const word of group) {
      const others = group.filter((w) => w !== word);
      map[word] = [...new Set([...(map[word] ?? []), ...others])];
    }
  }
  return map;
}

/** Short words that carry no meaning in a search ("Nachhilfe in Mathe für Kinder"). */
export const germanStopWords = [
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einer', 'eines', 'einem', 'einen',
  'und', 'oder', 'in', 'im', 'für', 'fuer', 'mit', 'von', 'vom', 'zu', 'zum', 'zur', 'am', 'an', 'auf',
  'bei', 'aus', 'als', 'auch', 'nach', 'the', 'and', 'for', 'of',
];
