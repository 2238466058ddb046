/**
 * The dependency closure of an entry as rows a page can list: every member with its depth
 * and the chain of relations that reaches it, plus paging so a hub with thousands of
 * dependants stays a readable page.
 */
import { closureItems, type ClosureItem, type Step } from '../closure-report.ts';
import type { Direction } from '../graph.ts';
import type { Catalog } from '../types.ts';

export { closureListing, type ClosureListing, type ClosureMemberRow } from '../closure-report.ts';
export type PathStep = Step;
export type ClosureRow = ClosureItem;

/** Members nearest first, then by kind and id, so the list reads in rings around the entry. */
export function closureRows(catalog: Pick<Catalog, 'byId' | 'graph'>, id: string, direction: Direction): ClosureRow[] {
  return closureItems(catalog, id, direction);
}

// One paging for every long list of the site: closure lists and the kind indexes.
export { paginate, type Page } from './pagination.ts';
