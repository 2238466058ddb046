/**
 * Links between pages for one catalog, under its configured base path: entry URLs and
 * entry links as HTML strings. Every page model writes its links through these, so a row
 * repeated on hundreds of pages is escaped once per build.
 */
import { KINDS, type Kind } from '../../../schemas/index.ts';
import { refHtml } from '../view/html.ts';
import { entryPath, href, normalizeBase } from '../view/urls.ts';
import type { Catalog } from '../types.ts';

export type LinkCatalog = Pick<Catalog, 'byId' | 'config'>;

export interface Links {
  /** The base path, with one trailing slash: `/` or `/catalog/`. */
  base: string;
  /** A site path under the base. */
  link(path?: string): string;
  kindLink(kind: Kind): string;
  /** The page of an entry by id, or undefined for an id the catalog does not hold. */
  entryLink(id: string): string | undefined;
  /** An entry's link as HTML (see `refHtml`): its title, and its description as tooltip when `tooltip`. */
  ref(id: string, tooltip?: boolean): string;
}

// Each entry is linked from hundreds of rows; its link is escaped once per build. Keyed by
// the id itself: a key built per call would be hashed anew on every one of millions of calls.
const known = new WeakMap<LinkCatalog, Links>();

export function linksOf(catalog: LinkCatalog): Links {
  let links = known.get(catalog);
  if (links) return links;
  const base = normalizeBase(catalog.config.site.base);
  const link = (path = '') => href(base, path);
  const titled = new Map<string, string>();
  const plain = new Map<string, string>();
  links = {
    base,
    link,
    kindLink: (kind) => link(`${KINDS[kind].folder}/`),
    entryLink(id) {
      const entry = catalog.byId.get(id);
      return entry ? link(entryPath(entry.kind, entry.id)) : undefined;
    },
    ref(id, tooltip = true) {
      const cache = tooltip ? titled : plain;
      let html = cache.get(id);
      if (html === undefined) {
        const entry = catalog.byId.get(id);
        html = refHtml(id, entry && { title: entry.data.title, description: entry.data.description, url: link(entryPath(entry.kind, entry.id)) }, tooltip);
        cache.set(id, html);
      }
      return html;
    },
  };
  known.set(catalog, links);
  return links;
}
