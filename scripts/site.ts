/**
 * The site commands: build the catalog's site with its search index, serve it, or run the
 * dev server. `--content DIR` (or CATALOG_DIR) picks the catalog; other options go to Astro.
 *
 *   node scripts/site.ts start [--content DIR] [--port N]   build, then serve on localhost
 *   node scripts/site.ts build [--content DIR]              build into dist/
 *   node scripts/site.ts dev [--content DIR]                dev server, reloads on edits
 *   node scripts/site.ts preview                            serve the last build
 *
 * `--no-cache` with any of them parses every file instead of reusing `.cache/cardcat/`.
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { acquireBuildLock, publish, stagingFolder } from './build-output.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Run by this Node, not by whichever `node` the `.bin/astro` shebang finds on PATH: outside
// npm scripts that is the system's, which may be too old for Astro.
const astro = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const COMMANDS = ['start', 'build', 'dev', 'preview'] as const;
type Command = (typeof COMMANDS)[number];

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [astro, ...args], { stdio: 'inherit', env, cwd: root });
    const stop = () => child.kill('SIGINT');
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(code ?? (signal ? 130 : 1));
    });
  });
}

/**
 * Astro's bundler and compiler are native code with their own allocator (mimalloc), which
 * by default asks the kernel for transparent huge pages and keeps freed pages a while. With
 * huge pages on request, as on Debian, every 2 MB page they touch counts whole: about 300 MB
 * of a build's peak that holds nothing. Set either variable to override.
 */
const NATIVE_MEMORY = { MIMALLOC_ALLOW_THP: '0', MIMALLOC_PURGE_DELAY: '0' };

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!COMMANDS.includes(command as Command)) {
    process.stderr.write(`Usage: node scripts/site.ts <${COMMANDS.join('|')}> [--content DIR] [astro options]\n`);
    return 2;
  }
  const env: NodeJS.ProcessEnv = { ...NATIVE_MEMORY, ...process.env };
  const passThrough: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--content' || arg.startsWith('--content=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++i];
      if (!value) {
        process.stderr.write('`--content` needs a folder, such as `--content ../our-catalog/content`.\n');
        return 2;
      }
      env['CATALOG_DIR'] = path.resolve(value);
    } else if (arg === '--no-cache') {
      // Read by src/astro/catalog.ts: parse every file instead of reusing .cache/cardcat/.
      env['CARDCAT_NO_CACHE'] = '1';
    } else {
      passThrough.push(arg);
    }
  }
  const dir = env['CATALOG_DIR'] ? path.resolve(env['CATALOG_DIR']) : path.join(root, 'content');
  if (command !== 'preview' && !existsSync(dir)) {
    process.stderr.write(`Content folder \`${dir}\` does not exist.\n`);
    return 2;
  }
  env['CATALOG_DIR'] = dir;
  if (command === 'start') {
    // Options such as --port and --host are for the server.
    const built = await build([], env);
    if (built !== 0) return built;
    return run(['preview', ...passThrough], env);
  }
  if (command === 'build') return build(passThrough, env);
  return run([command as string, ...passThrough], env);
}

/**
 * The pages, then, once Astro has exited and freed its memory, their search index. Built
 * into a staging folder under a lock (see build-output.ts): a second build in the same
 * checkout waits, and the output folder only ever holds a whole site.
 */
async function build(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const flag = args.indexOf('--outDir');
  const outDir = path.resolve(root, (flag >= 0 ? args[flag + 1] : undefined) ?? (env['CARDCAT_OUT_DIR'] || 'dist'));
  const astroArgs = flag >= 0 ? [...args.slice(0, flag), ...args.slice(flag + 2)] : args;
  const lock = await acquireBuildLock(outDir, {
    onWait: (pid) => process.stdout.write(`Another build into ${shown(outDir)} is running (process ${pid}); waiting for it to finish…\n`),
  });
  const staging = stagingFolder(outDir);
  try {
    const built = await run(['build', ...astroArgs], { ...env, CARDCAT_OUT_DIR: staging });
    if (built !== 0) return built;
    // Loaded only now: the indexers and what they read of the catalog core keep about 55 MB
    // resident, which this process would otherwise hold all through Astro's build, its peak.
    const [{ indexSearch }, { NAMES_FOLDER }] = await Promise.all([import('../src/astro/search-index.ts'), import('../src/lib/search/names-index.ts')]);
    process.stdout.write('Indexing entry pages for search…\n');
    try {
      const pages = await indexSearch(staging, {
        shardPages: Number(env['CARDCAT_SEARCH_SHARD_PAGES']) || undefined,
        progress: (indexed, total) => process.stdout.write(`  ${indexed.toLocaleString('en')} of ${total.toLocaleString('en')} pages indexed\n`),
      });
      publish(staging, outDir);
      process.stdout.write(`Search indexes: every entry's names in ${shown(path.join(outDir, NAMES_FOLDER))}, the full text of ${pages.toLocaleString('en')} pages beside it.\n`);
      // Under the lock: a build waiting for it would replace the folder being measured.
      await reportSize(outDir);
    } catch (error) {
      process.stderr.write(`The pages were built, but not their search index, so ${shown(outDir)} was left as it was: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
    lock.release();
  }
  return 0;
}

/**
 * The built site's size and file count, with a warning for each host limit it exceeds (the
 * build still succeeds). A limit on the compressed upload is named, not measured: that
 * takes about a minute at 50,000 entries, which the Pages workflow spends before uploading.
 */
async function reportSize(outDir: string): Promise<void> {
  const { archiveMatters, limitsExceeded, measureSite, partsReport, sizeReport, TOO_LARGE_ADVICE } = await import('../src/lib/publish/site-size.ts');
  const size = measureSite(outDir);
  process.stdout.write(`${sizeReport(size)}\n`);
  const problems = limitsExceeded(size);
  if (problems.length) process.stderr.write(`Warning: some hosts would refuse this site.\n${problems.map((p) => `  - ${p}`).join('\n')}\n${partsReport(size)}\n${TOO_LARGE_ADVICE}\n`);
  for (const host of archiveMatters(size)) {
    process.stdout.write(`${host.host} weighs the site as its workflow uploads it, compressed: \`node scripts/site-limits.ts ${shown(outDir)} --host ${host.id}\` measures that.\n`);
  }
}

function shown(abs: string): string {
  const relative = path.relative(process.cwd(), abs);
  return relative.startsWith('..') ? abs : relative || '.';
}

process.exitCode = await main(process.argv.slice(2));
