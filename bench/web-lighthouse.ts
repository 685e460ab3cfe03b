import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface LighthouseScores {
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  /** A few of the performance metrics behind the score, in ms (CLS unitless). */
  metrics: Record<string, number | null>;
  /** Audits that cost points, as "category: audit title", so a score below 100 says why. */
  failed: string[];
}

// Lighthouse is optional: not a dependency of the project (yet). It is looked up in the project first, then in
// LIGHTHOUSE_DIR (a folder where `npm install lighthouse@12` was run), then bench/out/lighthouse.

interface LighthouseResult {
  lhr: {
    categories: Record<string, { score: number | null; auditRefs?: { id: string; weight: number }[] } | undefined>;
    audits: Record<string, { numericValue?: number; score?: number | null; title?: string } | undefined>;
    runtimeError?: { message: string };
    runWarnings?: string[];
  };
}
type LighthouseFn = (url: string, flags: Record<string, unknown>) => Promise<LighthouseResult | undefined>;
interface ChromeLauncher {
  launch(options: { chromePath: string; chromeFlags: string[]; logLevel?: string }): Promise<{ port: number; kill(): Promise<void> | void }>;
}

async function importFrom(name: string, entry: string): Promise<unknown> {
  try {
    // A computed specifier: the package is optional, so TypeScript must not require its types.
    return await import(name);
  } catch {
    const dirs = [process.env.LIGHTHOUSE_DIR, resolve('bench/out/lighthouse')].filter((d): d is string => !!d);
    for (const dir of dirs) {
      const file = join(dir, 'node_modules', name, entry);
      if (existsSync(file)) return import(pathToFileURL(file).href);
    }
    return undefined;
  }
}

export async function loadLighthouse(): Promise<{ lighthouse: LighthouseFn; launcher: ChromeLauncher } | undefined> {
  const lh = (await importFrom('lighthouse', 'core/index.js')) as { default: LighthouseFn } | undefined;
  const cl = (await importFrom('chrome-launcher', 'dist/index.js')) as ChromeLauncher | undefined;
  return lh && cl ? { lighthouse: lh.default, launcher: cl } : undefined;
}

/** One Lighthouse run in its default configuration (mobile, simulated throttling) on `url`. */
export async function runLighthouse(
  url: string,
  tools: { lighthouse: LighthouseFn; launcher: ChromeLauncher },
  chrome: { path: string; flags: string[] },
): Promise<LighthouseScores> {
  process.env.CHROME_PATH = chrome.path;
  const browser = await tools.launcher.launch({ chromePath: chrome.path, chromeFlags: chrome.flags, logLevel: 'silent' });
  try {
    const result = await tools.lighthouse(url, {
      port: browser.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    });
    if (!result) throw new Error('Lighthouse returned no result');
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
    const score = (id: string) => {
      const s = lhr.categories[id]?.score;
      return s === null || s === undefined ? null : Math.round(s * 100);
    };
    const metric = (id: string) => lhr.audits[id]?.numericValue ?? null;
    const failed = ['accessibility', 'best-practices'].flatMap((category) =>
      (lhr.categories[category]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && typeof lhr.audits[ref.id]?.score === 'number' && lhr.audits[ref.id]!.score! < 1)
        .map((ref) => `${category}: ${lhr.audits[ref.id]?.title ?? ref.id}`),
    );
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      metrics: {
        'First Contentful Paint': metric('first-contentful-paint'),
        'Largest Contentful Paint': metric('largest-contentful-paint'),
        'Total Blocking Time': metric('total-blocking-time'),
        'Cumulative Layout Shift': metric('cumulative-layout-shift'),
        'Speed Index': metric('speed-index'),
      },
      failed,
    };
  } finally {
    await browser.kill();
  }
}
