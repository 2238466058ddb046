/**
 * The search indexes of a built site. They are written after `astro build` has exited
 * (`scripts/site.ts build`), not in an Astro hook, so that Astro's memory is free by then.
 *
 * Two indexes. `names/` is the names index the header's search box reads: each entry's
 * title, id, tags, synonyms and column names (`src/lib/pages/search-records.ts`), written
 * as plain JSON by `src/lib/search/names-index.ts` (its format and why it is not Pagefind's
 * are there): a first search fetches the manifest, the chunks of the word list that hold
 * the query's words and the groups of 16 entries that hold the results it shows: for a
 * model's title, 43 KB in 5 requests at 2,000 entries, 76 KB in 6 at 50,000.
 *
 * The full text of the entry pages is the search page's, indexed by Pagefind. Pagefind
 * holds everything it indexes in memory, about 0.3 MB for each of our entry pages (3.4 GB
 * at 10,000), so it is indexed in shards of at most `SHARD_PAGES` pages, each in a process
 * of its own, two at a time (at 10,000 entries that peaks near 1.2 GB), as `pagefind-1/`,
 * `pagefind-2/`…, listed in the names index's manifest; the search page merges them in
 * the browser, after answering from the names index. Pagefind writes its ready-made
 * interfaces into every bundle (430 KB of scripts and styles, and 55 KB of WebAssembly for
 * pages of no known language, in each of 50 bundles at 50,000 entries); the site uses its
 * search API alone on English pages, so those files are removed (`UNUSED`).
 *
 * Only elements marked `data-pagefind-body` (entry content) are indexed, so navigation,
 * graphs and closure lists never pollute results.
 */
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';
import { KIND_NAMES, KINDS } from '../../schemas/index.ts';
import { SEARCH_RECORDS_FILE, type SearchRecord } from '../lib/pages/search-records.ts';
import { NAMES_FOLDER, namesIndex } from '../lib/search/names-index.ts';

const SHARD_PAGES = 1000;
const AT_ONCE = Math.min(2, availableParallelism());

// A column's type, personal-data class and upstream column are the same few words on
// thousands of rows: they made results noisy and the index a fifth heavier to build.
// Selectors rather than attributes on every cell, which would weigh on every page.
const NOT_SEARCHED = ['table.columns td:nth-child(2)', 'table.columns td:nth-child(5)', 'table.columns td:nth-child(7)'];

export interface IndexOptions {
  shardPages?: number | undefined;
  /** Called as each shard is written, with the pages indexed so far. */
  progress?: (indexed: number, total: number) => void;
}

/** Indexes the names of the entries and the full text of their pages under `outDir`; returns how many pages it indexed. */
export async function indexSearch(outDir: string, options: IndexOptions = {}): Promise<number> {
  const { shardPages = SHARD_PAGES, progress } = options;
  const pages = entryPages(outDir);
  const shards: string[][] = [];
  for (let i = 0; i < pages.length; i += shardPages) shards.push(pages.slice(i, i + shardPages));
  const bundles = shards.map((_, i) => `pagefind-${i + 1}`);
  writeNames(outDir, bundles.map((b) => `${b}/`));

  let indexed = 0;
  if (shards.length === 1) {
    indexed = await indexPages(outDir, globOf(pages), path.join(outDir, bundles[0]!));
  } else {
    let next = 0;
    const worker = async () => {
      while (next < shards.length) {
        const i = next++;
        let count: number;
        try {
          count = await indexInChild(outDir, globOf(shards[i]!), path.join(outDir, bundles[i]!));
        } catch (error) {
          next = shards.length; // Start no more shards once the build has failed.
          throw error;
        }
        indexed += count;
        progress?.(indexed, pages.length);
      }
    };
    await Promise.all(Array.from({ length: Math.min(AT_ONCE, shards.length) }, worker));
  }
  for (const bundle of bundles) removeUnused(path.join(outDir, bundle));
  return indexed;
}

