/**
 * The Pagefind index of a built site's entry pages. It runs after `astro build` has exited
 * (`scripts/site.ts build`), not in an Astro hook: Pagefind holds the whole index in its
 * own process (3.5 GB at 10,000 entries), and the build's Node process, which still held
 * 2 GB by then, no longer sits beside it.
 *
 * Only elements marked `data-pagefind-body` (entry content) are indexed, so navigation,
 * graphs and closure lists never pollute results.
 */
import path from 'node:path';
import { close, createIndex } from 'pagefind';
import { KIND_NAMES, KINDS } from '../../schemas/index.ts';

// Entry pages only (`datasets/<id>/index.html`): they are the pages with searchable
// content, and reading the closure lists and indexes as well took Pagefind half again as long.
const ENTRY_PAGES = `{${KIND_NAMES.map((kind) => KINDS[kind].folder).join(',')}}/*/index.html`;

// A column's type, personal-data class and upstream column are the same few words on
// thousands of rows: they made results noisy and the index a fifth heavier to build.
// Selectors rather than attributes on every cell, which would weigh on every page.
const NOT_SEARCHED = ['table.columns td:nth-child(2)', 'table.columns td:nth-child(5)', 'table.columns td:nth-child(7)'];

/** Indexes the entry pages under `outDir` into `outDir/pagefind/`; returns how many it indexed. */
export async function indexSearch(outDir: string): Promise<number> {
  const { index, errors } = await createIndex({ excludeSelectors: NOT_SEARCHED });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: outDir, glob: ENTRY_PAGES });
    if (added.errors.length) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await close();
  }
}
