/**
 * "What does this depend on, and what depends on it?" for one entry, as the `graph`
 * command prints it: every member of the closure with its depth and the chain of
 * relations that reaches it, as text, JSON or a Mermaid chart.
 */
import type { Kind } from '../../../schemas/index.ts';
import { flowchart, type FlowEdge, type FlowNode } from './flowchart.ts';
import { Graph, type ClosureMember, type Direction } from './graph.ts';
import { RELATIONS, type RelationType } from './relations.ts';
import { visibleLine } from '../terminal-text.ts';
import type { Catalog } from '../types.ts';

export type Catalogish = Pick<Catalog, 'byId' | 'graph'>;

export interface Step {
  id: string;
  /** The relation that leads to this step, read in the direction of travel: "derived from", "feeds". */
  relation: string;
  type: RelationType;
}

export interface ClosureMemberRow {
  id: string;
  kind: Kind;
  title: string;
  status: string;
  depth: number;
}

export interface ClosureItem extends ClosureMemberRow {
  /** From the entry (excluded) to this member (included). */
  path: Step[];
}

/** A closure's members in listing order, with the path to each computed only when asked. */
export interface ClosureListing {
  /** Every member's row, or the first ones asked for (`closureListing`). */
  rows: ClosureMemberRow[];
  pathTo(memberId: string): Step[];
  /** The closure itself, breadth first. */
  members: readonly ClosureMember[];
}

export interface ClosureReport {
  id: string;
  kind: Kind;
  title: string;
  /** Omitted when not asked for. */
  up?: ClosureItem[];
  down?: ClosureItem[];
  /** The depth limit, if any. */
  depth?: number;
}

export interface ClosureRequest {
  up: boolean;
  down: boolean;
  depth?: number;
}

/**
 * Members of one direction, nearest first, then by kind and id. Paths are built on demand:
 * a hub's closure holds thousands of members, and a page shows a hundred of them. With
 * `first`, only that many rows are made: an entry page shows twenty rows of each list and
 * need not make and sort thousands. `members` is always the whole closure.
 */
export function closureListing(catalog: Catalogish, id: string, direction: Direction, depth?: number, first?: number): ClosureListing {
  const members = catalog.graph.closure(id, direction, depth === undefined ? {} : { depth });
  const byId = new Map<string, ClosureMember>(members.map((m) => [m.id, m]));
  // Members come nearest first and rows sort by depth before anything else, so the first
  // rows are among the members of the depths they reach: those depths are listed whole.
  let listed = members.length;
  if (first !== undefined && first < members.length) {
    listed = Math.max(first, 0);
    while (listed > 0 && listed < members.length && members[listed]!.depth === members[listed - 1]!.depth) listed++;
  }
  const rows = members
    .slice(0, listed)
    .map((member): ClosureMemberRow => {
      const entry = catalog.byId.get(member.id);
      return {
        id: member.id,
        kind: entry?.kind ?? catalog.graph.kinds.get(member.id) ?? 'dataset',
        title: entry?.data.title ?? member.id,
        status: entry?.data.status ?? 'active',
        depth: member.depth,
      };
    })
    .sort((a, b) => a.depth - b.depth || byCodeUnits(a.kind, b.kind) || byCodeUnits(a.id, b.id))
    .slice(0, first);
  const pathTo = (memberId: string) =>
    Graph.path(id, memberId, byId, direction)
      .slice(1)
      .map((step): Step => {
        const { type } = byId.get(step)!.via;
        return { id: step, type, relation: direction === 'up' ? RELATIONS[type].forward : RELATIONS[type].backward };
      });
  return { rows, pathTo, members };
}

// Kinds and ids are ASCII: comparing code units orders them as a collator does, and a hub's
// listing sorts thousands of rows.
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Members of one direction with their paths, in listing order. */
export function closureItems(catalog: Catalogish, id: string, direction: Direction, depth?: number): ClosureItem[] {
  const { rows, pathTo } = closureListing(catalog, id, direction, depth);
  return rows.map((row) => ({ ...row, path: pathTo(row.id) }));
}

