/**
 * What git says on the site: on every entry page, when its file last changed, by whom, in
 * which commit, its last few changes and whether it changed after its last review; and the
 * "Recent changes" page across the catalog. Built from the history read once per build
 * (`catalogHistory`); kept short, since every entry page carries it.
 */
import type { Change } from '../history/build.ts';
import { changesAfterReview } from '../history/build.ts';
import type { ChangeStatus } from '../history/log.ts';
import type { CatalogHistory } from '../history/read.ts';
import type { Catalog, Entry } from '../types.ts';
import { linksOf } from './links.ts';

/** Changes listed on an entry page: enough to see who has been at it, few enough to weigh little. */
export const ENTRY_CHANGES = 4;
/** Files listed per commit on the "Recent changes" page; a bulk import names the rest by count. */
export const RECENT_FILES = 10;
/** A commit subject is cut to this many characters on entry pages. */
export const SUBJECT_MAX = 72;

export interface ChangeModel {
  /** When the author made the change, YYYY-MM-DD. */
  date: string;
  author: string;
  /** The short commit hash, and the commit's page when `site.repo_url` is set. */
  commit: string;
  url?: string | undefined;
  subject: string;
  /** Shown for anything but an edit: `added`, `renamed from sources/feed.yaml`. */
  what?: string | undefined;
  /** The oldest commit of a shallow clone: the file may be older than this. */
  cut?: true | undefined;
}

export interface EntryHistoryModel {
  /** The last change, for the page's header; undefined when the file was never committed. */
  last?: ChangeModel | undefined;
  /** Newest first, at most ENTRY_CHANGES, the last change included. */
  changes: ChangeModel[];
  /** How many commits touched the file in the history read. */
  count: number;
  /** Changes made after the entry's last `reviewed` date: how many, `more` when there may be others beyond those read. */
  afterReview?: { reviewed: string; count: number; more: boolean } | undefined;
  /** Why there is no history, or why it may be incomplete. */
  note?: string | undefined;
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

function what(status: ChangeStatus, from: string | undefined): string | undefined {
  if (status === 'modified') return undefined;
  return status === 'renamed' && from ? `renamed from ${from}` : status;
}

function changeModel(c: Change): ChangeModel {
  return {
    date: c.author_date.slice(0, 10),
    author: c.author,
    commit: c.short,
    url: c.url,
    subject: cut(c.subject, SUBJECT_MAX),
    what: what(c.status, c.from),
    cut: c.boundary,
  };
}

const SHALLOW_NOTE = 'History cut short: this site was built from a shallow clone.';

/**
 * An entry page's history. Undefined when the build read none, or git had none to give
 * (outside a repository): the "Recent changes" page says why, once, rather than every
 * entry page of a catalog built from a folder that is not a clone.
 */
export function entryHistory(history: CatalogHistory | undefined, entry: Entry): EntryHistoryModel | undefined {
  if (!history?.available) return undefined;
  const file = history.files[entry.path];
  if (!file) return { changes: [], count: 0, note: 'Not committed yet.' };
  const changes = file.changes.slice(0, ENTRY_CHANGES).map(changeModel);
  const reviewed = entry.data.reviewed;
  const after = changesAfterReview(file, reviewed);
  return {
    last: changes[0],
    changes,
    count: file.count,
    // Every change read is after the review, and there are older ones: the count may be higher.
    afterReview: reviewed && after.length ? { reviewed, count: after.length, more: after.length === file.changes.length && file.count > file.changes.length } : undefined,
    note: history.shallow ? SHALLOW_NOTE : undefined,
  };
}

export interface RecentChangesModel {
  /** Why the history is missing or incomplete. */
  note?: string | undefined;
  changes: (ChangeModel & {
    /** Catalog files in the commit: the entry as a link while it exists, else its path. */
    files: { ref?: string | undefined; path: string; what?: string | undefined }[];
    /** Files of the commit left off the list. */
    more: number;
  })[];
}

/** The "Recent changes" page: the latest commits that touched the catalog, newest first. */
export function recentChangesPage(catalog: Catalog, history: CatalogHistory): RecentChangesModel {
  const links = linksOf(catalog);
  const idOfPath = new Map([...catalog.files.values()].map((f) => [f.path, f.id]));
  return {
    note: history.note,
    changes: history.recent.map((r) => ({
      date: r.date.slice(0, 10),
      author: r.author,
      commit: r.short,
      url: r.url,
      subject: r.subject,
      files: r.files.slice(0, RECENT_FILES).map((f) => {
        const id = f.current === undefined ? undefined : idOfPath.get(f.current);
        return { ref: id !== undefined && catalog.byId.has(id) ? links.ref(id, false) : undefined, path: f.path, what: what(f.status, f.from) };
      }),
      more: Math.max(0, r.files.length - RECENT_FILES),
    })),
  };
}
