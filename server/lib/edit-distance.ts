// Edit distances for typo-tolerant lookups in memory: place names as they are typed (a prefix of the name)
// and whole words for spelling suggestions. Both give up early once the distance exceeds `max`.

/** Levenshtein distance of `a` to the closest prefix of `b`, stopping early beyond `max`. */
export function prefixDistance(a: string, b: string, max: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      rowMin = Math.min(rowMin, row[j]!);
    }
    if (rowMin > max) return max + 1;
    prev = row;
  }
  return Math.min(...prev);
}

let row0 = new Int32Array(64);
let row1 = new Int32Array(64);
let row2 = new Int32Array(64);

/**
 * Edits to turn one string into the other, where an edit is inserting, deleting or replacing a letter, or
 * swapping two neighbours (optimal string alignment distance). Beyond `max`, answers max + 1 as soon as
 * that is certain. The rows are reused between calls: duplicate detection compares millions of pairs.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const m = b.length;
  if (row0.length <= m) [row0, row1, row2] = [new Int32Array(m + 1), new Int32Array(m + 1), new Int32Array(m + 1)];
  // row2: the row before the previous one, row1: the previous one, row0: the current one.
  for (let j = 0; j <= m; j++) row1[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row0[0] = i;
    let best = i;
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(row1[j]! + 1, row0[j - 1]! + 1, row1[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        d = Math.min(d, row2[j - 2]! + 1);
      }
      row0[j] = d;
      if (d < best) best = d;
    }
    [row2, row1, row0] = [row1, row0, row2];
    if (best > max) return max + 1;
  }
  return row1[m]!;
}
