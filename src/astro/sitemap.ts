/** An Astro integration that writes `sitemap.xml` once the pages are built, when the config gives the site's `url`. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { sitemapXml } from '../lib/view/sitemap.ts';

export function sitemap(options: { siteUrl?: string | undefined } = {}): AstroIntegration {
  return {
    name: 'cardcat-sitemap',
    hooks: {
      'astro:build:done': ({ dir, pages, logger }) => {
        if (!options.siteUrl) {
          logger.info('No sitemap: set `site.url` in cardcat.config.yaml to write one.');
          return;
        }
        const paths = pages.map((p) => p.pathname).filter((p) => !p.startsWith('404'));
        writeFileSync(path.join(fileURLToPath(dir), 'sitemap.xml'), sitemapXml(options.siteUrl, paths));
      },
    },
  };
}
