/** The manifest the site publishes: a small index, and parts that together are the exported manifest. */
import { describe, expect, it } from 'vitest';
import { catalogManifest } from '../../src/lib/interchange/export/catalog-json.ts';
import { manifestIndex, manifestPart, manifestParts } from '../../src/lib/pages/catalog-manifest.ts';
import { demoCatalog, roundTrip } from './demo.ts';

describe('the published catalog manifest', () => {
  const catalog = demoCatalog();
  const whole = catalogManifest(catalog) as { entries: { id: string; kind: string }[]; edges: unknown[]; diagnostics: unknown[] };

  it('is split into one part per kind the catalog holds, then the edges and the diagnostics', () => {
    const kinds = [...new Set(catalog.entries.map((e) => e.kind))];
    const parts = manifestParts(catalog);
    expect(parts.filter((p) => p.kind).map((p) => p.kind).sort()).toEqual(kinds.sort());
    expect(parts.slice(-2).map((p) => p.name)).toEqual(['edges', 'diagnostics']);
  });

  it('holds in its parts exactly what the exported manifest holds', () => {
    const parts = manifestParts(catalog);
    const entries = parts.filter((p) => p.kind).flatMap((p) => [...manifestPart(catalog, p.name)]) as { id: string }[];
    expect(entries.map((e) => e.id).sort()).toEqual(whole.entries.map((e) => e.id).sort());
    expect(roundTrip(entries.find((e) => e.id === whole.entries[0]!.id))).toEqual(roundTrip(whole.entries[0]));
    expect([...manifestPart(catalog, 'models')].every((e) => (e as { kind: string }).kind === 'model')).toBe(true);
    expect(roundTrip([...manifestPart(catalog, 'edges')])).toEqual(roundTrip(whole.edges));
    expect(roundTrip([...manifestPart(catalog, 'diagnostics')])).toEqual(roundTrip(whole.diagnostics));
  });

  it('indexes the parts by relative path, with the manifest version and counts, and none of the entries', () => {
    const index = manifestIndex(catalog);
    expect(index).toMatchObject({ schema_version: whole['schema_version' as never], counts: (whole as Record<string, unknown>)['counts'], compression: 'gzip' });
    expect(index['parts']).toMatchObject({ entries: { dataset: 'catalog/datasets.json.gz', model: 'catalog/models.json.gz' }, edges: 'catalog/edges.json.gz', diagnostics: 'catalog/diagnostics.json.gz' });
    expect(index).not.toHaveProperty('entries');
    expect(JSON.stringify(index).length).toBeLessThan(2000);
  });

  it('names the parts it knows when asked for another', () => {
    expect(() => manifestPart(catalog, 'everything')).toThrow(/No manifest part `everything`: expected a kind's folder \(datasets, .*\), `edges` or `diagnostics`/);
  });
});
