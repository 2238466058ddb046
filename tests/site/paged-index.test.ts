/**
 * Builds a real site from a catalog with more datasets than one index page holds: the
 * datasets index is paged, light and filtered through the search page, while a small kind
 * keeps its whole table with in-page filters.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_FACETS } from '../../src/lib/view/facets.ts';
import { INDEX_PAGE_SIZE } from '../../src/lib/view/pagination.ts';
import { CLOSURE_PAGE_SIZE } from '../../src/lib/pages/closure.ts';
import { buildSite, removeBuilds, type BuiltSite } from '../e2e/build.ts';
import { writeProject } from '../helpers/catalog.ts';
import { PAGED_DATASETS, pagedCatalogFiles } from '../helpers/paged-catalog.ts';

afterAll(removeBuilds);

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const abs = path.join(dir, name);
    return statSync(abs).isDirectory() ? walk(abs) : [abs];
  });

const PAGES = Math.ceil(PAGED_DATASETS / INDEX_PAGE_SIZE);
const pagePath = (n: number) => (n === 1 ? 'datasets/index.html' : `datasets/page/${n}/index.html`);
const between = (html: string, start: string, end: string) => {
  const from = html.indexOf(start);
  expect(from, `no ${start}`).toBeGreaterThanOrEqual(0);
  return html.slice(from, html.indexOf(end, from) + end.length);
};
const bodyRows = (html: string) => [...between(html, '<tbody>', '</tbody>').matchAll(/<tr[\s>][\s\S]*?<\/tr>/g)].map((m) => m[0]);

describe('building the index of a kind larger than one page', () => {
  let site: BuiltSite;
  const read = (rel: string) => readFileSync(path.join(site.outDir, rel), 'utf8');

  beforeAll(async () => {
    expect(PAGES).toBeGreaterThan(2);
    const root = writeProject(pagedCatalogFiles());
    site = await buildSite(path.join(root, 'content'), { today: '2026-11-23' });
    if (site.code !== 0) throw new Error(`The build failed:\n${site.output}`);
  });

  it('pages a long closure list with the same bounded pager', () => {
    // Every other dataset and the model depend on ds-000.
    const listPages = Math.ceil(PAGED_DATASETS / CLOSURE_PAGE_SIZE);
    expect(listPages).toBeGreaterThanOrEqual(3);
    const html = read('datasets/ds-000/impacts/2/index.html');
    const nav = between(html, '<nav class="pager"', '</nav>');
    expect(nav).toContain('aria-label="Page 2" aria-current="page"');
    expect(nav).toContain('href="/catalog/datasets/ds-000/impacts/" rel="prev"');
    expect(nav).toContain('href="/catalog/datasets/ds-000/impacts/3/" rel="next"');
    expect(nav.match(/aria-label="Page \d+"/g)).toHaveLength(Math.min(listPages, 5));
    expect(bodyRows(html)).toHaveLength(CLOSURE_PAGE_SIZE);
    expect(existsSync(path.join(site.outDir, `datasets/ds-000/impacts/${listPages + 1}/index.html`))).toBe(false);
  });

  it('writes the first page at the kind folder and the others under page/, and no more', () => {
    for (let n = 1; n <= PAGES; n++) expect(existsSync(path.join(site.outDir, pagePath(n))), pagePath(n)).toBe(true);
    expect(existsSync(path.join(site.outDir, 'datasets/page/1/index.html'))).toBe(false);
    expect(existsSync(path.join(site.outDir, pagePath(PAGES + 1)))).toBe(false);
  });

  it('links every page from a pager that marks the current one, under the base path', () => {
    for (let n = 1; n <= PAGES; n++) {
      const nav = between(read(pagePath(n)), '<nav class="pager"', '</nav>');
      const numbered = [...nav.matchAll(/<a href="([^"]+)" aria-label="Page (\d+)"/g)].map((m) => [m[1], Number(m[2])]);
      expect(numbered).toEqual(Array.from({ length: PAGES }, (_, i) => [i === 0 ? '/catalog/datasets/' : `/catalog/datasets/page/${i + 1}/`, i + 1]));
      expect(nav.match(/aria-current="page"/g)).toHaveLength(1);
      expect(nav).toContain(`aria-label="Page ${n}" aria-current="page"`);
      if (n > 1) expect(nav).toContain(`<a href="${n === 2 ? '/catalog/datasets/' : `/catalog/datasets/page/${n - 1}/`}" rel="prev">`);
      else expect(nav).not.toContain('rel="prev"');
      if (n < PAGES) expect(nav).toContain(`<a href="/catalog/datasets/page/${n + 1}/" rel="next">`);
      else expect(nav).not.toContain('rel="next"');
    }
  });

  it('filters through a plain GET form to the search page, with the filter names entry pages give Pagefind', () => {
    const form = between(read(pagePath(2)), '<form class="filters"', '</form>');
    expect(form).toMatch(/^<form class="filters" action="\/catalog\/search\/" method="get"/);
    expect(form).toContain('<input type="hidden" name="kind" value="Dataset">');
    expect(form).toMatch(/<input type="search" name="q"/);
    const names = [...form.matchAll(/<select name="([^"]+)"/g)].map((m) => m[1]!);
    expect(names).toEqual(['owner', 'domain', 'tag', 'status', 'license']);
    // Every name the form sends is a filter the entry pages declare to Pagefind.
    const declared = new Set([...read('datasets/ds-000/index.html').matchAll(/data-pagefind-filter="([^"[]+)\[/g)].map((m) => m[1]!));
    expect([...names, 'kind'].filter((n) => !declared.has(n))).toEqual([]);
    expect([...declared].filter((n) => n !== 'kind' && !(SEARCH_FACETS as readonly string[]).includes(n))).toEqual([]);
    // A model's stage is a search filter too, so a paged models index can offer it.
    expect(read('models/scorer/index.html')).toContain('data-pagefind-filter="stage[data-value]" data-value="development"');
  });

  it('keeps the whole table and in-page filters for a kind that fits on one page', () => {
    const models = read('models/index.html');
    expect(models).toContain('<form class="filters" data-filters');
    expect(models).toMatch(/<tr data-row data-name="scorer scorer scores tables\."/);
    expect(models).not.toContain('class="pager"');
    expect(existsSync(path.join(site.outDir, 'models/page'))).toBe(false);
  });

  it('resolves every internal link of every page, the pages of the index included, under the base path', () => {
    const broken: string[] = [];
    const pages = walk(site.outDir).filter((f) => f.endsWith('.html'));
    for (const page of pages) {
      for (const [, url] of readFileSync(page, 'utf8').matchAll(/(?:href|src|action)="(\/[^"#?]*)/g)) {
        const rel = url!.startsWith('/catalog/') ? decodeURI(url!.slice('/catalog/'.length)) : undefined;
        const target = rel === undefined ? undefined : path.join(site.outDir, rel);
        const exists = target !== undefined && (rel === '' || rel!.endsWith('/') ? existsSync(path.join(target, 'index.html')) : existsSync(target));
        if (!exists) broken.push(`${path.relative(site.outDir, page)} → ${url}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('lists the pages of the index in the sitemap', () => {
    const xml = read('sitemap.xml');
    for (let n = 2; n <= PAGES; n++) expect(xml).toContain(`<loc>https://data.example.org/catalog/datasets/page/${n}/</loc>`);
    expect(xml).toContain('<loc>https://data.example.org/catalog/datasets/</loc>');
  });
});
