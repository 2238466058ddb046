/**
 * The demo catalog's built site in real headless Chromium, as a visitor sees it: every
 * page loads cleanly, search finds entries, filters narrow indexes, graphs render, and
 * the closure lists work without JavaScript.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { CLOSURE_INLINE } from '../../src/lib/pages/closure.ts';
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
      // SVG links too (a lineage graph's boxes), whose href is not a string property.
      const links = await page.$$eval('a[href]', (anchors) => anchors.map((a) => new URL(a.getAttribute('href')!, location.href).href));
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
    expect(requested.filter((url) => url.includes('/names/')).length).toBeGreaterThan(0);
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
    const { shards } = JSON.parse(readFileSync(path.join(site.outDir, 'names', 'index.json'), 'utf8')) as { shards: string[] };
    // Every entry page, and the one page of the Features index.
    expect(shards).toEqual(Array.from({ length: Math.ceil((catalog.entries.length + 1) / 10) }, (_, i) => `pagefind-${i + 1}/`));
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
    // Owners are offered by name, as the tables name them.
    await page.getByLabel('Owner').selectOption('Analytics team');
    const expected = catalog.entries.filter((e) => e.kind === 'dataset' && e.data.owners?.includes('analytics-team')).map((e) => e.data.title);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(total);
    expect((await visible.locator('td:first-child > a').allTextContents()).sort()).toEqual(expected.sort());
    expect(await page.locator('[data-count]').textContent()).toBe(`${expected.length} of ${total} entries`);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    expect(new URL(page.url()).searchParams.get('owner')).toBe('Analytics team');
    // The empty-state line shows only when nothing matches.
    const empty = page.getByText('No entries match these filters.');
    expect(await empty.isVisible()).toBe(false);
    await page.getByPlaceholder('Filter by name').fill('no title has this in it');
    expect(await empty.isVisible()).toBe(true);
    expect(await page.locator('[data-count]').textContent()).toBe(`0 of ${total} entries`);
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
    expect(await dependsOn.count()).toBe(Math.min(expected.length, CLOSURE_INLINE));
    expect(await dependsOn.first().locator('td').nth(2).textContent()).toBe('1');
    const deep = expected.find((m) => m.depth >= 2)!;
    // The row whose own entry it is: a row further down may name it as its nearer step.
    const row = page.locator('[data-closure-list="depends-on"] tr').filter({ has: page.locator('td:first-child').getByText(catalog.byId.get(deep.id)!.data.title, { exact: true }) });
    // The row names the step that reaches it: the entry one step nearer and the relation.
    expect(await row.locator('td').nth(2).textContent()).toBe(String(deep.depth));
    const through = (await row.locator('td').nth(3).textContent())!;
    // Upstream, the edge that reaches a member is declared by the entry one step nearer.
    expect(await row.locator('td').nth(3).locator('i').count()).toBe(1);
    expect(through).toContain(catalog.byId.get(deep.via.from)!.data.title);
    const impacts = page.locator('[data-closure-list="impacts"]');
    expect(await impacts.count()).toBe(1);
    await close();
  });

  it('lists every entry of an index with JavaScript disabled, without the filters that need it', async () => {
    const { page, close } = await open(`${site.url}datasets/`, { javaScript: false });
    expect(await page.locator('table[data-sortable] tbody tr:visible').count()).toBe(catalog.entries.filter((e) => e.kind === 'dataset').length);
    expect(await page.locator('form[data-filters]').isVisible()).toBe(false);
    await close();
  });

  it('points "edit this file" at the entry\'s file in the repository', async () => {
    const { page, close } = await open(entryUrl('datasets', 'viewing-events-labelled'));
    const edit = page.getByRole('link', { name: 'Edit this file' });
    const site = catalog.config.site;
    expect(await edit.getAttribute('href')).toBe(`${site.repo_url}/edit/${site.edit_branch}/content/datasets/viewing-events-labelled.md`);
    await close();
  });

  it("shows a source's last probe from the committed probes.yaml, and an entry's last change from git", async () => {
    const { page, problems, close } = await open(entryUrl('sources', 'playback-api'));
    const probe = page.locator('#probe');
    expect(await probe.locator('h2').textContent()).toBe('Last probe');
    const line = (await probe.locator('li').first().textContent())!.replace(/\s+/g, ' ');
    expect(line).toContain('https://playback-api.lumen.example/v2/info');
    expect(line).toContain('unreachable');
    expect(line).toContain('HTTP 503 Service Unavailable, since 2026-12-01 05:17 UTC (2 probes in a row); last probed 2026-12-03 05:17 UTC');
    expect(await probe.getByRole('link', { name: catalog.byId.get('cdn-logs')!.data.title }).count()).toBe(1);

    const file = 'content/datasets/viewing-events-labelled.md';
    const [hash, short, author, date] = execFileSync('git', ['log', '-1', '--format=%H%x1f%h%x1f%an%x1f%aI', '--', file], { cwd: repoRoot, encoding: 'utf8' }).trim().split('\x1f');
    await page.goto(entryUrl('datasets', 'viewing-events-labelled'));
    const last = page.locator('[data-last-change]');
    expect((await last.textContent())!.replace(/\s+/g, ' ')).toContain(`Last changed ${date!.slice(0, 10)} by ${author} in ${short}`);
    expect(await last.getByRole('link', { name: short! }).getAttribute('href')).toBe(`${catalog.config.site.repo_url}/commit/${hash}`);
    expect(await page.locator('#history li').count()).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Recent changes' }).click();
    await page.waitForURL(`${site.url}changes/`);
    expect(await page.locator('h1').textContent()).toBe('Recent changes');
    expect(await page.locator('[data-recent-changes] > li').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await close();
  });

  it('lists every feature entry and every column used as a feature on the Features index, with its models', async () => {
    const { page, problems, close } = await open(`${site.url}features/`, { javaScript: false });
    const rows = page.locator('[data-feature-index] tbody tr');
    const row = (key: string) => page.locator(`[data-feature-index] tr[data-key="${key}"]`);
    expect(await row('days-since-last-play').locator('th a').textContent()).toBe('Days since last play');
    expect(await row('device-type').locator('td').nth(1).textContent()).toContain('Home recommender');
    expect(await row('device-type').locator('td').nth(3).textContent()).toBe('home-feature-log.device_type');
    const tenure = row('viewing-events-labelled.tenure_days');
    expect(await tenure.locator('th').textContent()).toContain('tenure_days');
    expect(await tenure.locator('td').nth(1).textContent()).toContain('Churn predictor');
    expect(await rows.count()).toBeGreaterThan(10);
    await tenure.locator('th a').click();
    expect(page.url()).toBe(`${entryUrl('datasets', 'viewing-events-labelled')}#column-tenure-days`);
    expect(problems).toEqual([]);
    await close();
  });

  it('finds a column used as a feature through search, on the Features index', async () => {
    const { page, close } = await open(`${site.url}search/?q=rank_position`);
    // The names index answers first; the Features index page is in the full text, merged after.
    const hit = page.locator('[data-results] li', { hasText: 'Features index' });
    await hit.first().waitFor({ timeout: 30_000 });
    expect(await hit.count()).toBe(1);
    expect(new URL((await hit.locator('a').first().getAttribute('href'))!, site.url).href).toBe(`${site.url}features/`);
    await close();
  });

  it("draws a model's certified ranges and metric history as SVG with text alternatives, without JavaScript", async () => {
    const { page, problems, close } = await open(entryUrl('models', 'churn-predictor'), { javaScript: false });
    const domain = page.getByRole('img', { name: 'Certified range of tenure_days against its training data' });
    expect(await domain.count()).toBe(1);
    expect(await page.locator('[data-domain-charts] figcaption').first().textContent()).toContain('certified 30 to 3650 d');
    const recall = page.getByRole('img', { name: 'recall (test) across versions' });
    expect(await recall.count()).toBe(1);
    // The numbers are in the text too: the accessible description and the table.
    const described = await recall.evaluate((svg) => document.getElementById(svg.getAttribute('aria-labelledby')!.split(' ')[1]!)!.textContent);
    expect(described).toBe('1.0.0: 0.72; 2.0.0: 0.78; 3.1.0: 0.81. Objective: at least 0.75.');
    const history = page.locator('table[data-metric-history]');
    expect(await history.locator('thead th').allTextContents()).toEqual(['Metric', '1.0.0', '2.0.0', '3.1.0', 'Objective']);
    expect(await history.locator('tr', { hasText: 'pr-auc (test)' }).locator('td').first().textContent()).toContain('0.49');
    expect(await page.locator('#versions table[data-versions] tbody tr').count()).toBe(2);
    // Each feature links to its column's row, or to its feature entry.
    expect(await page.locator('[data-features] a', { hasText: 'tenure_days' }).getAttribute('href')).toBe('/datasets/viewing-events-labelled/#column-tenure-days');
    expect(await page.locator('[data-features] a', { hasText: 'days-since-last-play' }).getAttribute('href')).toBe('/features/days-since-last-play/');
    expect(problems).toEqual([]);
    await close();
  });

  it('says on the page of a last-resort model why it has no fallback', async () => {
    const { page, close } = await open(entryUrl('models', 'popularity-baseline'), { javaScript: false });
    expect(await page.locator('[data-last-resort]').textContent()).toContain('only play counts');
    expect(await page.locator('.badge.fail', { hasText: 'none declared' }).count()).toBe(0);
    await close();
  });

  it('lists on a column row of a dataset page the models that use the column', async () => {
    const { page, close } = await open(entryUrl('datasets', 'viewing-events-labelled'), { javaScript: false });
    const used = page.locator('#column-tenure-days td[data-used-by]');
    expect(await used.locator('a').allTextContents()).toContain('Churn predictor');
    expect(await page.locator('table.columns thead th').last().textContent()).toBe('Used by');
    await close();
  });

  it('says on a feature page what the skew check compared and what it did not', async () => {
    const { page, close } = await open(entryUrl('features', 'device-type'), { javaScript: false });
    const skew = page.locator('table[data-skew]');
    expect(await skew.locator('tr', { hasText: 'values' }).textContent()).toContain('served, never trained on: console');
    expect(await skew.locator('tr', { hasText: 'unit' }).textContent()).toContain('neither column declares a unit');
    await close();
  });
});
