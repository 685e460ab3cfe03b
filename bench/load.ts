import { Pool } from 'undici';

export interface Target {
  name: string;
  /** Sends request number `i` of the mix; resolves when the whole answer is read. */
  send(pool: Pool, i: number): Promise<void>;
  origin: string;
}

export interface Figures {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** A closed loop: `concurrency` workers send back to back for `durationMs`; latency per request in ms. */
export async function runLoad(target: Target, concurrency: number, durationMs: number): Promise<Figures> {
  const pool = new Pool(target.origin, { connections: concurrency, keepAliveTimeout: 30_000 });
  const latencies: number[] = [];
  let next = 0;
  const until = performance.now() + durationMs;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        await target.send(pool, next++);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = performance.now() - started;
  await pool.close();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    perSecond: latencies.length / (elapsed / 1000),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
  };
}

/** Adds up figures of several rounds: requests and rates summed or averaged, percentiles averaged. */
export function combine(rounds: Figures[]): Figures {
  const n = rounds.length;
  return {
    requests: rounds.reduce((s, r) => s + r.requests, 0),
    perSecond: rounds.reduce((s, r) => s + r.perSecond, 0) / n,
    p50: rounds.reduce((s, r) => s + r.p50, 0) / n,
    p95: rounds.reduce((s, r) => s + r.p95, 0) / n,
  };
}

/**
 * A closed loop like runLoad, but for as long as `work` runs (at least `minMs`): what searching feels like
 * while something else happens on the server. Also reports the slowest request.
 */
export async function runLoadWhile(target: Target, concurrency: number, work: Promise<unknown>, minMs = 0): Promise<Figures & { max: number; ms: number }> {
  const pool = new Pool(target.origin, { connections: concurrency, keepAliveTimeout: 30_000 });
  const latencies: number[] = [];
  let next = 0;
  let done = false;
  const started = performance.now();
  const finished = work.finally(() => {
    done = true;
  });
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (!done || performance.now() - started < minMs) {
        const t0 = performance.now();
        await target.send(pool, next++);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  await finished;
  const elapsed = performance.now() - started;
  await pool.close();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    perSecond: latencies.length / (elapsed / 1000),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: latencies[latencies.length - 1] ?? NaN,
    ms: elapsed,
  };
}
