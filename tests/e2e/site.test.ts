/**
 * The demo catalog's built site in real headless Chromium, as a visitor sees it: every
 * page loads cleanly, search finds entries, filters narrow indexes, graphs render, and
 * the closure lists work without JavaScript.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { browserMissing } from './browser.ts';
import { repoRoot } from './build.ts';
import { siteInBrowser, type SiteInBrowser } from './site-in-browser.ts';

const missing = browserMissing();
if (missing) console.log(`Skipping the browser tests: ${missing}.`);

describe.skipIf(missing !== undefined)('the demo site in a browser', () => {
  const content = path.join(repoRoot, 'content');
  const catalog = buildCatalog(content);
  let site: SiteInBrowser;

  // Ten pages to a search bundle, as a catalog of thousands is split in thousands, so every
  // search here runs across several bundles merged in the browser.
  beforeAll(async () => {
    site = await siteInBrowser(content, { searchShardPages: 10 });
  });
  afterAll(() => site?.close());

  const open = (url: string, options: { javaScript?: boolean } = {}) => site.open(url, options);

  const entryUrl = (folder: string, id: string) => `${site.url}${folder}/${id}/`;

  it('loads every page without console errors, drawing every graph, with one h1, landmarks and labelled controls', async () => {
    const seen = new Set<string>();
    const queue = [site.url];
    const failures: string[] = [];
    const { page, problems, close } = await open(site.url);
    while (queue.length) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      problems.length = 0;
      if (url !== site.url || seen.size > 1) await page.goto(url, { waitUntil: 'load' });
      // Graphs load Mermaid when scrolled into view; bring each into view so its errors count too.
      for (const diagram of await page.locator('[data-lineage], .prose pre.mermaid').all()) {
        await diagram.scrollIntoViewIfNeeded();
        await diagram.locator('svg').first().waitFor({ state: 'attached', timeout: 15_000 }).catch(() => problems.push('a graph did not render'));
      }
      // Accessibility basics a crawler can see: one h1, the landmarks, and no unlabelled control.
      const audit = await page.evaluate(() => ({
        h1: document.querySelectorAll('h1').length,
        landmarks: ['header', 'nav', 'main', 'footer'].filter((tag) => !document.querySelector(tag)),
        unlabelled: [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')]
          .filter((c) => c.type !== 'hidden' && !c.labels?.length && !c.getAttribute('aria-label'))
          .map((c) => c.outerHTML.slice(0, 80)),
      }));
      if (audit.h1 !== 1) problems.push(`${audit.h1} h1 elements`);
      if (audit.landmarks.length) problems.push(`missing ${audit.landmarks.join(', ')}`);
      for (const control of audit.unlabelled) problems.push(`unlabelled control ${control}`);
      failures.push(...problems.map((p) => `${url.slice(site.url.length - 1)}: ${p}`));
      const links = await page.$$eval('a[href]', (anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
      for (const link of links) {
        const clean = link.split('#')[0]!.split('?')[0]!;
        // Pages only: catalog.json and the like are files for tools, checked by the build tests.
        const isPage = clean.endsWith('/') || clean.endsWith('.html');
        if (clean.startsWith(site.url) && isPage && !seen.has(clean) && !clean.includes('/pagefind/')) queue.push(clean);
      }
    }
    await close();
    expect(failures).toEqual([]);
    // Every entry page was reached by following links from the home page.
    const entryPages = [...seen].filter((u) => catalog.entries.some((e) => u === entryUrl(u.slice(site.url.length).split('/')[0]!, e.id)));
    expect(entryPages.length).toBe(catalog.entries.length);
  }, 300_000);

  it('finds an entry first when its title is typed into the header search box', async () => {
    const { page, problems, close } = await open(site.url);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    const search = page.getByRole('searchbox', { name: 'Search the catalog' });
    await search.fill('Viewing events, labelled');
    const first = page.locator('#site-search-results li a').first();
    await first.waitFor({ timeout: 15_000 });
    expect(await first.locator('.result-title').textContent()).toBe('Viewing events, labelled');
    expect(await first.locator('.badge').textContent()).toBe('Dataset');
    expect(await first.locator('.result-desc').textContent()).toBe("One row per play event, with the user's churn label 30 days later.");
    expect(new URL((await first.getAttribute('href'))!, site.url).href).toBe(entryUrl('datasets', 'viewing-events-labelled'));
    // The box reads the names index alone: none of the full text's shards.
    expect(requested.filter((url) => url.includes('/pagefind/')).length).toBeGreaterThan(0);
    expect(requested.filter((url) => /\/pagefind-\d+\//.test(url))).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it('finds datasets by a column name and by a glossary term', async () => {
    const { page, close } = await open(`${site.url}search/?q=days_since_last_play`);
    await page.locator('[data-results] li').first().waitFor({ timeout: 15_000 });
    const titles = await page.locator('[data-results] li > a').allTextContents();
    expect(titles).toContain('Viewing events, labelled');
    await page.goto(`${site.url}search/?q=subscriber&kind=Glossary%20term`);
    await page.locator('[data-results] li').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-results] li .badge').allTextContents()).toEqual(
      expect.arrayContaining(['Glossary term']),
    );
    expect(new Set(await page.locator('[data-results] li .badge').allTextContents())).toEqual(new Set(['Glossary term']));
    await close();
  });

  it('searches and counts across every bundle of a search index split into shards', async () => {
    const shards = JSON.parse(readFileSync(path.join(site.outDir, 'pagefind', 'shards.json'), 'utf8')) as string[];
    expect(shards).toEqual(Array.from({ length: Math.ceil(catalog.entries.length / 10) }, (_, i) => `pagefind-${i + 1}/`));
    const count = (kind: string) => catalog.entries.filter((e) => e.kind === kind).length;
    const { page, problems, close } = await open(`${site.url}search/?kind=Team`);
    // Teams come last in kind order, so they are in the last bundles, not the first.
    await expect.poll(() => page.locator('[data-count]').textContent(), { timeout: 15_000 }).toBe(`${count('team')} results`);
    // Datasets span several bundles; the filter counts them all.
    const kinds = await page.getByLabel('Kind').locator('option').allTextContents();
    expect(kinds).toContain(`Dataset (${count('dataset')})`);
    expect(kinds).toContain(`Team (${count('team')})`);
    expect(problems).toEqual([]);
    await close();
  });

  it('narrows an index with a facet filter, without reloading the page', async () => {
    const { page, problems, close } = await open(`${site.url}datasets/`);
    const rows = page.locator('table[data-sortable] tbody tr');
    const visible = page.locator('table[data-sortable] tbody tr:visible');
    const total = await rows.count();
    expect(total).toBe(catalog.entries.filter((e) => e.kind === 'dataset').length);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await page.getByLabel('Owner').selectOption('analytics-team');
    const expected = catalog.entries.filter((e) => e.kind === 'dataset' && e.data.owners?.includes('analytics-team')).map((e) => e.data.title);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(total);
    expect((await visible.locator('td:first-child > a').allTextContents()).sort()).toEqual(expected.sort());
    expect(await page.locator('[data-count]').textContent()).toBe(`${expected.length} of ${total} entries`);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    expect(page.url()).toContain('owner=analytics-team');
    expect(problems).toEqual([]);
    await close();
  });

  it("renders a model's lineage graph as SVG containing its upstream datasets", async () => {
    const { page, problems, close } = await open(entryUrl('models', 'churn-predictor'));
    const box = page.locator('[data-lineage]');
    await box.scrollIntoViewIfNeeded();
    const svg = box.locator('[data-diagram] svg');
    await svg.waitFor({ timeout: 20_000 });
    const text = await svg.textContent();
    const upstream = catalog.graph.closure('churn-predictor', 'up', { depth: 1 }).map((m) => catalog.byId.get(m.id)!).filter((e) => e.kind === 'dataset');
    expect(upstream.length).toBeGreaterThan(0);
    for (const dataset of upstream) expect(text).toContain(dataset.data.title);
    // Nodes are plain links to the entries' pages.
    const links = await svg.locator('a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href')));
    expect(links).toContain(`/datasets/${upstream[0]!.id}/`);
    // A deeper view is one choice away, fetched then: the page holds the first view's text only.
    expect(await box.locator('template[data-graph]').count()).toBe(1);
    const fetched = page.waitForResponse((response) => /\/lineage\/\d+\.json\.gz$/.test(response.url()));
    await box.getByLabel('Steps each way').selectOption('2');
    expect((await fetched).status()).toBe(200);
    await expect.poll(async () => (await svg.textContent()) ?? '', { timeout: 20_000 }).toContain('Raw play events');
    expect(problems).toEqual([]);
    await close();
  });

  it('shows the closure lists with JavaScript disabled', async () => {
    const { page, close } = await open(entryUrl('models', 'churn-predictor'), { javaScript: false });
    const dependsOn = page.locator('[data-closure-list="depends-on"] tbody tr');
    const expected = catalog.graph.closure('churn-predictor', 'up');
    expect(await dependsOn.count()).toBe(Math.min(expected.length, 25));
    expect(await dependsOn.first().locator('td').nth(2).textContent()).toBe('1');
    const deep = expected.find((m) => m.depth >= 2)!;
    const row = page.locator('[data-closure-list="depends-on"] tr', { hasText: catalog.byId.get(deep.id)!.data.title });
    expect(await row.locator('.path .rel').count()).toBe(deep.depth);
    const impacts = page.locator('[data-closure-list="impacts"]');
    expect(await impacts.count()).toBe(1);
    await close();
  });

  it('points "edit this file" at the entry\'s file in the repository', async () => {
    const { page, close } = await open(entryUrl('datasets', 'viewing-events-labelled'));
    const edit = page.getByRole('link', { name: 'Edit this file' });
    const site = catalog.config.site;
    expect(await edit.getAttribute('href')).toBe(`${site.repo_url}/edit/${site.edit_branch}/content/datasets/viewing-events-labelled.md`);
    await close();
  });
});
