/**
 * No command destroys a user's file: `new`, `import`, `export` and `synth` add files and
 * never replace one (unless `--force` says so), an `--out` folder is added to and never
 * emptied, and a write killed halfway leaves the old file or none, never half of one.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, repoRoot } from '../cli/run.ts';
import { OWNERS, writeProject } from '../helpers/catalog.ts';

const node = path.join(repoRoot, 'node_modules', '.bin', 'node');
const safeWrite = path.join(repoRoot, 'src', 'lib', 'safe-write.ts');

/** A project with the shared owners and `files` (paths relative to the project). */
function project(files: Record<string, string> = {}): { root: string; content: string } {
  const all: Record<string, string> = { ...files };
  for (const [name, text] of Object.entries(OWNERS)) all[`content/${name}`] = text;
  const root = writeProject(all);
  return { root, content: path.join(root, 'content') };
}

/** Every file under `dir` with its text, for before-and-after comparisons. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const abs = path.join(dir, name);
    try {
      out[name] = readFileSync(abs, 'utf8');
    } catch {
      // a folder
    }
  }
  return out;
}

/** Starts a child that writes `file` over and over with alternating full-length payloads. */
function writer(file: string, fn: 'replaceFile' | 'writeNewFile', bytes: number) {
  const script = `
    import { ${fn} } from ${JSON.stringify(safeWrite)};
    const payloads = ['A', 'B'].map((c) => c.repeat(${bytes}));
    process.stdout.write('ready\\n');
    for (let i = 0; ; i++) { try { ${fn}(${JSON.stringify(file)}, payloads[i % 2]); } catch {} }
  `;
  return spawn(node, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
}

const killAfter = (child: ReturnType<typeof spawn>, ms: number) =>
  new Promise<void>((resolve) => {
    child.stdout!.once('data', () => setTimeout(() => child.kill('SIGKILL'), ms));
    child.once('exit', () => resolve());
  });

describe('nothing is lost', () => {
  it('leaves the old file or the new one, whole, when a process is killed while replacing it', async () => {
    const { root } = project();
    const file = path.join(root, 'out.json');
    const size = 8_000_000;
    writeFileSync(file, 'A'.repeat(size));
    for (const ms of [5, 40, 150]) {
      const child = writer(file, 'replaceFile', size);
      await killAfter(child, ms);
      const text = readFileSync(file, 'latin1');
      expect(text.length).toBe(size);
      expect(text === 'A'.repeat(size) || text === 'B'.repeat(size)).toBe(true);
    }
  });

  it('leaves no file or a whole one when a process is killed while creating it', async () => {
    const { root } = project();
    const file = path.join(root, 'new.yaml');
    const child = writer(file, 'writeNewFile', 8_000_000);
    await killAfter(child, 20);
    if (existsSync(file)) expect(readFileSync(file, 'latin1')).toBe('A'.repeat(8_000_000));
  });

  it('lets exactly one of several processes racing to create the same file win', () => {
    const { root } = project();
    const file = path.join(root, 'contested.yaml');
    const script = (n: number) => `
      import { writeNewFile } from ${JSON.stringify(safeWrite)};
      try { writeNewFile(${JSON.stringify(file)}, 'writer ${n}\\n'.repeat(100000)); process.stdout.write('won'); } catch (e) { process.stdout.write(e.constructor.name); }
    `;
    const children = Array.from({ length: 6 }, (_, n) => spawn(node, ['--input-type=module', '-e', script(n)]));
    return Promise.all(
      children.map((c) => new Promise<string>((resolve) => {
        let out = '';
        c.stdout.on('data', (d: Buffer) => (out += d.toString()));
        c.on('exit', () => resolve(out));
      })),
    ).then((results) => {
      expect(results.filter((r) => r === 'won')).toHaveLength(1);
      expect(results.filter((r) => r !== 'won').every((r) => r === 'FileExistsError')).toBe(true);
      const winner = results.indexOf('won');
      expect(readFileSync(file, 'utf8')).toBe(`writer ${winner}\n`.repeat(100000));
      expect(readdirSync(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });
  });

  it('`new` never replaces an entry, of the same kind or another', async () => {
    const { root, content } = project({ 'content/datasets/taken.md': '---\ntitle: Mine, edited by hand\n---\n' });
    const before = snapshot(content);
    const same = await run(['new', 'dataset', 'taken', '--content', content], root);
    const other = await run(['new', 'model', 'taken', '--content', content], root);
    expect([same.code, other.code]).toEqual([1, 1]);
    expect(snapshot(content)).toEqual(before);
  });

  it('`import` never replaces an entry, and imports the rest of a folder around it', async () => {
    const { root, content } = project({ 'content/datasets/reviews.md': '---\ntitle: Our own reviews dataset\n---\n' });
    const cards = path.join(root, 'cards');
    mkdirSync(cards);
    const card = (name: string) => `---\nlicense: mit\npretty_name: ${name}\n---\n# ${name}\n`;
    writeFileSync(path.join(cards, 'reviews.md'), card('Reviews'));
    writeFileSync(path.join(cards, 'ratings.md'), card('Ratings'));
    const before = readFileSync(path.join(content, 'datasets', 'reviews.md'), 'utf8');
    const result = await run(['import', 'hf-dataset', path.join(cards, 'reviews.md'), '--out', content, '--id', 'reviews'], root);
    expect(result.stdout).toContain('skipped content/datasets/reviews.md: it already exists');
    expect(readFileSync(path.join(content, 'datasets', 'reviews.md'), 'utf8')).toBe(before);
    const folder = await run(['import', 'hf-dataset', cards, '--out', content], root);
    expect(readFileSync(path.join(content, 'datasets', 'reviews.md'), 'utf8')).toBe(before);
    expect(existsSync(path.join(content, 'datasets', 'ratings.md')), folder.stdout + folder.stderr).toBe(true);
  });

  it('`new` and `import` refuse an id that would name a file outside the catalog', async () => {
    const { root, content } = project();
    writeFileSync(path.join(root, 'card.md'), '---\nlicense: mit\npretty_name: Card\n---\n# Card\n');
    const before = snapshot(root);
    const created = await run(['new', 'dataset', '../../escaped', '--content', content], root);
    const imported = await run(['import', 'hf-dataset', path.join(root, 'card.md'), '--out', content, '--id', '../escaped'], root);
    expect([created.code, imported.code]).toEqual([2, 2]);
    expect(imported.stderr).toContain('Unexpected id `../escaped`');
    expect(snapshot(root)).toEqual(before);
    expect(existsSync(path.join(root, '..', 'escaped.md'))).toBe(false);
  });

  it('`export` adds to an --out folder that holds files and replaces one only with --force', async () => {
    const { root, content } = project({ 'content/datasets/a.yaml': 'title: A\ndescription: A.\nowners: [data-team]\n' });
    const out = path.join(root, 'published');
    mkdirSync(path.join(out, 'notes'), { recursive: true });
    writeFileSync(path.join(out, 'notes', 'keep.md'), 'Written by hand.\n');
    writeFileSync(path.join(out, 'catalog.json'), '{"mine": true}\n');
    const first = await run(['export', 'catalog', '--content', content, '--out', out], root);
    // Exit 1: a file the export would have written was left alone, and the output says which.
    expect(first.code, first.stderr).toBe(1);
    expect(first.stdout).toContain('Left 1 existing file alone');
    expect(readFileSync(path.join(out, 'notes', 'keep.md'), 'utf8')).toBe('Written by hand.\n');
    expect(readFileSync(path.join(out, 'catalog.json'), 'utf8')).toBe('{"mine": true}\n');
    expect(first.stdout).toContain('published/catalog.json');

    const forced = await run(['export', 'catalog', '--content', content, '--out', out, '--force'], root);
    expect(forced.code, forced.stderr).toBe(0);
    expect(JSON.parse(readFileSync(path.join(out, 'catalog.json'), 'utf8'))).not.toEqual({ mine: true });
    expect(readFileSync(path.join(out, 'notes', 'keep.md'), 'utf8')).toBe('Written by hand.\n');
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('`synth` adds to an --out folder that holds files and replaces none', async () => {
    const { root } = project();
    const out = path.join(root, 'bench');
    mkdirSync(path.join(out, 'content', 'datasets'), { recursive: true });
    writeFileSync(path.join(out, 'README.md'), 'Mine.\n');
    const first = await run(['synth', '--entries', '30', '--out', out], root);
    expect(first.code, first.stderr).toBe(0);
    const written = snapshot(out);
    expect(written['README.md']).toBe('Mine.\n');
    writeFileSync(path.join(out, 'README.md'), 'Still mine.\n');
    const ids = Object.keys(written).filter((f) => f.startsWith(path.join('content', 'datasets')));
    expect(ids.length).toBeGreaterThan(0);
    writeFileSync(path.join(out, ids[0]!), 'edited by hand\n');
    const again = await run(['synth', '--entries', '30', '--out', out], root);
    expect(readFileSync(path.join(out, 'README.md'), 'utf8')).toBe('Still mine.\n');
    expect(readFileSync(path.join(out, ids[0]!), 'utf8')).toBe('edited by hand\n');
    expect(again.stdout).toMatch(/Wrote 0 files .* already existed and were left as they were/);
  });
});

