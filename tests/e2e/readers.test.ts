/**
 * The demo site as its readers meet it, in headless Chromium, on one shared build: axe-core
 * (WCAG 2.1 AA) on one page of each template in light and dark, with graphs drawn, the
 * header search open and the search page showing results; phones at 375 px; the weight of
 * a page with its graph; the search page without JavaScript. `npm run a11y` audits every page.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from './axe.ts';
import { browserMissing } from './browser.ts';
import { repoRoot } from './build.ts';
import { drawDiagrams } from './diagrams.ts';
import { siteInBrowser, type SiteInBrowser } from './site-in-browser.ts';

const missing = browserMissing();
if (missing) console.log(`Skipping the readers' browser tests: ${missing}.`);

/** One page of each template of the demo site. */
const TEMPLATES = [
  '',
  'datasets/',
  'datasets/viewing-events-labelled/',
  'models/churn-predictor/',
  'sources/device-telemetry/',
  'glossary/churn/',
  'teams/recsys-team/',
  'people/ana-lopez/',
  'licenses/studio-metadata-terms/',
  'health/',
  'guide/',
  'reference/',
  'search/?q=churn',
  'no-such-page/',
];

describe.skipIf(missing !== undefined)('the demo site for its readers', () => {
  let site: SiteInBrowser;
  beforeAll(async () => {
    site = await siteInBrowser(path.join(repoRoot, 'content'));
  });
  afterAll(() => site?.close());

  for (const scheme of ['light', 'dark'] as const) {
    it(`finds no WCAG 2.1 AA violation with axe-core on one page of each template, ${scheme}, graphs drawn`, async () => {
      const context = await site.browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      const failures: string[] = [];
      for (const p of TEMPLATES) {
        await page.goto(`${site.url}${p}`, { waitUntil: 'load' });
        failures.push(...(await drawDiagrams(page)).map((problem) => `/${p}: ${problem}`));
        if (p.startsWith('search/')) await page.locator('[data-results] li').first().waitFor({ timeout: 15_000 });
        failures.push(...describeViolations(`/${p}`, await axeViolations(page)));
      }
      // The header search box open on its results.
      await page.goto(site.url, { waitUntil: 'load' });
      await page.getByRole('searchbox', { name: 'Search the catalog' }).fill('churn');
      await page.locator('#site-search-results li a').first().waitFor({ timeout: 15_000 });
      failures.push(...describeViolations('header search open', await axeViolations(page)));
      await context.close();
      expect(failures).toEqual([]);
    }, 120_000);
  }

  it('announces the header search results as a count in a polite status, not result by result', async () => {
    const { page, close } = await site.open(site.url);
    await page.getByRole('searchbox', { name: 'Search the catalog' }).fill('churn');
    await page.locator('#site-search-results li a').first().waitFor({ timeout: 15_000 });
    const status = page.getByRole('status');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/^\d+ results?$/);
    expect(await page.locator('#site-search-results').getAttribute('aria-live')).toBeNull();
    expect(await page.locator('[aria-live] li, [role=status] li').count()).toBe(0);
    await close();
  });
});
