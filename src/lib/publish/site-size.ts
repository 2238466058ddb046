/**
 * What a built site weighs against what static hosts accept, each counted as the host
 * counts it. GitLab Pages takes at most 1 GB of files and 200,000 of them. GitHub Pages
 * weighs the archive its workflow uploads: `actions/upload-pages-artifact` puts the site in
 * one tar file, which `actions/upload-artifact` compresses (deflate, level 6), and
 * `actions/deploy-pages` warns that a deployment may fail when that upload is over 1 GiB
 * (it refuses a tar over 10 GB). Site pages compress about fourfold, so a site of several
 * GB of files can fit GitHub and not GitLab: the archive is what must be measured there.
 * `npm run build` reports the files and warns; the Pages workflow weighs the archive and
 * stops before uploading a site the host would refuse (`scripts/site-limits.ts`), with
 * this module's message instead of a failed deployment.
 */
import { once } from 'node:events';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createDeflateRaw } from 'node:zlib';
import { KINDS } from '../../../schemas/index.ts';
import { CLOSURE_LIST_NAMES } from '../pages/closure.ts';

export interface SiteSize {
  bytes: number;
  files: number;
  /** The site as one compressed tar file, as GitHub's Pages workflow uploads it: measured only when a limit needs it. */
  archiveBytes?: number | undefined;
  /** The same bytes and files by what they are for, largest first: what a team over a limit looks at. */
  parts?: SitePart[];
}

export interface SitePart {
  part: string;
  bytes: number;
  files: number;
}

export interface HostLimit {
  /** How the `--host` option names it. */
  id: string;
  host: string;
  /** The files' bytes, in decimal units as the hosts state them: the lower reading of "1 GB". */
  maxBytes?: number;
  /** The compressed archive's bytes. */
  maxArchiveBytes?: number;
  maxFiles?: number;
}

export const HOST_LIMITS: readonly HostLimit[] = [
  { id: 'github', host: 'GitHub Pages', maxBytes: 10e9, maxArchiveBytes: 2 ** 30 },
  { id: 'gitlab', host: 'GitLab Pages', maxBytes: 1e9, maxFiles: 200_000 },
];

// A tar file gives each file a 512-byte header and pads its data to a multiple of 512.
const TAR_BLOCK = 512;

/** The bytes and files under `dir`, every folder down (symbolic links are not followed), in all and by part. */
export function measureSite(dir: string): SiteSize {
  let bytes = 0;
  let files = 0;
  const parts = new Map<string, SitePart>();
  for (const file of siteFiles(dir)) {
    const size = statSync(file).size;
    bytes += size;
    files++;
    const name = sitePartOf(path.relative(dir, file).split(path.sep).join('/'));
    const part = parts.get(name) ?? parts.set(name, { part: name, bytes: 0, files: 0 }).get(name)!;
    part.bytes += size;
    part.files++;
  }
  return { bytes, files, parts: [...parts.values()].sort((a, b) => b.bytes - a.bytes) };
}

const KIND_OF_FOLDER = new Map(Object.values(KINDS).map((k) => [k.folder as string, k]));
const CLOSURE_FOLDERS = new Set<string>(CLOSURE_LIST_NAMES);

/**
 * What a file of the built site is for, from its path under the output folder: an entry's
 * page (`datasets/x/index.html`), its closure list pages (`datasets/x/impacts/…`), a kind's
 * index (`datasets/`, `datasets/page/2/`), the search indexes, the catalog manifest, the
 * lineage views fetched on demand, the scripts and styles, or the other pages and files.
 */
export function sitePartOf(relative: string): string {
  const segments = relative.split('/');
  const [top] = segments;
  const html = relative.endsWith('.html');
  if (top === 'names' || /^pagefind(-\d+)?$/.test(top!)) return 'search indexes';
  if (top === 'catalog' || relative === 'catalog.json') return 'catalog manifest';
  if (top === 'lineage' && segments.length > 1) return 'lineage views';
  if (top === '_astro') return 'scripts and styles';
  const kind = KIND_OF_FOLDER.get(top!);
  if (kind && html) {
    const name = kind.label.toLowerCase();
    if (segments.length === 2 || segments[1] === 'page') return `${name} index pages`;
    if (segments.length === 3) return `${name} pages`;
    if (CLOSURE_FOLDERS.has(segments[2]!)) return 'closure list pages';
  }
  return html ? 'other pages' : 'other files';
}

/**
 * `measureSite`, with the compressed archive measured too when one of `hosts` limits it and
 * the files alone do not settle it (an archive is never much larger than the files and
 * their tar headers). Compressing costs about a second of CPU per 60 MB of site, so
 * `onArchive` is called first, for the progress a reader waits on.
 */
