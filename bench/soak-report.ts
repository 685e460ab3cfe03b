import { routes, type Outcome, type Sample } from './soak-traffic';

// Turns the records of a soak run into its Markdown report: phases from the fault timeline, status codes
// and latencies per phase, memory over time, and a verdict.

/** Moments of the run in ms after the load started; absent when they did not happen within the run. */
export interface Timeline {
  /** When the last request of the load was answered. */
  end: number;
  killAt?: number;
  killedPid?: number;
  /** When the supervisor's new Meilisearch showed up in the pid file. */
  meiliRespawnedAt?: number;
  /** When the first search sent after the kill was answered from Meilisearch again. */
  meiliBackAt?: number;
  termAt?: number;
  exitAt?: number;
  exit?: string;
  spawnAt?: number;
  /** The new server's first health 200 (possibly after `end`), and when that health check was sent. */
  serverBackAt?: number;
  serverBackAskedAt?: number;
  fallbackReadyAt?: number;
}

export interface RssSample {
  t: number;
  serverKb: number | null;
  meiliKb: number | null;
}

interface Phase {
  name: string;
  from: number;
  to: number;
}

/**
 * before | Meilisearch down | between | server restart | after, each from its start up to the next one's,
 * cut off where the load ended (the server may have answered again only after it).
 */
export function phases(t: Timeline): Phase[] {
  const at = (ms: number | undefined) => Math.min(ms ?? t.end, t.end);
  const killAt = at(t.killAt);
  const termAt = at(t.termAt);
  // Meilisearch not back by the SIGTERM: its outage runs into the restart and "between" is empty.
  const meiliBack = Math.min(at(t.meiliBackAt), termAt);
  return [
    { name: 'before', from: 0, to: killAt },
    { name: 'Meilisearch down', from: killAt, to: meiliBack },
    { name: 'between', from: meiliBack, to: termAt },
    { name: 'server restart', from: termAt, to: at(t.serverBackAt) },
    { name: 'after', from: at(t.serverBackAt), to: t.end },
  ];
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const s = (ms: number | undefined) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(1)} s`);
const msText = (ms: number) => (Number.isNaN(ms) ? '—' : ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`);
const mb = (kb: number | null) => (kb === null ? '—' : `${Math.round(kb / 1024)} MB`);
const failures: readonly Outcome[] = ['refused', 'reset', 'timeout', 'error'];

export interface ReportInput {
  setup: string;
  samples: readonly Sample[];
  timeline: Timeline;
  rss: readonly RssSample[];
  /** Warnings and errors the server logged, most frequent first. */
  serverLog: readonly { level: string; message: string; count: number }[];
  logFile: string;
}

function timelineLines({ timeline: t, samples }: ReportInput): string[] {
  const lines = ['### Fault timeline', '', '| event | at | |', '|---|---|---|'];
  // What the load itself saw of the new server: its first accepted request and its first answer.
  const answered = t.spawnAt === undefined ? [] : samples.filter((x) => x.sent >= t.spawnAt! && typeof x.outcome === 'number');
  const firstSent = answered.reduce((m, x) => Math.min(m, x.sent), Infinity);
  const firstAnswer = answered.reduce((m, x) => Math.min(m, x.sent + x.ms), Infinity);
  const seen = (ms: number) => (Number.isFinite(ms) ? ms : undefined);
  const row = (event: string, at: number | undefined, note = '') => lines.push(`| ${event} | ${s(at)} | ${note} |`);
  row('Meilisearch killed (SIGKILL)', t.killAt, t.killedPid ? `pid ${t.killedPid}` : 'no Meilisearch pid found');
  row('supervisor started a new Meilisearch', t.meiliRespawnedAt, t.meiliRespawnedAt !== undefined && t.killAt !== undefined ? `${s(t.meiliRespawnedAt - t.killAt)} after the kill` : 'not seen');
  row('first search answered from Meilisearch again', t.meiliBackAt, t.meiliBackAt !== undefined && t.killAt !== undefined ? `Meilisearch away for ${s(t.meiliBackAt - t.killAt)}` : 'not seen before the SIGTERM');
  row('server sent SIGTERM', t.termAt);
  row('old server exited', t.exitAt, t.exitAt !== undefined && t.termAt !== undefined ? `shutdown took ${s(t.exitAt - t.termAt)}; ${t.exit}` : 'not seen');
  row('new server started', t.spawnAt);
  row('new server accepts the first request of the load', seen(firstSent), seen(firstSent) === undefined ? 'not within the run' : '');
  row('new server answers the first request of the load', seen(firstAnswer), seen(firstAnswer) === undefined ? 'not within the run' : '');
  const after = (ms: number | undefined) => (ms !== undefined && ms > t.end ? ', after the load ended' : '');
  row('new server answers health 200', t.serverBackAt, t.serverBackAt !== undefined && t.termAt !== undefined
    ? `${s(t.serverBackAt - t.termAt)} after the SIGTERM; asked at ${s(t.serverBackAskedAt)}${after(t.serverBackAt)}` : 'not seen');
  row('fallback.ready true again', t.fallbackReadyAt, t.fallbackReadyAt !== undefined && t.serverBackAt !== undefined
    ? `${s(t.fallbackReadyAt - t.serverBackAt)} after health 200${after(t.fallbackReadyAt)}` : 'not seen');
  row('load ended', t.end);
  return lines;
}

