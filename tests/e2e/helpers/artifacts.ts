import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** Where e2e output goes (git-ignored): screenshots people look at after a run. */
export const ARTIFACTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../artifacts');

/** Turns a test name into a safe file name: "Search page (phone)" → "search-page-phone". */
export function artifactName(testName: string): string {
  const slug = testName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'screenshot' : slug.slice(0, 100);
}

/** Saves a PNG of the page to tests/artifacts/<test-name>.png and returns its path. */
export async function saveScreenshot(page: Page, testName: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${artifactName(testName)}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? false, animations: 'disabled' });
  return path;
}
