/** The maintainers' scripts answer a mistyped option with its usage, not a stack trace. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const run = (script: string, ...args: string[]) =>
  spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'node'), [path.join(repoRoot, script), ...args], { cwd: repoRoot, encoding: 'utf8' });

describe('options of the bench and audit scripts', () => {
  for (const [script, usage] of [
    ['bench/run.ts', 'Usage: npm run bench -- [options]'],
    ['bench/graph.ts', 'Usage: npm run bench:graph --'],
    ['scripts/a11y.ts', 'Usage: npm run a11y --'],
  ] as const) {
    it(`${script}: names an unknown option and prints the usage, exiting 2; --help prints it, exiting 0`, () => {
      const wrong = run(script, '--size', '10');
      expect(wrong.status).toBe(2);
      expect(wrong.stderr).toContain("Unknown option '--size'");
      expect(wrong.stderr).toContain(usage);
      expect(wrong.stderr).not.toContain('    at ');
      const help = run(script, '--help');
      expect(help.status).toBe(0);
      expect(help.stdout).toContain(usage);
    });
  }

  it('bench/run.ts: refuses a repetition count that is not a whole number', () => {
    const result = run('bench/run.ts', '--reps', 'three');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('Expected --reps as a whole number, got `three`\n');
  });
});
