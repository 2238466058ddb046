/**
 * The seeded fuzzer, extended from the loader to every command: `check`, `new`, `import`,
 * `export`, `graph`, `impact` and `synth` run with random ids, paths, flags, special files
 * and damaged inputs. Each case must end with exit 0, 1 or 2 (never a stack trace), print
 * no control character to the terminal from its human-readable output, and change no file
 * but where the command says it writes (its `--out`, the content folder for `new` and
 * `import`, `.cache/`). Cases that name a named pipe or a device run as the real binary
 * under a time limit, so a hang fails the case instead of the run.
 *
 *   FUZZ_CASES=100000 FUZZ_SEED=7 npm run fuzz   (command cases: 6% of FUZZ_CASES, or FUZZ_COMMAND_CASES)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LINEAGE } from '../cli/fixture.ts';
import { git } from '../cli/git-repo.ts';
import { repoRoot, run, type Run } from '../cli/run.ts';
import { mutate, random, type Random } from './mutate.ts';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20261123);
// 120 cases by default (about a minute on two busy cores); `npm run fuzz` runs 6,000.
const CASES = Number(process.env['FUZZ_COMMAND_CASES'] ?? Math.ceil(Number(process.env['FUZZ_CASES'] ?? 2000) * 0.06));
/** How long a case run as the real binary may take before it counts as a hang. */
const CASE_LIMIT_MS = 20_000;

