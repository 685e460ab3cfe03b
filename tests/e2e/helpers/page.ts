import type { Browser, BrowserContext, Page } from 'playwright-core';

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page and browser dialogs (alert, confirm …) seen so far. */
  problems: string[];
  close(): Promise<void>;
}

interface Tracker {
  inFlight: number;
  lastActivity: number;
  /** Page errors and failed responses, for explaining a page that never shows results. */
  trouble: string[];
}
const trackers = new WeakMap<Page, Tracker>();

/**
 * A new context and page against the server. Tracks the page's /api/ requests (so `settle` knows when the
 * UI is done loading), records uncaught errors, and dismisses and records every dialog: a dialog means
 * script ran that should not have.
 */
export async function openPage(
  browser: Browser,
  baseUrl: string,
  options: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: options.locale ?? 'de-DE',
    // The client must not try to reach the network; location is only asked for by a button the tests do not press.
    serviceWorkers: 'block',
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog (${dialog.type()}): ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  const tracker: Tracker = { inFlight: 0, lastActivity: Date.now(), trouble: [] };
  trackers.set(page, tracker);
  page.on('pageerror', (error) => tracker.trouble.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) tracker.trouble.push(`HTTP ${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => tracker.trouble.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  const isApi = (url: string) => new URL(url).pathname.startsWith('/api/');
  page.on('request', (request) => {
    if (!isApi(request.url())) return;
    tracker.inFlight++;
    tracker.lastActivity = Date.now();
  });
  const done = (request: { url(): string }) => {
    if (!isApi(request.url())) return;
    tracker.inFlight = Math.max(0, tracker.inFlight - 1);
    tracker.lastActivity = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return { context, page, problems, close: () => context.close() };
}

const COUNT_PATTERN = /(\d[\d.,\u202f\u00a0 ]*|kein|keine|no)\s+(angebote?|offerings?)\s+(gefunden|found)/i;

/** The number in the result count ("1.234 Angebote gefunden" / "1,234 offerings found"), or null. */
export function parseResultCount(text: string): number | null {
  const match = COUNT_PATTERN.exec(text);
  if (!match) return null;
  const digits = match[1]!.replace(/[^\d]/g, '');
  return digits === '' ? 0 : Number(digits);
}

/** The result count element: the `role="status"` that reads "<n> Angebote gefunden". */
export function resultStatus(page: Page) {
  return page.getByRole('status').filter({ hasText: /(gefunden|found)/i }).first();
}

export async function readResultCount(page: Page): Promise<number | null> {
  const status = resultStatus(page);
  if ((await status.count()) === 0) return null;
  return parseResultCount((await status.textContent()) ?? '');
}

/**
 * Waits until the UI has finished loading: no /api/ request in flight or started for `quietMs`, and the result
 * count readable and unchanged across that window. Returns the count. (Waiting on the UI's own signals, not a
 * fixed sleep, keeps the tests both fast and stable on a busy machine.)
 */
export async function settle(page: Page, options: { timeoutMs?: number; quietMs?: number } = {}): Promise<number> {
  return settleInternal(page, { ...options, needCount: true }) as Promise<number>;
}

/** Waits for the network to be quiet only: for views without a result count (the map view on phones). */
export async function settleNetwork(page: Page, options: { timeoutMs?: number; quietMs?: number } = {}): Promise<void> {
  await settleInternal(page, { ...options, needCount: false });
}

async function settleInternal(
  page: Page,
  options: { timeoutMs?: number; quietMs?: number; needCount: boolean },
): Promise<number | null> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const quietMs = options.quietMs ?? 600;
  const tracker = trackers.get(page);
  const deadline = Date.now() + timeoutMs;
  let last: { count: number | null; since: number } = { count: null, since: Date.now() };
  let lastText = '';
  while (Date.now() < deadline) {
    const count = await readResultCount(page).catch(() => null);
    lastText = (await resultStatus(page).textContent({ timeout: 1000 }).catch(() => null)) ?? '(no status element)';
    if (count !== last.count) last = { count, since: Date.now() };
    const networkQuiet = !tracker || (tracker.inFlight === 0 && Date.now() - tracker.lastActivity >= quietMs);
    if ((count !== null || !options.needCount) && networkQuiet && Date.now() - last.since >= quietMs) return count;
    await page.waitForTimeout(100);
  }
  const outline = await page.locator('body').ariaSnapshot({ timeout: 2000 }).catch(() => '(no aria snapshot)');
  throw new Error(
    `The result count did not settle within ${timeoutMs} ms (status reads "${lastText}", ` +
      `${tracker?.inFlight ?? '?'} API requests in flight). Trouble: ${JSON.stringify(tracker?.trouble.slice(0, 10) ?? [])}. ` +
      `The page at ${page.url()}:\n${outline.slice(0, 1500)}`,
  );
}

export interface CheckboxState {
  /** The fieldset's legend, e.g. "Kategorie". */
  group: string;
  /** The label without its count, e.g. "Nachhilfe und Lernförderung". */
  label: string;
  /** The count in the label's "(n)", or null when there is none (e.g. "BuT-fähig" may have one or not). */
  count: number | null;
  checked: boolean;
}

/** Every filter checkbox on the page with its group, label, count and state, in document order. */
export async function filterCheckboxes(page: Page): Promise<CheckboxState[]> {
  const raw = await page.evaluate(() => {
    const nameOf = (input: HTMLInputElement): string => {
      const labelledBy = input.getAttribute('aria-labelledby');
      if (labelledBy) {
        return labelledBy.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
      }
      return input.getAttribute('aria-label') ?? input.labels?.[0]?.textContent ?? '';
    };
    return Array.from(document.querySelectorAll<HTMLInputElement>('fieldset input[type="checkbox"]')).map((input) => ({
      group: input.closest('fieldset')?.querySelector('legend')?.textContent ?? '',
      name: nameOf(input),
      checked: input.checked,
    }));
  });
  return raw.map(({ group, name, checked }) => {
    const text = name.replace(/\s+/g, ' ').trim();
    const match = /^(.*?)\s*\((\d[\d.,]*)\)$/.exec(text);
    return {
      group: group.replace(/\s+/g, ' ').trim(),
      label: match ? match[1]! : text,
      count: match ? Number(match[2]!.replace(/[^\d]/g, '')) : null,
      checked,
    };
  });
}

/** The checked filters as "group: label" strings, sorted, for comparing two states of the page. */
export async function checkedFilters(page: Page): Promise<string[]> {
  return (await filterCheckboxes(page))
    .filter((box) => box.checked)
    .map((box) => `${box.group}: ${box.label}`)
    .sort();
}

/** The result cards currently in the list. */
export function resultCards(page: Page) {
  return page.locator('[data-testid="offering-card"]');
}

/** Reads id and age range of every card in the list. */
export async function cardData(page: Page): Promise<Array<{ id: string; minAge: number; maxAge: number; title: string }>> {
  return page.locator('[data-testid="offering-card"]').evaluateAll((cards) =>
    cards.map((card) => ({
      id: card.getAttribute('data-offering-id') ?? '',
      minAge: Number(card.getAttribute('data-min-age')),
      maxAge: Number(card.getAttribute('data-max-age')),
      title: card.querySelector('h2, h3, h4')?.textContent?.trim() ?? '',
    })),
  );
}

/** Whether an element shows a focus indicator: a real outline or a box-shadow. */
export async function hasVisibleFocus(page: Page): Promise<{ visible: boolean; describe: string }> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { visible: false, describe: 'nothing focused' };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== '' && style.boxShadow !== 'none';
    const describe = `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> outline: ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; box-shadow: ${style.boxShadow}`;
    return { visible: outline || shadow, describe };
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The checkbox of a filter option, found by its fieldset's legend and its label (with any count). */
export function checkboxFor(page: Page, box: Pick<CheckboxState, 'group' | 'label'>) {
  return page
    .getByRole('group', { name: box.group, exact: true })
    .getByRole('checkbox', { name: new RegExp(`^\\s*${escapeRegExp(box.label)}(\\s*\\(\\d[\\d.,]*\\))?\\s*$`) });
}

/** From the unfiltered search, opens the first result's detail page and waits until it has rendered. */
export async function openFirstDetailPage(page: Page): Promise<void> {
  await page.goto('/');
  await settle(page);
  const [first] = await cardData(page);
  if (!first) throw new Error('no result card on the search page');
  await page.goto(`/angebot/${first.id}`);
  await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 15_000 });
  await page.getByRole('link', { name: 'Zurück zur Suche' }).waitFor({ timeout: 15_000 });
}
