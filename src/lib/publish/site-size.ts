/**
 * What a built site weighs against what static hosts accept. GitHub Pages refuses a
 * published site over 1 GB; GitLab Pages accepts 1 GB and 200,000 files. `npm run build`
 * reports the size and warns; the Pages workflow stops before uploading a site the host
 * would refuse (`scripts/site-limits.ts`), with this module's message instead of a failed
 * deployment.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export interface SiteSize {
  bytes: number;
  files: number;
}

export interface HostLimit {
  /** How the `--host` option names it. */
  id: string;
  host: string;
  /** Decimal units, as the hosts state them: the lower reading of "1 GB". */
  maxBytes: number;
  maxFiles?: number;
}

export const HOST_LIMITS: readonly HostLimit[] = [
  { id: 'github', host: 'GitHub Pages', maxBytes: 1e9 },
  { id: 'gitlab', host: 'GitLab Pages', maxBytes: 1e9, maxFiles: 200_000 },
];

/** The bytes and files under `dir`, every folder down (symbolic links are not followed). */
export function measureSite(dir: string): SiteSize {
  let bytes = 0;
  let files = 0;
  const pending = [dir];
  while (pending.length) {
    const folder = pending.pop()!;
    for (const dirent of readdirSync(folder, { withFileTypes: true })) {
      const abs = path.join(folder, dirent.name);
      if (dirent.isDirectory()) pending.push(abs);
      else if (dirent.isFile()) {
        bytes += statSync(abs).size;
        files++;
      }
    }
  }
  return { bytes, files };
}

/** Bytes as people read them, in decimal units like the hosts' limits: `812 MB`, `1.2 GB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} KB`;
  return `${bytes} bytes`;
}

export function sizeReport(size: SiteSize): string {
  return `Site: ${formatBytes(size.bytes)} in ${size.files.toLocaleString('en')} files.`;
}

/** One sentence per limit `size` exceeds, naming the host, the limit and what to do; empty when it fits them all. */
export function limitsExceeded(size: SiteSize, hosts: readonly HostLimit[] = HOST_LIMITS): string[] {
  const problems: string[] = [];
  for (const limit of hosts) {
    if (size.bytes > limit.maxBytes) {
      problems.push(`${limit.host} accepts at most ${formatBytes(limit.maxBytes)}; this site is ${formatBytes(size.bytes)}.`);
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
  'the README\'s "Performance" section says what each entry adds to the site.';
