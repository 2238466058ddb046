/**
 * Pagefind in the browser, loaded on first use. The header's box searches the names index
 * (`pagefind/`, one bundle over the whole catalog, fetched chunk by chunk as queries need);
 * the search page searches the full text of every page, indexed in shards (`pagefind-1/`…,
 * listed in `pagefind/shards.json`) that it merges (see `src/astro/search-index.ts`).
 */

export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  debouncedSearch(query: string, options?: Record<string, unknown>, ms?: number): Promise<{ results: { data(): Promise<ResultData> }[] } | null>;
  search(query: string | null, options?: Record<string, unknown>): Promise<{ results: { data(): Promise<ResultData> }[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

let names: Promise<Pagefind | undefined> | undefined;
let fullText: Promise<Pagefind | undefined> | undefined;

/** The site's base path, which the header's search form carries (`data-base`). */
function siteBase(): string {
  return document.querySelector<HTMLElement>('[data-base]')?.dataset['base'] ?? '/';
}

const options = (base: string) => ({ baseUrl: base, excerptLength: 18 });

/** The names index, for the header's search box: its cost does not grow with the catalog. */
export function loadPagefind(): Promise<Pagefind | undefined> {
  const base = siteBase();
  names ??= import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)
    .then(async (module: Pagefind) => {
      await module.options(options(base));
      return module;
    })
    .catch(() => undefined);
  return names;
}

/** The full text of every entry page, for the search page: every shard, merged, so that ranking and filter counts span them all. */
export function loadFullText(): Promise<Pagefind | undefined> {
  const base = siteBase();
  fullText ??= fetch(`${base}pagefind/shards.json`)
    .then((response) => (response.ok ? (response.json() as Promise<string[]>) : Promise.reject(new Error('no shards'))))
    .then(async ([first, ...others]) => {
      if (!first) return undefined;
      // Each shard's pagefind.js is a module of its own, apart from the names index's.
      const module = (await import(/* @vite-ignore */ `${base}${first}pagefind.js`)) as Pagefind;
      await module.options(options(base));
      await Promise.all(others.map((shard) => module.mergeIndex(`${base}${shard}`, options(base))));
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
