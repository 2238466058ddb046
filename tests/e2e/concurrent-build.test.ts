/**
 * Two `npm run build`s at once in one checkout, into one output folder: the second waits
 * for the first and says so, both succeed, and the folder holds one whole site with no
 * staging folder left beside it.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OWNERS, writeProject } from '../helpers/catalog.ts';
import { buildSite, removeBuilds, repoRoot } from './build.ts';

afterAll(removeBuilds);

describe('two builds at once', () => {
  it('serializes two builds into one folder and leaves one whole site', async () => {
    const files: Record<string, string> = {};
    for (const [name, text] of Object.entries(OWNERS)) files[`content/${name}`] = text;
    files['content/datasets/tiny.yaml'] = 'title: Tiny\ndescription: A tiny dataset.\nowners: [data-team]\nreviewed: 2026-11-01\n';
    const content = path.join(writeProject(files), 'content');
    const parent = path.join(repoRoot, '.cache', 'site-builds');
    mkdirSync(parent, { recursive: true });
    const folder = mkdtempSync(path.join(parent, 'concurrent-'));
    const outDir = path.join(folder, 'dist');
    try {
      const [a, b] = await Promise.all([buildSite(content, { outDir, today: '2026-11-23' }), buildSite(content, { outDir, today: '2026-11-23' })]);
      expect([a.code, b.code], a.output + b.output).toEqual([0, 0]);
      expect([a.output, b.output].filter((o) => /Another build into .* is running \(process \d+\); waiting for it to finish/.test(o)), a.output + b.output).toHaveLength(1);
      expect(existsSync(path.join(outDir, 'index.html'))).toBe(true);
      expect(existsSync(path.join(outDir, 'datasets', 'tiny', 'index.html'))).toBe(true);
      expect(existsSync(path.join(outDir, 'names', 'index.json'))).toBe(true);
      expect(readdirSync(folder).filter((f) => f !== 'cache').sort()).toEqual(['dist']);
    } finally {
      const { rmSync } = await import('node:fs');
      rmSync(folder, { recursive: true, force: true });
    }
  }, 400_000);
});
