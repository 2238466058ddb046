/**
 * An entry page's Lineage section: its neighbourhood as Mermaid graphs, one step each way
 * by default and deeper on request (every depth's text is rendered at build time), and the
 * first rows of its closure lists.
 */
import { KIND_NAMES, KINDS } from '../../../schemas/index.ts';
import type { ClosureListing } from '../closure-report.ts';
import type { Direction } from '../graph.ts';
import { KIND_COLOURS, lineageViews } from '../site/mermaid.ts';
import { entryPath } from '../site/urls.ts';
import type { Catalog, Entry } from '../types.ts';
import { closureListingOf, inlineClosures, type InlineClosureModel } from './closure.ts';
import { linksOf } from './links.ts';

// Well under the core's hard cap of about 200: past some 60 boxes a flowchart stops being readable on a page.
export const LINEAGE_MAX_NODES = 60;
const DEPTHS = [1, 2, 3, 5];

export interface LineageView {
  depth: number;
  /** Entries the graph shows. */
  nodes: number;
  /** Mermaid flowchart text. */
  text: string;
}

export interface LineageModel {
  /** Whether anything feeds the entry or is built from it; the rest is empty when not. */
  connected: boolean;
  views: LineageView[];
  /** The shallowest view left some neighbours out (the lists below hold them all). */
  capped: boolean;
  maxNodes: number;
  /** The graph's accessible name. */
  label: string;
  legend: { label: string; fill: string; stroke: string }[];
  closures: InlineClosureModel[];
}

export function lineageSection(catalog: Catalog, entry: Entry): LineageModel {
  const connected = catalog.graph.closure(entry.id, 'up', { depth: 1 }).length + catalog.graph.closure(entry.id, 'down', { depth: 1 }).length > 0;
  if (!connected) return { connected, views: [], capped: false, maxNodes: LINEAGE_MAX_NODES, label: '', legend: [], closures: [] };
  const links = linksOf(catalog);
  // The closure lists walk the whole closure each way; the graph's views are cuts of it.
  const listings: Record<Direction, ClosureListing> = { up: closureListingOf(catalog, entry.id, 'up'), down: closureListingOf(catalog, entry.id, 'down') };
  const graphs = lineageViews(catalog.graph, catalog.byId, entry.id, DEPTHS, {
    href: (id) => links.entryLink(id) ?? '#',
    moreHref: (direction) => links.link(`${entryPath(entry.kind, entry.id)}${direction === 'up' ? 'depends-on' : 'impacts'}/`),
    maxNodes: LINEAGE_MAX_NODES,
    closures: { up: listings.up.members, down: listings.down.members },
  });
  const first = graphs[0]!.lineage;
  return {
    connected,
    views: graphs.map((g) => ({ depth: g.depth, nodes: g.lineage.nodes, text: g.lineage.text })),
    capped: first.omitted.up > 0 || first.omitted.down > 0,
    maxNodes: LINEAGE_MAX_NODES,
    label: `Lineage graph of ${entry.data.title}: ${first.nodes} entries`,
    legend: KIND_NAMES.filter((k) => graphs.some((g) => g.lineage.kinds.includes(k))).map((k) => ({ label: KINDS[k].label, ...KIND_COLOURS[k] })),
    closures: inlineClosures(catalog, entry, listings),
  };
}
