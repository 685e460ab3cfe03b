// Sets of vocabulary ids as bit masks, for filtering and counting many points quickly. Bit i stands for
// index i of the vocabulary; a mask takes as many 32-bit words as the vocabulary needs, so a vocabulary
// that grows past 32 entries gets a second word instead of its 33rd entry wrapping onto the first.

/**
 * The masks of one vocabulary. A column holds `words` words per point, point `i` at `i * words`; a query
 * mask (from `of`) is `words` words long.
 */
export class VocabularyMask {
  readonly words: number;
  readonly size: number;
  private readonly index: Map<string, number>;

  constructor(
    readonly name: string,
    terms: readonly { id: string }[],
  ) {
    this.size = terms.length;
    this.words = Math.max(1, Math.ceil(terms.length / 32));
    this.index = new Map(terms.map((t, i) => [t.id, i]));
  }

  /** How many distinct ids the masks can hold. */
  get capacity(): number {
    return this.words * 32;
  }

  /** A column for `n` points, all empty. */
  column(n: number): Uint32Array {
    return new Uint32Array(n * this.words);
  }

  /** The mask of `values` (ids outside the vocabulary are left out), or none for no values: no filter. */
  of(values: readonly string[] | undefined): Uint32Array | undefined {
    if (!values || values.length === 0) return undefined;
    const m = new Uint32Array(this.words);
    this.write(m, 0, values);
    return m;
  }

  /** Writes the mask of `values` into point `i` of `column`. */
  write(column: Uint32Array, i: number, values: readonly string[] | undefined): void {
    const base = i * this.words;
    for (const v of values ?? []) {
      const bit = this.index.get(v);
      if (bit !== undefined) column[base + (bit >>> 5)]! |= 1 << (bit & 31);
    }
  }

  /** Whether point `i` has any id of `query`. */
  anyAt(column: Uint32Array, i: number, query: Uint32Array): boolean {
    // One word is the common case (every vocabulary today): no loop, as fast as a plain number mask.
    if (this.words === 1) return (column[i]! & query[0]!) !== 0;
    const base = i * this.words;
    for (let w = 0; w < this.words; w++) if ((column[base + w]! & query[w]!) !== 0) return true;
    return false;
  }

  /** Whether point `i` has every id of `query`. */
  allAt(column: Uint32Array, i: number, query: Uint32Array): boolean {
    if (this.words === 1) return (column[i]! & query[0]!) >>> 0 === query[0];
    const base = i * this.words;
    for (let w = 0; w < this.words; w++) if ((column[base + w]! & query[w]!) >>> 0 !== query[w]) return false;
    return true;
  }

  /** Adds one to `counts[bit]` for every id point `i` has (`counts` in vocabulary order). */
  countAt(counts: Int32Array, column: Uint32Array, i: number): void {
    const base = i * this.words;
    for (let w = 0; w < this.words; w++) {
      let m = column[base + w]!;
      while (m !== 0) {
        const lowest = m & -m;
        counts[w * 32 + 31 - Math.clz32(lowest)]!++;
        m = (m ^ lowest) >>> 0;
      }
    }
  }
}