export function closureReport(catalog: Catalogish, id: string, request: ClosureRequest): ClosureReport {
  const entry = catalog.byId.get(id);
  if (!entry) throw new Error(`No entry \`${id}\` in the catalog`);
  const report: ClosureReport = { id, kind: entry.kind, title: entry.data.title };
  if (request.up) report.up = closureItems(catalog, id, 'up', request.depth);
  if (request.down) report.down = closureItems(catalog, id, 'down', request.depth);
  if (request.depth !== undefined) report.depth = request.depth;
  return report;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
export const entries = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;

/** "churn-predictor trained on viewing-events-labelled derived from raw-play-events". */
export function pathText(start: string, path: readonly Step[]): string {
  return [start, ...path.map((s) => `${s.relation} ${s.id}`)].join(' ');
}

/** The closure for a terminal: the title, the only free text, shown with its control characters written out. */
export function closureText(report: ClosureReport): string {
  const out = [`${report.id} (${report.kind}): ${visibleLine(report.title)}`];
  const limit = report.depth === undefined ? '' : ` within ${plural(report.depth, 'step')}`;
  const section = (heading: string, items: readonly ClosureItem[] | undefined) => {
    if (!items) return;
    out.push('', `${heading}${limit}: ${items.length === 0 ? 'nothing' : entries(items.length)}`);
    const kindWidth = Math.max(0, ...items.map((i) => i.kind.length));
    const idWidth = Math.max(0, ...items.map((i) => i.id.length));
    for (const item of items) {
      const status = item.status === 'active' ? '' : ` [${item.status}]`;
      out.push(`  ${String(item.depth).padStart(2)}  ${item.kind.padEnd(kindWidth)}  ${item.id.padEnd(idWidth)}  ${pathText(report.id, item.path)}${status}`);
    }
  };
  section('Depends on (upstream)', report.up);
  section('Impacts (downstream)', report.down);
  return out.join('\n');
}

export function closureJson(report: ClosureReport): string {
  return JSON.stringify(report, null, 2);
}

/** Styles per kind and role, readable on GitHub's light and dark themes. */
export const CLASS_DEFS: Readonly<Record<string, string>> = {
  dataset: 'fill:#e3f2fd,stroke:#1e88e5,color:#0d47a1',
  model: 'fill:#f3e5f5,stroke:#8e24aa,color:#4a148c',
  source: 'fill:#e8f5e9,stroke:#43a047,color:#1b5e20',
  license: 'fill:#fff8e1,stroke:#f9a825,color:#5d4037',
  team: 'fill:#eceff1,stroke:#607d8b,color:#263238',
  person: 'fill:#eceff1,stroke:#607d8b,color:#263238',
  glossary: 'fill:#eceff1,stroke:#607d8b,color:#263238',
  focus: 'stroke-width:4px',
  changed: 'stroke-width:4px',
  removed: 'fill:#ffebee,stroke:#e53935,color:#b71c1c,stroke-dasharray:5 5',
};

/**
 * Dependency edges among `ids`, drawn the way data flows: from the upstream entry to the
 * one that uses it, labelled as the upstream entry reads it ("feeds", "trains").
 */
export function flowEdges(graph: Graph, ids: ReadonlySet<string>): FlowEdge[] {
  return graph.edges
    .filter((e) => RELATIONS[e.type].dependency && ids.has(e.from) && ids.has(e.to))
    .map((e) => ({ from: e.to, to: e.from, label: RELATIONS[e.type].backward }));
}

export function closureMermaid(catalog: Catalogish, report: ClosureReport, options: { maxNodes?: number } = {}): string {
  const nodes: FlowNode[] = [{ id: report.id, label: `${report.title} (${report.id})`, classes: [report.kind, 'focus'], rank: 0 }];
  for (const item of [...(report.up ?? []), ...(report.down ?? [])]) {
    nodes.push({ id: item.id, label: `${item.title} (${item.id})`, classes: [item.kind], rank: item.depth });
  }
  const ids = new Set(nodes.map((n) => n.id));
  return flowchart(nodes, flowEdges(catalog.graph, ids), {
    ...(options.maxNodes === undefined ? {} : { maxNodes: options.maxNodes }),
    capNote: `npm run graph -- ${report.id} --format text lists every one`,
    classDefs: CLASS_DEFS,
  });
}
