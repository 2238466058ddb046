/**
 * The dependency closure of an entry as rows a page can list: every member with its depth
 * and the chain of relations that reaches it, plus paging so a hub with thousands of
 * dependants stays a readable page.
 */
import type { Kind } from '../../../schemas/index.ts';
import { Graph, type ClosureMember, type Direction } from '../graph.ts';
import { RELATIONS } from '../relations.ts';
import type { Catalog } from '../types.ts';

export interface PathStep {
  id: string;
  /** How this step is read, in the direction of the list: "derived from", "trains". */
  relation: string;
}

export interface ClosureRow {
  id: string;
  kind: Kind;
  title: string;
  status: string;
  depth: number;
  /** From the entry (excluded) to the member (included). */
  path: PathStep[];
}

type Catalogish = Pick<Catalog, 'byId' | 'graph'>;

/** Members nearest first, then by kind and id, so the list reads in rings around the entry. */
export function closureRows(catalog: Catalogish, id: string, direction: Direction): ClosureRow[] {
  const members = catalog.graph.closure(id, direction);
  const byId = new Map<string, ClosureMember>(members.map((m) => [m.id, m]));
  const rows = members.map((member): ClosureRow => {
    const ids = Graph.path(id, member.id, byId, direction);
    const path = ids.slice(1).map((step): PathStep => {
      const via = byId.get(step)!.via;
      const relation = RELATIONS[via.type];
      return { id: step, relation: direction === 'up' ? relation.forward : relation.backward };
    });
    const entry = catalog.byId.get(member.id);
    return {
      id: member.id,
      kind: entry?.kind ?? catalog.graph.kinds.get(member.id) ?? 'dataset',
      title: entry?.data.title ?? member.id,
      status: entry?.data.status ?? 'active',
      depth: member.depth,
      path,
    };
  });
  return rows.sort((a, b) => a.depth - b.depth || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
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
