/** Runs the CLI in-process with captured output, or as the real binary, for command tests. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { main } from '../../scripts/cardcat.ts';
import type { Io } from '../../scripts/cli.ts';

export const repoRoot = path.join(import.meta.dirname, '..', '..');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(argv: string[], cwd: string): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { cwd, stdout: (t) => out.push(t), stderr: (t) => err.push(t), color: false };
  const code = await main(argv, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** The real command line, as `npm run` starts it: Node 24 from the project, no colour. */
export function runBinary(argv: string[], cwd: string): Run {
  const node = path.join(repoRoot, 'node_modules', '.bin', 'node');
  const result = spawnSync(node, [path.join(repoRoot, 'scripts', 'cardcat.ts'), ...argv], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
