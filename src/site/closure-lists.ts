/** The two closure lists an entry has, their URL slugs and sizes, and their rows for this build. */
import type { Direction } from '../lib/graph.ts';
import { closureRows, type ClosureRow } from '../lib/site/closure.ts';
import type { Catalog } from '../lib/types.ts';

export const CLOSURE_PAGE_SIZE = 100;
/** Rows shown on the entry page itself; longer lists get pages of their own. */
export const CLOSURE_INLINE = 25;
export const CLOSURE_LISTS = {
  'depends-on': { direction: 'up', title: 'Depends on' },
  impacts: { direction: 'down', title: 'Impacts' },
} as const;
export type ClosureList = keyof typeof CLOSURE_LISTS;

const rows = new WeakMap<Catalog, Map<string, ClosureRow[]>>();

/**
 * An entry's closure rows, computed once per build: the entry page and every page of its
 * list show slices of the same rows, and a hub's closure has thousands of them.
 */
export function closureRowsOf(catalog: Catalog, id: string, direction: Direction): ClosureRow[] {
  let byKey = rows.get(catalog);
  if (!byKey) rows.set(catalog, (byKey = new Map()));
  const key = `${direction}:${id}`;
  let list = byKey.get(key);
  if (!list) byKey.set(key, (list = closureRows(catalog, id, direction)));
  return list;
}