const ESC = '\u001b';
const pick = <T,>(rng: Random, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

const IDS = [
  'churn-model', 'raw-events', 'labels', 'data-team', 'fresh-entry', 'x', `a${'-b'.repeat(124)}`, `a${'-b'.repeat(140)}`,
  '../escaped', '../../etc/passwd', 'Viewing_Events', '', '-', 'constructor', '__proto__', 'toString', `evil${ESC}]0;pwned\u0007`,
  `fake${ESC}[2K\r✓`, 'a/b', 'a\nb', 'ü-ber', '.hidden', 'con', 'nul', ' spaced ',
];
const KINDS = ['dataset', 'model', 'source', 'team', 'person', 'glossary', 'license', 'datasets', 'modle', '', `kind${ESC}[31m`];
const PATHS = [
  'content', 'content/datasets', 'content/datasets/labels.md', 'card.md', 'cards', 'package.json', 'no-such-file', 'pipe.md', '/dev/zero',
  '/dev/null', '/proc/cardcat-fuzz', 'card.md/inside', 'loop.md', 'wide.md', 'huge.md', 'out', 'out/deeper', '.', '..', `name${ESC}[2K.md`,
  `${'n'.repeat(300)}.md`, '',
];
const SPECIAL = new Set(['pipe.md', '/dev/zero', '/dev/null']);
const REFS = ['HEAD', 'HEAD~1', 'main', 'origin/main', 'no-such-ref', '; rm -rf ~', '--upload-pack=touch /tmp/pwned', '$(id)', `ref${ESC}]0;t\u0007`, '', 'HEAD^{tree}', '@{-1}'];
const VALUES = ['1', '0', '-1', '3.5', 'NaN', '1e9', '99999999999999999999', 'yes', '', 'x', '2026-02-30', '2026-11-23', `v${ESC}[1A`];
const FORMATS = ['pretty', 'json', 'github', 'text', 'mermaid', 'markdown', 'hf-dataset', 'hf-model', 'croissant', 'frictionless', 'catalog', 'jsonld', 'hf', 'mct', 'bogus'];

const COMMANDS = ['check', 'new', 'import', 'export', 'graph', 'impact', 'synth'] as const;
type Command = (typeof COMMANDS)[number];

/** A random argument list for `command`: mostly plausible, now and then hostile. */
function argsFor(command: Command, rng: Random): string[] {
  const args: string[] = [command];
  const maybe = (p: number, ...more: string[]) => {
    if (rng() < p) args.push(...more);
  };
  switch (command) {
    case 'check':
      maybe(0.7, '--format', pick(rng, ['pretty', 'pretty', 'json', 'github', pick(rng, FORMATS)]));
      maybe(0.3, '--today', pick(rng, VALUES));
      break;
    case 'new':
      args.push(pick(rng, rng() < 0.7 ? KINDS.slice(0, 7) : KINDS), pick(rng, IDS));
      maybe(0.3, '--title', pick(rng, [...IDS, ...VALUES]));
      maybe(0.2, '--description', pick(rng, VALUES));
      maybe(0.3, '--owner', pick(rng, IDS));
      maybe(0.1, '--print');
      break;
    case 'import':
      args.push(pick(rng, rng() < 0.8 ? FORMATS.slice(6, 10) : FORMATS), pick(rng, PATHS));
      maybe(0.6, '--out', pick(rng, ['content', 'content', 'out', ...PATHS]));
      maybe(0.3, '--id', pick(rng, IDS));
      maybe(0.1, '--hub-id', pick(rng, ['org/name', 'a b', `x${ESC}`]));
      maybe(0.2, '--format', pick(rng, ['pretty', 'json', 'x']));
      break;
    case 'export':
      args.push(pick(rng, rng() < 0.8 ? FORMATS.slice(10, 14) : FORMATS));
      maybe(0.8, '--out', pick(rng, ['out', 'out', ...PATHS]));
      maybe(0.2, '--force');
      break;
    case 'graph':
      args.push(pick(rng, IDS));
      maybe(0.3, pick(rng, ['--up', '--down']));
      maybe(0.3, '--depth', pick(rng, VALUES));
      maybe(0.4, '--format', pick(rng, ['text', 'text', 'mermaid', 'json', 'x']));
      maybe(0.2, '--max-nodes', pick(rng, VALUES));
      break;
    case 'impact':
      maybe(0.8, '--since', pick(rng, REFS));
      if (rng() < 0.4) args.push(pick(rng, IDS));
      maybe(0.3, '--format', pick(rng, ['markdown', 'json', 'x']));
      maybe(0.2, '--github-org', pick(rng, ['acme', `o${ESC}`, '']));
      maybe(0.2, '--max-nodes', pick(rng, VALUES));
      break;
    case 'synth':
      maybe(0.9, '--entries', pick(rng, ['30', '30', '0', '-5', 'many', '1e3']));
      maybe(0.9, '--out', pick(rng, ['out', 'out', ...PATHS]));
      maybe(0.3, '--seed', pick(rng, VALUES));
      maybe(0.2, '--as-of', pick(rng, VALUES));
      break;
  }
  if (command !== 'synth' && command !== 'import') {
    maybe(0.15, '--content', pick(rng, PATHS));
    maybe(0.1, '--config', pick(rng, ['cardcat.config.yaml', 'pipe.md', 'wide.md', 'no-such.yaml', 'content']));
  }
  // Now and then a flag the command does not know, a flag without its value, or a stray word.
  maybe(0.05, pick(rng, ['--bogus', '--out', '-x', '--', 'extra']));
  return args;
}

/** Where `argv` may write, relative to the project: its --out, the content folder for new and import, and `.cache/`. */
function allowedPlaces(argv: readonly string[]): string[] {
  const flag = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const places = ['.cache'];
  const [command] = argv;
  if (command === 'new') places.push(flag('--content') ?? 'content');
  if (command === 'import') places.push(flag('--out') ?? 'content');
  if (command === 'export') places.push(flag('--out') ?? 'dist-export');
  if (command === 'synth' && flag('--out') !== undefined) places.push(flag('--out')!);
  // Paths are relative to the working folder `work/`, inside the case's folder, so even `..` stays in it.
  return places.map((p) => (path.isAbsolute(p) ? p : path.normalize(path.join('work', p))));
}

/** Every regular file and link under `root` with its content (never opening a pipe or device). */
function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const abs = path.join(dir, name);
      const relative = path.relative(root, abs);
      if (relative === path.join('work', '.git')) continue;
      const stats = lstatSync(abs);
      if (stats.isDirectory()) {
        out.set(relative, 'folder');
        walk(abs);
      } else if (stats.isFile()) out.set(relative, readFileSync(abs).toString('base64'));
      else out.set(relative, stats.isSymbolicLink() ? 'link' : 'special');
    }
  };
  walk(root);
  return out;
}

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** The template project: the lineage catalog, a config, cards to import, a git history for impact. */
function template(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'cardcat-fuzz-'));
  folders.push(root);
  for (const [name, text] of Object.entries(LINEAGE)) {
    mkdirSync(path.dirname(path.join(root, 'content', name)), { recursive: true });
    writeFileSync(path.join(root, 'content', name), text);
  }
  writeFileSync(path.join(root, 'cardcat.config.yaml'), 'uses:\n  research: { description: Research }\n');
  writeFileSync(path.join(root, 'card.md'), '---\nlicense: mit\npretty_name: Reviews\ntask_categories: [text-classification]\n---\n# Reviews\n\nA card.\n');
  mkdirSync(path.join(root, 'cards'));
  writeFileSync(path.join(root, 'cards', 'ratings.md'), '---\nlicense: cc-by-nc-4.0\npretty_name: Ratings\n---\n# Ratings\n');
  writeFileSync(path.join(root, 'cards', 'package.json'), JSON.stringify({ name: 'pkg', resources: [{ name: 'r', path: 'r.csv', schema: 'schema.json' }] }));
  writeFileSync(path.join(root, 'package.json'), '{"name": "not-a-card"}\n');
  writeFileSync(path.join(root, 'wide.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\ntitle: Wide\n---\n', 'utf16le')]));
  writeFileSync(path.join(root, 'huge.md'), Buffer.alloc(1_200_000, 0x61));
  symlinkSync('loop.md', path.join(root, 'loop.md'));
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'base');
  writeFileSync(path.join(root, 'content', 'datasets', 'labels.md'), LINEAGE['datasets/labels.md']!.replace('Labels', 'Labels, relabelled'));
  return root;
}

