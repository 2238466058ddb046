/** Runs import and export commands in temporary projects, as a user would, and reads the result back. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildCatalog } from '../../src/lib/catalog.ts';
import type { Catalog } from '../../src/lib/types.ts';
import { main } from '../../scripts/cardcat.ts';
import type { Io } from '../../scripts/cli.ts';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
export const corpusDir = path.join(repoRoot, '..', 'shared', 'corpus');
export const hasCorpus = existsSync(path.join(corpusDir, 'MANIFEST.tsv'));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(cwd: string, ...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { cwd, stdout: (t) => out.push(t), stderr: (t) => err.push(t), color: false };
  const code = await main(argv, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** The catalog under `project/content`, with the errors it has. */
export function catalogAt(project: string): { catalog: Catalog; errors: string[] } {
  const catalog = buildCatalog(path.join(project, 'content'), { today: '2026-11-23' });
  const errors = catalog.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column} ${d.rule} ${d.message}`);
  return { catalog, errors };
}
