/**
 * An entry page's Lineage section: its neighbourhood as Mermaid graphs, one step each way
 * by default and deeper on request, and the first rows of its closure lists.
 *
 * Only the first view's text is on the page. The deeper views, three of them at most and
 * up to 60 boxes each, were most of an entry page's weight: they are in a file of their own
 * (`lineage.json.gz` beside the page, gzipped: a static host counts its stored bytes, and
 * the views' repeated node lines shrink about tenfold), fetched when the reader asks for a
 * deeper view, and written only for entries that have one. Without JavaScript the closure lists, and their
 * paged list pages, hold the same entries.
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
  /** Mermaid flowchart text: on the page for the first view only; the others are in `deeperUrl`. */
  text?: string;
}

/** The file of an entry's deeper views, beside its page. */
export const LINEAGE_FILE = 'lineage.json.gz';

/** What `lineage.json.gz` holds, once unzipped: the views past the first, with their text. */
export interface LineageFile {
  views: Required<LineageView>[];
}

export interface LineageModel {
  /** Whether anything feeds the entry or is built from it; the rest is empty when not. */
  connected: boolean;
  views: LineageView[];
  /** Where the deeper views' text is (`LineageFile`); absent when there is no deeper view. */
  deeperUrl?: string | undefined;
  /** The shallowest view left some neighbours out (the lists below hold them all). */
  capped: boolean;
  maxNodes: number;
  /** The graph's accessible name. */
  label: string;
  legend: { label: string; fill: string; stroke: string }[];
  closures: InlineClosureModel[];
}

function graphsOf(catalog: Catalog, entry: Entry, listings: Record<Direction, ClosureListing>) {
  const links = linksOf(catalog);
  return lineageViews(catalog.graph, catalog.byId, entry.id, DEPTHS, {
    href: (id) => links.entryLink(id) ?? '#',
    moreHref: (direction) => links.link(`${entryPath(entry.kind, entry.id)}${direction === 'up' ? 'depends-on' : 'impacts'}/`),
    maxNodes: LINEAGE_MAX_NODES,
    closures: { up: listings.up.members, down: listings.down.members },
  });
}

const listingsOf = (catalog: Catalog, id: string): Record<Direction, ClosureListing> => ({ up: closureListingOf(catalog, id, 'up'), down: closureListingOf(catalog, id, 'down') });

export function lineageSection(catalog: Catalog, entry: Entry): LineageModel {
  const connected = catalog.graph.closure(entry.id, 'up', { depth: 1 }).length + catalog.graph.closure(entry.id, 'down', { depth: 1 }).length > 0;
  if (!connected) return { connected, views: [], capped: false, maxNodes: LINEAGE_MAX_NODES, label: '', legend: [], closures: [] };
  // The closure lists walk the whole closure each way; the graph's views are cuts of it.
  const listings = listingsOf(catalog, entry.id);
  const graphs = graphsOf(catalog, entry, listings);
  const first = graphs[0]!.lineage;
  return {
    connected,
    views: graphs.map((g, i) => (i === 0 ? { depth: g.depth, nodes: g.lineage.nodes, text: g.lineage.text } : { depth: g.depth, nodes: g.lineage.nodes })),
    deeperUrl: graphs.length > 1 ? linksOf(catalog).link(`${entryPath(entry.kind, entry.id)}${LINEAGE_FILE}`) : undefined,
    capped: first.omitted.up > 0 || first.omitted.down > 0,
    maxNodes: LINEAGE_MAX_NODES,
    label: `Lineage graph of ${entry.data.title}: ${first.nodes} entries`,
    legend: KIND_NAMES.filter((k) => graphs.some((g) => g.lineage.kinds.includes(k))).map((k) => ({ label: KINDS[k].label, ...KIND_COLOURS[k] })),
    closures: inlineClosures(catalog, entry, listings),
  };
}

/** The deeper views of an entry's lineage, for its `lineage.json.gz`: empty when the first view shows all there is. */
export function lineageFile(catalog: Catalog, id: string): LineageFile {
  const entry = catalog.byId.get(id);
  if (!entry) throw new Error(`No entry \`${id}\` in the catalog: its lineage file cannot be written.`);
  const graphs = graphsOf(catalog, entry, listingsOf(catalog, id));
  return { views: graphs.slice(1).map((g) => ({ depth: g.depth, nodes: g.lineage.nodes, text: g.lineage.text })) };
}

/**
 * Whether an entry has a view deeper than the first, worked out from two steps of its
 * closures rather than by drawing every view: the routes ask it of every entry to list the
 * `lineage.json.gz` files. A view shows the entry and up to `LINEAGE_MAX_NODES - 1` of its
 * neighbours, so the two-step view shows more than the one-step view exactly when the
 * latter left nobody out and two steps reach further.
 */
export function hasDeeperLineage(catalog: Catalog, id: string): boolean {
  const within = (depth: number) => {
    const ids = new Set<string>();
    for (const direction of ['up', 'down'] as const) for (const m of catalog.graph.closure(id, direction, { depth })) if (m.id !== id) ids.add(m.id);
    return ids.size;
  };
  const one = within(1);
  return one > 0 && one < LINEAGE_MAX_NODES - 1 && within(2) > one;
}
