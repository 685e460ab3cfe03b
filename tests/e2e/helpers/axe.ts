import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The axe findings (WCAG 2.1 A and AA) on the page as it is now, one readable line per finding and element;
 * an empty list means none. Every impact counts: the workspace pages are new, so they start clean.
 */
export async function axeFindings(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return violations.flatMap((v) =>
    v.nodes.slice(0, 5).map((node) => `[${v.impact ?? '?'}] ${v.id} at ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? v.help}`),
  );
}
