/**
 * Mutates the demo catalog and real Hugging Face cards (seeded), and checks after every
 * build that the loader kept its promise: it never throws, and every diagnostic names a
 * file that exists with a line and column inside it.
 *
 *   FUZZ_CASES=100000 FUZZ_SEED=7 npm run fuzz
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog.ts';
import type { Catalog } from '../../src/lib/types.ts';
import { OWNERS, writeProject } from '../helpers/catalog.ts';
import { mutate, random, relocate } from './mutate.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = path.join(repoRoot, '..', 'shared', 'corpus');
const CASES = Number(process.env['FUZZ_CASES'] ?? 2000);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261123);
/** Files mutated per build: each build checks several damaged files at once, among intact ones. */
const PER_BUILD = 4;

/** A file name from the corpus as an entry id: `hf-` and lowercase kebab-case. */
const idOf = (name: string) =>
  `hf-${name.replace(/\.md$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80).replace(/-$/, '')}`;

/** The corpus cards as `[path under content/, bytes]`, datasets and models; empty when the corpus is absent. */
function corpusCards(): [string, Buffer][] {
  if (!existsSync(corpus)) return [];
  const cards: [string, Buffer][] = [];
  for (const [folder, kind] of [['hf-datasets', 'datasets'], ['hf-models', 'models']] as const) {
    for (const name of readdirSync(path.join(corpus, folder)).filter((n) => n.endsWith('.md')).sort()) {
      cards.push([`${kind}/${idOf(name)}.md`, readFileSync(path.join(corpus, folder, name))]);
    }
  }
  return cards;
}

/** What is wrong with a catalog's diagnostics, if anything: each must point inside an existing file. */
function violations(catalog: Catalog, project: string): string[] {
  const out: string[] = [];
  const texts = new Map<string, string[] | undefined>();
  const linesOf = (file: string) => {
    if (!texts.has(file)) {
      const abs = path.join(project, file);
      const stats = existsSync(abs) ? statSync(abs) : undefined;
      // A folder (one that is not a kind, say) is reported at 1:1, as if it were one empty line.
      const text = stats?.isFile() ? new TextDecoder().decode(readFileSync(abs)).replace(/^\ufeff/, '') : stats?.isDirectory() ? '' : undefined;
      texts.set(file, text?.split('\n'));
    }
    return texts.get(file);
  };
  const place = (file: string, line: number, column: number, what: string): void => {
    const lines = linesOf(file);
    if (!lines) {
      out.push(`${what}: \`${file}\` is not a file or folder in the project`);
      return;
    }
    if (!Number.isInteger(line) || line < 1 || line > lines.length) {
      out.push(`${what}: line ${line} is outside \`${file}\` (${lines.length} lines)`);
      return;
    }
    const length = lines[line - 1]!.length;
    if (!Number.isInteger(column) || column < 1 || column > length + 1) out.push(`${what}: column ${column} is outside line ${line} of \`${file}\` (${length} characters)`);
  };
  for (const d of catalog.diagnostics) {
    const what = `${d.file}:${d.line}:${d.column} [${d.rule}] ${d.message}`;
    if (d.severity !== 'error' && d.severity !== 'warning') out.push(`${what}: severity \`${String(d.severity)}\``);
    if (!d.rule || !d.message || d.message.includes('[object Object]')) out.push(`${what}: no rule or an unreadable message`);
    place(d.file, d.line, d.column, what);
    for (const r of d.related ?? []) place(r.file, r.line, r.column, `${what} (related ${r.file}:${r.line}:${r.column})`);
  }
  return out;
}

/** Builds the catalog under `project`, returning what went wrong: a throw or misplaced diagnostics. */
function attempt(project: string, repro: string): string[] {
  try {
    return violations(buildCatalog(path.join(project, 'content'), { today: '2026-11-23' }), project).map((v) => `${repro}\n  ${v}`);
  } catch (error) {
    return [`${repro}\n  threw ${error instanceof Error ? error.stack : String(error)}`];
  }
}

// A quarter of the cases damage the demo catalog, where every rule sees the damage among
// intact entries; the rest damage one corpus card at a time, which is cheap to build.
const DEMO_CASES = Math.ceil(CASES / 4);
const CARD_CASES = CASES - DEMO_CASES;
const timeout = (cases: number) => Math.max(120_000, cases * 200);

