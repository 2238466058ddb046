/**
 * Debian's Chromium driven by playwright-core. Outside CI a missing browser skips the
 * browser tests with a printed reason; under CI=true it is a failure.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Why the browser tests cannot run here, or undefined when they can. */
export function browserMissing(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const reason = `No Chromium at ${CHROMIUM} (install Debian's chromium, or set CHROMIUM_PATH)`;
  if (process.env['CI'] === 'true') throw new Error(`${reason}; browser tests are required under CI=true.`);
  return reason;
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

export interface OpenPage {
  page: Page;
  /** Console errors, uncaught exceptions and failed requests to `site`, as they happen. */
  problems: string[];
  close: () => Promise<void>;
}

/** Opens `url` in a fresh context that records what went wrong on the page. */
export async function openPage(browser: Browser, url: string, site: string, options: { javaScript?: boolean } = {}): Promise<OpenPage> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`exception: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && r.url().startsWith(site)) problems.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems, close: () => context.close() };
}
