/**
 * `npm run bench -- [--sizes 1000,5000,10000] [--reps 3] [--build-reps N] [--site-sizes …] [--add]`: generates a synthetic catalog
 * per size, then measures, each command in its own process and the repetitions
 * interleaved so that a busy moment on the machine hits both sides of a ratio alike:
 *   1. `check` against a floor (read, parse YAML, Zod; nothing else: bench/floor.ts), then
 *      `check` with the parse cache: cold (no cache yet, so it is written) and warm after
 *      one file was edited;
 *   2. the site build (pages and search index) against stock Astro with its glob loader
 *      over the same files (bench/baseline/), with peak memory;
 *   3. growth from the smallest to the largest size;
 *   4. what the built site weighs;
 *   5. with `--dev-sizes`, the dev server: requests and the time from saving an edit to
 *      seeing it (bench/dev-server.ts).
 * Medians go to bench/results.md, which is printed at the end. Nothing here is a test:
 * the figures depend on the machine, and the targets are judged on them by people.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scriptOptions } from '../scripts/script-options.ts';
import { measureDevServer } from './dev-server.ts';
import { hasGnuTime, measure, median, type Measurement } from './measure.ts';
import { resultsMarkdown, type Run, type SizeResult } from './report.ts';
import { firstSearch } from './first-search.ts';
import { weigh } from './weigh.ts';
import { cacheFolderFor } from '../src/lib/load/parse-cache.ts';
import { measureArchive } from '../src/lib/publish/site-size.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = `Usage: npm run bench -- [options]
  --sizes 1000,5000,10000  catalog sizes to generate and measure
  --reps 3                 repetitions of each check measurement
  --build-reps N           repetitions of each site build (default: --reps)
  --site-sizes LIST        build the site at these sizes only (default: --sizes)
  --dev-sizes LIST         measure the dev server at these sizes (default: none)
  --skip-site, --skip-check, --skip-baseline
                           leave out the site build, check, or stock Astro
  --seed 1                 the synthetic catalogs' seed
  --work DIR               work in DIR, kept: catalogs already there are reused
  --keep                   keep the temporary folder (catalogs and sites) otherwise
  --add                    add these runs to the results already in --out
  --out bench/results.md   where the report goes (its figures beside it, as .json)`;
const { values } = scriptOptions({
  options: {
    sizes: { type: 'string', default: '1000,5000,10000' },
    reps: { type: 'string', default: '3' },
    'build-reps': { type: 'string' },
    seed: { type: 'string', default: '1' },
    work: { type: 'string' },
    'skip-site': { type: 'boolean', default: false },
    'skip-check': { type: 'boolean', default: false },
    // Stock Astro takes as long as the site build, and more memory: leave it out at 50,000.
    'skip-baseline': { type: 'boolean', default: false },
    add: { type: 'boolean', default: false },
    'site-sizes': { type: 'string' },
    'dev-sizes': { type: 'string', default: '' },
    keep: { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(root, 'bench', 'results.md') },
  },
}, USAGE);
const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
if (sizes.some((n) => !Number.isInteger(n) || n < 30)) {
  process.stderr.write(`Expected --sizes as whole numbers of at least 30, separated by commas, got \`${values.sizes}\`\n`);
  process.exit(2);
}
const siteSizes = values['skip-site'] ? [] : values['site-sizes'] ? values['site-sizes'].split(',').map((s) => Number(s.trim())) : sizes;
const devSizes = values['dev-sizes'] ? values['dev-sizes'].split(',').map((s) => Number(s.trim())) : [];
for (const flag of ['reps', 'build-reps', 'seed'] as const) {
  if (values[flag] !== undefined && !/^\d+$/.test(values[flag])) {
    process.stderr.write(`Expected --${flag} as a whole number, got \`${values[flag]}\`\n`);
    process.exit(2);
  }
}
const reps = Math.max(1, Number(values.reps));
const buildReps = Math.max(1, Number(values['build-reps'] ?? values.reps));
const seed = Number(values.seed);
const AS_OF = '2026-11-01';
const work = values.work ? path.resolve(values.work) : mkdtempSync(path.join(tmpdir(), 'cardcat-bench-'));
mkdirSync(work, { recursive: true });

const bin = path.join(root, 'node_modules', '.bin');
const node = path.join(bin, 'node');
// The build tools' launchers start `node` from PATH: the project's Node 24 must come first.
const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env['PATH'] ?? ''}`, NO_COLOR: '1', CARDCAT_TODAY: AS_OF };
const log = (text: string) => process.stderr.write(`${text}\n`);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const started = performance.now();
const loadBefore = loadavg()[0]!;

async function run(label: string, command: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<Measurement> {
  const m = await measure(command, args, { cwd: root, env: { ...env, ...extraEnv } });
  log(`    ${label.padEnd(16)} ${secs(m.ms).padStart(8)}${m.peakBytes ? `  ${Math.round(m.peakBytes / 2 ** 20)} MB peak` : ''}${m.code ? `  exit ${m.code}` : ''}`);
  return m;
}

const results: SizeResult[] = [];
for (const size of sizes) {
  const dir = path.join(work, `catalog-${size}`);
  const content = path.join(dir, 'content');
  log(`\n[${size.toLocaleString('en')} entries] generating into ${dir}`);
  if (!existsSync(content)) {
    const made = await run('synth', node, ['scripts/cardcat.ts', 'synth', '--entries', String(size), '--out', dir, '--seed', String(seed), '--as-of', AS_OF, '--quiet']);
    if (made.code !== 0) throw new Error(`synth failed:\n${made.tail}`);
  }

  const floor: Measurement[] = [];
  const check: Measurement[] = [];
  const checkCold: Measurement[] = [];
  const checkEdit: Measurement[] = [];
  let checkErrors: string | undefined;
  const checkArgs = ['scripts/cardcat.ts', 'check', '--content', content, '--format', 'json', '--today', AS_OF];
  // The file edited before each warm check: a dataset in the middle of the lineage.
  const datasets = path.join(content, 'datasets');
  const edited = existsSync(datasets) ? path.join(datasets, readdirSync(datasets).sort()[Math.floor(readdirSync(datasets).length / 2)]!) : undefined;
  const original = edited ? readFileSync(edited, 'utf8') : '';
  for (let r = 1; r <= (values['skip-check'] ? 0 : reps); r++) {
    log(`  repetition ${r} of ${reps}`);
    floor.push(await run('floor', node, ['bench/floor.ts', content]));
    // Without the cache: every file parsed, as before there was one.
    const c = await run('check', node, [...checkArgs, '--no-cache']);
    check.push(c);
    if (c.code !== 0) checkErrors = c.tail.slice(-600);
    rmSync(cacheFolderFor(content, root), { recursive: true, force: true });
    checkCold.push(await run('check, cold cache', node, checkArgs));
    if (!edited) continue;
    writeFileSync(edited, original.replace(/^title: (.*)$/m, `title: $1 (edit ${r})`));
    checkEdit.push(await run('check, one edit', node, checkArgs));
  }
  if (edited) writeFileSync(edited, original);

  const result: SizeResult = { size, floor, check, checkCold, checkEdit, ...(checkErrors ? { checkErrors } : {}) };
  if (siteSizes.includes(size)) {
    const site: Measurement[] = [];
    const baseline: Measurement[] = [];
    const siteOut = path.join(work, `site-${size}`);
    const baselineOut = path.join(work, `baseline-${size}`);
    for (let r = 1; r <= buildReps; r++) {
      log(`  build ${r} of ${buildReps}`);
      // Clean builds: no output or content cache left from the previous repetition.
      for (const d of [siteOut, baselineOut, `${siteOut}-cache`, `${baselineOut}-cache`]) rmSync(d, { recursive: true, force: true });
      if (!values['skip-baseline']) baseline.push(await run('baseline build', path.join(bin, 'astro'), ['build', '--root', 'bench/baseline'], { CATALOG_DIR: content, BASELINE_OUT_DIR: baselineOut, BASELINE_CACHE_DIR: `${baselineOut}-cache` }));
      site.push(await run('site build', node, ['scripts/site.ts', 'build'], { CATALOG_DIR: content, CARDCAT_OUT_DIR: siteOut, CARDCAT_CACHE_DIR: `${siteOut}-cache`, CARDCAT_NO_CACHE: '1' }));
    }
    result.site = site;
    if (baseline.length) result.baseline = baseline;
    if (site.some((m) => m.code === 0) && existsSync(siteOut)) {
      result.siteWeight = { ...weigh(siteOut), archiveBytes: await measureArchive(siteOut) };
      try {
        result.firstSearch = await firstSearch(siteOut);
        log(`    first search     ${secs(result.firstSearch.ms).padStart(8)}  ${result.firstSearch.requests} requests, ${Math.round(result.firstSearch.bytes / 1024)} KB`);
      } catch (error) {
        log(`    first search could not be measured: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (baseline.some((m) => m.code === 0) && existsSync(baselineOut)) result.baselineWeight = weigh(baselineOut);
    const failed = site.find((m) => m.code !== 0) ?? baseline.find((m) => m.code !== 0);
    if (failed) result.buildFailure = failed.tail.slice(-800);
  }
  if (devSizes.includes(size)) {
    log('  dev server');
    try {
      result.dev = await measureDevServer({ cwd: root, node, content, env, port: 4390 + (size % 97) });
      for (const p of result.dev.pages) log(`    ${p.path.padEnd(40)} first ${secs(p.firstMs)}, later ${secs(p.laterMs)}`);
      log(`    edit visible after ${result.dev.editVisibleMs === undefined ? 'never' : secs(result.dev.editVisibleMs)}`);
    } catch (error) {
      result.devFailure = error instanceof Error ? error.message : String(error);
      log(`    failed: ${result.devFailure}`);
    }
  }
  results.push(result);
  if (check.length) log(`  check ${secs(median(check.map((m) => m.ms)))} vs floor ${secs(median(floor.map((m) => m.ms)))}`);
}

/** The options of this run that change what is measured (not where scratch files go). */
function reproducible(args: readonly string[]): string {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--work') i++;
    else if (args[i] !== '--keep') out.push(args[i]!);
  }
  return out.join(' ');
}

