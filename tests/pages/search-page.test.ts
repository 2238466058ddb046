import { describe, expect, it } from 'vitest';
import { searchPage } from '../../src/lib/pages/search.ts';
import { demoCatalog, roundTrip } from './demo.ts';

describe('the search page model', () => {
  it('offers, for readers without JavaScript, the index page of every kind that has entries, with its count', () => {
    const catalog = demoCatalog();
    const model = searchPage(catalog);
    const kinds = new Set(catalog.entries.map((e) => e.kind));
    expect(model.indexes).toHaveLength(kinds.size);
    const datasets = model.indexes.find((i) => i.label === 'Datasets')!;
    expect(datasets).toEqual({ label: 'Datasets', url: '/datasets/', count: catalog.entries.filter((e) => e.kind === 'dataset').length });
    expect(model.indexes.map((i) => i.label)).toContain('Licenses');
    expect(model.action).toBe('/search/');
    expect(roundTrip(model)).toEqual(model);
  });

  it('leaves out the index of a kind the catalog has no entry of', () => {
    const catalog = demoCatalog();
    const withoutLicenses = { ...catalog, entries: catalog.entries.filter((e) => e.kind !== 'license') };
    expect(searchPage(withoutLicenses).indexes.map((i) => i.label)).not.toContain('Licenses');
  });
});
