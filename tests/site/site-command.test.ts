/** The site runner's argument handling, through the real script, as `npm start` calls it. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../e2e/build.ts';

const run = (...args: string[]) => spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'site.ts'), ...args], { cwd: repoRoot, encoding: 'utf8' });

describe('the site command', () => {
  it('prints its usage and exits 2 for an unknown command', () => {
    const result = run('serve');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Usage: node scripts/site.ts <start|build|dev|preview> [--content DIR]');
  });

  it('refuses a content folder that does not exist, before starting Astro', () => {
    const result = run('build', '--content', 'no/such/folder');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`Content folder \`${path.join(repoRoot, 'no/such/folder')}\` does not exist.\n`);
  });

  it('asks for a folder after --content', () => {
    const result = run('build', '--content');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('`--content` needs a folder');
  });
});
