/** Site settings from `cardcat.config.yaml` (the `site:` block), read through the core's config loader. */
import path from 'node:path';
import { findConfig, loadConfig } from '../lib/load/config.ts';
import type { Config } from '../lib/types.ts';
import { normalizeBase } from '../lib/view/urls.ts';
import { contentDir } from './catalog.ts';

// Read once per process: every link asks for the base, and Astro reads `base` from its
// own config at startup, so an edit to these settings needs a restart in dev anyway.
let settings: Config['site'] | undefined;

export function siteSettings(): Config['site'] {
  if (settings) return settings;
  const { config } = loadConfig(findConfig(contentDir()), (abs) => path.relative(process.cwd(), abs));
  // Config problems are reported with every other diagnostic when the catalog loads.
  settings = { ...config.site, base: normalizeBase(config.site.base) };
  return settings;
}
