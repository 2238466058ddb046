/**
 * The commands other than `check` against what a careless or hostile user types: names the
 * file system refuses, `--out` places that cannot be folders, special files as input, ids
 * another kind holds. Each ends in a clear message, never a stack trace or a hang.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/run.ts';
import { OWNERS, writeProject } from '../helpers/catalog.ts';

function project(files: Record<string, string> = {}): { root: string; content: string } {
  const all: Record<string, string> = { ...files };
  for (const [name, text] of Object.entries(OWNERS)) all[`content/${name}`] = text;
  const root = writeProject(all);
  return { root, content: path.join(root, 'content') };
}

const CARD = '---\nlicense: mit\npretty_name: Reviews\n---\n# Reviews\n';

describe('names the file system refuses', () => {
  it('`new` writes an entry whose name is as long as the file system allows', async () => {
    const { root, content } = project();
    // 249 characters and `.yaml`: 254 bytes, one under the usual limit of 255.
    const id = `a${'-b'.repeat(124)}`;
    const result = await run(['new', 'glossary', id, '--content', content], root);
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(path.join(content, 'glossary'))).toEqual([`${id}.yaml`]);
  });

  it('`new` with an id too long for a file name says so, without a stack', async () => {
    const { root, content } = project();
    const id = `a${'-b'.repeat(140)}`;
    const result = await run(['new', 'dataset', id, '--content', content], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Cannot write `content\/datasets\/a-b-b.*\.md`: the name is longer than the file system allows \(255 bytes per name\); choose a shorter id or folder; nothing was written there$/);
    expect(existsSync(path.join(content, 'datasets'))).toBe(true);
    expect(readdirSync(path.join(content, 'datasets'))).toEqual([]);
  });
});

describe('`export --out` that cannot be a folder', () => {
  it('names an existing file as a file, not a folder, and writes nothing', async () => {
    const { root, content } = project();
    writeFileSync(path.join(root, 'taken'), 'mine\n');
    const result = await run(['export', 'catalog', '--content', content, '--out', 'taken'], root);
    expect(result).toEqual({ code: 2, stdout: '', stderr: '--out `taken` is a file, not a folder' });
    expect(readFileSync(path.join(root, 'taken'), 'utf8')).toBe('mine\n');
  });

  it('reports a place that cannot be written, under a file or in /proc, without a stack', async () => {
    const { root, content } = project();
    writeFileSync(path.join(root, 'taken'), 'mine\n');
    const under = await run(['export', 'catalog', '--content', content, '--out', 'taken/inside'], root);
    expect(under.code).toBe(2);
    expect(under.stderr).toBe('Cannot write `taken/inside/catalog.json`: a part of its path is a file, not a folder; nothing was written there');
    const proc = await run(['export', 'catalog', '--content', content, '--out', '/proc/cardcat-export'], root);
    expect(proc.code).toBe(2);
    expect(proc.stderr).toBe('Cannot write `/proc/cardcat-export/catalog.json`: its folder cannot be made there; nothing was written there');
  });
});

describe('special files as input', () => {
  it('`import` of a character device or a named pipe reports it at once rather than reading forever', async () => {
    const { root, content } = project();
    const pipe = path.join(root, 'card.md');
    execFileSync('mkfifo', [pipe]);
    const device = await run(['import', 'hf-dataset', '/dev/zero', '--out', content], root);
    expect(device.code).toBe(1);
    expect(device.stdout).toContain('✗ /dev/zero:1:1 File is a device, not a regular file');
    const named = await run(['import', 'hf-dataset', pipe, '--out', content], root);
    expect(named.code).toBe(1);
    expect(named.stdout).toContain('✗ card.md:1:1 File is a named pipe, not a regular file');
  });

  it('`import` refuses a file over the size limit before reading it, and names a UTF-16 file', async () => {
    const { root, content } = project();
    writeFileSync(path.join(root, 'huge.md'), Buffer.alloc(20_000_001, 0x61));
    writeFileSync(path.join(root, 'wide.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CARD, 'utf16le')]));
    const huge = await run(['import', 'hf-dataset', 'huge.md', '--out', content], root);
    expect(huge.stdout).toContain('✗ huge.md:1:1 File is 20,000,001 bytes, over the limit of 20,000,000');
    const wide = await run(['import', 'hf-dataset', 'wide.md', '--out', content], root);
    expect(wide.stdout).toContain('✗ wide.md:1:1 File is UTF-16 (little-endian, by its byte order mark), not UTF-8\n    Save the file as UTF-8');
  });

  it('reports a config file that is a named pipe as a config problem, and checks the rest', async () => {
    const { root } = project({ 'content/datasets/a.yaml': 'title: A\ndescription: A.\nowners: [data-team]\n' });
    execFileSync('mkfifo', [path.join(root, 'cardcat.config.yaml')]);
    const result = await run(['check', '--content', 'content', '--today', '2026-11-23'], root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('cardcat.config.yaml');
    expect(result.stdout).toContain('File is a named pipe, not a regular file');
    expect(result.stdout).toContain('Checked 3 entries');
  });
});

describe('ids across kinds on import', () => {
  it('`import --id` refuses an id another kind already uses, as `new` does, and writes nothing', async () => {
    const { root, content } = project();
    writeFileSync(path.join(root, 'card.md'), CARD);
    const result = await run(['import', 'hf-dataset', 'card.md', '--out', content, '--id', 'data-team'], root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✗ card.md:1:1 `data-team` is already the id of `content/teams/data-team.yaml`; nothing was written\n    Choose another `--id`: ids are unique across kinds.');
    expect(existsSync(path.join(content, 'datasets'))).toBe(false);
    const created = await run(['new', 'model', 'data-team', '--content', content], root);
    expect(created.code).toBe(1);
  });

  it('`import` into a folder of the same kind still reports the existing file as skipped', async () => {
    const { root, content } = project({ 'content/datasets/reviews.md': '---\ntitle: Mine\n---\n' });
    mkdirSync(path.join(root, 'cards'));
    writeFileSync(path.join(root, 'cards', 'reviews.md'), CARD);
    const result = await run(['import', 'hf-dataset', 'cards/reviews.md', '--out', content, '--id', 'reviews'], root);
    expect(result.stdout).toContain('skipped content/datasets/reviews.md: it already exists');
  });
});
