/**
 * Links between pages, under the configured base path. The base comes from the config
 * rather than `import.meta.env.BASE_URL`, which prerendered pages see as `/` in Astro 7.
 */
import { KINDS, type Kind } from '../../schemas/index.ts';
import { refHtml } from '../lib/site/html.ts';
import { entryPath, href } from '../lib/site/urls.ts';
import type { Catalog } from '../lib/types.ts';
import { siteSettings } from './settings.ts';

export const base = (): string => siteSettings().base;
export const link = (path = ''): string => href(base(), path);
export const kindLink = (kind: Kind): string => link(`${KINDS[kind].folder}/`);

/** The page of an entry by id, or undefined for an id the catalog does not hold. */
export function entryLink(catalog: Pick<Catalog, 'byId'>, id: string): string | undefined {
  const entry = catalog.byId.get(id);
  return entry ? link(entryPath(entry.kind, entry.id)) : undefined;
}

// Each entry is linked from hundreds of rows; its link is escaped once per build. Keyed by
// the id itself: a key built per call would be hashed anew on every one of millions of calls.
const refs = new WeakMap<Pick<Catalog, 'byId'>, { titled: Map<string, string>; plain: Map<string, string> }>();

/** An entry's link as an HTML string (see `refHtml`), for rows written as strings. */
export function entryRef(catalog: Pick<Catalog, 'byId'>, id: string, tooltip = true): string {
  let known = refs.get(catalog);
  if (!known) refs.set(catalog, (known = { titled: new Map(), plain: new Map() }));
  const cache = tooltip ? known.titled : known.plain;
  let html = cache.get(id);
  if (html === undefined) {
    const entry = catalog.byId.get(id);
    html = refHtml(id, entry && { title: entry.data.title, description: entry.data.description, url: link(entryPath(entry.kind, entry.id)) }, tooltip);
    cache.set(id, html);
  }
  return html;
}