describe('fuzzing the loader', () => {
  it(
    `builds the demo catalog with ${DEMO_CASES} mutated files without throwing, every diagnostic inside its file (seed ${SEED})`,
    () => {
      const project = writeProject({});
      cpSync(path.join(repoRoot, 'content'), path.join(project, 'content'), { recursive: true });
      cpSync(path.join(repoRoot, 'cardcat.config.yaml'), path.join(project, 'cardcat.config.yaml'));
      // The config is damaged too: it is read like an entry and reported like one.
      const files = (readdirSync(path.join(project, 'content'), { recursive: true }) as string[])
        .map((f) => path.join('content', f))
        .filter((f) => statSync(path.join(project, f)).isFile())
        .sort()
        .concat('cardcat.config.yaml');
      const originals = new Map(files.map((f) => [f, readFileSync(path.join(project, f))]));
      expect(attempt(project, 'intact demo catalog')).toEqual([]);

      const failures: string[] = [];
      let relocations = 0;
      const builds = Math.ceil(DEMO_CASES / PER_BUILD);
      for (let build = 0; build < builds && failures.length < 5; build++) {
        const rng = random(SEED * 1_000_003 + build);
        const changed = new Map<string, string[]>();
        const moved: { from: string; to: string; made: string | undefined }[] = [];
        for (let i = 0; i < PER_BUILD; i++) {
          const file = files[Math.floor(rng() * files.length)]!;
          const { bytes, applied } = mutate(readFileSync(path.join(project, file)), rng);
          writeFileSync(path.join(project, file), bytes);
          changed.set(file, [...(changed.get(file) ?? []), ...applied]);
        }
        // Now and then a file is also moved or renamed, so the layout is damaged too.
        if (rng() < 0.3) {
          const file = files.filter((f) => f.startsWith('content/'))[Math.floor(rng() * (files.length - 1))]!;
          const { file: target, applied } = relocate(file.slice('content/'.length), rng);
          const to = path.join('content', target);
          if (to !== file && !moved.some((m) => m.from === file) && !existsSync(path.join(project, to))) {
            const made = mkdirSync(path.dirname(path.join(project, to)), { recursive: true });
            renameSync(path.join(project, file), path.join(project, to));
            moved.push({ from: file, to, made });
            relocations++;
            changed.set(file, [...(changed.get(file) ?? []), `${applied} (to ${to})`]);
          }
        }
        failures.push(...attempt(project, `FUZZ_SEED=${SEED}, demo build ${build}: ${[...changed].map(([f, m]) => `${f} (${m.join(', ')})`).join('; ')}`));
        for (const { from, to, made } of moved) {
          renameSync(path.join(project, to), path.join(project, from));
          if (made) rmSync(made, { recursive: true });
        }
        for (const file of changed.keys()) writeFileSync(path.join(project, file), originals.get(file)!);
      }
      console.log(`Fuzzed ${builds * PER_BUILD} mutations of ${files.length} demo files and ${relocations} moves in ${builds} builds, seed ${SEED}`);
      expect(failures).toEqual([]);
    },
    timeout(DEMO_CASES),
  );

  it(
    `builds ${CARD_CASES} mutated Hugging Face cards as entries without throwing, every diagnostic inside its file (seed ${SEED})`,
    () => {
      const cards = corpusCards();
      if (cards.length === 0) {
        console.log(`Skipped: no corpus at ${corpus}`);
        return;
      }
      const project = writeProject(Object.fromEntries(Object.entries(OWNERS).map(([k, v]) => [`content/${k}`, v])));
      for (const folder of ['datasets', 'models']) mkdirSync(path.join(project, 'content', folder), { recursive: true });
      for (const [file, bytes] of cards) writeFileSync(path.join(project, 'content', file), bytes);
      expect(attempt(project, 'intact corpus cards')).toEqual([]);
      for (const [file] of cards) rmSync(path.join(project, 'content', file));

      const failures: string[] = [];
      for (let n = 0; n < CARD_CASES && failures.length < 5; n++) {
        const rng = random(SEED * 1_000_033 + n);
        const [file, original] = cards[Math.floor(rng() * cards.length)]!;
        const { bytes, applied } = mutate(original, rng);
        const abs = path.join(project, 'content', file);
        writeFileSync(abs, bytes);
        failures.push(...attempt(project, `FUZZ_SEED=${SEED}, card case ${n}: ${file} (${applied.join(', ')})`));
        rmSync(abs);
      }
      console.log(`Fuzzed ${CARD_CASES} mutations of ${cards.length} corpus cards, seed ${SEED}`);
      expect(failures).toEqual([]);
    },
    timeout(CARD_CASES),
  );
});
