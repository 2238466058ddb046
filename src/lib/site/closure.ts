/**
 * The dependency closure of an entry as rows a page can list: every member with its depth
 * and the chain of relations that reaches it, plus paging so a hub with thousands of
 * dependants stays a readable page.
 */
import { closureItems, type ClosureItem, type Step } from '../closure-report.ts';
import type { Direction } from '../graph.ts';
import type { Catalog } from '../types.ts';

export type PathStep = Step;
export type ClosureRow = ClosureItem;

/** Members nearest first, then by kind and id, so the list reads in rings around the entry. */
export function closureRows(catalog: Pick<Catalog, 'byId' | 'graph'>, id: string, direction: Direction): ClosureRow[] {
  return closureItems(catalog, id, direction);
}

export interface Page<T> {
  items: T[];
  /** 1-based. */
  page: number;
  pages: number;
  total: number;
}

export function paginate<T>(items: readonly T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, Math.floor(page)), pages);
  return { items: items.slice((current - 1) * size, current * size), page: current, pages, total: items.length };
}
