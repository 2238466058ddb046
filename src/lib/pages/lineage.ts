/**
 * An entry page's Lineage section: its neighbourhood as Mermaid graphs, one step each way
 * by default and deeper on request, and the first rows of its closure lists.
 *
 * Only the first view's text is on the page. The deeper views, three of them at most and
 * up to 60 boxes each, were most of an entry page's weight: they are in a file shared by a few
 * entries (`lineage/<n>.json.gz`: one file per entry would have added 45,000 files at
 * 50,000 entries, against GitLab Pages' 200,000), gzipped (a static host counts stored
 * bytes, and the views' repeated node lines shrink about tenfold), fetched when the reader
 * asks for a deeper view. Only entries that have one are in these files. Without JavaScript the closure lists, and their
 * paged list pages, hold the same entries.
 */
import { KIND_NAMES, KINDS } from '../../../schemas/index.ts';
import { closureListing, type ClosureListing } from '../graph/closure-report.ts';
import type { Direction } from '../graph/graph.ts';
import { KIND_COLOURS, lineageViews, type Lineage } from '../view/mermaid.ts';
import { entryPath } from '../view/urls.ts';
import type { Catalog, Entry } from '../types.ts';
import { CLOSURE_INLINE, CLOSURE_THROUGH, inlineClosures, type InlineClosureModel } from './closure.ts';
import { linksOf } from './links.ts';

// Well under the core's hard cap of about 200: past some 60 boxes a flowchart stops being readable on a page.
export const LINEAGE_MAX_NODES = 60;
const DEPTHS = [1, 2, 3, 5];

export interface LineageView {
  depth: number;
  /** Entries the graph shows. */
  nodes: number;
  /** Mermaid flowchart text: on the page for the first view only; the others are at `deeperUrl`. */
  text?: string;
}

/** Entries to a lineage file, on average: a reader's fetch stays near 10 KB, and the files near one for every eight entries. */
export const LINEAGE_BUCKET_ENTRIES = 8;

export const lineageBucketCount = (catalog: Pick<Catalog, 'entries'>): number => Math.max(1, Math.ceil(catalog.entries.length / LINEAGE_BUCKET_ENTRIES));

/** An entry's lineage file, from its id alone (FNV-1a) and the catalog's size: a page knows its file without listing the others. */
export function lineageBucket(catalog: Pick<Catalog, 'entries'>, id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % lineageBucketCount(catalog);
}

/** A lineage file's path under the site's base. */
export const lineageFilePath = (bucket: number): string => `lineage/${bucket}.json.gz`;

/** What a lineage file holds, once unzipped: for each of its entries, the views past the first, with their text. */
export interface LineageFile {
  entries: Record<string, Required<LineageView>[]>;
}

export interface LineageModel {
  /** Whether anything feeds the entry or is built from it; the rest is empty when not. */
  connected: boolean;
  views: LineageView[];
  /** Where the deeper views' text is: the lineage file, with the entry's id as fragment (`/lineage/17.json.gz#raw-events`); absent when there is no deeper view. */
  deeperUrl?: string | undefined;
  /** The shallowest view left some neighbours out (the lists below hold them all). */
  capped: boolean;
  maxNodes: number;
  /** The graph's accessible name. */
  label: string;
  legend: { label: string; fill: string; stroke: string }[];
  closures: InlineClosureModel[];
  /** What the closure tables' "Through" column says, when there is a table. */
  closureNote?: string | undefined;
}

/**
 * The entry's lineage views, the first `drawn` of them drawn (all by default). Without
 * `listings`, the views walk only as deep as the deepest view goes.
 */
function graphsOf(catalog: Catalog, entry: Entry, listings?: Record<Direction, ClosureListing>, drawn?: number) {
  const links = linksOf(catalog);
  return lineageViews(catalog.graph, catalog.byId, entry.id, DEPTHS, {
    drawn,
    href: (id) => links.entryLink(id) ?? '#',
    moreHref: (direction) => links.link(`${entryPath(entry.kind, entry.id)}${direction === 'up' ? 'depends-on' : 'impacts'}/`),
    maxNodes: LINEAGE_MAX_NODES,
    // The page's script appends them (src/components/Lineage.astro).
    withoutClassDefs: true,
    closures: listings && { up: listings.up.members, down: listings.down.members },
  });
}

