/** Site settings from `cardcat.config.yaml` (the `site:` block), read through the core's config loader. */
import path from 'node:path';
import { findConfig, loadConfig } from '../lib/config.ts';
import type { Config } from '../lib/types.ts';
import { normalizeBase } from '../lib/site/urls.ts';
import { contentDir } from './catalog.ts';

const cache = new Map<string, Config['site']>();

export function siteSettings(dir = contentDir()): Config['site'] {
  const known = cache.get(dir);
  if (known) return known;
  const file = findConfig(dir);
  const { config } = loadConfig(file, (abs) => path.relative(process.cwd(), abs));
  // Config problems are reported with every other diagnostic when the catalog loads.
  const site = { ...config.site, base: normalizeBase(config.site.base) };
  cache.set(dir, site);
  return site;
}
