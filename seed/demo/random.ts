// Deterministic randomness for the demo data. Everything random in seed/demo flows through one Rng built
// from the caller's seed, so the same options always give the same rows; Math.random is never used.

/** 32-bit FNV-1a: a stable hash for strings, used where a choice must depend on a key and not on the seed. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** splitmix32 step, used to spread a small seed over sfc32's four words of state. */
function splitmix32(state: number): [next: number, out: number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [next, (z ^ (z >>> 16)) >>> 0];
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Counter): fast, 128 bits of state, passes PractRand. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // Fold seeds beyond 32 bits (and fractions) in, so every distinct finite number gives its own stream.
    let s = (Math.floor(seed) ^ Math.floor(seed / 2 ** 32) ^ Math.round((seed % 1) * 2 ** 31)) | 0;
    let out: number;
    [s, out] = splitmix32(s);
    this.a = out;
    [s, out] = splitmix32(s);
    this.b = out;
    [s, out] = splitmix32(s);
    this.c = out;
    [s, out] = splitmix32(s);
    this.d = out;
    for (let i = 0; i < 12; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform whole number in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('Rng.pick: empty list');
    return list[Math.floor(this.float() * list.length)] as T;
  }

  /** Up to k distinct items of the list, in random order. */
  sample<T>(list: readonly T[], k: number): T[] {
    const copy = list.slice();
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.float() * (copy.length - i));
      const tmp = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = tmp;
    }
    return copy.slice(0, n);
  }

  /** A whole number in [min, max] leaning towards min: the shape of group sizes and counts. */
  skewed(min: number, max: number, power = 2): number {
    return min + Math.floor(this.float() ** power * (max - min + 1));
  }
}

/** A fixed list of items with weights, drawn from in O(log n) by a binary search over cumulative weights. */
export class Weighted<T> {
  readonly items: readonly T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    this.items = entries.map(([item]) => item);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, weight], i) => {
      sum += Math.max(0, weight);
      this.cumulative[i] = sum;
    });
    if (!(sum > 0)) throw new Error('Weighted: the weights must add up to more than zero');
    this.total = sum;
  }

  pick(rng: Rng): T {
    return this.items[this.indexFor(rng.float() * this.total)] as T;
  }

  /** Draws until an item passes `accept`; after `tries` misses answers `fallback`. */
  pickWhere(rng: Rng, accept: (item: T) => boolean, fallback: T, tries = 12): T {
    for (let i = 0; i < tries; i++) {
      const item = this.pick(rng);
      if (accept(item)) return item;
    }
    return this.items.find(accept) ?? fallback;
  }

  private indexFor(target: number): number {
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** Shorthand for a weight table written as `{ item: weight }`. */
export function weighted<K extends string>(weights: Partial<Record<K, number>>): Weighted<K> {
  return new Weighted(Object.entries(weights) as [K, number][]);
}
