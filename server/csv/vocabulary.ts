import type { Term } from '../../schema';
import { foldName } from '../lib/fold-name';

// People type vocabulary words the way they see them: the German label from the form, the English one, or
// the id from the API ("Hausaufgabenhilfe", "homework help", "homework_help"), with or without umlauts.
// All of these fold to one key per term.

/** Case, umlauts ("ö", "oe", "o"), punctuation and spaces do not matter. */
export const foldKey = (text: string): string => foldName(text).replace(/ /g, '');

export interface Vocabulary {
  terms: readonly Term[];
  byKey: ReadonlyMap<string, string>;
  /** The most commas inside one label ("Übergang Schule → Ausbildung, Studium, Beruf" has two). */
  maxCommas: number;
}

export function vocabulary(terms: readonly Term[]): Vocabulary {
  const byKey = new Map<string, string>();
  const add = (word: string, id: string) => {
    const key = foldKey(word);
    const taken = byKey.get(key);
    // A word that could mean two terms would silently pick one; the vocabularies must not allow that.
    if (taken !== undefined && taken !== id) throw new Error(`"${word}" names both ${taken} and ${id}`);
    byKey.set(key, id);
  };
  for (const t of terms) for (const word of [t.id, t.label.de, t.label.en]) add(word, t.id);
  const maxCommas = Math.max(0, ...terms.flatMap((t) => [t.label.de, t.label.en]).map((l) => l.split(',').length - 1));
  return { terms, byKey, maxCommas };
}

export const matchTerm = (v: Vocabulary, word: string): string | null => v.byKey.get(foldKey(word)) ?? null;

/** The German label of an id, for exports; an id not in the list stays as it is. */
export const germanLabel = (v: Vocabulary, id: string): string => v.terms.find((t) => t.id === id)?.label.de ?? id;

/**
 * Splits a cell into terms. Items are separated by "|" or ","; since some labels contain commas
 * themselves, the longest run of comma-separated pieces that names a term wins.
 */
export function readTerms(v: Vocabulary, cell: string): { ids: string[]; unknown: string[] } {
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const part of cell.split('|')) {
    const pieces = part.split(',').map((p) => p.trim());
    let i = 0;
    while (i < pieces.length) {
      if (pieces[i] === '') {
        i++;
        continue;
      }
      let end = Math.min(pieces.length, i + v.maxCommas + 1);
      let id: string | null = null;
      while (end > i) {
        id = matchTerm(v, pieces.slice(i, end).join(','));
        if (id !== null) break;
        end--;
      }
      if (id !== null) {
        ids.push(id);
        i = end;
      } else {
        unknown.push(pieces[i]!);
        i++;
      }
    }
  }
  return { ids, unknown };
}

/** "„x“ ist kein bekannter Wert. Erlaubt sind z. B.: …", naming a few allowed labels in each language. */
export function unknownTermsMessage(v: Vocabulary, unknown: readonly string[]): { message: string; messageEn: string } {
  const shown = 6;
  const rest = v.terms.length - shown;
  const few = v.terms.slice(0, shown);
  const listDe = few.map((t) => t.label.de).join(', ') + (rest > 0 ? ` und ${rest} weitere` : '');
  const listEn = few.map((t) => t.label.en).join(', ') + (rest > 0 ? ` and ${rest} more` : '');
  const one = unknown.length === 1;
  return {
    message: `${unknown.map((w) => `„${w}“`).join(', ')} ${one ? 'ist kein bekannter Wert' : 'sind keine bekannten Werte'}. Erlaubt sind z. B.: ${listDe}.`,
    messageEn: `${unknown.map((w) => `"${w}"`).join(', ')} ${one ? 'is not a known value' : 'are not known values'}. Allowed are e.g.: ${listEn}.`,
  };
}