/** The names index, `names/`, from the records the build wrote (`search-records.json`), which it then removes: they are not for readers. */
function writeNames(outDir: string, shards: string[]): void {
  const file = path.join(outDir, SEARCH_RECORDS_FILE);
  if (!existsSync(file)) throw new Error(`${file} is missing: the site build writes it from src/pages/search-records.json.ts.`);
  const records = JSON.parse(readFileSync(file, 'utf8')) as SearchRecord[];
  const folder = path.join(outDir, NAMES_FOLDER);
  rmSync(folder, { recursive: true, force: true });
  for (const [name, text] of namesIndex(records, shards, Date.now().toString(36))) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    writeFileSync(path.join(folder, name), text);
  }
  rmSync(file);
}

/**
 * Pagefind's interfaces (default, component and modular UI, highlighting), which
 * `pagefind.js` never loads. Its WebAssembly is written once per language and once for
 * pages of no known language; `pagefind.js` loads the one `pagefind-entry.json` names for
 * each language indexed (`unknown` when it names none), so the others go too.
 */
const UNUSED = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;

function removeUnused(bundle: string): void {
  const entry = JSON.parse(readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { wasm?: string }> };
  const wasm = new Set(Object.values(entry.languages).map((l) => `wasm.${l.wasm || 'unknown'}.pagefind`));
  for (const name of readdirSync(bundle)) {
    if (UNUSED.test(name) || (/^wasm\..*\.pagefind$/.test(name) && !wasm.has(name))) rmSync(path.join(bundle, name));
  }
}

/** A glob matching exactly `pages`. Entry ids are kebab-case, so the paths need no escaping. */
const globOf = (pages: readonly string[]) => (pages.length === 1 ? pages[0]! : `{${pages.join(',')}}`);

/**
 * The entry pages (`datasets/<id>/index.html`), relative to `outDir`, in order: they are
 * the pages with searchable content, and reading the closure lists and indexes as well took
 * Pagefind half again as long. Then the pages of
 * the Features index: a column used as a feature has no page of its own, so its row there
 * is where search finds it.
 */
function entryPages(outDir: string): string[] {
  const pages: string[] = [];
  for (const kind of KIND_NAMES) {
    const folder = KINDS[kind].folder;
    if (!existsSync(path.join(outDir, folder))) continue;
    for (const id of readdirSync(path.join(outDir, folder)).sort()) {
      if (existsSync(path.join(outDir, folder, id, 'index.html'))) pages.push(`${folder}/${id}/index.html`);
    }
  }
  const features = KINDS.feature.folder;
  if (existsSync(path.join(outDir, features, 'index.html'))) pages.push(`${features}/index.html`);
  const more = path.join(outDir, features, 'page');
  if (existsSync(more)) {
    const numbers = readdirSync(more).filter((n) => existsSync(path.join(more, n, 'index.html'))).sort((a, b) => Number(a) - Number(b));
    pages.push(...numbers.map((n) => `${features}/page/${n}/index.html`));
  }
  return pages;
}

/** Indexes the pages `glob` matches under `outDir` into the bundle at `outputPath`, in this process. */
export async function indexPages(outDir: string, glob: string, outputPath: string): Promise<number> {
  const { index, errors } = await createIndex({ excludeSelectors: NOT_SEARCHED });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: outDir, glob });
    if (added.errors.length) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await close();
  }
}

const SHARD_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'search-shard.ts');

/** `indexPages` in a child process, whose memory is all returned when it exits. */
function indexInChild(outDir: string, glob: string, outputPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = fork(SHARD_SCRIPT, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let answer: { pages?: number; error?: string } | undefined;
    child.on('message', (message: typeof answer) => (answer = message));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (answer?.pages !== undefined) resolve(answer.pages);
      else reject(new Error(answer?.error ?? `the indexing process for ${path.basename(outputPath)} exited with code ${code}`));
    });
    child.send({ outDir, glob, outputPath });
  });
}
