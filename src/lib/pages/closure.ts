/**
 * The "Depends on" and "Impacts" lists of an entry: the first rows on its page, and the
 * whole list on pages of its own. Rows are HTML strings: a list page holds two hundred
 * rows of up to four links each, and a component per link cost more than the page.
 */
import { KINDS } from '../../../schemas/index.ts';
import { closureListing, type ClosureListing, type ClosureMemberRow } from '../graph/closure-report.ts';
import type { Direction } from '../graph/graph.ts';
import { badgeHtml, escapeHtml } from '../view/html.ts';
import { paginate } from '../view/pagination.ts';
import { entryPath } from '../view/urls.ts';
import type { Catalog, Entry } from '../types.ts';
import { linksOf, type Links } from './links.ts';

// Each page costs the build a few milliseconds however short it is, and at 10,000 entries
// lists of 26 to 100 rows made 40% of all pages: a list page holds 200 rows.
export const CLOSURE_PAGE_SIZE = 200;
/**
 * Rows shown on the entry page itself; longer lists get pages of their own. Fifty rows each
 * way were a third of an average entry page (15.6 KB of 56 KB for datasets and models at
 * 2,000 entries). Twenty, at about 120 bytes a row, cost an entry page under a kilobyte
 * more on average than ten, and spare a third of the list pages, each about 5 KB of header
 * and footer before its first row: at 2,000 entries 477 fewer files and 1.4 MB less.
 */
export const CLOSURE_INLINE = 20;
export const CLOSURE_LISTS = {
  'depends-on': { direction: 'up', title: 'Depends on', empty: 'Nothing: this entry depends on no other entry.' },
  impacts: { direction: 'down', title: 'Impacts', empty: 'Nothing depends on this entry.' },
} as const;
export type ClosureList = keyof typeof CLOSURE_LISTS;
export const CLOSURE_LIST_NAMES = Object.keys(CLOSURE_LISTS) as ClosureList[];
/** What a row's "Through" cell says, written once above the tables that have one. */
export const CLOSURE_THROUGH = 'Through: the entry one step nearer, which has its own row further up, and how it relates to this row\'s entry.';

// The last few listings: an entry's list pages are rendered one after another, so each of
// them need not walk the closure again. Keeping every listing for the whole build held
// millions of rows at 10,000 entries.
const RECENT = 8;
const recent = new Map<string, { catalog: Catalog; listing: ClosureListing }>();

/** An entry's closure listing in one direction, shared by the list pages that show it in a row. */
export function closureListingOf(catalog: Catalog, id: string, direction: Direction): ClosureListing {
  const key = `${direction}:${id}`;
  const known = recent.get(key);
  if (known && known.catalog === catalog) return known.listing;
  const listing = closureListing(catalog, id, direction);
  recent.delete(key);
  recent.set(key, { catalog, listing });
  if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
  return listing;
}

/** How many pages an entry's list has of its own: none when it fits on the entry page. */
export function closureListPages(catalog: Catalog, id: string, list: ClosureList): number {
  const total = catalog.graph.closureSize(id, CLOSURE_LISTS[list].direction);
  return total <= CLOSURE_INLINE ? 0 : Math.ceil(total / CLOSURE_PAGE_SIZE);
}

/**
 * One closure row as a table row: entry, kind, depth and its last step: the entry one step
 * nearer (none at depth 1) and the relation from it. That entry is a row of the same list,
 * nearer the top, so its own row carries the path on and links it: whole paths repeated
 * their first steps on every row below a hub, three quarters of a list page's weight at
 * 10,000 entries, and a link to the nearer entry on every row was another third.
 */
function rowHtml(links: Links, row: ClosureMemberRow, pathTo: ClosureListing['pathTo'], titleOf: (id: string) => string): string {
  const status = row.status === 'active' ? '' : ` ${badgeHtml(row.status)}`;
  const steps = pathTo(row.id);
  const last = steps.at(-1)!;
  const previous = steps.at(-2);
  const through = `${previous ? `${escapeHtml(titleOf(previous.id))} ` : ''}<i>${escapeHtml(last.relation)}</i>`;
  // The row's entry without its description as tooltip: up to twenty rows on every entry
  // page and two hundred on a list page, the descriptions were a tenth of their weight.
  return `<tr><td>${links.ref(row.id, false)}${status}</td><td>${escapeHtml(KINDS[row.kind].label)}</td><td>${row.depth}</td><td>${through}</td></tr>`;
}

