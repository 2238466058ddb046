import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { DEFAULT_AS_OF, apportion, synthCounts, synthesize } from '../../src/lib/synth/generate.ts';
import { Random } from '../../src/lib/synth/random.ts';
import { writeProject } from '../helpers/catalog.ts';

function written(entries: number, seed: number) {
  const files = synthesize({ entries, seed });
  const root = writeProject({});
  for (const file of files) {
    const abs = path.join(root, file.path);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, file.text);
  }
  return { files, catalog: buildCatalog(path.join(root, 'content'), { today: DEFAULT_AS_OF }) };
}

describe('synthetic catalogs', () => {
  const { files, catalog } = written(450, 7);

  it('passes check with no errors', () => {
    const errors = catalog.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line} ${d.rule} ${d.message}`);
    expect(errors).toEqual([]);
    expect(catalog.entries).toHaveLength(450);
  });

  it('is mostly datasets and models, with every other kind present', () => {
    const count = (kind: string) => catalog.entries.filter((e) => e.kind === kind).length;
    expect(count('dataset') / 450).toBeGreaterThan(0.65);
    expect(count('dataset') / 450).toBeLessThan(0.75);
    expect(count('model') / 450).toBeGreaterThan(0.12);
    expect(count('model') / 450).toBeLessThan(0.18);
    for (const kind of ['feature', 'source', 'team', 'person', 'glossary', 'license']) expect(count(kind)).toBeGreaterThan(0);
  });

  it('has lineage twelve datasets deep and hubs that feed a large share of the catalog', () => {
    const lineage = (t: string) => t === 'derived_from';
    const depths = catalog.entries.filter((e) => e.kind === 'dataset').map((e) => Math.max(0, ...catalog.graph.closure(e.id, 'up', { follow: lineage }).map((m) => m.depth)));
    expect(Math.max(...depths)).toBe(11);
    const reach = catalog.entries.filter((e) => e.kind === 'dataset').map((e) => catalog.graph.closure(e.id, 'down').length);
    expect(Math.max(...reach)).toBeGreaterThan(catalog.entries.length * 0.2);
  });

  it('gives datasets between 5 and 200 columns, and trains models on splits that add up', () => {
    for (const entry of catalog.entries) {
      if (entry.kind !== 'dataset') continue;
      const columns = entry.data.schema?.length ?? 0;
      expect(columns).toBeGreaterThanOrEqual(5);
      expect(columns).toBeLessThanOrEqual(200);
    }
    const models = catalog.entries.filter((e) => e.kind === 'model');
    expect(models.every((m) => m.kind === 'model' && m.data.training?.length === 1 && m.data.metrics?.every((x) => x.objective))).toBe(true);
    expect(models.some((m) => m.kind === 'model' && m.data.stage === 'production' && m.data.fallback)).toBe(true);
  });

  it('has feature store entries that models name, earlier model versions, certified domains and last resorts, all checking clean', () => {
    const features = catalog.entries.filter((e) => e.kind === 'feature');
    expect(features.length).toBe(synthCounts(450).feature);
    const models = catalog.entries.flatMap((e) => (e.kind === 'model' ? [e] : []));
    const named = new Set(models.flatMap((m) => m.data.features ?? []));
    expect(features.filter((f) => named.has(f.id)).length).toBeGreaterThan(features.length / 2);
    expect(features.some((f) => f.kind === 'feature' && f.data.serving?.column)).toBe(true);
    expect(models.filter((m) => m.data.versions?.length === 2).length).toBeGreaterThan(models.length / 5);
    expect(models.filter((m) => m.data.certified_domain).length).toBeGreaterThan(models.length / 5);
    expect(models.some((m) => m.data.last_resort && !m.data.fallback)).toBe(true);
    const newRules = new Set(['feature-columns', 'feature-skew', 'certified-domain']);
    expect(catalog.diagnostics.filter((d) => newRules.has(d.rule)).map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([]);
  });

  it('writes Markdown bodies that cover the datasheet and model-card sections', () => {
    const scores = catalog.entries.filter((e) => e.kind === 'dataset' || e.kind === 'model').map((e) => catalog.completeness.get(e.id));
    expect(scores.every((s) => s === 1)).toBe(true);
    const body = files.find((f) => f.path.startsWith('content/datasets/'))!.text;
    expect(body.length).toBeGreaterThan(2000);
  });

  it('gives the same files for the same seed and different ones for another', () => {
    const again = synthesize({ entries: 450, seed: 7 });
    expect(again).toEqual(files);
    const other = synthesize({ entries: 450, seed: 8 });
    expect(other.map((f) => f.text)).not.toEqual(files.map((f) => f.text));
  });
});

describe('synthetic catalog helpers', () => {
  it('splits a total into whole parts that add up to it', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [0, 2, 5])).toEqual([0, 2, 5]);
    expect(apportion(280, [10, 14, 14, 12, 10, 9, 8, 7, 6, 4, 3, 3]).reduce((a, b) => a + b, 0)).toBe(280);
  });

  it('counts entries per kind that add up to the total asked for', () => {
    for (const n of [30, 451, 10_000]) {
      expect(Object.values(synthCounts(n)).reduce((a, b) => a + b, 0)).toBe(n);
    }
    expect(() => synthCounts(29)).toThrow(RangeError);
  });

  it('draws the same numbers from the same seed', () => {
    const a = new Random(42);
    const b = new Random(42);
    const draws = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(draws);
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Random(43).next()).not.toBe(draws[0]);
  });
});
