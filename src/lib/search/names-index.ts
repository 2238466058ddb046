/**
 * The names index: what the header's search box reads, written as plain JSON files by the
 * site build (`src/astro/search-index.ts`) and read by `names-query.ts` in the browser.
 *
 * Pagefind served this before, one record per entry, but its metadata file lists every
 * page (about 6 bytes each: 310 KB at 50,000 entries) and its search code and WebAssembly
 * weigh 150 KB before the index itself, so a first search cost 628 KB at 50,000 entries.
 * Here a first search fetches the manifest (the first word of each chunk), the chunks that
 * hold the query's words, and the groups that hold the results shown, whatever the size of
 * the catalog:
 *
 * - `index.json`: the manifest: the first word of each chunk, the group size, the number of
 *   entries and the full text's bundles (`pagefind-1/`…) for the search page.
 * - `chunks/<n>.json`: words in code-unit order, cut into chunks of about `CHUNK_CHARS`;
 *   each word with the entries that have it (see `Posting`). A filter value is a word too
 *   (`filterWord`), so that the index counts and filters entries exactly.
 * - `groups/<n>.json`: what results show (address, title, description, synonyms, filters)
 *   of `GROUP_SIZE` entries, numbered by kind then title so that the entries a query finds
 *   together, alike in name, are mostly in the same few groups. A file per entry would be
 *   50,000 files at 50,000 entries, a quarter of what GitLab Pages allows.
 * - `filters.json`: every filter's values with their number of entries, for the search
 *   page's menus.
 */
import type { SearchRecord } from '../pages/search-records.ts';
import { filterWord, indexedWords, words } from './words.ts';

/** The names index's folder in the built site. */
export const NAMES_FOLDER = 'names';
export const GROUP_SIZE = 16;
export const CHUNK_CHARS = 12_000;

/** An entry as results show it. */
export type NameEntry = Pick<SearchRecord, 'url' | 'meta' | 'filters'>;

/**
 * A word's entries, as the differences between successive `entry * 16 + name`: `entry` is
 * the entry's number, `name` is 0 when the word is not in the entry's title or a synonym,
 * else the number of words of the shortest such name (at most 15), so that a query ranks
 * the entry it names (all its words in a name of as many words) before the rest.
 */
export type Posting = number[];

export interface NamesManifest {
  /** Changes with every build; the browser asks for chunks and groups with it, so that no cached file of an older build answers. */
  build: string;
  groupSize: number;
  entries: number;
  /** The first word of each chunk, in order. */
  chunks: string[];
  /** The full text's bundles, relative to the site's root. */
  shards: string[];
}

export interface NamesChunk {
  words: string[];
  postings: Posting[];
}

export type NameFilters = Record<string, Record<string, number>>;

/** The order entries are numbered and grouped in: kind, then title. */
function ordered(records: readonly SearchRecord[]): SearchRecord[] {
  const key = (r: SearchRecord) => `${r.filters['kind']?.[0] ?? ''}\u0000${r.meta.title.toLowerCase()}\u0000${r.url}`;
  return [...records].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The names of an entry: its title and synonyms. */
const namesOf = (record: SearchRecord) => [record.meta.title, ...(record.meta.synonyms?.split('|') ?? [])];

/** The names index's files, by path relative to the index's folder. */
export function namesIndex(records: readonly SearchRecord[], shards: readonly string[], build: string): Map<string, string> {
  const entries = ordered(records);
  const files = new Map<string, string>();
  const byWord = new Map<string, number[]>();
  const filters: NameFilters = {};
  entries.forEach((record, n) => {
    const name = new Map<string, number>();
    for (const text of namesOf(record)) {
      const length = Math.min(words(text).length, 15);
      for (const word of indexedWords(text)) name.set(word, Math.min(name.get(word) ?? 15, length));
    }
    const own = new Set([...indexedWords(record.content), ...name.keys()]);
    for (const [filter, values] of Object.entries(record.filters)) {
      for (const value of values) {
        own.add(filterWord(filter, value));
        (filters[filter] ??= {})[value] = (filters[filter]![value] ?? 0) + 1;
      }
    }
    for (const word of own) {
      let list = byWord.get(word);
      if (!list) byWord.set(word, (list = []));
      list.push(n * 16 + (name.get(word) ?? 0));
    }
  });

  const sorted = [...byWord.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const firsts: string[] = [];
  let chunk: NamesChunk = { words: [], postings: [] };
  let chars = 0;
  const flush = () => {
    if (!chunk.words.length) return;
    files.set(`chunks/${firsts.length}.json`, JSON.stringify(chunk));
    firsts.push(chunk.words[0]!);
    chunk = { words: [], postings: [] };
    chars = 0;
  };
  for (const word of sorted) {
    const list = byWord.get(word)!;
    const deltas = list.map((v, i) => (i ? v - list[i - 1]! : v));
    chunk.words.push(word);
    chunk.postings.push(deltas);
    chars += word.length + deltas.join(',').length + 6;
    if (chars >= CHUNK_CHARS) flush();
  }
  flush();

  for (let g = 0; g * GROUP_SIZE < entries.length; g++) {
    const group: NameEntry[] = entries.slice(g * GROUP_SIZE, (g + 1) * GROUP_SIZE).map(({ url, meta, filters }) => ({ url, meta, filters }));
    files.set(`groups/${g}.json`, JSON.stringify(group));
  }
  files.set('filters.json', JSON.stringify(filters));
  const manifest: NamesManifest = { build, groupSize: GROUP_SIZE, entries: entries.length, chunks: firsts, shards: [...shards] };
  files.set('index.json', JSON.stringify(manifest));
  return files;
}
