/**
 * The first search a reader makes, in Chromium: the site's home page is open, the reader
 * clicks the header's search box and types an entry's title; measured from the click to
 * the first result shown, with every request and byte the page fetched on the way (the
 * search code, its index and the results' data). Bytes are as the files are stored: a host
 * that compresses them in transit sends fewer.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { launch } from '../tests/e2e/browser.ts';
import { serve } from '../tests/e2e/server.ts';

export interface FirstSearch {
  query: string;
  ms: number;
  requests: number;
  bytes: number;
  results: number;
  /** The first result's title, to check that it is the entry typed (not in records measured before it was). */
  first?: string;
  /** Every file fetched, with its size, largest first: printed by the command, not recorded by `npm run bench`. */
  files?: { url: string; bytes: number }[];
}

/** A query with results: the title of a model in the middle of the catalog's published manifest (split into parts, or whole as sites built before the split have it). */
function queryFor(outDir: string): string {
  type Item = { kind: string; data: { title: string } };
  const index = JSON.parse(readFileSync(path.join(outDir, 'catalog.json'), 'utf8')) as { parts?: { entries: Record<string, string> }; entries?: Item[] };
  const models = index.parts
    ? (JSON.parse(gunzipSync(readFileSync(path.join(outDir, index.parts.entries['model']!))).toString('utf8')) as Item[])
    : index.entries!.filter((e) => e.kind === 'model');
  return models[Math.floor(models.length / 2)]!.data.title;
}

// `node bench/first-search.ts DIR [QUERY]`: one measurement of a built site, with the files
// fetched, printed as JSON. QUERY for a site whose names index was built from another catalog
// than its pages (to measure the index of a larger catalog without building its pages).
if (import.meta.main) process.stdout.write(`${JSON.stringify(await firstSearch(path.resolve(process.argv[2] ?? 'dist'), process.argv[3], true), null, 1)}\n`);

export async function firstSearch(outDir: string, query = queryFor(outDir), listFiles = false): Promise<FirstSearch> {
  const server = await serve(outDir);
  const browser = await launch();
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(server.url, { waitUntil: 'networkidle' });
    let requests = 0;
    const sizes: Promise<{ url: string; bytes: number }>[] = [];
    page.on('response', (response) => {
      requests++;
      const url = response.url().replace(server.url, '/');
      sizes.push(response.body().then((b) => ({ url, bytes: b.length }), () => ({ url, bytes: 0 })));
    });
    const box = page.getByRole('searchbox', { name: 'Search the catalog' });
    const started = performance.now();
    await box.click();
    await box.pressSequentially(query, { delay: 0 });
    const first = page.locator('#site-search-results li a').first();
    await first.waitFor({ timeout: 60_000 });
    const ms = performance.now() - started;
    // The results' own data (titles, descriptions) arrive with the first one shown.
    await page.waitForLoadState('networkidle');
    const results = await page.locator('#site-search-results li').count();
    const files = (await Promise.all(sizes)).sort((a, b) => b.bytes - a.bytes);
    const bytes = files.reduce((a, f) => a + f.bytes, 0);
    return { query, ms, requests, bytes, results, first: (await first.locator('.result-title').textContent()) ?? '', ...(listFiles ? { files } : {}) };
  } finally {
    await browser.close();
    await server.close();
  }
}