function statusLines(input: ReportInput, byPhase: Map<Phase, Sample[]>): string[] {
  const codes = [...new Set(input.samples.map((x) => x.outcome).filter((o): o is number => typeof o === 'number'))].sort((a, b) => a - b);
  const columns: Outcome[] = [...codes, ...failures];
  const lines = [
    '### Answers per phase',
    '',
    'refused: connection refused; reset: connection closed under a request. Both are expected only while the server restarts.',
    '',
    `| phase | span | requests | req/s | ${columns.join(' | ')} |`,
    `|---|---|---|---|${columns.map(() => '---').join('|')}|`,
  ];
  for (const [phase, list] of byPhase) {
    const seconds = (phase.to - phase.from) / 1000;
    const counts = columns.map((c) => list.filter((x) => x.outcome === c).length);
    const rate = seconds > 0 ? (list.length / seconds).toFixed(0) : '—';
    lines.push(`| ${phase.name} | ${s(phase.from)}–${s(phase.to)} | ${list.length} | ${rate} | ${counts.join(' | ')} |`);
  }
  const odd = input.samples.filter((x) => x.outcome === 'error');
  if (odd.length > 0) {
    const kinds = new Map<string, number>();
    for (const x of odd) kinds.set(x.code ?? '?', (kinds.get(x.code ?? '?') ?? 0) + 1);
    lines.push('', `Other errors: ${[...kinds].map(([code, n]) => `${code} × ${n}`).join(', ')}.`);
  }
  return lines;
}

function latencyLines(byPhase: Map<Phase, Sample[]>): string[] {
  const lines = [
    '### Latency per route and phase',
    '',
    'Requests answered with any HTTP status; refused and reset ones are left out. Each request counts in the phase it ' +
      'was sent in: searches under way when Meilisearch was killed show up as degraded in "before".',
    '',
    '| phase | route | count | p50 | p99 | max |',
    '|---|---|---|---|---|---|',
  ];
  for (const [phase, list] of byPhase) {
    for (const route of routes) {
      const times = list.filter((x) => x.route === route && typeof x.outcome === 'number').map((x) => x.ms).sort((a, b) => a - b);
      if (times.length === 0) continue;
      lines.push(`| ${phase.name} | ${route} | ${times.length} | ${msText(percentile(times, 50))} | ${msText(percentile(times, 99))} | ${msText(times[times.length - 1]!)} |`);
    }
  }
  return lines;
}

function rssLines(input: ReportInput, all: Phase[]): string[] {
  const phaseAt = (t: number) => all.find((p) => t >= p.from && t < p.to)?.name ?? 'after';
  const lines = ['### Resident memory (VmRSS)', '', '| t | phase | server | Meilisearch |', '|---|---|---|---|'];
  for (const x of input.rss.filter((_, i) => i % 5 === 0)) lines.push(`| ${s(x.t)} | ${phaseAt(x.t)} | ${mb(x.serverKb)} | ${mb(x.meiliKb)} |`);
  const max = (key: 'serverKb' | 'meiliKb') => {
    const best = input.rss.reduce<RssSample | null>((m, x) => (x[key] !== null && (m === null || x[key]! > m[key]!) ? x : m), null);
    return best ? `${mb(best[key])} at ${s(best.t)}` : '—';
  };
  lines.push('', `Maximum (sampled every second): server ${max('serverKb')}, Meilisearch ${max('meiliKb')}.`);
  return lines;
}

