/** The catalogs every export is held to: the demo, and a synthetic catalog of 300 entries. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { DEFAULT_AS_OF, synthesize } from '../../src/lib/synth/generate.ts';
import type { Catalog } from '../../src/lib/types.ts';
import { writeProject } from '../helpers/catalog.ts';
import { repoRoot } from './helpers.ts';

export function demoCatalog(): Catalog {
  return buildCatalog(path.join(repoRoot, 'content'), { today: DEFAULT_AS_OF });
}

/** A synthetic catalog written to a temporary project; returns the project folder too. */
export function syntheticCatalog(entries = 300, seed = 1): { root: string; catalog: Catalog } {
  const root = writeProject({});
  for (const file of synthesize({ entries, seed })) {
    const abs = path.join(root, file.path);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, file.text);
  }
  return { root, catalog: buildCatalog(path.join(root, 'content'), { today: DEFAULT_AS_OF }) };
}
