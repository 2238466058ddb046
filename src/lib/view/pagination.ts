/**
 * Paging for long lists of pages: the slice each page shows, where each page of a kind's
 * index lives, and a page-number list of bounded length, so neither a page nor its
 * navigation grows with the size of the catalog.
 */
import type { Kind } from '../../../schemas/index.ts';
import type { Entry } from '../types.ts';
import { kindPath } from './urls.ts';

/**
 * Rows on one page of a kind's index. A row weighs about half a kilobyte of HTML, so 200
 * keeps a page near 100 KB: quick to load and to scan, while a catalog of a few hundred
 * entries of a kind (every team's catalog for its first years) still gets one page with
 * in-page filters and sorting.
 */
export const INDEX_PAGE_SIZE = 200;

export interface Page<T> {
  items: T[];
  /** 1-based. */
  page: number;
  pages: number;
  total: number;
}

/** How many pages `total` items fill, at least one so an empty list still has a page. */
export function pageCount(total: number, size: number): number {
  if (!(size >= 1)) throw new RangeError(`Page size must be at least 1, got ${size}`);
  return Math.max(1, Math.ceil(total / size));
}

/** Page `page` (1-based, clamped to the pages there are) of `items`. */
export function paginate<T>(items: readonly T[], page: number, size: number): Page<T> {
  const pages = pageCount(items.length, size);
  const current = Math.min(Math.max(1, Math.floor(page)), pages);
  return { items: items.slice((current - 1) * size, current * size), page: current, pages, total: items.length };
}

/** The counts line of a page: "Entries 201–400 of 7,012". */
export function rangeLabel(paged: Page<unknown>, size: number, noun = 'Entries'): string {
  const first = (paged.page - 1) * size + 1;
  const last = first + paged.items.length - 1;
  const n = (x: number) => x.toLocaleString('en');
  if (paged.items.length === 0) return `${noun}: none`;
  return `${noun} ${n(first)}–${n(last)} of ${n(paged.total)}`;
}

/** A page number to link, or a gap standing for the numbers left out. */
export type PageMark = number | 'gap';

/**
 * The page numbers a pager shows: the first, the last, and `around` each side of the
 * current, with gaps for the rest. At most `2 × around + 5` marks, whatever the page
 * count. A gap never hides a single number: showing the number takes no more room.
 */
export function pageWindow(current: number, pages: number, around = 2): PageMark[] {
  const shown = new Set<number>([1, pages]);
  for (let n = current - around; n <= current + around; n++) if (n >= 1 && n <= pages) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const marks: PageMark[] = [];
  for (const n of sorted) {
    const previous = marks.at(-1);
    if (typeof previous === 'number' && n - previous === 2) marks.push(n - 1);
    else if (typeof previous === 'number' && n - previous > 2) marks.push('gap');
    marks.push(n);
  }
  return marks;
}

/** Where page `page` of a kind's index lives: the kind's folder for the first, `page/<n>/` under it for the rest. */
export function indexPagePath(kind: Kind, page: number): string {
  return page <= 1 ? kindPath(kind) : `${kindPath(kind)}page/${page}/`;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Index order: by title as people read it ("Part 2" before "Part 10"), then by id, so every build pages alike. */
export function compareForIndex(a: Entry, b: Entry): number {
  return collator.compare(a.data.title, b.data.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