function verdictLines(input: ReportInput, byPhase: Map<Phase, Sample[]>): string[] {
  const lines = ['### Verdict', ''];
  const fives = input.samples.filter((x) => typeof x.outcome === 'number' && x.outcome >= 500);
  // When they were sent tells a shutdown answering 503 apart from a failing search.
  const where = new Map<string, { n: number; first: number; last: number }>();
  for (const [phase, list] of byPhase) {
    for (const x of list) {
      if (typeof x.outcome === 'number' && x.outcome >= 500) {
        const key = `${x.outcome} ${x.route} (${phase.name}`;
        const seen = where.get(key) ?? { n: 0, first: x.sent, last: x.sent };
        where.set(key, { n: seen.n + 1, first: Math.min(seen.first, x.sent), last: Math.max(seen.last, x.sent) });
      }
    }
  }
  const listed = [...where].map(([k, w]) => `${w.n} × ${k}, sent ${s(w.first)}–${s(w.last)})`).join(', ');
  lines.push(`- 5xx answers: **${fives.length}** (target 0)${listed ? `: ${listed}` : ''}`);
  const degradedSamples = input.samples.filter((x) => x.route === 'search-degraded');
  if (degradedSamples.length === 0) {
    lines.push('- degraded searches: **none seen** — no search was answered from the server\'s own data, so the fallback was not measured');
  } else {
    // Searches sent before the kill waited in Meilisearch's queue first, then fell back: their time is mostly
    // the normal search's. Those sent once it was gone show the fallback itself.
    const killAt = input.timeline.killAt ?? 0;
    const describe = (label: string, list: Sample[]) => {
      if (list.length === 0) return `${label}: none`;
      const sorted = list.map((x) => x.ms).sort((a, b) => a - b);
      const p99 = percentile(sorted, 99);
      return `${label}: p99 **${msText(p99)}** over ${list.length} answers (target < 500 ms) — ${p99 < 500 ? 'met' : 'missed'}`;
    };
    lines.push(`- degraded searches ${describe('sent while Meilisearch was gone', degradedSamples.filter((x) => x.sent >= killAt))}`);
    lines.push(`- degraded searches ${describe('under way when it was killed (queued at Meilisearch first)', degradedSamples.filter((x) => x.sent < killAt))}`);
    lines.push(`- degraded searches ${describe('all', degradedSamples)}`);
  }
  const restart = [...byPhase].find(([p]) => p.name === 'server restart')?.[0];
  const strayRefused = input.samples.filter((x) => (x.outcome === 'refused' || x.outcome === 'reset') &&
    !(restart && x.sent >= restart.from && x.sent < restart.to)).length;
  lines.push(`- refused or reset outside the server restart: ${strayRefused} (expected 0)`);
  return lines;
}

/** The whole report as Markdown lines. */
export function report(input: ReportInput): string[] {
  const all = phases(input.timeline);
  const byPhase = new Map<Phase, Sample[]>(all.map((p) => [p, []]));
  for (const x of input.samples) {
    const phase = all.find((p) => x.sent >= p.from && x.sent < p.to) ?? all[all.length - 1]!;
    byPhase.get(phase)!.push(x);
  }
  const lines = [input.setup, '', ...timelineLines(input), '', ...statusLines(input, byPhase), '', ...latencyLines(byPhase), '',
    ...rssLines(input, all), ''];
  lines.push('### Server log (warn and above)', '');
  if (input.serverLog.length === 0) lines.push('Nothing logged.');
  for (const entry of input.serverLog.slice(0, 10)) lines.push(`- ${entry.count} × ${entry.level}: ${entry.message}`);
  lines.push('', `Full log: ${input.logFile}`, '', ...verdictLines(input, byPhase));
  return lines;
}
