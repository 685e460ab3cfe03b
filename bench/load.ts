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

/** `concurrency` workers send back to back while `goOn(elapsedMs)` holds; sorted latencies in ms. */
async function closedLoop(target: Target, concurrency: number, goOn: (elapsedMs: number) => boolean) {
  const pool = new Pool(target.origin, { connections: concurrency, keepAliveTimeout: 30_000 });
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (goOn(performance.now() - started)) {
        const t0 = performance.now();
        await target.send(pool, next++);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = performance.now() - started;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const figures: Figures = {
    requests: latencies.length,
    perSecond: latencies.length / (elapsed / 1000),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
  };
  return { figures, max: latencies[latencies.length - 1] ?? NaN, elapsed };
}

/** A closed loop: `concurrency` workers send back to back for `durationMs`; latency per request in ms. */
export async function runLoad(target: Target, concurrency: number, durationMs: number): Promise<Figures> {
  return (await closedLoop(target, concurrency, (elapsed) => elapsed < durationMs)).figures;
}

/**
 * The same loop for as long as `work` runs (at least `minMs`): what searching feels like while something
 * else happens on the server. Also reports the slowest request and how long it ran.
 */
export async function runLoadWhile(target: Target, concurrency: number, work: Promise<unknown>, minMs = 0): Promise<Figures & { max: number; ms: number }> {
  let done = false;
  const finished = work.finally(() => {
    done = true;
  });
  const { figures, max, elapsed } = await closedLoop(target, concurrency, (ms) => !done || ms < minMs);
  await finished;
  return { ...figures, max, ms: elapsed };
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
