import { defineConfig } from 'astro/config';
import { mermaidWithoutElk } from './src/astro/mermaid-without-elk.ts';
import { sitemap } from './src/astro/sitemap.ts';
import { siteSettings } from './src/astro/settings.ts';

const site = siteSettings();

// CARDCAT_OUT_DIR and CARDCAT_CACHE_DIR let tests build several catalogs side by side.
export default defineConfig({
  ...(site.url ? { site: site.url } : {}),
  base: site.base,
  trailingSlash: 'ignore',
  outDir: process.env['CARDCAT_OUT_DIR'] || './dist',
  cacheDir: process.env['CARDCAT_CACHE_DIR'] || './node_modules/.astro',
  // The search index is built after Astro exits (scripts/site.ts, src/astro/search-index.ts).
  integrations: [sitemap({ siteUrl: site.url ? new URL(site.base, site.url).href : undefined })],
  devToolbar: { enabled: false },
  // Pages are written while the next ones render, so the main thread does not sit idle on disk writes.
  build: { concurrency: 4 },
  vite: {
    // Mermaid is large: only the lazy chunk loaded by pages with a graph should pull it in.
    build: { chunkSizeWarningLimit: 4000 },
    plugins: [mermaidWithoutElk()],
  },
});
