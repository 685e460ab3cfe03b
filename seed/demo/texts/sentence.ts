/** Place names may end in an abbreviation ("Weiden i.d. OPf."), whose dot already ends the sentence. */
export function sentence(text: string): string {
  return text.endsWith('..') ? text.slice(0, -1) : text;
}