/** A fresh copy of the template with one to three content files damaged, and a named pipe when the case names one. */
function projectFor(base: string, rng: Random, argv: readonly string[]): { outer: string; root: string; damaged: string[] } {
  const outer = mkdtempSync(path.join(tmpdir(), 'cardcat-fuzz-case-'));
  const root = path.join(outer, 'work');
  cpSync(base, root, { recursive: true, verbatimSymlinks: true });
  const damaged: string[] = [];
  const files = Object.keys(LINEAGE).map((f) => path.join('content', f)).concat('cardcat.config.yaml', 'card.md');
  for (let i = Math.floor(rng() * 3); i > 0; i--) {
    const file = pick(rng, files);
    const { bytes, applied } = mutate(readFileSync(path.join(root, file)), rng);
    writeFileSync(path.join(root, file), bytes);
    damaged.push(`${file} (${applied.join(', ')})`);
  }
  if (argv.includes('pipe.md')) spawnSync('mkfifo', [path.join(root, 'pipe.md')]);
  // Now and then a special file sits among the entries, where every command's loader meets it.
  if (rng() < 0.05) {
    spawnSync('mkfifo', [path.join(root, 'content', 'datasets', 'pipe.md')]);
    damaged.push('content/datasets/pipe.md (a named pipe)');
  }
  return { outer, root, damaged };
}

/** What broke a case's promises, if anything. */
function violations(argv: readonly string[], result: Run, before: Map<string, string>, after: Map<string, string>): string[] {
  const out: string[] = [];
  if (![0, 1, 2].includes(result.code)) out.push(`exit code ${result.code}`);
  if (/Internal error|\n\s+at .*:\d+:\d+/.test(result.stdout + result.stderr)) out.push(`a stack trace:\n${(result.stderr || result.stdout).slice(0, 2000)}`);
  // Text for people writes control characters out; machine formats escape them by their own
  // syntax (JSON `\u001b`, Mermaid `#27;`, Markdown and GitHub annotations as text): none is raw.
  const printed = result.stdout + result.stderr;
  const control = printed.replace(/\u001b\[[0-9;]*m/g, '').match(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  if (control) out.push(`printed control character U+${control[0].charCodeAt(0).toString(16).padStart(4, '0')}`);
  const allowed = allowedPlaces(argv);
  const inAllowed = (file: string) => allowed.some((p) => p === '.' || file === p || file.startsWith(p + path.sep));
  // Making the folders on the way to an allowed place is part of writing there.
  const onTheWay = (file: string, content: string) => content === 'folder' && !before.has(file) && allowed.some((p) => p.startsWith(file + path.sep));
  for (const [file, content] of after) {
    if (before.get(file) !== content && !inAllowed(file) && !onTheWay(file, content)) out.push(`changed \`${file}\` outside ${allowed.join(', ')}`);
  }
  for (const file of before.keys()) if (!after.has(file) && !inAllowed(file)) out.push(`removed \`${file}\``);
  return out;
}

async function runCase(argv: string[], root: string): Promise<Run> {
  // A named pipe or a device could hang a reader: those cases run as a child with a limit.
  if (argv.some((a) => SPECIAL.has(a)) || existsSync(path.join(root, 'content', 'datasets', 'pipe.md'))) {
    const node = path.join(repoRoot, 'node_modules', '.bin', 'node');
    const result = spawnSync(node, [path.join(repoRoot, 'scripts', 'cardcat.ts'), ...argv], { cwd: root, encoding: 'utf8', timeout: CASE_LIMIT_MS, env: { ...process.env, NO_COLOR: '1' } });
    if (result.error && (result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return { code: -1, stdout: result.stdout ?? '', stderr: `hung for over ${CASE_LIMIT_MS / 1000} s` };
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  }
  try {
    return await run(argv, root);
  } catch (error) {
    return { code: 70, stdout: '', stderr: `Internal error\n${error instanceof Error ? error.stack : String(error)}` };
  }
}

describe('fuzzing the commands', () => {
  it(`runs ${CASES} random command lines on damaged catalogs and special files: no stack trace, no hang, no control character, no file changed outside each command's places (seed ${SEED})`, async () => {
    const base = template();
    const failures: string[] = [];
    const counts = new Map<string, number>();
    for (let n = 0; n < CASES && failures.length < 5; n++) {
      const rng = random(SEED * 1_000_037 + n);
      const argv = argsFor(pick(rng, COMMANDS), rng);
      const { outer, root, damaged } = projectFor(base, rng, argv);
      try {
        const before = snapshot(outer);
        const result = await runCase(argv, root);
        const problems = violations(argv, result, before, snapshot(outer));
        counts.set(argv[0]!, (counts.get(argv[0]!) ?? 0) + 1);
        if (problems.length) {
          failures.push(`FUZZ_SEED=${SEED}, command case ${n}: ${JSON.stringify(argv)}${damaged.length ? `, damaged ${damaged.join('; ')}` : ''}\n  ${problems.join('\n  ')}`);
        }
      } finally {
        rmSync(outer, { recursive: true, force: true });
      }
    }
    console.log(`Fuzzed ${CASES} command lines (${[...counts].map(([c, k]) => `${k} ${c}`).join(', ')}), seed ${SEED}`);
    expect(failures).toEqual([]);
  }, Math.max(300_000, CASES * 2_000));
});
