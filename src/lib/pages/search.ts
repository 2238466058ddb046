/**
 * The search page. Pagefind runs in the browser; without JavaScript the page cannot read
 * the query from its address (the site is static), so it says so and offers the index
 * pages this catalog has, each with its number of entries, and a form that keeps `?q=`.
 */
import { KIND_NAMES, KINDS } from '../../../schemas/index.ts';
import type { Catalog } from '../types.ts';
import { linksOf } from './links.ts';

export interface SearchPageModel {
  /** The form's address: the search page itself. */
  action: string;
  /** Index pages of the kinds that have entries, in navigation order. */
  indexes: { label: string; url: string; count: number }[];
}

export function searchPage(catalog: Catalog): SearchPageModel {
  const links = linksOf(catalog);
  const counts = new Map<string, number>();
  for (const e of catalog.entries) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  return {
    action: links.link('search/'),
    indexes: KIND_NAMES.filter((kind) => counts.has(kind)).map((kind) => ({ label: KINDS[kind].plural, url: links.kindLink(kind), count: counts.get(kind)! })),
  };
}