const thisRun: Run = {
  command: reproducible(process.argv.slice(2)),
  date: new Date().toISOString().slice(0, 10),
  minutes: (performance.now() - started) / 60_000,
  load: [loadBefore, loadavg()[0]!],
};
// With --add, this run's figures join those of earlier runs (kept beside results.md as JSON),
// so a set of sizes too slow for one run can be measured in several.
const rawFile = values.out.replace(/\.md$/, '') + '.json';
const earlier: { runs: Run[]; results: SizeResult[] } = values.add && existsSync(rawFile) ? JSON.parse(readFileSync(rawFile, 'utf8')) : { runs: [], results: [] };
const merged = new Map(earlier.results.map((r) => [r.size, r]));
for (const r of results) {
  const old = merged.get(r.size);
  merged.set(r.size, old ? { ...old, ...(r.check.length ? { floor: r.floor, check: r.check, checkCold: r.checkCold, checkEdit: r.checkEdit, checkErrors: r.checkErrors } : {}), ...(r.dev || r.devFailure ? { dev: r.dev, devFailure: r.devFailure } : {}), ...(r.site ? { site: r.site, baseline: r.baseline, siteWeight: r.siteWeight, baselineWeight: r.baselineWeight, firstSearch: r.firstSearch, buildFailure: r.buildFailure } : {}) } : r);
}
const all = [...merged.values()].sort((a, b) => a.size - b.size);
const runs = [...earlier.runs, thisRun];
writeFileSync(rawFile, `${JSON.stringify({ runs, results: all }, null, 1)}\n`);
const markdown = resultsMarkdown(all, {
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryBytes: totalmem(),
  node: process.version,
  seed,
  gnuTime: hasGnuTime,
  runs,
});
// The graph measure (bench/graph.ts, run on its own) keeps its section across runs.
const graphSection = existsSync(values.out) ? /<!-- graph-visible -->[\s\S]*?<!-- \/graph-visible -->/.exec(readFileSync(values.out, 'utf8'))?.[0] : undefined;
const reproduceAt = markdown.indexOf('## Reproduce');
writeFileSync(values.out, graphSection && reproduceAt >= 0 ? `${markdown.slice(0, reproduceAt)}${graphSection}\n\n${markdown.slice(reproduceAt)}` : markdown);
process.stdout.write(`${markdown}\n`);
log(`Wrote ${path.relative(process.cwd(), values.out) || values.out}.`);
if (!values.keep && !values.work) rmSync(work, { recursive: true, force: true });
else log(`Catalogs and builds kept in ${work}.`);
