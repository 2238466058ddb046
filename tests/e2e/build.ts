/** Builds a catalog's site into a temporary folder with `npm run build`'s own script: the pages, then their search index. */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface BuiltSite {
  code: number;
  output: string;
  outDir: string;
}

const work: string[] = [];

/** Deletes every folder `buildSite` made; call it from `afterAll`. */
export function removeBuilds(): void {
  for (const folder of work.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/** With `outDir`, builds over an earlier build's output (its cache beside it) instead of a new folder. */
/** `searchShardPages` splits the search index into bundles of that many pages, as a large catalog's is. */
export function buildSite(contentDir: string, options: { today?: string | undefined; outDir?: string; searchShardPages?: number | undefined } = {}): Promise<BuiltSite> {
  let folder: string;
  if (options.outDir) folder = path.dirname(options.outDir);
  else {
    // Inside the project: Astro stages prerendered pages for an outDir outside the working
    // folder in one shared `.astro/.prerender/`, so parallel builds there would collide.
    const parent = path.join(repoRoot, '.cache', 'site-builds');
    mkdirSync(parent, { recursive: true });
    folder = mkdtempSync(path.join(parent, 'build-'));
    work.push(folder);
  }
  const outDir = options.outDir ?? path.join(folder, 'dist');
  const env = {
    ...process.env,
    CATALOG_DIR: contentDir,
    CARDCAT_OUT_DIR: outDir,
    CARDCAT_CACHE_DIR: path.join(folder, 'cache'),
    ...(options.today ? { CARDCAT_TODAY: options.today } : {}),
    ...(options.searchShardPages ? { CARDCAT_SEARCH_SHARD_PAGES: String(options.searchShardPages) } : {}),
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'site.ts'), 'build'], { cwd: repoRoot, env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? 1, output, outDir }));
  });
}

/**
 * The site a script looks at: `dist` when given, else a fresh build of `contentDir`, saying
 * so on stderr. Undefined, with the build's output printed, when the build fails.
 */
export async function siteFolder(dist: string | undefined, contentDir: string): Promise<string | undefined> {
  if (dist) return path.resolve(dist);
  process.stderr.write(`Building the site of ${path.relative(process.cwd(), contentDir) || '.'}…\n`);
  const built = await buildSite(contentDir);
  if (built.code === 0) return built.outDir;
  process.stderr.write(built.output);
  return undefined;
}
