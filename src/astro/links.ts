/**
 * Links between pages, under the configured base path, for the pages that hold no catalog
 * data (404, the search box). The base comes from the config rather than
 * `import.meta.env.BASE_URL`, which prerendered pages see as `/` in Astro 7. Pages built
 * from the catalog get their links from their page model (`src/lib/pages/links.ts`).
 */
import { href } from '../lib/view/urls.ts';
import { siteSettings } from './settings.ts';

export const base = (): string => siteSettings().base;
export const link = (path = ''): string => href(base(), path);
