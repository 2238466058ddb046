/**
 * What the header's search box searches: one small record per entry (its title, id,
 * tags, synonyms and column names; its description is shown, not searched), from which
 * the build writes the names index (`src/lib/search/names-index.ts`), fetched chunk by chunk
 * and group by group as a query needs, so a first search costs about the same at 50,000
 * entries as at 2,000. The full text of every page is indexed too, by Pagefind in shards
 * (see `src/astro/search-index.ts`), for the search page.
 */
import { entryPath } from '../view/urls.ts';
import type { OwnerNames } from '../view/facets.ts';
import type { Catalog, Entry } from '../types.ts';
import { searchFilters } from './entry.ts';

export interface SearchRecord {
  /** The entry page's path from the site's root, without the base path: the search client adds it, as Pagefind's `baseUrl` does for indexed pages. */
  url: string;
  content: string;
  meta: { title: string; description?: string; synonyms?: string };
  filters: Record<string, string[]>;
}

/** The words a reader types to find an entry by name: its title first, then what else names it. */
// Not the description: records have no weights, and a term's synonym written in thirty
// descriptions would outrank the term it names. The search page's full text has them.
function nameWords(entry: Entry): string[] {
  const words: string[] = [entry.data.title, entry.id.replaceAll('-', ' ')];
  words.push(...(entry.data.tags ?? []));
  if (entry.kind === 'glossary') words.push(...(entry.data.synonyms ?? []));
  if (entry.kind === 'dataset') words.push(...(entry.data.schema ?? []).map((c) => c.name));
  return words;
}

export function searchRecord(entry: Entry, names?: OwnerNames): SearchRecord {
  const filters: Record<string, string[]> = {};
  for (const [key, value] of searchFilters(entry, names)) (filters[key] ??= []).push(value);
  return {
    url: `/${entryPath(entry.kind, entry.id)}`,
    content: nameWords(entry).join('. '),
    meta: {
      title: entry.data.title,
      ...(entry.data.description ? { description: entry.data.description } : {}),
      // The names index ranks by title and synonyms, and the search client puts first an entry whose title or synonym is the query (search-client.ts).
      ...(entry.kind === 'glossary' && entry.data.synonyms?.length ? { synonyms: entry.data.synonyms.join('|') } : {}),
    },
    filters,
  };
}

/** Every entry's record, in catalog order. */
export const searchRecords = (catalog: Catalog): SearchRecord[] => catalog.entries.map((entry) => searchRecord(entry, catalog.byId));

/** Where the build writes the records for the indexer, which removes the file once it has read it. */
export const SEARCH_RECORDS_FILE = 'search-records.json';

