/**
 * The little of git that `impact` needs: which files changed since a ref, and the files of
 * a folder as they were at that ref, written to a scratch folder. Only plumbing commands
 * with NUL-separated output, so odd file names and user git settings cannot confuse it,
 * and nothing here writes to the repository (not even the index).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** git is missing, the folder is not a repository, or a ref cannot be found: the user's to fix. */
export class GitError extends Error {}

function git(cwd: string, args: readonly string[], input?: string): Buffer {
  const result = spawnSync('git', ['--no-optional-locks', '-c', 'core.quotepath=off', ...args], {
    cwd,
    input,
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
  });
  if (result.error) throw new GitError(`Cannot run git: ${result.error.message}`);
  if (result.status !== 0) {
    throw new GitError(`\`git ${args.join(' ')}\` failed: ${result.stderr.toString('utf8').trim() || `exit code ${result.status}`}`);
  }
  return result.stdout;
}

/** The top folder of the work tree that holds `dir`. */
export function repoRoot(dir: string): string {
  try {
    return path.resolve(git(dir, ['rev-parse', '--show-toplevel']).toString('utf8').trim());
  } catch (error) {
    if (error instanceof GitError) throw new GitError(`\`${dir}\` is not inside a git repository, so changes cannot be found.`);
    throw error;
  }
}

/**
 * The commit a ref names. A shallow CI checkout often lacks the base branch: say how to
 * fetch it rather than only that it is missing.
 */
export function resolveCommit(root: string, ref: string): string {
  const result = spawnSync('git', ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], { cwd: root });
  const sha = result.status === 0 ? result.stdout.toString('utf8').trim() : '';
  if (!sha) {
    // The ref is suggested as part of a command only when it is plainly a ref name: anything
    // else pasted into a shell could do more than fetch.
    const branch = ref.replace(/^origin\//, '');
    const fetch = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(branch) && !branch.includes('..')
      ? `fetch it first, for example \`git fetch --depth=1 origin ${branch}\`, or check out with \`fetch-depth: 0\``
      : 'fetch it first, or check out with `fetch-depth: 0`';
    throw new GitError(`Cannot find the git ref \`${ref}\` in ${root}. In a shallow checkout, ${fetch}.`);
  }
  return sha;
}

export type ChangeStatus = 'added' | 'modified' | 'renamed' | 'deleted';

export interface Change {
  status: ChangeStatus;
  /** Repository-relative path, forward slashes; for a deletion, the path that was deleted. */
  path: string;
  /** For a rename, the path before it. */
  from?: string;
}

const STATUS: Record<string, ChangeStatus> = { A: 'added', M: 'modified', T: 'modified', U: 'modified', D: 'deleted', R: 'renamed', C: 'added' };

/**
 * Files under `paths` that differ between `commit` and the work tree, with renames
 * detected, plus untracked files that are not ignored: an entry just written by `new`
 * counts before it is committed. In CI the work tree is the commit under review.
 */
export function changesSince(root: string, commit: string, paths: readonly string[]): Change[] {
  const fields = git(root, ['diff', '--name-status', '-z', '-M', '--no-ext-diff', '--no-relative', commit, '--', ...paths])
    .toString('utf8')
    .split('\0');
  const changes = parseNameStatus(fields);
  const untracked = git(root, ['ls-files', '-z', '--others', '--exclude-standard', '--', ...paths]).toString('utf8').split('\0').filter(Boolean);
  for (const file of untracked) changes.push({ status: 'added', path: file });
  return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The changes in `--name-status -z` fields (`git diff`, `git log`): a status, then one path, or two for a rename or copy. */
export function parseNameStatus(fields: readonly string[]): Change[] {
  const changes: Change[] = [];
  for (let i = 0; i < fields.length; ) {
    const code = fields[i++]!;
    if (!code) continue;
    const status = STATUS[code[0]!] ?? 'modified';
    if (code[0] === 'R' || code[0] === 'C') {
      const from = fields[i++]!;
      const to = fields[i++]!;
      changes.push(status === 'renamed' ? { status, path: to, from } : { status, path: to });
    } else {
      changes.push({ status, path: fields[i++]! });
    }
  }
  return changes;
}

/**
 * Writes the files under `paths` as they were at `commit` into `dest`, at the same
 * relative paths. Reads blobs through one `git cat-file --batch`, so a large catalog
 * costs two git processes, not one per file. Returns how many files were written.
 */
export function extractAt(root: string, commit: string, paths: readonly string[], dest: string): number {
  const listing = git(root, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...paths]).toString('utf8').split('\0').filter(Boolean);
  const blobs: { sha: string; file: string }[] = [];
  for (const line of listing) {
    const tab = line.indexOf('\t');
    const [mode, type, sha] = line.slice(0, tab).split(' ');
    // Symbolic links and submodules are not catalog entries; the loader would refuse them anyway.
    if (type !== 'blob' || mode === '120000' || !sha) continue;
    blobs.push({ sha, file: line.slice(tab + 1) });
  }
  if (blobs.length === 0) return 0;
  const out = git(root, ['cat-file', '--batch'], `${blobs.map((b) => b.sha).join('\n')}\n`);
  const base = path.resolve(dest);
  let offset = 0;
  for (const { file } of blobs) {
    const headerEnd = out.indexOf(0x0a, offset);
    const size = Number(out.subarray(offset, headerEnd).toString('utf8').split(' ')[2]);
    const content = out.subarray(headerEnd + 1, headerEnd + 1 + size);
    offset = headerEnd + 1 + size + 1;
    const target = path.resolve(base, file);
    if (!target.startsWith(base + path.sep)) continue;
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return blobs.length;
}
