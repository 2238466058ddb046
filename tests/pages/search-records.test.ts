/** The names index's records: what the header's search box finds an entry by. */
import { describe, expect, it } from 'vitest';
import { entryPage } from '../../src/lib/pages/entry.ts';
import { searchRecord, searchRecords } from '../../src/lib/pages/search-records.ts';
import { catalogOf } from '../helpers/catalog.ts';
import { demoCatalog, roundTrip } from './demo.ts';

describe('the search records', () => {
  it('gives every entry one record, at its page path from the site root, in catalog order', () => {
    const catalog = catalogOf({ 'teams/t.yaml': 'title: T\ndescription: A team.\nmembers:\n  - { name: A }\n' }, { config: 'site:\n  title: X\n  base: /c/\n' });
    // The search client adds the base path to every result, names and full text alike.
    expect(searchRecords(catalog).map((r) => r.url)).toEqual(['/teams/t/']);
    expect(searchRecords(demoCatalog()).map((r) => r.url.split('/')[2])).toEqual(demoCatalog().entries.map((e) => e.id));
  });

  it('holds the title first, then the id, tags and column names, and neither the description nor the body', () => {
    const catalog = demoCatalog();
    const entry = catalog.entries.find((e) => e.kind === 'dataset' && (e.data.schema ?? []).length > 0 && (e.data.tags ?? []).length > 0)!;
    const record = searchRecord(entry);
    expect(record.content.startsWith(`${entry.data.title}. ${entry.id.replaceAll('-', ' ')}`)).toBe(true);
    if (entry.kind !== 'dataset') throw new Error('expected a dataset');
    expect(record.content).not.toContain(entry.data.description!);
    for (const word of [...entry.data.tags!, ...entry.data.schema!.map((c) => c.name)]) expect(record.content).toContain(word);
    expect(record.content.length).toBeLessThan(entry.text.length);
    expect(record.meta).toEqual({ title: entry.data.title, description: entry.data.description });
    expect(roundTrip(record)).toEqual(record);
  });

  it('names a glossary term by its synonyms too', () => {
    const term = demoCatalog().entries.find((e) => e.kind === 'glossary' && (e.data.synonyms ?? []).length > 0)!;
    if (term.kind !== 'glossary') throw new Error('expected a term');
    for (const synonym of term.data.synonyms!) expect(searchRecord(term).content).toContain(synonym);
  });

  it('carries the same filters as the entry page, so both indexes filter alike', () => {
    const catalog = demoCatalog();
    for (const entry of catalog.entries) {
      const grouped: Record<string, string[]> = {};
      for (const [key, value] of entryPage(catalog, entry.id).filters) (grouped[key] ??= []).push(value);
      expect(searchRecord(entry, catalog.byId).filters, entry.id).toEqual(grouped);
    }
  });
});