export async function measureSiteFor(dir: string, hosts: readonly HostLimit[] = HOST_LIMITS, onArchive?: () => void): Promise<SiteSize> {
  const size = measureSite(dir);
  if (archiveMatters(size, hosts).length) {
    onArchive?.();
    size.archiveBytes = await measureArchive(dir);
  }
  return size;
}

/** The hosts among `hosts` whose limit on the compressed archive a site of `size` could exceed. */
export function archiveMatters(size: SiteSize, hosts: readonly HostLimit[] = HOST_LIMITS): HostLimit[] {
  const upper = size.bytes + size.files * TAR_BLOCK * 2;
  return hosts.filter((h) => h.maxArchiveBytes !== undefined && upper > h.maxArchiveBytes);
}

/**
 * The bytes of `dir` as a tar file compressed as GitHub's `upload-artifact` does (deflate,
 * level 6), within a few hundred bytes of the zip it uploads: each file's header holds its
 * path and size, as a tar header does, so its compressed weight is close to the real one.
 */
export async function measureArchive(dir: string): Promise<number> {
  const deflate = createDeflateRaw({ level: 6 });
  let compressed = 0;
  deflate.on('data', (chunk: Buffer) => (compressed += chunk.length));
  const ended = once(deflate, 'end');
  const write = async (chunk: Buffer) => {
    if (!deflate.write(chunk)) await once(deflate, 'drain');
  };
  for (const file of siteFiles(dir).sort()) {
    const data = readFileSync(file);
    const header = Buffer.alloc(TAR_BLOCK);
    header.write(path.relative(dir, file).slice(0, 100), 0);
    header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124);
    await write(header);
    await write(data);
    const pad = (TAR_BLOCK - (data.length % TAR_BLOCK)) % TAR_BLOCK;
    if (pad) await write(Buffer.alloc(pad));
  }
  deflate.end(Buffer.alloc(TAR_BLOCK * 2));
  await ended;
  return compressed;
}

/** Every file under `dir`, every folder down; symbolic links are not followed. */
export function siteFiles(dir: string): string[] {
  const files: string[] = [];
  const pending = [dir];
  while (pending.length) {
    const folder = pending.pop()!;
    for (const dirent of readdirSync(folder, { withFileTypes: true })) {
      const abs = path.join(folder, dirent.name);
      if (dirent.isDirectory()) pending.push(abs);
      else if (dirent.isFile()) files.push(abs);
    }
  }
  return files;
}

/** Bytes as people read them, in decimal units like the hosts' limits: `812 MB`, `1.2 GB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} KB`;
  return `${bytes} bytes`;
}

/** The largest parts of a site, for a team that must make it smaller: `dataset pages 236 MB (6,700 files), …`. */
export function partsReport(size: SiteSize, count = 5): string {
  const parts = size.parts ?? [];
  const shown = parts.slice(0, count).map((p) => `${p.part} ${formatBytes(p.bytes)} (${p.files.toLocaleString('en')} files)`);
  const rest = parts.slice(count).reduce((sum, p) => sum + p.bytes, 0);
  return `Largest parts: ${shown.join(', ')}${rest ? `; the rest ${formatBytes(rest)}` : ''}.`;
}

export function sizeReport(size: SiteSize): string {
  const archive = size.archiveBytes === undefined ? '' : `; compressed as GitHub Pages' upload, ${formatBytes(size.archiveBytes)}`;
  return `Site: ${formatBytes(size.bytes)} in ${size.files.toLocaleString('en')} files${archive}.`;
}

/** One sentence per limit `size` exceeds, naming the host, the limit and what to do; empty when it fits them all. */
export function limitsExceeded(size: SiteSize, hosts: readonly HostLimit[] = HOST_LIMITS): string[] {
  const problems: string[] = [];
  for (const limit of hosts) {
    if (limit.maxBytes !== undefined && size.bytes > limit.maxBytes) {
      problems.push(`${limit.host} accepts at most ${formatBytes(limit.maxBytes)}; this site is ${formatBytes(size.bytes)}.`);
    }
    if (limit.maxArchiveBytes !== undefined && size.archiveBytes !== undefined && size.archiveBytes > limit.maxArchiveBytes) {
      problems.push(
        `${limit.host} accepts an upload of at most ${formatBytes(limit.maxArchiveBytes)} (the site as one compressed tar file); this site's is ${formatBytes(size.archiveBytes)}.`,
      );
    }
    if (limit.maxFiles !== undefined && size.files > limit.maxFiles) {
      problems.push(`${limit.host} accepts at most ${limit.maxFiles.toLocaleString('en')} files; this site has ${size.files.toLocaleString('en')}.`);
    }
  }
  return problems;
}

/** What a team can do about a site that is too large: said once after the list of limits. */
export const TOO_LARGE_ADVICE =
  'Publish on a host without these limits (any static file server or object store works), or ask the host to raise them; ' +
  'the README\'s "Publishing at scale" says what a site\'s size is made of and what cannot be cut.';
