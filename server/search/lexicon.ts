import { lexiconGroups } from './lexicon-words';

/**
 * Marks an entry as a combining form ("sprach-", "schwimm-"): a stem that occurs only before
 * another part of a compound, never alone and never as its head.
 */
export const COMBINING_MARK = '-';

// Three-letter entries let the splitter cut almost anything, so each one must be a content word
// chosen on purpose; this list is the whole allowance and buildLexicon enforces it for the default set.
const ALLOWED_SHORT = new Set([
  'tag', 'rad', 'zoo', 'ski', 'bad', 'hof', 'see', 'uni', 'rat', 'ort', 'amt', 'bus', 'job', 'app',
  'mal-', 'näh-', 'hör-', 'ess-',
]);

const ENTRY = /^[a-zäöüßé]{3,}-?$/;

/**
 * Builds a decompounding lexicon from entries, checking the conventions the decompounder relies
 * on: lowercase letters only, at least three of them, an optional trailing combining mark.
 * Throws on a malformed entry so a typo in the word list fails at start-up, not silently in search.
 */
export function buildLexicon(entries: Iterable<string>, options: { strictShort?: boolean } = {}): Set<string> {
  const lexicon = new Set<string>();
  for (const entry of entries) {
    if (!ENTRY.test(entry)) throw new Error(`lexicon entry ${JSON.stringify(entry)} is not a lowercase word of 3+ letters`);
    const letters = entry.endsWith(COMBINING_MARK) ? entry.length - 1 : entry.length;
    if (options.strictShort && letters === 3 && !ALLOWED_SHORT.has(entry)) {
      throw new Error(`three-letter lexicon entry ${JSON.stringify(entry)} is not in the allowed list`);
    }
    lexicon.add(entry);
  }
  return lexicon;
}

function defaultEntries(): string[] {
  return Object.values(lexiconGroups).flatMap((group) => group.split(/\s+/).filter(Boolean));
}

/** The default lexicon: German words and stems of the educational-offering domain. */
export const lexicon: ReadonlySet<string> = buildLexicon(defaultEntries(), { strictShort: true });
