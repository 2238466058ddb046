/**
 * The git log of a folder, parsed. One `git log --name-status -M` for the whole catalog:
 * a catalog of 10,000 files must not start 10,000 processes. Fields are separated by
 * control characters git never puts in hashes or dates, and names are NUL-terminated,
 * so odd subjects and file names cannot break the parse.
 */

import { parseNameStatus, type Change, type ChangeStatus } from '../git.ts';

export type { ChangeStatus };
/** A file a commit touched: its path in that commit, repository-relative. */
export type FileChange = Change;

export interface Commit {
  hash: string;
  short: string;
  author: string;
  /** When the author wrote the change, ISO 8601 with offset. */
  author_date: string;
  /** When it was committed (landed on the branch), ISO 8601 with offset. */
  date: string;
  subject: string;
  files: FileChange[];
}

/** The `--format` that `parseLog` reads: a record separator, then unit-separated fields. */
export const LOG_FORMAT = '%x1e%H%x1f%h%x1f%an%x1f%aI%x1f%cI%x1f%s';

/** Parses `git log -z --name-status -M --format=LOG_FORMAT` output, newest commit first. */
export function parseLog(text: string): Commit[] {
  const commits: Commit[] = [];
  for (const record of text.split('\x1e')) {
    if (!record) continue;
    const headerEnd = record.indexOf('\0');
    const header = (headerEnd === -1 ? record : record.slice(0, headerEnd)).split('\x1f');
    const [hash, short, author, author_date, date, ...subject] = header;
    if (!hash || !short || author === undefined || !author_date || !date) continue;
    const fields = headerEnd === -1 ? [] : record.slice(headerEnd + 1).replace(/^\n/, '').split('\0');
    const files = parseNameStatus(fields);
    commits.push({ hash, short, author, author_date, date, subject: subject.join('\x1f'), files });
  }
  return commits;
}
