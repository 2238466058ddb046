/**
 * The Pagefind index of a built site's entry pages. It runs after `astro build` has exited
 * (`scripts/site.ts build`), not in an Astro hook, so that Astro's memory is free by then.
 *
 * Pagefind holds everything it indexes in memory, about 0.3 MB for each of our entry pages
 * (3.4 GB at 10,000), so a large catalog is indexed in shards of at most `SHARD_PAGES`
 * pages, each in a process of its own, two at a time: at 10,000 entries that peaks near
 * 1.2 GB, and takes no longer than one process did. The first shard is the site's
 * `pagefind/` bundle, the others `pagefind-2/`, `pagefind-3/`…, listed in
 * `pagefind/shards.json`; the search page merges them in the browser.
 *
 * Only elements marked `data-pagefind-body` (entry content) are indexed, so navigation,
 * graphs and closure lists never pollute results.
 */
import { fork } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';
import { KIND_NAMES, KINDS } from '../../schemas/index.ts';

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

/** Indexes the entry pages under `outDir`; returns how many it indexed. */
export async function indexSearch(outDir: string, options: IndexOptions = {}): Promise<number> {
  const { shardPages = SHARD_PAGES, progress } = options;
  const pages = entryPages(outDir);
  const shards: string[][] = [];
  for (let i = 0; i < pages.length; i += shardPages) shards.push(pages.slice(i, i + shardPages));
  const bundles = shards.map((_, i) => (i === 0 ? 'pagefind' : `pagefind-${i + 1}`));

  let indexed = 0;
  if (shards.length <= 1) {
    indexed = await indexPages(outDir, pages.length > 0 ? globOf(pages) : ENTRY_PAGES, path.join(outDir, 'pagefind'));
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
  writeFileSync(path.join(outDir, 'pagefind', 'shards.json'), JSON.stringify(bundles.slice(1).map((b) => `${b}/`)) + '\n');
  return indexed;
}

// Entry pages only (`datasets/<id>/index.html`): they are the pages with searchable
// content, and reading the closure lists and indexes as well took Pagefind half again as long.
const ENTRY_PAGES = `{${KIND_NAMES.map((kind) => KINDS[kind].folder).join(',')}}/*/index.html`;

/** A glob matching exactly `pages`. Entry ids are kebab-case, so the paths need no escaping. */
const globOf = (pages: readonly string[]) => (pages.length === 1 ? pages[0]! : `{${pages.join(',')}}`);

/**
 * The pages `ENTRY_PAGES` matches, relative to `outDir`, in order, and then the pages of
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
