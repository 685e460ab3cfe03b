import type { Rng } from './random';

// How the same title comes out when somebody types it a second time: umlauts written as ae/oe/ue or left
// out, a compound split with a hyphen or joined, another capitalisation, a hyphen for the dash. These are the
// variants a duplicate check has to see through.

const DIGRAPHS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' };
const BARE: Record<string, string> = { ä: 'a', ö: 'o', ü: 'u', Ä: 'A', Ö: 'O', Ü: 'U', ß: 's' };

/** Second parts of the demo titles' compounds, longest first so "nachhilfe" wins over "hilfe". */
const HEADS = [
  'patenschaften', 'patenschaft', 'betreuung', 'nachhilfe', 'förderung', 'werkstatt',
  'programm', 'training', 'beratung', 'mentoring', 'gruppe', 'hilfe', 'treff', 'kurs', 'café', 'club', 'paten',
].sort((a, b) => b.length - a.length);

type Variant = (title: string) => string;

const umlautsAsDigraphs: Variant = (title) => title.replace(/[äöüÄÖÜß]/g, (ch) => DIGRAPHS[ch] ?? ch);

const firstUmlautLeftOut: Variant = (title) => title.replace(/[äöüÄÖÜß]/, (ch) => BARE[ch] ?? ch);

/** "Mathenachhilfe" → "Mathe-Nachhilfe": the first compound in the title with a known second part. */
const compoundSplit: Variant = (title) => {
  let done = false;
  return title.replace(/\p{L}{4,}/gu, (word) => {
    const lower = word.toLowerCase();
    const head = done ? undefined : HEADS.find((h) => lower.endsWith(h) && lower.length >= h.length + 3);
    if (!head) return word;
    done = true;
    const cut = word.length - head.length;
    return `${word.slice(0, cut)}-${word.charAt(cut).toUpperCase()}${word.slice(cut + 1)}`;
  });
};

/** "Online-Nachhilfe" → "Onlinenachhilfe", "Lese-Rechtschreib-Förderung" → "Lese-Rechtschreibförderung". */
const compoundJoined: Variant = (title) => {
  const at = title.search(/\p{L}-\p{Lu}\p{Ll}/u);
  if (at < 0) return title;
  return `${title.slice(0, at + 1)}${title.charAt(at + 2).toLowerCase()}${title.slice(at + 3)}`;
};

/** Every word capitalised, as spreadsheets and hasty typing produce: "Lesepaten Für Grundschulkinder". */
const titleCase: Variant = (title) => title.replace(/(^|\s)(\p{Ll})/gu, (_m, space: string, ch: string) => `${space}${ch.toUpperCase()}`);

/** The nouns after the first word in lower case: "Lesepaten für grundschulkinder". */
const lowerCase: Variant = (title) => title.replace(/(\s)(\p{Lu})(?=\p{Ll})/gu, (_m, space: string, ch: string) => `${space}${ch.toLowerCase()}`);

const plainDash: Variant = (title) => title.replace(' – ', ' - ').replace(': ', ' - ');

const VARIANTS: readonly Variant[] = [
  umlautsAsDigraphs, umlautsAsDigraphs, firstUmlautLeftOut, compoundSplit, compoundSplit, compoundJoined, titleCase,
  lowerCase, plainDash,
];

/**
 * The title as a second entry of the same programme would spell it: one variant, sometimes two, and always
 * different from `title` (the last resort is a case change, which every title with a letter allows).
 */
export function spellingVariant(title: string, rng: Rng): string {
  const rounds = rng.chance(0.3) ? 2 : 1;
  let result = title;
  for (let round = 0; round < rounds; round++) {
    for (let attempt = 0; attempt < 6; attempt++) {
      const next = rng.pick(VARIANTS)(result);
      if (next !== result) {
        result = next;
        break;
      }
    }
  }
  if (result === title) result = titleCase(title) !== title ? titleCase(title) : lowerCase(title);
  if (result === title) result = title.charAt(0).toLowerCase() + title.slice(1);
  return result;
}

const LEGAL_FORM = / (e\.V\.|gGmbH|GmbH & Co\. KG|GmbH)$/;

/**
 * The name an organisation registered a second time goes by: with "e.V." added or left off. Null for names
 * with another legal form, which nobody leaves off by accident.
 */
export function secondAccountName(name: string): string | null {
  const form = LEGAL_FORM.exec(name)?.[1];
  if (form === 'e.V.') return name.slice(0, -' e.V.'.length);
  if (form) return null;
  return `${name} e.V.`;
}
