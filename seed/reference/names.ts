/**
 * Place-name keys for matching postal place names to official municipality names, which spell the same
 * place differently: "Sankt Augustin" / "St. Augustin", "Neustadt a.d. Aisch" / "Neustadt an der Aisch",
 * "Halle (Saale)" / "Halle", "Weißwasser/O.L.", "Crostwitz - Chrósćicy" (German - Sorbian).
 */

/** Lowercase letters and digits only; "Sankt" and "St." become "st", "ß" becomes "ss". */
export function nameKey(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/\bsankt\b/g, 'st')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The German part of a bilingual name such as "Crostwitz - Chrósćicy". */
function germanPart(name: string): string {
  return name.split(' - ')[0] ?? name;
}

/** The name without parenthetical qualifiers: "Lindau (Bodensee)" → "Lindau". */
function withoutParentheses(name: string): string {
  return name.replace(/\s*\([^)]*\)/g, '');
}

/**
 * Words that start a locating qualifier: "Frankfurt am Main", "Neumarkt i.d. OPf.", "Grafing b. München",
 * "Eislingen/Fils", "Stadtilm, Stadt".
 */
const QUALIFIER = /\s*(?:[(/,]|\s(?:a|an|am|auf|b|bei|i|im|in|ob|u|unter|v|vor|zu|zum)(?:\.|\s|$)).*$/u;

/** The name up to its first qualifier: "Frankfurt am Main" → "Frankfurt". */
function baseName(name: string): string {
  return name.replace(QUALIFIER, '');
}

/**
 * Keys of a name from strict to loose: the full name, without parentheses, up to the first qualifier.
 * Matching tries them in this order, so a loose key is used only when the stricter ones find nothing.
 */
export function nameKeys(name: string): [string, string, string] {
  const german = germanPart(name);
  return [nameKey(german), nameKey(withoutParentheses(german)), nameKey(baseName(german))];
}

/**
 * Lookup from names to the things (municipality keys) that carry them. A thing is found by any of its keys,
 * so "Weingarten" finds "Weingarten (Baden)" as well as "Weingarten": an abbreviated postal name must not
 * settle on the one municipality that happens to carry the short form, the caller decides by distance.
 */
export class NameIndex {
  private readonly ids = new Map<string, Set<string>>();

  add(name: string, id: string): void {
    for (const key of nameKeys(name)) {
      if (!key) continue;
      const ids = this.ids.get(key) ?? new Set<string>();
      ids.add(id);
      this.ids.set(key, ids);
    }
  }

  /**
   * Candidates for a name, trying its keys from strict to loose and stopping at the first that finds any.
   * `accept` narrows the candidates (e.g. to a state); a key whose candidates are all rejected falls through
   * to the next, looser one.
   */
  lookup(name: string, accept: (id: string) => boolean = () => true): string[] {
    for (const key of nameKeys(name)) {
      const accepted = [...(this.ids.get(key) ?? [])].filter(accept);
      if (accepted.length > 0) return accepted;
    }
    return [];
  }
}
