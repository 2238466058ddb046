import { describe, expect, it } from 'vitest';
import { FACET_OPTION_LIMIT, facetOptions, topOptions } from '../../src/lib/view/facets.ts';
import { compareForIndex, indexPagePath, pageCount, pageWindow, paginate, rangeLabel } from '../../src/lib/view/pagination.ts';
import { catalogOf, OWNERS } from '../helpers/catalog.ts';

describe('paging a kind index', () => {
  it('counts the pages a list fills, with one page for an empty list', () => {
    expect(pageCount(0, 200)).toBe(1);
    expect(pageCount(200, 200)).toBe(1);
    expect(pageCount(201, 200)).toBe(2);
    expect(pageCount(7012, 200)).toBe(36);
    expect(() => pageCount(10, 0)).toThrow(/at least 1/);
  });

  it('slices each page in order, with a short last page and every item on exactly one page', () => {
    const items = Array.from({ length: 450 }, (_, i) => i);
    const pages = [1, 2, 3].map((n) => paginate(items, n, 200));
    expect(pages.map((p) => p.items.length)).toEqual([200, 200, 50]);
    expect(pages[1]!.items[0]).toBe(200);
    expect(pages.flatMap((p) => p.items)).toEqual(items);
    expect(pages.every((p) => p.pages === 3 && p.total === 450)).toBe(true);
  });

  it('says which entries a page holds, with thousands separated', () => {
    const items = Array.from({ length: 7012 }, (_, i) => i);
    expect(rangeLabel(paginate(items, 2, 200), 200)).toBe('Entries 201–400 of 7,012');
    expect(rangeLabel(paginate(items, 36, 200), 200)).toBe('Entries 7,001–7,012 of 7,012');
    expect(rangeLabel(paginate([], 1, 200), 200)).toBe('Entries: none');
  });

  it('lists every page number when there are few pages', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('shows the first, the last and a window around the current page, with gaps for the rest', () => {
    expect(pageWindow(1, 36)).toEqual([1, 2, 3, 'gap', 36]);
    expect(pageWindow(18, 36)).toEqual([1, 'gap', 16, 17, 18, 19, 20, 'gap', 36]);
    expect(pageWindow(36, 36)).toEqual([1, 'gap', 34, 35, 36]);
  });

  it('shows a lone hidden number instead of a gap standing for it', () => {
    expect(pageWindow(4, 36)).toEqual([1, 2, 3, 4, 5, 6, 'gap', 36]);
    expect(pageWindow(33, 36)).toEqual([1, 'gap', 31, 32, 33, 34, 35, 36]);
  });

  it('keeps the pager the same size however many pages there are', () => {
    for (const pages of [10, 100, 10_000]) {
      for (let current = 1; current <= pages; current += Math.ceil(pages / 37)) {
        const marks = pageWindow(current, pages);
        expect(marks.length).toBeLessThanOrEqual(9);
        expect(marks).toContain(current);
        expect(marks[0]).toBe(1);
        expect(marks.at(-1)).toBe(pages);
        const numbers = marks.filter((m) => m !== 'gap');
        expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      }
    }
  });

  it('puts the first page at the kind folder and the others under page/', () => {
    expect(indexPagePath('dataset', 1)).toBe('datasets/');
    expect(indexPagePath('dataset', 2)).toBe('datasets/page/2/');
    expect(indexPagePath('glossary', 12)).toBe('glossary/page/12/');
  });

  it('orders entries by title as people read numbers, then by id', () => {
    const titled = (title: string) => `title: ${title}\ndescription: d\nowners: [data-team]\n`;
    const catalog = catalogOf({
      ...OWNERS,
      'datasets/c.yaml': titled('Part 10'),
      'datasets/a.yaml': titled('part 2'),
      'datasets/b.yaml': titled('Part 2'),
      'datasets/d.yaml': titled('Alpha'),
    });
    const ordered = catalog.entries.filter((e) => e.kind === 'dataset').sort(compareForIndex);
    expect(ordered.map((e) => e.id)).toEqual(['d', 'a', 'b', 'c']);
  });
});

describe('capping facet lists', () => {
  const catalog = catalogOf({
    ...OWNERS,
    ...Object.fromEntries(
      Array.from({ length: 130 }, (_, i) => [
        `datasets/d-${i}.yaml`,
        `title: D ${i}\ndescription: d\nowners: [data-team]\ntags: [common, ${i % 2 ? 'odd' : 'even'}, tag-${String(i).padStart(3, '0')}]\n`,
      ]),
    ),
  });
  const tags = facetOptions(catalog.entries.filter((e) => e.kind === 'dataset'))['tag']!;

  it('keeps the most frequent values and counts the ones left out', () => {
    const { shown, more } = topOptions(tags);
    expect(shown).toHaveLength(FACET_OPTION_LIMIT);
    expect(more).toBe(133 - FACET_OPTION_LIMIT);
    expect(shown.slice(0, 3)).toEqual([
      { value: 'common', count: 130 },
      { value: 'even', count: 65 },
      { value: 'odd', count: 65 },
    ]);
  });

  it('leaves a short list whole', () => {
    expect(topOptions(tags.slice(0, 5))).toEqual({ shown: tags.slice(0, 5), more: 0 });
  });
});
