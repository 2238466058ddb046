/**
 * What a built site weighs for its readers: the largest HTML page, the JavaScript a page
 * without a graph loads before anything is clicked (following static imports, not lazy
 * ones), whether Mermaid is part of that, and the search index per page. And where its
 * bytes are: by part of the site, and within the entry pages by section.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { measureSite, siteFiles, type SitePart } from '../src/lib/publish/site-size.ts';

export interface Weight {
  pages: number;
  /** Every file the site publishes, and their bytes. */
  files?: number;
  bytes?: number;
  /** The site as GitHub's Pages workflow uploads it: one tar file, compressed. */
  archiveBytes?: number;
  homeHtmlBytes?: number;
  /** The mean entry page. */
  meanEntryHtmlBytes?: number;
  largestHtml: { file: string; bytes: number };
  /** The largest page of a single entry (a hub's page, usually), apart from lists of entries. */
  largestEntryHtml: { file: string; bytes: number };
  /** A page with no graph, and the JavaScript it loads eagerly. */
  plainPage?: { file: string; jsBytes: number; jsGzipBytes: number; files: number; mermaid: boolean };
  searchIndexBytes: number;
  /** The site's bytes and files by part, largest first (`measureSite`). */
  parts?: SitePart[];
  /** The entry pages of each kind folder, and their bytes summed by section: what a page's size is made of. */
  entrySections?: Record<string, { pages: number; bytes: Record<string, number> }>;
}

const size = (files: readonly string[]) => files.reduce((sum, f) => sum + statSync(f).size, 0);

/** Static imports only: `import(…)` is loaded when a graph scrolls into view, not with the page. */
const STATIC_IMPORT = /(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.m?js)["']|export\s*(?:\*|\{[^}]*\})\s*from\s*["']([^"']+\.m?js)["']/g;
const ENTRY_PAGE = /^(datasets|models|sources|teams|people|glossary|licenses)\/[^/]+\/index\.html$/;
const SCRIPT_SRC = /<script\b[^>]*\bsrc="([^"]+)"/g;
const INLINE_MODULE = /<script\b[^>]*type="module"[^>]*>([\s\S]*?)<\/script>/g;

export function weigh(outDir: string, base = '/'): Weight {
  const files = siteFiles(outDir);
  const html = files.filter((f) => f.endsWith('.html'));
  const largestOf = (list: readonly string[]) =>
    list.reduce((best, f) => {
      const bytes = statSync(f).size;
      return bytes > best.bytes ? { file: path.relative(outDir, f), bytes } : best;
    }, { file: '', bytes: 0 });
  const largest = largestOf(html);
  const largestEntry = largestOf(html.filter((f) => ENTRY_PAGE.test(path.relative(outDir, f).split(path.sep).join('/'))));
  // The search indexes: the names index, `names/`, and the full text's `pagefind-1/`, `pagefind-2/`…
  const isSearchIndex = (f: string) => /^(names|pagefind(-\d+)?)$/.test(path.relative(outDir, f).split(path.sep)[0]!);
  const searchIndexBytes = files.filter(isSearchIndex).reduce((s, f) => s + statSync(f).size, 0);

  // Mermaid's own chunks: the library's core names `mermaidAPI`.
  const js = files.filter((f) => /\.m?js$/.test(f) && !isSearchIndex(f));
  const mermaidChunks = new Set(js.filter((f) => readFileSync(f, 'utf8').includes('mermaidAPI')));

  const resolve = (from: string, spec: string) =>
    spec.startsWith(base) ? path.join(outDir, spec.slice(base.length)) : path.resolve(path.dirname(from), spec);
  const plain = html
    .filter((f) => !/class="[^"]*mermaid/.test(readFileSync(f, 'utf8')) && !f.endsWith('404.html'))
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1))[0];
  let plainPage: Weight['plainPage'];
  if (plain) {
    const text = readFileSync(plain, 'utf8');
    const loaded = new Set<string>();
    const queue: string[] = [];
    for (const m of text.matchAll(SCRIPT_SRC)) queue.push(resolve(plain, m[1]!));
    for (const m of text.matchAll(INLINE_MODULE)) for (const i of m[1]!.matchAll(STATIC_IMPORT)) queue.push(resolve(plain, (i[1] ?? i[2])!));
    while (queue.length) {
      const file = queue.pop()!;
      if (loaded.has(file) || !js.includes(file)) continue;
      loaded.add(file);
      for (const i of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) queue.push(resolve(file, (i[1] ?? i[2])!));
    }
    const list = [...loaded];
    const inline = [...text.matchAll(INLINE_MODULE)].map((m) => m[1]!).join('\n');
    plainPage = {
      file: path.relative(outDir, plain),
      jsBytes: size(list) + Buffer.byteLength(inline),
      jsGzipBytes: list.reduce((s, f) => s + gzipSync(readFileSync(f)).length, 0) + (inline ? gzipSync(inline).length : 0),
      files: list.length,
      mermaid: list.some((f) => mermaidChunks.has(f)),
    };
  }
  const entryPages = html.filter((f) => ENTRY_PAGE.test(path.relative(outDir, f).split(path.sep).join('/')));
  const home = path.join(outDir, 'index.html');
  const entrySections: NonNullable<Weight['entrySections']> = {};
  for (const f of entryPages) {
    const kind = path.relative(outDir, f).split(path.sep)[0]!;
    const into = (entrySections[kind] ??= { pages: 0, bytes: {} });
    into.pages++;
    for (const [section, bytes] of sectionBytes(readFileSync(f, 'utf8'))) into.bytes[section] = (into.bytes[section] ?? 0) + bytes;
  }
  const site = measureSite(outDir);
  return {
    files: site.files,
    bytes: site.bytes,
    ...(files.includes(home) ? { homeHtmlBytes: statSync(home).size } : {}),
    meanEntryHtmlBytes: entryPages.length ? size(entryPages) / entryPages.length : 0,
    pages: html.length,
    largestHtml: largest,
    largestEntryHtml: largestEntry,
    ...(plainPage ? { plainPage } : {}),
    searchIndexBytes,
    ...(site.parts ? { parts: site.parts } : {}),
    entrySections,
  };
}

const SECTION_START = /<section\b[^>]*\bid="([^"]+)"/g;

/**
 * A page's bytes by part: the frame around `<main>` (head, header, footer), the entry's
 * header before its first section, and each section that has an id, up to the next one;
 * sections without an id (the closure lists within the lineage section) count with the one
 * around them.
 */
export function sectionBytes(page: string): Map<string, number> {
  const bytes = (text: string) => Buffer.byteLength(text);
  const start = page.indexOf('<main');
  const end = page.indexOf('</main>');
  const out = new Map<string, number>();
  if (start < 0 || end < 0) return out.set('page', bytes(page));
  const main = page.slice(start, end);
  out.set('page frame', bytes(page) - bytes(main));
  const starts = [...main.matchAll(SECTION_START)].map((m) => ({ at: m.index, id: m[1]! }));
  out.set('entry header', bytes(main.slice(0, starts[0]?.at ?? main.length)));
  starts.forEach(({ at, id }, i) => out.set(id, (out.get(id) ?? 0) + bytes(main.slice(at, starts[i + 1]?.at ?? main.length))));
  return out;
}

/** Prefer a team page (which draws no lineage graph), then any entry page, then the rest. */
function rank(file: string): number {
  if (/[\\/]teams[\\/]/.test(file)) return 0;
  if (/[\\/](people|glossary|licenses)[\\/]/.test(file)) return 1;
  return 2;
}
