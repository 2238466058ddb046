/**
 * The baseline the site build is measured against: stock Astro over the same Markdown and
 * YAML files (its own glob loader, a trivial layout) and a Pagefind index of the pages.
 * Usage (from the repository root): CATALOG_DIR=… BASELINE_OUT_DIR=… astro build --root bench/baseline
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { close, createIndex } from 'pagefind';

export default defineConfig({
  outDir: process.env['BASELINE_OUT_DIR'] || './dist',
  cacheDir: process.env['BASELINE_CACHE_DIR'] || './node_modules/.astro',
  devToolbar: { enabled: false },
  integrations: [
    {
      name: 'baseline-pagefind',
      hooks: {
        'astro:build:done': async ({ dir, logger }) => {
          const outDir = fileURLToPath(dir);
          const { index } = await createIndex({});
          if (!index) throw new Error('Pagefind could not start');
          const added = await index.addDirectory({ path: outDir });
          await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
          await close();
          logger.info(`Search index: ${added.page_count} pages.`);
        },
      },
    },
  ],
});
