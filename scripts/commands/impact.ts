/** `impact`: what a change to the catalog hits, as Markdown for a pull-request comment. */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { cacheFolderFor } from '../../src/lib/load/parse-cache.ts';
import { findConfig } from '../../src/lib/load/config.ts';
import { changesSince, extractAt, GitError, repoRoot, resolveCommit, type Change } from '../../src/lib/git.ts';
import { impactMarkdown, impactReport, type ImpactInput } from '../../src/lib/graph/impact.ts';
import type { Catalog } from '../../src/lib/types.ts';
import { CATALOG_OPTIONS, loadCatalog, oneOf, UsageError, type Io } from '../cli.ts';
import { positiveInteger, requireEntry } from './graph.ts';

const FORMATS = ['markdown', 'json'] as const;
const USAGE = 'Usage: npm run impact -- [--since REF] [ids…] [--format markdown|json] [--github-org ORG] [--max-nodes N] [--no-cache]';

export function impact(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    options: {
      ...CATALOG_OPTIONS,
      since: { type: 'string' },
      format: { type: 'string', default: 'markdown' },
      'github-org': { type: 'string' },
      'max-nodes': { type: 'string' },
      today: { type: 'string' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const format = oneOf(values.format, FORMATS);
  if (values.since === undefined && positionals.length === 0) {
    throw new UsageError(`Name a git ref to compare with, entry ids, or both; for example \`npm run impact -- --since origin/main\`.\n${USAGE}`);
  }
  const maxNodes = positiveInteger(values['max-nodes'], '--max-nodes');
  const after = loadCatalog(io, values);
  for (const id of positionals) requireEntry(after, id);

  const input: ImpactInput = { after, changes: [], contentPath: '', ids: positionals };
  if (values.since !== undefined) {
    try {
      Object.assign(input, compareWithRef(after, values.since, values.config ? path.resolve(io.cwd, values.config) : undefined, values.today, !values['no-cache'] && cacheFolderFor(after.root, io.cwd)));
    } catch (error) {
      if (error instanceof GitError) throw new UsageError(error.message);
      throw error;
    }
  }
  const report = impactReport(input, maxNodes === undefined ? {} : { maxNodes });
  if (format === 'json') io.stdout(JSON.stringify(report, null, 2));
  else io.stdout(impactMarkdown(report, values['github-org'] ? { githubOrg: values['github-org'] } : {}));
  return 0;
}

/** The changed files since `ref`, and the catalog as it was there, built from a scratch copy. */
function compareWithRef(after: Catalog, ref: string, configFile: string | undefined, today: string | undefined, cache: string | false): Partial<ImpactInput> {
  const root = repoRoot(after.root);
  const commit = resolveCommit(root, ref);
  const repoPath = (abs: string) => path.relative(root, abs).split(path.sep).join('/');
  const contentPath = repoPath(after.root);
  if (contentPath.startsWith('..')) throw new GitError(`The content folder ${after.root} is outside the repository ${root}.`);
  const config = configFile ?? findConfig(after.root);
  const configPath = config && !repoPath(config).startsWith('..') ? repoPath(config) : undefined;
  const paths = [contentPath || '.', ...(configPath ? [configPath] : [])];
  const changes: Change[] = changesSince(root, commit, paths);

  const scratch = mkdtempSync(path.join(tmpdir(), 'cardcat-impact-'));
  try {
    extractAt(root, commit, paths, scratch);
    const oldContent = path.join(scratch, contentPath);
    const oldConfig = configPath ? path.join(scratch, configPath) : undefined;
    // The folder may not have existed at the ref: then the base is an empty catalog.
    mkdirSync(oldContent, { recursive: true });
    const before = buildCatalog(oldContent, {
      configFile: oldConfig && existsSync(oldConfig) ? oldConfig : false,
      today: today ?? after.today,
      // The work tree's cache: most files are the same at the ref, and are not parsed again.
      cache,
    });
    return { before, since: ref, changes, contentPath, ...(configPath ? { configPath } : {}) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
