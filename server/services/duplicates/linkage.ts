// Grouping scored pairs with complete linkage: two groups merge only when every member of one is linked to
// every member of the other. Single linkage (connected components) would chain a city's programmes into
// one giant group — A near B, B near C, …, while A and Z are 20 km apart; complete linkage keeps every group
// a set of offerings that are all pairwise related. Edges are taken greedily, best score first.

/** Pairs of item indexes with a score; parallel arrays, so millions of pairs stay compact. */
export class EdgeList {
  a: number[] = [];
  b: number[] = [];
  score: number[] = [];

  push(a: number, b: number, score: number): void {
    this.a.push(a);
    this.b.push(b);
    this.score.push(score);
  }

  get length(): number {
    return this.a.length;
  }
}

/** Neighbours of each item, sorted, in one array (compressed sparse rows): "are x and y linked?" by bisection. */
class Adjacency {
  private readonly start: Int32Array;
  private readonly neighbours: Int32Array;

  constructor(n: number, edges: EdgeList) {
    const degree = new Int32Array(n + 1);
    for (let e = 0; e < edges.length; e++) {
      degree[edges.a[e]!]!++;
      degree[edges.b[e]!]!++;
    }
    this.start = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) this.start[i + 1] = this.start[i]! + degree[i]!;
    this.neighbours = new Int32Array(this.start[n]!);
    const fill = this.start.slice(0, n);
    for (let e = 0; e < edges.length; e++) {
      const a = edges.a[e]!;
      const b = edges.b[e]!;
      this.neighbours[fill[a]!++] = b;
      this.neighbours[fill[b]!++] = a;
    }
    for (let i = 0; i < n; i++) this.neighbours.subarray(this.start[i]!, this.start[i + 1]!).sort();
  }

  linked(x: number, y: number): boolean {
    let lo = this.start[x]!;
    let hi = this.start[x + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.neighbours[mid]!;
      if (v === y) return true;
      if (v < y) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}

export interface LinkageOptions {
  /** No group grows beyond this many members. */
  maxSize: number;
  /** Whether two groups may merge beyond being fully linked (e.g. they still share a category). */
  compatible?: (a: readonly number[], b: readonly number[]) => boolean;
  /** Collect the loose edges (default: no; there may be millions). */
  keepLoose?: boolean;
}

export interface Linkage {
  /** Groups of two or more item indexes. */
  groups: number[][];
  /** Edges whose two ends ended up in different groups (a chain's loose links). */
  loose: [number, number][];
}

/** Complete-linkage groups of `n` items from scored edges, merging best-scored edges first. */
export function completeLinkage(n: number, edges: EdgeList, options: LinkageOptions): Linkage {
  const adjacency = new Adjacency(n, edges);
  const order = Array.from({ length: edges.length }, (_, e) => e);
  // Ties broken by the items' indexes, so the same input always gives the same groups.
  order.sort((x, y) => edges.score[y]! - edges.score[x]! || edges.a[x]! - edges.a[y]! || edges.b[x]! - edges.b[y]!);
  const groupOf = new Int32Array(n).fill(-1);
  const groups: (number[] | null)[] = [];
  const loose: [number, number][] = [];
  for (const e of order) {
    const a = edges.a[e]!;
    const b = edges.b[e]!;
    const ga = groupOf[a]!;
    const gb = groupOf[b]!;
    if (ga !== -1 && ga === gb) continue;
    const A = ga === -1 ? [a] : groups[ga]!;
    const B = gb === -1 ? [b] : groups[gb]!;
    const fits =
      A.length + B.length <= options.maxSize &&
      A.every((x) => B.every((y) => adjacency.linked(x, y))) &&
      (options.compatible?.(A, B) ?? true);
    if (!fits) {
      if (options.keepLoose) loose.push([a, b]);
      continue;
    }
    let target: number;
    if (ga === -1 && gb === -1) {
      target = groups.length;
      groups.push([a, b]);
    } else if (ga === -1) {
      target = gb;
      groups[gb]!.push(a);
    } else if (gb === -1) {
      target = ga;
      groups[ga]!.push(b);
    } else {
      target = ga;
      groups[ga]!.push(...groups[gb]!);
      groups[gb] = null;
    }
    const merged = groups[target]!;
    for (const x of merged) groupOf[x] = target;
  }
  // A loose edge may have been taken up later, once both ends landed in one group.
  return {
    groups: groups.filter((g): g is number[] => g !== null && g.length >= 2),
    loose: loose.filter(([a, b]) => groupOf[a] === -1 || groupOf[a] !== groupOf[b]),
  };
}
