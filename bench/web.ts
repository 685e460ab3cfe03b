import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/helpers/browser';
import { loadLighthouse, runLighthouse, type LighthouseScores } from './web-lighthouse';
import { startServerProcess } from './web-server';
import { bundleSizes, sum } from './web-sizes';

// `npx tsx bench/web.ts`: what a visitor's browser pays for the web client — bundle sizes, time to the first
// results on screen, Lighthouse scores. Needs a built client (npm run build). Prints a Markdown block for
// docs/benchmarks.md (also written to bench/out/web-latest.md). Not part of `npm test`.

const LOADS = 5;
const SEED_COUNT = 3000;
const lines: string[] = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

declare global {
  interface Window {
    __firstCardAt?: number;
  }
}

/**
 * Runs in the page before its own scripts: notes the time (since navigation start) the first card appears.
 * A string, not a function: tsx wraps named functions in a `__name` helper that does not exist in the page.
 */
const WATCH_FIRST_CARD = `
  (() => {
    const observer = new MutationObserver(() => {
      if (window.__firstCardAt === undefined && document.querySelector('[data-testid="offering-card"]')) {
        window.__firstCardAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  })();
`;

interface Load {
  firstResultsMs: number;
  fcpMs: number | null;
  transferKb: number;
}

async function measureLoads(baseUrl: string, count: number): Promise<{ warmUp: Load; loads: Load[] }> {
  if (!chromiumPath) throw new Error('no Chromium (apt-get install -y chromium, or set CHROMIUM_PATH)');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    const loadOnce = async (): Promise<Load> => {
      // A new context is a cold browser: empty HTTP cache, no storage.
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'de-DE' });
      try {
        const page = await context.newPage();
        await page.addInitScript(WATCH_FIRST_CARD);
        await page.goto(`${baseUrl}/`, { waitUntil: 'commit' });
        await page.locator('[data-testid="offering-card"]').first().waitFor({ state: 'attached', timeout: 60_000 });
        // Everything the first view needs (map chunk and map points included) is in once the network is idle.
        await page.waitForLoadState('networkidle');
        return await page.evaluate(() => {
          const fcp = performance.getEntriesByName('first-contentful-paint')[0];
          const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
          const bytes = resources.reduce((n, r) => n + r.transferSize, nav?.transferSize ?? 0);
          return { firstResultsMs: window.__firstCardAt ?? Number.NaN, fcpMs: fcp ? fcp.startTime : null, transferKb: bytes / 1024 };
        });
      } finally {
        await context.close();
      }
    };
    // The first load after the server starts also pays for its cold caches; it is shown apart.
    const warmUp = await loadOnce();
    const loads: Load[] = [];
    for (let i = 0; i < count; i++) loads.push(await loadOnce());
    return { warmUp, loads };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const distDir = resolve('web/dist');
  if (!existsSync(resolve(distDir, 'index.html'))) throw new Error('web/dist/index.html is missing: run npm run build first');
  mkdirSync(resolve('bench/out'), { recursive: true });

  say(`## Web client benchmark ${new Date().toISOString()}`);
  say();
  const sizes = bundleSizes(distDir);
  say('### Bundle (web/dist)');
  say();
  say('| file | raw | gzip | brotli |');
  say('|---|---|---|---|');
  for (const s of sizes.initial) say(`| ${s.file} | ${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.brotli)} |`);
  say(`| **initial JS + CSS** (referenced by index.html) | ${kb(sum(sizes.initial, 'raw'))} | **${kb(sum(sizes.initial, 'gzip'))}** | ${kb(sum(sizes.initial, 'brotli'))} |`);
  const code = sizes.all.filter((s) => /\.(js|css)$/.test(s.file));
  say(`| all JS + CSS (${code.length} files, lazy chunks included) | ${kb(sum(code, 'raw'))} | ${kb(sum(code, 'gzip'))} | ${kb(sum(code, 'brotli'))} |`);
  say(`| all files in web/dist (${sizes.all.length}) | ${kb(sum(sizes.all, 'raw'))} | ${kb(sum(sizes.all, 'gzip'))} | ${kb(sum(sizes.all, 'brotli'))} |`);
  say();

  const server = await startServerProcess({
    dataDir: resolve('bench/out/web-data'),
    seedCount: SEED_COUNT,
    logFile: resolve('bench/out/web-server.log'),
  });
  try {
    const { warmUp, loads } = await measureLoads(server.baseUrl, LOADS);
    const first = loads.map((l) => l.firstResultsMs);
    const fcps = loads.map((l) => l.fcpMs).filter((v): v is number => v !== null);
    say(`### First results visible (${SEED_COUNT.toLocaleString('en')} demo offerings, server on loopback, no throttling)`);
    say();
    say(`Time from navigation start to the first \`[data-testid=offering-card]\` in the DOM, ${LOADS} cold loads`);
    say('(new browser context each: empty cache), after one unreported warm-up load of the server.');
    say();
    say('| measure | median | min | max |');
    say('|---|---|---|---|');
    say(`| first results visible | **${median(first).toFixed(0)} ms** | ${Math.min(...first).toFixed(0)} ms | ${Math.max(...first).toFixed(0)} ms |`);
    if (fcps.length) say(`| first contentful paint | ${median(fcps).toFixed(0)} ms | ${Math.min(...fcps).toFixed(0)} ms | ${Math.max(...fcps).toFixed(0)} ms |`);
    say(`| bytes transferred until the network is idle | ${kb(median(loads.map((l) => l.transferKb * 1024)))} | ${kb(Math.min(...loads.map((l) => l.transferKb * 1024)))} | ${kb(Math.max(...loads.map((l) => l.transferKb * 1024)))} |`);
    say();
    say(`Warm-up load (server caches cold): first results after ${warmUp.firstResultsMs.toFixed(0)} ms.`);
    say();

    const tools = await loadLighthouse();
    if (!tools) {
      say('### Lighthouse');
      say();
      say('Not run: the `lighthouse` package is not installed (`npm install -D lighthouse@12`).');
    } else {
      let scores: LighthouseScores | undefined;
      try {
        scores = await runLighthouse(`${server.baseUrl}/`, tools, { path: chromiumPath!, flags: CHROMIUM_ARGS });
      } catch (error) {
        say(`### Lighthouse\n\nFailed: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (scores) {
        say('### Lighthouse 12, default configuration (mobile, simulated slow 4G and 4× CPU slowdown) on `/`');
        say();
        say('| performance | accessibility | best practices |');
        say('|---|---|---|');
        say(`| ${scores.performance ?? '–'} | ${scores.accessibility ?? '–'} | ${scores.bestPractices ?? '–'} |`);
        say();
        const metrics = Object.entries(scores.metrics)
          .filter(([, v]) => v !== null)
          .map(([name, v]) => (name.includes('Layout Shift') ? `${name} ${v!.toFixed(3)}` : `${name} ${(v! / 1000).toFixed(2)} s`));
        say(`Metrics (simulated): ${metrics.join(', ')}.`);
        if (scores.failed.length > 0) say(`Audits that cost points: ${scores.failed.join('; ')}.`);
      }
    }
  } finally {
    await server.stop();
  }
  writeFileSync(resolve('bench/out/web-latest.md'), `${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