/**
 * Both closures of an entry, listed as far as its page shows them: its list pages, rendered
 * apart from it, list them whole (`closureListingOf`).
 */
const listingsOf = (catalog: Catalog, id: string): Record<Direction, ClosureListing> => ({
  up: closureListing(catalog, id, 'up', undefined, CLOSURE_INLINE),
  down: closureListing(catalog, id, 'down', undefined, CLOSURE_INLINE),
});

export function lineageSection(catalog: Catalog, entry: Entry): LineageModel {
  // The closure lists walk the whole closure each way; the graph's views are cuts of it.
  const listings = listingsOf(catalog, entry.id);
  const connected = listings.up.members.length + listings.down.members.length > 0;
  if (!connected) return { connected, views: [], capped: false, maxNodes: LINEAGE_MAX_NODES, label: '', legend: [], closures: [] };
  // The page inlines the first view's drawing; the deeper ones are drawn into the lineage files.
  const graphs = graphsOf(catalog, entry, listings, 1);
  const first = graphs[0]!.lineage as Lineage;
  const closures = inlineClosures(catalog, entry, listings);
  return {
    connected,
    views: graphs.map((g, i) => (i === 0 ? { depth: g.depth, nodes: first.nodes, text: first.text } : { depth: g.depth, nodes: g.lineage.nodes })),
    deeperUrl: graphs.length > 1 ? `${linksOf(catalog).link(lineageFilePath(lineageBucket(catalog, entry.id)))}#${entry.id}` : undefined,
    capped: first.omitted.up > 0 || first.omitted.down > 0,
    maxNodes: LINEAGE_MAX_NODES,
    label: `Lineage graph of ${entry.data.title}: ${first.nodes} entries`,
    legend: KIND_NAMES.filter((k) => graphs.some((g) => g.lineage.kinds.includes(k))).map((k) => ({ label: KINDS[k].label, ...KIND_COLOURS[k] })),
    closures,
    closureNote: closures.some((c) => c.table) ? CLOSURE_THROUGH : undefined,
  };
}

/** The deeper views of an entry's lineage: empty when the first view shows all there is. */
export function deeperViews(catalog: Catalog, id: string): Required<LineageView>[] {
  const entry = catalog.byId.get(id);
  if (!entry) throw new Error(`No entry \`${id}\` in the catalog: its lineage views cannot be written.`);
  // Written apart from the entry's page, so its listings are gone by then: a walk to the
  // deepest view's depth costs less than listing the whole closure again (hubs reach
  // thousands of entries).
  const graphs = graphsOf(catalog, entry);
  return graphs.slice(1).map((g) => ({ depth: g.depth, nodes: g.lineage.nodes, text: (g.lineage as Lineage).text }));
}

/** One lineage file: the deeper views of each of `ids`. */
export function lineageFile(catalog: Catalog, ids: readonly string[]): LineageFile {
  return { entries: Object.fromEntries(ids.map((id) => [id, deeperViews(catalog, id)])) };
}

/** The entries that have a deeper view, by lineage file, in catalog order: the files to write. */
export function lineageBuckets(catalog: Catalog): Map<number, string[]> {
  const buckets = new Map<number, string[]>();
  for (const entry of catalog.entries) {
    if (!hasDeeperLineage(catalog, entry.id)) continue;
    const bucket = lineageBucket(catalog, entry.id);
    const ids = buckets.get(bucket);
    if (ids) ids.push(entry.id);
    else buckets.set(bucket, [entry.id]);
  }
  return buckets;
}

/**
 * Whether an entry has a view deeper than the first, worked out from two steps of its
 * closures rather than by drawing every view: the routes ask it of every entry to list the
 * lineage files. A view shows the entry and up to `LINEAGE_MAX_NODES - 1` of its
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
