/**
 * Reads the catalog's history from git: one `git log` for the whole content folder. Outside
 * a repository, without git, or in a shallow clone, it says so in a note the site can
 * show, instead of failing or showing a history that looks complete and is not.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../types.ts';
import { buildHistory, type BuiltHistory } from './build.ts';
import { LOG_FORMAT, parseLog } from './log.ts';

export interface CatalogHistory extends BuiltHistory {
  /** Whether git history could be read at all. */
  available: boolean;
  /** A shallow clone: the oldest commits read are not the first, so counts and first authors are cut short. */
  shallow: boolean;
  /** Why the history is missing or incomplete, in a sentence for the page. */
  note?: string;
}

export interface ReadHistoryOptions {
  /** Content-relative paths of the catalog's files (SourceFile.path). */
  files: readonly string[];
  repoUrl?: string | undefined;
  perFile?: number;
  recent?: number;
}

function run(cwd: string, args: string[]): { ok: boolean; stdout: string; error?: string } {
  const result = spawnSync('git', ['--no-optional-locks', '-c', 'core.quotepath=off', ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
  });
  if (result.error) return { ok: false, stdout: '', error: result.error.message };
  return result.status === 0 ? { ok: true, stdout: result.stdout } : { ok: false, stdout: '', error: result.stderr.trim() };
}

/** The commits a shallow clone was cut at, listed by git in `.git/shallow`. */
function shallowBoundary(root: string): Set<string> {
  const file = run(root, ['rev-parse', '--git-path', 'shallow']);
  if (!file.ok) return new Set();
  try {
    return new Set(readFileSync(path.resolve(root, file.stdout.trim()), 'utf8').split('\n').filter(Boolean));
  } catch {
    return new Set();
  }
}

const none = (note: string): CatalogHistory => ({ available: false, shallow: false, note, files: {}, recent: [] });

export function readHistory(contentRoot: string, options: ReadHistoryOptions): CatalogHistory {
  const content = realpathSync(contentRoot);
  const top = run(content, ['rev-parse', '--show-toplevel']);
  if (!top.ok) {
    return none(
      top.error && /ENOENT/.test(top.error)
        ? 'git is not installed here, so when entries changed, and by whom, is not shown.'
        : 'The catalog is not in a git repository, so when entries changed, and by whom, is not shown.',
    );
  }
  const root = realpathSync(top.stdout.trim());
  const contentPath = path.relative(root, content).split(path.sep).join('/');
  const head = run(root, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  if (!head.ok) return none('The repository has no commits yet, so no entry has a change history.');
  const log = run(root, ['log', '-z', '--name-status', '-M', '--no-ext-diff', `--format=${LOG_FORMAT}`, 'HEAD', '--', contentPath || '.']);
  if (!log.ok) return none(`git log failed (${log.error}), so no change history is shown.`);
  const shallow = run(root, ['rev-parse', '--is-shallow-repository']).stdout.trim() === 'true';
  const built = buildHistory(parseLog(log.stdout), {
    contentPath,
    files: options.files,
    repoUrl: options.repoUrl,
    perFile: options.perFile ?? 5,
    recent: options.recent ?? 30,
    ...(shallow ? { boundary: shallowBoundary(root) } : {}),
  });
  const history: CatalogHistory = { available: true, shallow, ...built };
  if (shallow) {
    history.note = 'This is a shallow clone: changes older than its oldest commit are missing, so a file may look newer, and its first author different, than it is. Clone with full history (`fetch-depth: 0` in GitHub Actions) to see all of it.';
  }
  return history;
}

/** The history of every file of a catalog, with commit links when the config sets `site.repo_url`. */
export function catalogHistory(catalog: Catalog, options: { perFile?: number; recent?: number } = {}): CatalogHistory {
  return readHistory(catalog.root, { files: [...catalog.files.values()].map((f) => f.path), repoUrl: catalog.config.site.repo_url, ...options });
}
