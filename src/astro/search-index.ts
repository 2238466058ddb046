/**
 * The Pagefind indexes of a built site. They are written after `astro build` has exited
 * (`scripts/site.ts build`), not in an Astro hook, so that Astro's memory is free by then.
 *
 * Two indexes. `pagefind/` is the names index the header's search box reads: one small
 * record per entry (`src/lib/pages/search-records.ts`), in one bundle, whose word index
 * Pagefind splits into chunks fetched as a query needs them, so that a first search costs
 * about the same whatever the catalog's size. The full text of the entry pages is the
 * search page's: Pagefind holds everything it indexes in memory, about 0.3 MB for each of
 * our entry pages (3.4 GB at 10,000), so it is indexed in shards of at most `SHARD_PAGES`
 * pages, each in a process of its own, two at a time (at 10,000 entries that peaks near
 * 1.2 GB), as `pagefind-1/`, `pagefind-2/`…, listed in `pagefind/shards.json`; the search
 * page merges them in the browser.
 *
 * Only elements marked `data-pagefind-body` (entry content) are indexed, so navigation,
 * graphs and closure lists never pollute results.
 */
import { fork } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';
import { KIND_NAMES, KINDS } from '../../schemas/index.ts';
import { SEARCH_RECORDS_FILE, type SearchRecord } from '../lib/pages/search-records.ts';

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
  await indexNames(outDir);
  const pages = entryPages(outDir);
  const shards: string[][] = [];
  for (let i = 0; i < pages.length; i += shardPages) shards.push(pages.slice(i, i + shardPages));
  const bundles = shards.map((_, i) => `pagefind-${i + 1}`);

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
  writeFileSync(path.join(outDir, 'pagefind', 'shards.json'), JSON.stringify(bundles.map((b) => `${b}/`)) + '\n');
  return indexed;
}

/** The names index, `pagefind/`, from the records the build wrote (`search-records.json`), which it then removes: they are not for readers. */
async function indexNames(outDir: string): Promise<void> {
  const file = path.join(outDir, SEARCH_RECORDS_FILE);
  if (!existsSync(file)) throw new Error(`${file} is missing: the site build writes it from src/pages/search-records.json.ts.`);
  const records = JSON.parse(readFileSync(file, 'utf8')) as SearchRecord[];
  const { index, errors } = await createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    // In batches: one request at a time to Pagefind's process would wait on each round trip.
    for (let i = 0; i < records.length; i += 500) {
      const batch = records.slice(i, i + 500);
      const added = await Promise.all(batch.map((record) => index.addCustomRecord({ ...record, meta: { ...record.meta }, language: 'en' })));
      const failed = added.findIndex((a) => a.errors.length);
      if (failed >= 0) throw new Error(`Pagefind could not index ${batch[failed]!.url}: ${added[failed]!.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    await close();
  }
  rmSync(file);
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
