import type { JudgedQuery } from './types';

// Figures of a ranking against the judged queries, shared by the relevance test and `npm run bench:relevance`.

export interface QueryOutcome {
  query: JudgedQuery;
  /** The fixture keys of the first results, best first. */
  ranked: string[];
  /** 1-based rank of the best-placed target, or null when no target is among the results. */
  rank: number | null;
  total: number;
}

export interface RelevanceFigures {
  queries: number;
  top1: number;
  top3: number;
  mrr: number;
  zeroResults: number;
}

export function outcome(query: JudgedQuery, ranked: string[], total: number): QueryOutcome {
  const ranks = query.targets.map((t) => ranked.indexOf(t)).filter((i) => i >= 0);
  return { query, ranked, total, rank: ranks.length > 0 ? Math.min(...ranks) + 1 : null };
}

export function figures(outcomes: readonly QueryOutcome[]): RelevanceFigures {
  const n = outcomes.length;
  const share = (pred: (o: QueryOutcome) => boolean) => outcomes.filter(pred).length / n;
  return {
    queries: n,
    top1: share((o) => o.rank === 1),
    top3: share((o) => o.rank !== null && o.rank <= 3),
    mrr: outcomes.reduce((sum, o) => sum + (o.rank ? 1 / o.rank : 0), 0) / n,
    zeroResults: share((o) => o.total === 0),
  };
}
