/**
 * The lineage neighbourhood of an entry as Mermaid flowchart text. Everything written into
 * the text is escaped or generated (node ids are `n0`, `n1`…, never entry text), and the
 * drawing is capped so a hub with thousands of neighbours still renders fast.
 */
import { KIND_NAMES, type Kind } from '../../../schemas/index.ts';
import type { ClosureMember, Direction, Graph } from '../graph/graph.ts';
import { escapeLabel } from '../graph/flowchart.ts';

export { escapeLabel };
import { RELATIONS } from '../graph/relations.ts';
import { hasStatusStyle, KIND_COLOURS, LINEAGE_CLASS_DEFS } from './lineage-styles.ts';
import type { Entry } from '../types.ts';

export interface LineageOptions {
  /** Steps each way (default 1). */
  depth?: number;
  maxNodes?: number;
  maxEdges?: number;
  /** The page of an entry, for node links. */
  href: (id: string) => string;
  /** The full closure list in one direction, linked from the "+N more" node. */
  moreHref?: (direction: Direction) => string;
  /**
   * Leave out the `classDef` lines (`LINEAGE_CLASS_DEFS`), for a reader that appends them:
   * the site's pages, whose script does, so that no page or lineage file repeats them.
   */
  withoutClassDefs?: boolean;
}

/** What a view shows, without its drawing: enough to list it, cap it and give its legend. */
export interface LineageOutline {
  nodes: number;
  /** Neighbours within the depth that were left out by the caps, per direction. */
  omitted: Record<Direction, number>;
  /** Kinds of the entries drawn, for the legend. */
  kinds: Kind[];
}

export interface Lineage extends LineageOutline {
  text: string;
  edges: number;
  omittedEdges: number;
}

export const DEFAULT_MAX_NODES = 200;
export const DEFAULT_MAX_EDGES = 500;

type Lookup = { get(id: string): Entry | undefined };

