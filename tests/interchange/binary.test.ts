import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeProject } from '../helpers/catalog.ts';
import { repoRoot } from './helpers.ts';

const node = path.join(repoRoot, 'node_modules/.bin/node');
const cli = path.join(repoRoot, 'scripts/cardcat.ts');

describe('the import and export commands, run as a user runs them', () => {
  it('imports a card and exports the catalog, with exit codes', () => {
    const project = writeProject({ 'card/README.md': '---\nlicense: mit\npretty_name: "Tiny\n  card"\n---\n\nA tiny card for the command-line test.\n' });
    const imported = spawnSync(node, [cli, 'import', 'hf-dataset', 'card/README.md'], { cwd: project, encoding: 'utf8' });
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('1 file: 1 imported, 0 failed; 2 written, 0 skipped (already there).');
    expect(readFileSync(path.join(project, 'content/datasets/card.md'), 'utf8')).toContain('title: Tiny card\n');
    const exported = execFileSync(node, [cli, 'export', 'catalog'], { cwd: project, encoding: 'utf8' });
    expect(exported).toContain('Wrote 1 file under dist-export (one catalog.json manifest).');
    const again = spawnSync(node, [cli, 'export', 'catalog'], { cwd: project, encoding: 'utf8' });
    expect(again.status).toBe(1);
    const usage = spawnSync(node, [cli, 'export', 'parquet'], { cwd: project, encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('Unknown export format `parquet`, expected one of `catalog`, `croissant`, `jsonld`, `hf`, `frictionless`, `mct`');
  });
});
