/**
 * The catalog the site is built from, shared by every page so the graph and its closures
 * are built once, not once per page.
 */
import path from 'node:path';
import { buildCatalog, type BuildOptions } from '../lib/catalog.ts';
import { IncrementalCatalog } from '../lib/incremental-catalog.ts';
import { cacheFolderFor } from '../lib/load/parse-cache.ts';
import { releaseTexts } from '../lib/load/release-texts.ts';
import { counts, formatPretty } from '../lib/format/pretty.ts';
import type { Catalog } from '../lib/types.ts';

/** `CATALOG_DIR`, else `content/` in the working folder. */
export function contentDir(): string {
  return path.resolve(process.env['CATALOG_DIR'] || 'content');
}

/** Functions rather than objects: the module instance that made them may not be the caller's (below). */
type Held = { dir: string; catalog: () => Catalog; changed: (event: string, file: string) => void };

// Astro loads the content loader and the pages as separate module instances in one
// process; a module-level variable would build the catalog once for each.
const HELD = Symbol.for('cardcat.site.catalog');
const held = globalThis as typeof globalThis & { [HELD]?: Held };

// Read once: every page asks for the catalog, and reading process.env is not free.
const PRODUCTION = process.env['NODE_ENV'] === 'production';

function options(): BuildOptions {
  const today = process.env['CARDCAT_TODAY'];
  // In the folder the site is built from, as for every command.
  return { ...(today ? { today } : {}), cache: !process.env['CARDCAT_NO_CACHE'] && cacheFolderFor(contentDir(), process.cwd()) };
}

/**
 * The catalog, read once. A build reads the content once; the dev server keeps an
 * incremental catalog that the content loader's watcher tells of each changed file
 * (`contentChanged`), so a request never walks the content folder.
 */
export function getCatalog(): Catalog {
  const dir = contentDir();
  let current = held[HELD];
  if (!current || current.dir !== dir) {
    current = PRODUCTION ? built(dir) : watched(dir);
    held[HELD] = current;
  }
  return current.catalog();
}

function built(dir: string): Held {
  const catalog = buildCatalog(dir, options());
  return { dir, catalog: () => catalog, changed: () => {} };
}

function watched(dir: string): Held {
  const incremental = new IncrementalCatalog(dir, options());
  return {
    dir,
    catalog: () => incremental.catalog,
    changed: (event, file) => {
      if (event === 'unlink' || event === 'unlinkDir') incremental.remove(file);
      else incremental.update(file);
    },
  };
}

/** In a build, lets the catalog's entry texts go (`releaseTexts`): pages read a text again when they show it. */
export function releaseBuildTexts(): void {
  const catalog = getCatalog();
  if (PRODUCTION) releaseTexts(catalog, catalog.config.max_file_bytes);
}

/** A watcher's event for `file` (absolute): the dev server's catalog reads that file again. */
export function contentChanged(event: string, file: string): void {
  held[HELD]?.changed(event, file);
}

/** The diagnostics as `npm run check` prints them, and whether any is an error. */
export function diagnosticsReport(catalog: Catalog, color = false): { text: string; errors: number; warnings: number } {
  const { errors, warnings } = counts(catalog.diagnostics);
  return { text: formatPretty(catalog.diagnostics, { color, sources: catalog.files }), errors, warnings };
}
