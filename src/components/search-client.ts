/**
 * Search in the browser, loaded on first use. The header's box searches the names index
 * (`names/`, see `src/lib/search/names-index.ts`: a manifest, then only the chunks and
 * groups a query needs); the search page searches it first, then the full text of every
 * page, indexed by Pagefind in shards (`pagefind-1/`…, listed in the names index's
 * manifest) that it merges (see `src/astro/search-index.ts`).
 */
import { NAMES_FOLDER } from '../lib/search/names-index.ts';
import { namesSearch, type NamesSearch } from '../lib/search/names-query.ts';

export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  search(query: string | null, options?: Record<string, unknown>): Promise<{ results: { data(): Promise<ResultData> }[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** The names index's answer to a query, as results show it: the first `limit` entries, and how many match. */
export interface NamesResults {
  total: number;
  results: ResultData[];
}

let names: NamesSearch | undefined;
let fullText: Promise<Pagefind | undefined> | undefined;

/** The site's base path, which the header's search form carries (`data-base`). */
function siteBase(): string {
  return document.querySelector<HTMLElement>('[data-base]')?.dataset['base'] ?? '/';
}

/** The names index, for the header's search box and the search page's first answers: its cost does not grow with the catalog. */
export function loadNames(): NamesSearch {
  const base = siteBase();
  const folder = `${base}${NAMES_FOLDER}/`;
  // The manifest is asked for afresh (a cache may keep it, if unchanged); every other file
  // is asked for with the build's stamp, so that no file of an older build answers.
  const json = (url: string, init?: RequestInit) =>
    fetch(url, init).then((response) => (response.ok ? response.json() : Promise.reject(new Error(`${url}: ${response.status}`))));
  let manifest: Promise<{ build: string }> | undefined;
  const once = () =>
    (manifest ??= json(`${folder}index.json`, { cache: 'no-cache' }).catch((error: unknown) => {
      manifest = undefined;
      throw error;
    }));
  names ??= namesSearch((file) => (file === 'index.json' ? once() : once().then(({ build }) => json(`${folder}${file}?v=${build}`))));
  return names;
}

/** The names index's answer, with addresses under the site's base path. */
export async function searchNames(query: string, filters: Record<string, string> = {}, limit = 8): Promise<NamesResults> {
  const base = siteBase();
  const answer = await loadNames().search(query, filters, limit);
  return {
    total: answer.total,
    results: answer.entries.map((e) => ({ url: `${base}${e.url.replace(/^\//, '')}`, excerpt: '', meta: { ...e.meta }, filters: e.filters })),
  };
}

/** The full text of every entry page, for the search page: every shard, merged, so that ranking and filter counts span them all. */
export function loadFullText(): Promise<Pagefind | undefined> {
  const base = siteBase();
  fullText ??= loadNames()
    .manifest()
    .then(async ({ shards: [first, ...others] }) => {
      if (!first) return undefined;
      const options = { baseUrl: base, excerptLength: 18 };
      const module = (await import(/* @vite-ignore */ `${base}${first}pagefind.js`)) as Pagefind;
      await module.options(options);
      await Promise.all(others.map((shard) => module.mergeIndex(`${base}${shard}`, options)));
      return module;
    })
    .catch(() => undefined);
  return fullText;
}

const normal = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Results with the entries the query names first: those whose title or one of whose
 * synonyms (a glossary term's, `synonyms` meta joined by `|`) is the query. Pagefind
 * weighs titles and synonyms above body text (`data-pagefind-weight`), but its scores
 * also grow with how often a word appears, so among thousands of entries that mention a
 * word, the one it names could fall behind them. Stable: the rest keep Pagefind's order.
 */
export function namedFirst<T extends { meta: Record<string, string | undefined> }>(query: string, results: readonly T[]): T[] {
  const q = normal(query);
  const names = (r: T) => [r.meta['title'] ?? '', ...(r.meta['synonyms']?.split('|') ?? [])].map(normal);
  const named = results.filter((r) => names(r).includes(q));
  return [...named, ...results.filter((r) => !named.includes(r))];
}

const esc = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** One result: title, kind badge and the entry's one-line description (its excerpt when it has none). */
export function resultView(r: ResultData): string {
  const kind = r.filters['kind']?.[0];
  const description = r.meta['description'];
  return `<a href="${esc(r.url)}"><span class="result-title">${esc(r.meta['title'] ?? r.url)}</span>${kind ? ` <span class="badge kind">${esc(kind)}</span>` : ''}<span class="result-desc">${description ? esc(description) : r.excerpt}</span></a>`;
}
