/**
 * Each catalog file's history from one parsed log: its last change, its last few changes
 * and how many there were, followed back through renames (as `git log --follow` would for
 * one file), and the latest changes across the catalog. Pure: tests feed it commits.
 */
import type { ChangeStatus, Commit } from './log.ts';

/** One commit as it touched one file. */
export interface Change extends Pick<Commit, 'hash' | 'short' | 'author' | 'author_date' | 'date' | 'subject'> {
  status: ChangeStatus;
  /** The file's path in that commit, relative to the content folder, when it lay inside it. */
  path: string;
  /** For a rename, the path before it. */
  from?: string;
  /** The commit on the repository's web page, when `site.repo_url` is set. */
  url?: string;
  /**
   * The oldest commit of a shallow clone: git shows every file in it as added, but the file
   * may well be older; its earlier changes are not in the clone.
   */
  boundary?: true;
}

export interface FileHistory {
  /** Changes that touched the file, newest first, at most `perFile`. */
  changes: Change[];
  /** How many commits touched it in the history read. */
  count: number;
}

export interface RecentChange {
  hash: string;
  short: string;
  author: string;
  date: string;
  subject: string;
  url?: string;
  /** Catalog files in the commit: current path (relative to the content folder) for files still there. */
  files: { path: string; status: ChangeStatus; from?: string; current?: string }[];
}

export interface BuildHistoryOptions {
  /** Repository path of the content folder, forward slashes, no trailing slash ('' for the root). */
  contentPath: string;
  /** Content-relative paths of the files in the catalog now. */
  files: readonly string[];
  repoUrl?: string | undefined;
  perFile?: number;
  recent?: number;
  /** Hashes of a shallow clone's boundary commits, where history is cut. */
  boundary?: ReadonlySet<string>;
}

export interface BuiltHistory {
  /** By content-relative path; a file with no commit (new, not committed yet) is absent. */
  files: Record<string, FileHistory>;
  recent: RecentChange[];
}

/** A commit's page: GitHub, GitLab, Gitea and Bitbucket all answer `<repo>/commit/<hash>`. */
export function commitUrl(repoUrl: string | undefined, hash: string): string | undefined {
  return repoUrl ? `${repoUrl.replace(/\/+$/, '').replace(/\.git$/, '')}/commit/${hash}` : undefined;
}

export function buildHistory(commits: readonly Commit[], options: BuildHistoryOptions): BuiltHistory {
  const prefix = options.contentPath ? `${options.contentPath}/` : '';
  const inside = (repoPath: string) => (repoPath.startsWith(prefix) ? repoPath.slice(prefix.length) : undefined);
  const perFile = options.perFile ?? 5;
  const recentLimit = options.recent ?? 30;
  // Walking from the newest commit back: which path, at this point in history, is which file now.
  const alias = new Map<string, string>(options.files.map((f) => [prefix + f, f]));
  const files: Record<string, FileHistory> = {};
  const recent: RecentChange[] = [];

  for (const commit of commits) {
    const url = commitUrl(options.repoUrl, commit.hash);
    const touched: RecentChange['files'] = [];
    for (const file of commit.files) {
      const current = alias.get(file.path);
      const shown = inside(file.path);
      if (shown !== undefined) {
        const from = file.from === undefined ? undefined : inside(file.from) ?? file.from;
        touched.push({ path: shown, status: file.status, ...(from !== undefined ? { from } : {}), ...(current !== undefined ? { current } : {}) });
      }
      if (current === undefined) continue;
      const history = (files[current] ??= { changes: [], count: 0 });
      history.count++;
      if (history.changes.length < perFile) {
        history.changes.push({
          hash: commit.hash,
          short: commit.short,
          author: commit.author,
          author_date: commit.author_date,
          date: commit.date,
          subject: commit.subject,
          status: file.status,
          path: shown ?? file.path,
          ...(file.from !== undefined ? { from: inside(file.from) ?? file.from } : {}),
          ...(url ? { url } : {}),
          ...(options.boundary?.has(commit.hash) ? { boundary: true as const } : {}),
        });
      }
      // Older commits knew the file by its old name, or not at all before it was added.
      if (file.status === 'added') alias.delete(file.path);
      else if (file.status === 'renamed' && file.from !== undefined) {
        alias.delete(file.path);
        alias.set(file.from, current);
      }
    }
    if (touched.length && recent.length < recentLimit) {
      recent.push({ hash: commit.hash, short: commit.short, author: commit.author, date: commit.date, subject: commit.subject, ...(url ? { url } : {}), files: touched });
    }
  }
  return { files, recent };
}

/**
 * The changes made after a review date (YYYY-MM-DD), by the day the author made them: a
 * change written on the day of the review is taken to be part of it. Empty when the last
 * change is no later than the review.
 */
export function changesAfterReview(history: FileHistory | undefined, reviewed: string | undefined): Change[] {
  if (!history || !reviewed) return [];
  return history.changes.filter((c) => c.author_date.slice(0, 10) > reviewed);
}
