/**
 * Cardcat → Croissant, Hugging Face or Data Package → Cardcat, on the demo and on a
 * synthetic catalog: every entry must come back as it was, but for the differences listed
 * in `ROUND_TRIP_LOSSES` (and in the README's "Import and export").
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { EXPORTERS } from '../../src/lib/interchange/export/index.ts';
import type { Catalog, Entry } from '../../src/lib/types.ts';
import { writeProject } from '../helpers/catalog.ts';
import { demoCatalog, syntheticCatalog } from './catalogs.ts';
import { run } from './helpers.ts';

/**
 * What a round trip may change, per format: a front-matter path, and why. Empty: the
 * `cardcat:` extension carries every field the format has no property for. Beyond these,
 * only blank lines before and after the body may differ (`normalBody`).
 */
export const ROUND_TRIP_LOSSES: Record<string, Record<string, string>> = {
  croissant: {},
  hf: {},
  frictionless: {},
};

/** Entries a format does not export at all: a Data Package needs a location for its resource. */
const EXPORTED: Record<string, (entry: Entry) => boolean> = {
  croissant: () => true,
  hf: () => true,
  frictionless: (entry) => entry.kind === 'dataset' && entry.data.location !== undefined,
};

/** Exports `catalog`, imports the files into an empty project, and returns the new catalog. */
async function roundTrip(catalog: Catalog, format: 'croissant' | 'hf' | 'frictionless'): Promise<Catalog> {
  const exported = writeProject({});
  for (const file of EXPORTERS[format].run(catalog)) {
    const abs = path.join(exported, file.path);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, file.text);
  }
  const target = writeProject({});
  const imports: [string, string][] = format === 'hf' ? [['hf-dataset', 'hf/datasets'], ['hf-model', 'hf/models']] : [[format, format]];
  for (const [importer, folder] of imports) {
    const result = await run(target, 'import', importer, path.join(exported, folder), '--format', 'json');
    expect(JSON.parse(result.stdout).counts.failed, result.stdout.slice(0, 2000)).toBe(0);
  }
  return buildCatalog(path.join(target, 'content'), { today: '2026-11-23' });
}

/** Paths (`schema.3.unit`) at which two values differ. */
function differences(a: unknown, b: unknown, at = ''): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], at ? `${at}.${k}` : k));
  }
  return [at || '(root)'];
}

const normalBody = (body: string) => body.replace(/^\s+/, '').replace(/\s+$/, '');

describe.each([
  ['the demo', () => demoCatalog()],
  // 100 entries: every kind and field the generator writes, at a third of the import time.
  ['a synthetic catalog of 100 entries', () => syntheticCatalog(100, 3).catalog],
])('round trips of %s', (_, load) => {
  const catalog = load();
  describe.each([
    ['croissant', ['dataset']],
    ['hf', ['dataset', 'model']],
    ['frictionless', ['dataset']],
  ] as const)('through %s', (format, kinds) => {
    it('give back every entry as it was, but for the listed losses', async () => {
      const back = await roundTrip(catalog, format);
      const allowed = ROUND_TRIP_LOSSES[format]!;
      const found: string[] = [];
      const originals = catalog.entries.filter((e) => (kinds as readonly string[]).includes(e.kind) && EXPORTED[format]!(e));
      expect(originals.length).toBeGreaterThan(5);
      for (const original of originals) {
        const copy = back.byId.get(original.id) as Entry | undefined;
        if (!copy) {
          found.push(`${original.id}: missing`);
          continue;
        }
        for (const diff of differences(original.data, copy.data)) {
          if (!Object.keys(allowed).some((p) => diff === p || diff.startsWith(`${p}.`))) found.push(`${original.id}: ${diff}`);
        }
        if (normalBody(original.body) !== normalBody(copy.body)) found.push(`${original.id}: body`);
      }
      expect(found).toEqual([]);
    });
  });
});
