/**
 * A paged kind index in real headless Chromium: its facet form is a plain GET form that
 * takes the visitor to the search page, which shows the matching entries of the whole kind;
 * its headers sort the page and its pager moves between pages.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDEX_PAGE_SIZE } from '../../src/lib/view/pagination.ts';
import { writeProject } from '../helpers/catalog.ts';
import { PAGED_DATASETS, pagedCatalogFiles, pagedDatasets } from '../helpers/paged-catalog.ts';
import { browserMissing } from './browser.ts';
import { siteInBrowser, type SiteInBrowser } from './site-in-browser.ts';

const missing = browserMissing();
if (missing) console.log(`Skipping the browser tests: ${missing}.`);

describe.skipIf(missing !== undefined)('a paged index in a browser', () => {
  let site: SiteInBrowser;

  beforeAll(async () => {
    site = await siteInBrowser(path.join(writeProject(pagedCatalogFiles()), 'content'), { today: '2026-11-23', base: '/catalog/' });
  });
  afterAll(() => site?.close());

  const open = (url: string, options: { javaScript?: boolean } = {}) => site.open(url, options);

  it('submits the facet form without JavaScript and shows the filtered entries of the whole kind on the search page', async () => {
    const form = await open(`${site.url}datasets/page/2/`, { javaScript: false });
    await form.page.getByLabel('Owner').selectOption('Team B');
    await form.page.getByLabel('Status').selectOption('draft');
    await Promise.all([form.page.waitForURL(/\/catalog\/search\/\?/), form.page.getByRole('button', { name: 'Search' }).click()]);
    const target = new URL(form.page.url());
    expect(target.pathname).toBe('/catalog/search/');
    expect(target.searchParams.get('kind')).toBe('Dataset');
    expect(target.searchParams.get('owner')).toBe('Team B');
    expect(target.searchParams.get('status')).toBe('draft');
    expect(target.searchParams.get('q')).toBe('');
    await form.close();

    const expected = pagedDatasets.filter((d) => d.owner === 'team-b' && d.status === 'draft').map((d) => d.title);
    expect(expected.length).toBeGreaterThan(1);
    // Matches lie on every page of the index, not only the one the form was sent from.
    expect(pagedDatasets.findIndex((d) => d.owner === 'team-b' && d.status === 'draft')).toBeLessThan(INDEX_PAGE_SIZE);
    const search = await open(target.href);
    const count = search.page.locator('[data-count]');
    await expect.poll(() => count.textContent(), { timeout: 15_000 }).toBe(`${expected.length} results`);
    const titles = await search.page.locator('[data-results] li > a').allTextContents();
    expect(titles.sort()).toEqual([...expected].sort());
    expect(new Set(await search.page.locator('[data-results] li .badge').allTextContents())).toEqual(new Set(['Dataset']));
    expect(await search.page.locator('select[name="owner"]').inputValue()).toBe('Team B');
    expect(await search.page.locator('select[name="status"]').inputValue()).toBe('draft');
    expect(search.problems).toEqual([]);
    await search.close();
  });

  it('searches words within the filters, and the search page offers the values the index left off', async () => {
    const form = await open(`${site.url}datasets/`);
    expect(await form.page.locator('select[name="tag"] option[value="tag-449"]').count()).toBe(0);
    await form.page.getByLabel('Words').fill('engagement');
    await form.page.getByLabel('Owner').selectOption('Team A');
    await Promise.all([form.page.waitForURL(/\/catalog\/search\/\?/), form.page.getByLabel('Words').press('Enter')]);
    const count = form.page.locator('[data-count]');
    const engagement = pagedDatasets.filter((d) => d.domain === 'engagement');
    await expect.poll(() => count.textContent(), { timeout: 15_000 }).toBe(`${engagement.filter((d) => d.owner === 'team-a').length} results`);
    await form.page.locator('select[name="owner"]').selectOption('');
    await form.page.locator('select[name="tag"]').selectOption('tag-449');
    await expect.poll(() => count.textContent(), { timeout: 15_000 }).toBe('1 result');
    expect(await form.page.locator('[data-results] li > a').allTextContents()).toEqual([pagedDatasets[449]!.title]);
    expect(form.problems).toEqual([]);
    await form.close();
  });

  it('sorts the rows of the page it is on and moves between pages with the pager', async () => {
    const { page, problems, close } = await open(`${site.url}datasets/page/2/`);
    const names = page.locator('table[data-sortable] tbody tr td:first-child > a');
    expect(await names.count()).toBe(INDEX_PAGE_SIZE);
    expect(await names.first().textContent()).toBe(`Table ${INDEX_PAGE_SIZE + 1}`);
    const header = page.getByRole('button', { name: 'Name' });
    await header.click();
    await header.click();
    expect(await page.locator('th[aria-sort="descending"]').count()).toBe(1);
    // Within this page only: the last title of the whole kind is not pulled in.
    const sorted = await names.allTextContents();
    expect(sorted).toHaveLength(INDEX_PAGE_SIZE);
    expect([sorted[0], sorted.at(-1)]).toEqual([`Table ${2 * INDEX_PAGE_SIZE}`, `Table ${INDEX_PAGE_SIZE + 1}`]);
    expect(sorted.every((t) => Number(t.split(' ')[1]) > INDEX_PAGE_SIZE && Number(t.split(' ')[1]) <= 2 * INDEX_PAGE_SIZE)).toBe(true);
    const pager = page.getByRole('navigation', { name: 'Pages of datasets' });
    await Promise.all([page.waitForURL(/\/datasets\/page\/3\/$/), pager.getByRole('link', { name: 'Next →' }).click()]);
    expect(await pager.locator('[aria-current="page"]').textContent()).toBe('3');
    expect(await names.count()).toBe(PAGED_DATASETS - 2 * INDEX_PAGE_SIZE);
    await Promise.all([page.waitForURL(/\/catalog\/datasets\/$/), pager.getByRole('link', { name: 'Page 1' }).click()]);
    expect(await names.first().textContent()).toBe('Table 1');
    expect(problems).toEqual([]);
    await close();
  });
});
