/**
 * The catalog the site is built from: one `buildCatalog` call per content state, shared by
 * every page so the graph and its closures are built once, not once per page.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildCatalog } from '../lib/catalog.ts';
import { findConfig } from '../lib/config.ts';
import { counts, formatPretty } from '../lib/format/pretty.ts';
import type { Catalog } from '../lib/types.ts';

/** `CATALOG_DIR`, else `content/` in the working folder. */
export function contentDir(): string {
  return path.resolve(process.env['CATALOG_DIR'] || 'content');
}

/** A cheap fingerprint of the content folder and config, so `astro dev` sees edits. */
function fingerprint(dir: string): string {
  const parts: string[] = [];
  const walk = (folder: string) => {
    for (const item of readdirSync(folder, { withFileTypes: true })) {
      const abs = path.join(folder, item.name);
      if (item.isDirectory()) walk(abs);
      else parts.push(`${abs}:${statSync(abs).mtimeMs}`);
    }
  };
  walk(dir);
  const config = findConfig(dir);
  if (config) parts.push(`${config}:${statSync(config).mtimeMs}`);
  return parts.join('\n');
}

type Cached = { dir: string; stamp: string | undefined; catalog: Catalog };

// Astro loads the content loader and the pages as separate module instances in one
// process; a module-level variable would build the catalog once for each.
const CACHE = Symbol.for('cardcat.site.catalog');
const cache = globalThis as typeof globalThis & { [CACHE]?: Cached };

// Read once: every page asks for the catalog, and reading process.env is not free.
const PRODUCTION = process.env['NODE_ENV'] === 'production';

export function getCatalog(): Catalog {
  const cached = cache[CACHE];
  // A build reads the content once; only the dev server has to notice changes.
  if (PRODUCTION && cached) return cached.catalog;
  const dir = contentDir();
  const stamp = PRODUCTION ? undefined : fingerprint(dir);
  if (cached && cached.dir === dir && cached.stamp === stamp) return cached.catalog;
  const today = process.env['CARDCAT_TODAY'];
  const catalog = buildCatalog(dir, today ? { today } : {});
  cache[CACHE] = { dir, stamp, catalog };
  return catalog;
}

/** The diagnostics as `npm run check` prints them, and whether any is an error. */
export function diagnosticsReport(catalog: Catalog, color = false): { text: string; errors: number; warnings: number } {
  const { errors, warnings } = counts(catalog.diagnostics);
  return { text: formatPretty(catalog.diagnostics, { color, sources: catalog.files }), errors, warnings };
}
