import { describe, expect, it } from 'vitest';
import { closureItems, closureListing } from '../../src/lib/graph/closure-report.ts';
import { paginate } from '../../src/lib/view/pagination.ts';
import { catalogOf, OWNERS } from '../helpers/catalog.ts';

const dataset = (extra = '') => `---\ntitle: T\ndescription: d\nowners: [data-team]\n${extra}---\n`;

describe('closure lists', () => {
  const catalog = catalogOf({
    ...OWNERS,
    'datasets/raw.md': dataset(),
    'datasets/clean.md': dataset('derived_from:\n  - { dataset: raw }\n'),
    'models/scorer.md': '---\ntitle: Scorer\ndescription: d\nowners: [data-team]\ntraining:\n  - { dataset: clean, split: train }\n---\n',
  });

  it('lists everything upstream with its depth and the chain of relations that reaches it', () => {
    const rows = closureItems(catalog, 'scorer', 'up');
    expect(rows.map((r) => [r.id, r.depth])).toEqual([['clean', 1], ['raw', 2]]);
    expect(rows[1]!.path).toEqual([
      { id: 'clean', relation: 'trained on', type: 'trained_on' },
      { id: 'raw', relation: 'derived from', type: 'derived_from' },
    ]);
  });

  it('reads downstream paths with the backward names of relations', () => {
    const rows = closureItems(catalog, 'raw', 'down');
    expect(rows.map((r) => r.id)).toEqual(['clean', 'scorer']);
    expect(rows[1]!.path.map((s) => s.relation)).toEqual(['feeds', 'trains']);
    expect(rows[1]!.kind).toBe('model');
  });

  it('lists the same members without paths, and builds the path to any of them on request', () => {
    const listing = closureListing(catalog, 'scorer', 'up');
    const full = closureItems(catalog, 'scorer', 'up');
    expect(listing.rows).toEqual(full.map(({ path: _path, ...row }) => row));
    for (const row of full) expect(listing.pathTo(row.id)).toEqual(row.path);
  });

  it('makes only the first rows when asked, the same as the whole listing begins with', () => {
    // A hub and a fan: depths of several members each, kinds mixed within a depth.
    const files: Record<string, string> = { ...OWNERS, 'datasets/hub.md': dataset() };
    for (let i = 0; i < 6; i++) files[`datasets/a${i}.md`] = dataset('derived_from:\n  - { dataset: hub }\n');
    for (let i = 0; i < 6; i++) files[`models/m${i}.md`] = `---\ntitle: M${i}\ndescription: d\nowners: [data-team]\ntraining:\n  - { dataset: a${i % 3}, split: train }\n---\n`;
    for (let i = 0; i < 6; i++) files[`datasets/b${i}.md`] = dataset(`derived_from:\n  - { dataset: a${i} }\n`);
    const fan = catalogOf(files);
    const whole = closureListing(fan, 'hub', 'down');
    expect(whole.rows.length).toBeGreaterThan(12);
    for (const first of [0, 1, 5, 6, 7, 12, 13, whole.rows.length, whole.rows.length + 5]) {
      const head = closureListing(fan, 'hub', 'down', undefined, first);
      expect(head.rows, `first ${first}`).toEqual(whole.rows.slice(0, first));
      expect(head.members).toEqual(whole.members);
    }
  });

  it('pages a long list and clamps a page number beyond the end', () => {
    const items = Array.from({ length: 250 }, (_, i) => i);
    expect(paginate(items, 1, 100)).toMatchObject({ page: 1, pages: 3, total: 250 });
    expect(paginate(items, 3, 100).items).toHaveLength(50);
    expect(paginate(items, 9, 100).page).toBe(3);
    expect(paginate([], 1, 100)).toEqual({ items: [], page: 1, pages: 1, total: 0 });
  });
});