export interface ClosureTableModel {
  caption: string;
  /** How many rows the table holds. */
  count: number;
  /** The table's body rows, as HTML. */
  rowsHtml: string;
}

export function closureTable(catalog: Catalog, rows: readonly ClosureMemberRow[], pathTo: ClosureListing['pathTo'], caption: string): ClosureTableModel {
  const links = linksOf(catalog);
  const titleOf = (id: string) => catalog.byId.get(id)?.data.title ?? id;
  return { caption, count: rows.length, rowsHtml: rows.map((row) => rowHtml(links, row, pathTo, titleOf)).join('') };
}

export interface InlineClosureModel {
  slug: ClosureList;
  title: string;
  /** Every member, of which the table shows the first `CLOSURE_INLINE`. */
  total: number;
  empty: string;
  table?: ClosureTableModel | undefined;
  /** The list's own pages, when it is longer than the table. */
  moreUrl?: string | undefined;
}

/** Both lists as an entry page shows them, from listings the caller has already walked. */
export function inlineClosures(catalog: Catalog, entry: Entry, listings: Record<Direction, ClosureListing>): InlineClosureModel[] {
  const links = linksOf(catalog);
  return CLOSURE_LIST_NAMES.map((slug) => {
    const { direction, title, empty } = CLOSURE_LISTS[slug];
    const listing = listings[direction];
    const total = listing.members.length;
    return {
      slug,
      title,
      total,
      empty,
      table: total === 0 ? undefined : closureTable(catalog, listing.rows.slice(0, CLOSURE_INLINE), listing.pathTo, `${title}: ${entry.data.title}`),
      moreUrl: total > CLOSURE_INLINE ? links.link(`${entryPath(entry.kind, entry.id)}${slug}/`) : undefined,
    };
  });
}

export interface ClosureListPageModel {
  title: string;
  description: string;
  /** The navigation section the page belongs to. */
  section: string;
  entry: { title: string; url: string };
  heading: string;
  lede: string;
  table: ClosureTableModel;
  /** What the "Through" column says. */
  note: string;
  page: number;
  pages: number;
  /** The URL of each page, first to last, for the pager. */
  pageUrls: string[];
}

/** One page of an entry's full "Depends on" or "Impacts" list. */
export function closureListPage(catalog: Catalog, id: string, list: ClosureList, page: number): ClosureListPageModel {
  const links = linksOf(catalog);
  const entry = catalog.byId.get(id);
  if (!entry) throw new Error(`No entry \`${id}\` in the catalog: a closure list page needs one.`);
  const { direction, title } = CLOSURE_LISTS[list];
  const name = entry.data.title;
  const listing = closureListingOf(catalog, id, direction);
  const paged = paginate(listing.rows, page, CLOSURE_PAGE_SIZE);
  const base = `${entryPath(entry.kind, entry.id)}${list}/`;
  const noun = paged.total === 1 ? 'entry' : 'entries';
  return {
    title: `${title}: ${name}`,
    description: `Everything ${name} ${direction === 'up' ? 'depends on' : 'impacts'}, with depth and path.`,
    section: `${KINDS[entry.kind].folder}/`,
    entry: { title: name, url: links.link(entryPath(entry.kind, entry.id)) },
    heading: `${title}: ${name}`,
    lede: `${paged.total} ${noun} ${direction === 'up' ? `that ${name} depends on, directly or through others` : `that a change to ${name} would hit`}, nearest first.`,
    table: closureTable(catalog, paged.items, listing.pathTo, `${title}: ${name}, page ${paged.page} of ${paged.pages}`),
    note: CLOSURE_THROUGH,
    page: paged.page,
    pages: paged.pages,
    pageUrls: Array.from({ length: paged.pages }, (_, i) => links.link(i === 0 ? base : `${base}${i + 1}/`)),
  };
}
