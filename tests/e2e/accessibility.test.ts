import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable } from './helpers/browser';
import { openFirstDetailPage, openPage, settle } from './helpers/page';
import { useE2eEnv } from './helpers/suite';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe and fails on serious or critical violations, listing every violation (any impact) in the message. */
async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const blocking = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = result.violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `      ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
        .join('\n');
      const more = v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more` : '';
      return `  [${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    })
    .join('\n');
  expect(blocking.map((v) => v.id), `axe violations on ${where}:\n${report}`).toEqual([]);
  if (result.violations.length > 0) console.info(`axe: minor/moderate findings on ${where}:\n${report}`);
}

describe.skipIf(!browserAvailable)('accessibility (axe, WCAG 2.1 A and AA)', { timeout: 120_000 }, () => {
  const env = useE2eEnv();

  it('finds no serious or critical violations on the search page with results', async () => {
    const { page, close } = await openPage(env.browser, env.baseUrl);
    try {
      await page.goto('/?q=Nachhilfe');
      const count = await settle(page);
      expect(count).toBeGreaterThan(0);
      await expectNoSeriousViolations(page, 'the search page');
    } finally {
      await close();
    }
  });

  it('finds no serious or critical violations on a detail page', async () => {
    const { page, close } = await openPage(env.browser, env.baseUrl);
    try {
      await openFirstDetailPage(page);
      await expectNoSeriousViolations(page, `the detail page ${new URL(page.url()).pathname}`);
    } finally {
      await close();
    }
  });
});
