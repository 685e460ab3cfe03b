/** Folds case and German special letters, so "Muenchen", "münchen" and "MÜNCHEN" compare equal. */
export function foldName(text: string): string {
  return fold(text.toLowerCase().replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u'));
}

/**
 * Folds case and umlauts but keeps "ae", "oe", "ue" as written: "Neuenkirchen" and "Neunkirchen" are two
 * towns, which foldName cannot tell apart. Used first where names are looked up, foldName second.
 */
export function foldLetters(text: string): string {
  return fold(text.toLowerCase());
}

function fold(lower: string): string {
  return lower
    .replace(/ß/g, 'ss')
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/ü/g, 'u')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