/** A URL inside a quoted `click … href "…"`: quotes and backslashes could end the string. */
function quoteUrl(url: string): string {
  return url.replace(/["\\\s]/g, (c) => encodeURIComponent(c));
}

export { KIND_COLOURS, LINEAGE_CLASS_DEFS };

export function lineageMermaid(graph: Graph, entries: Lookup, id: string, options: LineageOptions): Lineage {
  const depth = options.depth ?? 1;
  return drawLineage(graph, entries, id, graph.closure(id, 'up', { depth }), graph.closure(id, 'down', { depth }), options);
}

/**
 * The lineage at each of `depths`, from one closure walk each way: a breadth-first closure
 * cut at a depth is the deeper one's members up to that depth, in the same order. A depth
 * is left out, with every deeper one, when it would show no more than the one before.
 * Only the first `drawn` views are drawn (all by default); the others are outlined, for a
 * page that inlines its first view and fetches the deeper ones' drawings.
 */
export function lineageViews(
  graph: Graph,
  entries: Lookup,
  id: string,
  depths: readonly number[],
  options: Omit<LineageOptions, 'depth'> & {
    /** The whole closure each way, where the caller has it already: it is cut the same way. */
    closures?: Record<Direction, readonly ClosureMember[]> | undefined;
    drawn?: number | undefined;
  },
): { depth: number; lineage: Lineage | LineageOutline }[] {
  const deepest = Math.max(...depths);
  const up = options.closures?.up ?? graph.closure(id, 'up', { depth: deepest });
  const down = options.closures?.down ?? graph.closure(id, 'down', { depth: deepest });
  const drawn = options.drawn ?? depths.length;
  const views: { depth: number; lineage: Lineage | LineageOutline }[] = [];
  const nodes = new Map<string, NodeLook>();
  for (const depth of depths) {
    const within = (m: ClosureMember) => m.depth <= depth;
    const cut = { up: up.filter(within), down: down.filter(within) };
    const lineage =
      views.length < drawn
        ? drawLineage(graph, entries, id, cut.up, cut.down, options, nodes)
        : outlineOf(graph, entries, kept(id, cut.up, cut.down, options.maxNodes));
    if (views.length && views.at(-1)!.lineage.nodes === lineage.nodes) break;
    views.push({ depth, lineage });
  }
  return views;
}

/**
 * The members a view keeps: the entry, then its nearest neighbours up to the node budget,
 * shared between the two directions (closures are breadth-first, nearest first), and how
 * many it leaves out each way.
 */
function kept(id: string, up: readonly ClosureMember[], down: readonly ClosureMember[], maxNodes = DEFAULT_MAX_NODES) {
  const budget = Math.max(1, maxNodes) - 1;
  const upShare = Math.min(up.length, Math.max(Math.ceil(budget / 2), budget - down.length));
  const keptUp = up.slice(0, upShare);
  const upIds = new Set(keptUp.map((m) => m.id));
  const keptDown = down.filter((m) => !upIds.has(m.id)).slice(0, budget - keptUp.length);
  const order: string[] = [id, ...keptUp.map((m) => m.id), ...keptDown.map((m) => m.id)];
  const index = new Map<string, number>(order.map((member, i) => [member, i]));
  const omitted = { up: up.filter((m) => !index.has(m.id)).length, down: down.filter((m) => !index.has(m.id)).length };
  return { order, index, upCount: keptUp.length, omitted };
}

function outlineOf(graph: Graph, entries: Lookup, { order, omitted }: ReturnType<typeof kept>): LineageOutline {
  const kinds = new Set<Kind | undefined>(order.map((member) => entries.get(member)?.kind ?? graph.kinds.get(member)));
  return { nodes: order.length, omitted, kinds: KIND_NAMES.filter((k) => kinds.has(k)) };
}

/** What a node shows, the same in every view of one entry's lineage: worked out once. */
type NodeLook = { label: string; kind: Kind | undefined; status: string | undefined; href: string };

function drawLineage(
  graph: Graph,
  entries: Lookup,
  id: string,
  up: readonly ClosureMember[],
  down: readonly ClosureMember[],
  options: LineageOptions,
  nodes = new Map<string, NodeLook>(),
): Lineage {
  const maxEdges = options.maxEdges ?? DEFAULT_MAX_EDGES;
  const { order, index, upCount, omitted } = kept(id, up, down, options.maxNodes);

  // One arrow per pair, drawn the way data flows (upstream → downstream), naming every relation between them.
  const pairs = new Map<number, { from: number; to: number; labels: string[] }>();
  // Dependency edges among the kept nodes on the same side of the entry, or touching it. An
  // edge from an upstream neighbour straight to a downstream one bypasses the entry: it says
  // nothing about this entry's lineage and crosses the whole drawing. Upstream nodes are
  // numbered 1 to upCount, downstream ones after them.
  const upstream = (i: number) => i <= upCount;
  order.forEach((member, i) => {
    for (const edge of graph.outgoing(member)) {
      const j = index.get(edge.to);
      if (j === undefined || j === i || !RELATIONS[edge.type].dependency || (i !== 0 && j !== 0 && upstream(i) !== upstream(j))) continue;
      const key = j * order.length + i;
      let pair = pairs.get(key);
      if (!pair) pairs.set(key, (pair = { from: j, to: i, labels: [] }));
      const label = RELATIONS[edge.type].backward;
      if (!pair.labels.includes(label)) pair.labels.push(label);
    }
  });
  const allPairs = [...pairs.values()];
  const drawn = allPairs.slice(0, maxEdges);

  const lines = ['flowchart LR'];
  const kinds = new Set<Kind>();
  order.forEach((member, i) => {
    let node = nodes.get(member);
    if (!node) {
      const entry = entries.get(member);
      const status = entry?.data.status;
      node = {
        label: escapeLabel(entry?.data.title ?? member),
        kind: entry?.kind ?? graph.kinds.get(member),
        status: status && hasStatusStyle(status) ? status : undefined,
        href: member === id ? '' : quoteUrl(options.href(member)),
      };
      nodes.set(member, node);
    }
    lines.push(`  n${i}["${node.label}"]`);
    if (node.kind) {
      kinds.add(node.kind);
      lines.push(`  class n${i} k_${node.kind}`);
    }
    if (node.status) lines.push(`  class n${i} s_${node.status}`);
    if (member !== id) lines.push(`  click n${i} href "${node.href}"`);
  });
  lines.push(`  class n0 focus`);
  for (const pair of drawn) lines.push(`  n${pair.from} -->|"${escapeLabel(pair.labels.join(', '))}"| n${pair.to}`);
  for (const direction of ['up', 'down'] as const) {
    const count = omitted[direction];
    if (count <= 0) continue;
    const more = `more_${direction}`;
    lines.push(`  ${more}["+${count} more ${direction === 'up' ? 'upstream' : 'downstream'}"]`);
    lines.push(direction === 'up' ? `  ${more} -.-> n0` : `  n0 -.-> ${more}`);
    lines.push(`  class ${more} more`);
    if (options.moreHref) lines.push(`  click ${more} href "${quoteUrl(options.moreHref(direction))}"`);
  }
  if (!options.withoutClassDefs) lines.push(LINEAGE_CLASS_DEFS);

  return { text: lines.join('\n'), nodes: order.length, edges: drawn.length, omitted, omittedEdges: allPairs.length - drawn.length, kinds: KIND_NAMES.filter((k) => kinds.has(k)) };
}
