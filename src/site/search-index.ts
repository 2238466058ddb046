/**
 * An Astro integration that indexes the built pages with Pagefind and writes a sitemap.
 * Only elements marked `data-pagefind-body` (entry content) are indexed, so navigation,
 * graphs and closure lists never pollute results.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { createIndex, close } from 'pagefind';
import { KIND_NAMES, KINDS } from '../../schemas/index.ts';
import { sitemapXml } from '../lib/site/sitemap.ts';

// Entry pages only (`datasets/<id>/index.html`): they are the pages with searchable
// content, and reading the closure lists and indexes as well took Pagefind half again as long.
const ENTRY_PAGES = `{${KIND_NAMES.map((kind) => KINDS[kind].folder).join(',')}}/*/index.html`;

// A column's type, personal-data class and upstream column are the same few words on
// thousands of rows: they made results noisy and the index a fifth heavier to build.
// Selectors rather than attributes on every cell, which would weigh on every page.
const NOT_SEARCHED = ['table.columns td:nth-child(2)', 'table.columns td:nth-child(5)', 'table.columns td:nth-child(7)'];

export function searchIndex(options: { siteUrl?: string | undefined } = {}): AstroIntegration {
  return {
    name: 'cardcat-search-index',
    hooks: {
      'astro:build:done': async ({ dir, pages, logger }) => {
        const outDir = fileURLToPath(dir);
        const { index, errors } = await createIndex({ excludeSelectors: NOT_SEARCHED });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: outDir, glob: ENTRY_PAGES });
        if (added.errors.length) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        await close();
        logger.info(`Search index: ${added.page_count} pages.`);
        if (options.siteUrl) {
          const paths = pages.map((p) => p.pathname).filter((p) => !p.startsWith('404'));
          writeFileSync(path.join(outDir, 'sitemap.xml'), sitemapXml(options.siteUrl, paths));
        } else {
          logger.info('No sitemap: set `site.url` in cardcat.config.yaml to write one.');
        }
      },
    },
  };
}
