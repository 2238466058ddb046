/**
 * The demo site as its readers meet it, in headless Chromium, on one shared build: axe-core
 * (WCAG 2.1 AA) on one page of each template in light and dark, with graphs drawn, the
 * header search open and the search page showing results; phones at 375 px; the weight of
 * a page with its graph; the search page without JavaScript. `npm run a11y` audits every page.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
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

  describe('on a phone, 375 px wide', () => {
    const phone = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true };

    it('scrolls no page sideways (wide tables scroll in their own box, long ids and locations wrap) and shows nothing a page marks hidden', async () => {
      const pages = readdirSync(site.outDir, { recursive: true, withFileTypes: true })
        .filter((f) => f.name === 'index.html' && !path.relative(site.outDir, f.parentPath).startsWith('pagefind'))
        .map((f) => path.relative(site.outDir, f.parentPath).split(path.sep).join('/'))
        .map((p) => (p ? `${p}/` : ''));
      expect(pages.length).toBeGreaterThan(40);
      const context = await site.browser.newContext(phone);
      const page = await context.newPage();
      const wide: string[] = [];
      const shownHidden: string[] = [];
      for (const p of pages) {
        await page.goto(`${site.url}${p}`, { waitUntil: 'load' });
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 375) wide.push(`/${p} is ${width} px wide`);
        const shown = await page.evaluate(() => [...document.querySelectorAll('[hidden]')].filter((e) => getComputedStyle(e).display !== 'none').map((e) => e.outerHTML.slice(0, 80)));
        shownHidden.push(...shown.map((html) => `/${p}: ${html}`));
      }
      await context.close();
      expect(wide).toEqual([]);
      expect(shownHidden).toEqual([]);
    }, 120_000);

    it("shows an entry's restrictions and a dataset's columns on screen a row at a time, cells labelled, and a three-column table whole", async () => {
      const context = await site.browser.newContext(phone);
      const page = await context.newPage();
      await page.goto(`${site.url}datasets/viewing-events-labelled/`, { waitUntil: 'load' });
      const row = page.getByRole('table', { name: 'Restrictions that bind this entry' }).locator('tbody tr').first();
      for (const label of ['Restriction', 'Comes from']) {
        const cell = row.locator(`td[data-label="${label}"]`);
        expect(await cell.count(), label).toBe(1);
        const box = (await cell.boundingBox())!;
        expect(box.x + box.width, label).toBeLessThanOrEqual(375);
      }
      // The columns' cells are labelled by the stylesheet, and empty ones left out.
      const column = page.getByRole('table', { name: 'Columns' }).locator('tbody tr').first();
      const cells = await column.locator('td').evaluateAll((tds) =>
        tds.filter((td) => getComputedStyle(td).display !== 'none').map((td) => ({ label: getComputedStyle(td, '::before').content, right: td.getBoundingClientRect().right })),
      );
      expect(cells.map((c) => c.label)).toEqual(['none', '"Type: "', '"Description: "']);
      for (const cell of cells) expect(cell.right).toBeLessThanOrEqual(375);
      await page.goto(`${site.url}people/`, { waitUntil: 'load' });
      const wrap = page.locator('.table-wrap').filter({ has: page.locator('table[data-sortable]') });
      expect(await wrap.evaluate((w) => w.scrollWidth - w.clientWidth)).toBe(0);
      await context.close();
    });

    it("shows each health problem with its owner on screen, row by row", async () => {
      const context = await site.browser.newContext(phone);
      const page = await context.newPage();
      await page.goto(`${site.url}health/`, { waitUntil: 'load' });
      const row = page.locator('#diagnostics tbody tr').first();
      for (const label of ['Problem', 'Owner']) {
        const box = (await row.locator(`td[data-label="${label}"]`).boundingBox())!;
        expect(box.x + box.width, label).toBeLessThanOrEqual(375);
      }
      expect(await row.locator('td[data-label="Owner"] a').first().textContent()).not.toBe('');
      await context.close();
    });

    it("folds an index's filters away so that its first entry shows without scrolling, unless the address chose one", async () => {
      const context = await site.browser.newContext(phone);
      const page = await context.newPage();
      await page.goto(`${site.url}datasets/`, { waitUntil: 'load' });
      const filters = page.locator('details[data-facets-box]');
      expect(await filters.getAttribute('open')).toBeNull();
      expect(await page.getByLabel('Owner').isVisible()).toBe(false);
      const box = (await page.locator('table[data-sortable] tbody tr').first().boundingBox())!;
      expect(box.y + 40).toBeLessThanOrEqual(667);
      await filters.locator('summary').click();
      await page.getByLabel('Status').selectOption('deprecated');
      expect(await filters.locator('summary').textContent()).toBe('Filters (1 on)');
      await page.goto(`${site.url}datasets/?status=deprecated`, { waitUntil: 'load' });
      expect(await page.getByLabel('Status').isVisible()).toBe(true);
      await context.close();
    });

    it('folds the search filters away so that the first result shows without scrolling', async () => {
      const context = await site.browser.newContext(phone);
      const page = await context.newPage();
      await page.goto(`${site.url}search/?q=churn`, { waitUntil: 'load' });
      const first = page.locator('[data-results] li').first();
      await first.waitFor({ timeout: 15_000 });
      const filters = page.locator('details[data-facets-box]');
      expect(await filters.getAttribute('open')).toBeNull();
      expect(await page.getByLabel('Kind').isVisible()).toBe(false);
      const box = (await first.boundingBox())!;
      expect(box.y + Math.min(box.height, 40)).toBeLessThanOrEqual(667);
      await filters.locator('summary').click();
      expect(await page.getByLabel('Kind').isVisible()).toBe(true);
      await context.close();
    });
  });

  it('keeps a search query in the address and offers the index pages that exist when JavaScript is off', async () => {
    const { page, close } = await site.open(`${site.url}search/?q=churn`, { javaScript: false });
    const links = await page.locator('main .index-links a').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const response = await page.request.get(link);
      expect(response.status(), link).toBe(200);
    }
    expect(await page.locator('main').textContent()).toContain('needs JavaScript');
    // The form sends its words as `?q=`, to this page.
    await page.locator('main input[name=q]').fill('subscriber');
    await page.locator('main input[name=q]').press('Enter');
    await page.waitForURL(/search\/\?q=subscriber$/);
    await close();
  });

  it('answers on a dataset page, for each use, whether it may be used for it, marking commercial uses, and reads license terms as sentences', async () => {
    const { page, close } = await site.open(`${site.url}datasets/openreel-ratings/`);
    const groups = page.locator('[data-use-answers] > div');
    const no = page.locator('[data-use-answers] > div[data-verdict="no"]').filter({ hasText: 'personalisation' });
    expect(await no.locator('dt').textContent()).toContain('personalisation (commercial)');
    expect(await no.locator('dd').textContent()).toContain('CC-BY-NC-4.0');
    const yes = page.locator('[data-use-answers] > div[data-verdict="yes"]').filter({ hasText: 'research' });
    expect(await yes.locator('dt .badge').textContent()).toBe('Yes');
    // Every use of the vocabulary has one answer.
    const uses = await groups.locator('dt code').allTextContents();
    expect(uses.length).toBeGreaterThan(5);
    expect(new Set(uses).size).toBe(uses.length);
    await page.goto(`${site.url}licenses/lumen-internal/`, { waitUntil: 'load' });
    const terms = (await page.locator('#terms').textContent())!;
    expect(terms).toContain('Do not sell the data, or access to it.');
    expect(terms).not.toContain('no-commercial-resale');
    await close();
  });

  it("shows whom to contact on an entry page, the owning team's channel and email first, and names owners in index filters", async () => {
    const { page, close } = await site.open(`${site.url}models/home-recommender/`);
    const contact = (await page.locator('[data-contact] dd').textContent())!;
    expect(contact).toMatch(/^Recommendations team: #recsys-help, recsys@lumen\.example; Ana Lopez: ana@lumen\.example$/);
    expect(await page.locator('[data-contact] a[href="mailto:recsys@lumen.example"]').count()).toBe(1);
    await page.goto(`${site.url}datasets/`, { waitUntil: 'load' });
    const owners = await page.getByLabel('Owner').locator('option').allTextContents();
    expect(owners).toContain(`Recommendations team (${(await page.locator('tbody tr').filter({ hasText: 'Recommendations team' }).count())})`);
    expect(owners.some((o) => o.includes('recsys-team'))).toBe(false);
    await close();
  });

  describe("a model's lineage graph", () => {
    /** Every label's drawn size, and any label clipped by its box or overlapping another label or a box. */
    const inspect = (page: Page) =>
      page.locator('[data-lineage] [data-diagram] svg').evaluate((svg: SVGSVGElement) => {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const labels = [...svg.querySelectorAll<HTMLElement>('.nodeLabel, .edgeLabel p, .edgeLabel span, text')].filter((l) => (l.textContent ?? '').trim());
        // To a hundredth of a pixel: 16 px at a zoom of 0.75 measures 11.9999.
        const sizes = labels.map((l) => Math.round(parseFloat(getComputedStyle(l).fontSize) * scale * 100) / 100);
        const problems: string[] = [];
        for (const fo of svg.querySelectorAll('foreignObject')) {
          const inner = fo.firstElementChild as HTMLElement | null;
          if (inner && inner.scrollWidth > fo.getBoundingClientRect().width / scale + 1) problems.push(`clipped: ${inner.textContent}`);
        }
        const edgeLabels = [...svg.querySelectorAll('.edgeLabel')]
          .filter((l) => (l.textContent ?? '').trim() && !l.parentElement?.closest('.edgeLabel')).map((l) => ({ text: l.textContent!, r: l.getBoundingClientRect() }));
        const nodes = [...svg.querySelectorAll('.node')].map((n) => ({ text: n.textContent!, r: n.getBoundingClientRect() }));
        const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
        edgeLabels.forEach((e, i) => {
          for (const n of nodes) if (overlap(e.r, n.r)) problems.push(`"${e.text}" overlaps the box "${n.text}"`);
          for (const f of edgeLabels.slice(i + 1)) if (overlap(e.r, f.r)) problems.push(`"${e.text}" overlaps "${f.text}"`);
        });
        return { smallest: Math.min(...sizes), labels: labels.length, problems };
      });

    it('keeps its natural size: labels at 12 px or more, no label clipped or overlapping, scrolling in its box on a phone', async () => {
      for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 667 }]) {
        const context = await site.browser.newContext({ viewport });
        const page = await context.newPage();
        await page.goto(`${site.url}models/churn-predictor/`, { waitUntil: 'load' });
        await drawDiagrams(page);
        for (const depth of await page.locator('select[data-depth] option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value))) {
          await page.locator('select[data-depth]').selectOption(depth);
          await page.waitForFunction(() => !document.querySelector('[data-diagram][aria-busy]'));
          const seen = await inspect(page);
          expect(seen.labels, `depth ${depth}`).toBeGreaterThan(3);
          expect(seen.smallest, `depth ${depth} at ${viewport.width} px`).toBeGreaterThanOrEqual(12);
          expect(seen.problems, `depth ${depth}`).toEqual([]);
        }
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
        await context.close();
      }
    });

    it('zooms within bounds that keep labels at 12 px or more, and opens full screen until Escape', async () => {
      const { page, close } = await site.open(`${site.url}models/churn-predictor/`);
      await drawDiagrams(page);
      const out = page.getByRole('button', { name: 'Zoom out' });
      while (await out.isEnabled()) await out.click();
      expect((await inspect(page)).smallest).toBeGreaterThanOrEqual(12);
      const zoomIn = page.getByRole('button', { name: 'Zoom in' });
      const before = (await page.locator('[data-diagram] svg').boundingBox())!.width;
      await zoomIn.click();
      expect((await page.locator('[data-diagram] svg').boundingBox())!.width).toBeGreaterThan(before);
      await page.getByRole('button', { name: 'Full screen' }).click();
      const box = (await page.locator('[data-lineage]').boundingBox())!;
      expect([box.x, box.y, box.width]).toEqual([0, 0, page.viewportSize()!.width]);
      await page.keyboard.press('Escape');
      expect(await page.locator('[data-lineage]').getAttribute('class')).not.toContain('full');
      await close();
    });

    it('reaches each box as a link named by its entry, not inside an image', async () => {
      const { page, close } = await site.open(`${site.url}models/churn-predictor/`);
      await drawDiagrams(page);
      const diagram = page.locator('[data-diagram]');
      const link = diagram.getByRole('link', { name: 'Viewing events, labelled' });
      expect(await link.count()).toBe(1);
      expect(await page.locator('[role="img"] a').count()).toBe(0);
      await link.focus();
      expect(await page.evaluate(() => document.activeElement?.closest('[data-diagram]') !== null)).toBe(true);
      await close();
    });

    it('weighs at most 300 KB compressed with its graph drawn', async () => {
      const context = await site.browser.newContext();
      const page = await context.newPage();
      const sizes: Promise<number>[] = [];
      page.on('response', (response) => sizes.push(response.body().then((body) => gzipSync(body).length, () => 0)));
      await page.goto(`${site.url}models/churn-predictor/`, { waitUntil: 'load' });
      await drawDiagrams(page);
      await page.waitForLoadState('networkidle');
      const total = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
      console.log(`A model page with its graph drawn: ${(total / 1024).toFixed(0)} KB compressed.`);
      expect(total).toBeLessThanOrEqual(300 * 1024);
      await context.close();
    });
  });

  it('counts the same distinct entries needing attention on the home page and the health page', async () => {
    const { page, close } = await site.open(site.url);
    const home = Number(/(\d+) entries need an owner's attention/.exec((await page.locator('main').textContent())!)?.[1]);
    await page.goto(`${site.url}health/`, { waitUntil: 'load' });
    const card = page.locator('.card').filter({ hasText: 'entries need attention' }).locator('.stat');
    expect(Number(await card.textContent())).toBe(home);
    expect(home).toBeGreaterThan(0);
    await close();
  });
});
