import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

// `npx playwright install` cannot work on these machines, so the suites drive the system's Debian Chromium.

const INSTALL_HINT = 'Install it with `apt-get install -y chromium` (or point CHROMIUM_PATH at a Chromium binary).';

/** Flags for a quiet, network-free headless Chromium inside containers (see shared/STACK.md). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path): path is string => path !== undefined && path !== '' && existsSync(path));
}

/** The Chromium binary the end-to-end tests use, or undefined when there is none. */
export const chromiumPath = findChromium();

/**
 * Whether the e2e suites can run. In CI a missing browser is an error (a silent skip there would hide that
 * the UI is untested); locally the suites skip with a warning so `npm test` still works without Chromium.
 */
export const browserAvailable = chromiumPath !== undefined;

if (!browserAvailable) {
  const message = `No Chromium found for the end-to-end tests (looked at $CHROMIUM_PATH and /usr/bin/chromium). ${INSTALL_HINT}`;
  if (process.env.CI) throw new Error(message);
  console.warn(`\n⚠ ${message}\n  The e2e suites are SKIPPED.\n`);
}

export interface E2eBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Launches headless Chromium. `chromium.launch` always starts from a fresh temporary profile (removed on
 * close), so no cache, cookies or storage leak from one suite into another.
 */
export async function launchBrowser(): Promise<E2eBrowser> {
  if (!chromiumPath) throw new Error(`No Chromium found. ${INSTALL_HINT}`);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS, timeout: 60_000 });
  return {
    browser,
    async close() {
      await browser.close().catch(() => undefined);
    },
  };
}
