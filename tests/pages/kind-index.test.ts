/** Kind index pages, whole and paged, from the paged fixture catalog and the demo. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kindIndexPage, kindPageCounts } from '../../src/lib/pages/kind-index.ts';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { FACET_OPTION_LIMIT } from '../../src/lib/view/facets.ts';
import { INDEX_PAGE_SIZE } from '../../src/lib/view/pagination.ts';
import { writeProject } from '../helpers/catalog.ts';
import { PAGED_DATASETS, pagedCatalogFiles, pagedDatasets } from '../helpers/paged-catalog.ts';
import { demoCatalog, roundTrip } from './demo.ts';

const paged = buildCatalog(path.join(writeProject(pagedCatalogFiles()), 'content'), { today: '2026-11-23' });
const PAGES = Math.ceil(PAGED_DATASETS / INDEX_PAGE_SIZE);

describe('the index of a kind larger than one page', () => {
  it('has as many pages as its entries fill, and one for every other kind', () => {
    const counts = Object.fromEntries(kindPageCounts(paged).map((k) => [k.kind, k.pages]));
    expect(counts).toMatchObject({ dataset: PAGES, model: 1, team: 1, source: 1 });
  });

  it('shows a page of rows each, in title order across pages, without in-page filter data', () => {
    const titles: string[] = [];
    for (let n = 1; n <= PAGES; n++) {
      const { index } = kindIndexPage(paged, 'dataset', n);
      expect(index!.rows).toHaveLength(Math.min(INDEX_PAGE_SIZE, PAGED_DATASETS - (n - 1) * INDEX_PAGE_SIZE));
      expect(index!.rows.every((r) => r.filter === undefined)).toBe(true);
      expect(index!.filters).toBeUndefined();
      titles.push(...index!.rows.map((r) => />([^<]+)<\/a>$/.exec(r.ref)![1]!));
    }
    // "Table 1" … "Table 450": read as numbers, not as text, and not in id order.
    expect(titles).toEqual(Array.from({ length: PAGED_DATASETS }, (_, i) => `Table ${i + 1}`));
  });

  it('titles each page after the first with its number, and says which entries it holds', () => {
    expect(kindIndexPage(paged, 'dataset', 1)).toMatchObject({ title: 'Datasets', heading: 'Datasets', section: 'datasets/' });
    const second = kindIndexPage(paged, 'dataset', 2);
    expect(second.title).toBe(`Datasets, page 2 of ${PAGES}`);
    expect(second.index!.caption).toBe(`Datasets, page 2 of ${PAGES}`);
    expect(second.index!.paging!.range).toBe(`Entries ${INDEX_PAGE_SIZE + 1}–${2 * INDEX_PAGE_SIZE} of ${PAGED_DATASETS}`);
    expect(kindIndexPage(paged, 'dataset', PAGES).index!.paging!.range).toBe(`Entries ${(PAGES - 1) * INDEX_PAGE_SIZE + 1}–${PAGED_DATASETS} of ${PAGED_DATASETS}`);
  });

  it('links every page under the base path, and searches the whole kind from a form', () => {
    const { paging } = kindIndexPage(paged, 'dataset', 2).index!;
    expect(paging).toMatchObject({ searchUrl: '/catalog/search/', kindLabel: 'Dataset', placeholder: `Search all ${PAGED_DATASETS} datasets`, page: 2, pages: PAGES, pagerLabel: 'Pages of datasets' });
    expect(paging!.pageUrls).toEqual(Array.from({ length: PAGES }, (_, i) => (i === 0 ? '/catalog/datasets/' : `/catalog/datasets/page/${i + 1}/`)));
    expect(paging!.facets.map((f) => f.facet)).toEqual(['owner', 'domain', 'tag', 'status', 'license']);
  });

  it('counts facet values over the whole kind, not the page', () => {
    const facets = kindIndexPage(paged, 'dataset', 2).index!.paging!.facets;
    const options = (facet: string) => facets.find((f) => f.facet === facet)!.options.map((o) => o.text);
    expect(options('owner')).toContain(`Team B (${pagedDatasets.filter((d) => d.owner === 'team-b').length})`);
    expect(options('status')).toContain(`draft (${pagedDatasets.filter((d) => d.status === 'draft').length})`);
    expect(options('tag')[0]).toBe(`shared (${PAGED_DATASETS})`);
  });

  it('offers at most the most frequent values of a facet and says how many more there are', () => {
    const tags = kindIndexPage(paged, 'dataset', 1).index!.paging!.facets.find((f) => f.facet === 'tag')!;
    const distinct = new Set(pagedDatasets.flatMap((d) => d.tags)).size;
    expect(tags.options).toHaveLength(FACET_OPTION_LIMIT);
    expect(tags.more).toBe(`and ${distinct - FACET_OPTION_LIMIT} more on the search page`);
    expect(kindIndexPage(paged, 'dataset', 1).index!.paging!.facets.find((f) => f.facet === 'owner')!.more).toBeUndefined();
  });
});

describe('the index of a kind that fits on one page', () => {
  it('keeps every entry in catalog order, with in-page filters over the facets the kind uses', () => {
    const page = kindIndexPage(demoCatalog(), 'dataset');
    expect(roundTrip(page)).toEqual(page);
    const { index } = page;
    const datasets = demoCatalog().entries.filter((e) => e.kind === 'dataset');
    expect(index!.rows.map((r) => r.sortName)).toEqual(datasets.map((e) => e.data.title.toLowerCase()));
    expect(index!.paging).toBeUndefined();
    expect(index!.filters!.count).toBe(datasets.length);
    expect(index!.filters!.facets.map((f) => f.facet)).toEqual(['owner', 'domain', 'tag', 'status', 'license']);
    expect(index!.caption).toBe('Entries');
  });

  it('gives each row its in-page filter values, as the filters script reads them', () => {
    const row = kindIndexPage(demoCatalog(), 'dataset').index!.rows.find((r) => r.sortName === 'churn labels')!;
    expect(row.filter!.name).toMatch(/^churn labels churn-labels for each paying subscriber/);
    expect(row.filter!.attrs).toMatchObject({ 'data-owner': '["Recommendations team","Analytics team"]', 'data-status': '["active"]' });
    expect(Object.keys(row.filter!.attrs)).toEqual(['data-owner', 'data-domain', 'data-tag', 'data-status', 'data-license']);
    expect(row.rows).toEqual({ value: '13217640', text: '13,217,640' });
    expect(row.owners).toHaveLength(2);
  });

  it('shows a stage column for models only, and no owners for teams and people', () => {
    const models = kindIndexPage(demoCatalog(), 'model').index!;
    expect(models).toMatchObject({ showStage: true, showOwners: true, showRows: false });
    expect(models.rows.every((r) => r.stage !== undefined && r.rows === undefined)).toBe(true);
    expect(kindIndexPage(demoCatalog(), 'team').index).toMatchObject({ showStage: false, showOwners: false });
  });

  it('says so when the catalog holds none of the kind', () => {
    const licenses = kindIndexPage(paged, 'license');
    expect(licenses.empty).toBe('No licenses in the catalog yet.');
    expect(licenses.index).toBeUndefined();
    expect(kindIndexPage(paged, 'model').empty).toBeUndefined();
  });
});
