/**
 * What an entry may and may not be used for once everything upstream is counted:
 * licenses, prohibited uses, personal data and expiring agreements flow down lineage.
 * The rights rule checks declared uses against this; entry pages show it.
 */
import { Graph, type ClosureMember } from '../graph/graph.ts';
import { classifyLicense, restrictionsOf, restrictionsOfTerms, type Restriction } from './licenses.ts';
import type { RelationType } from '../graph/relations.ts';
import type { Catalog, Entry } from '../types.ts';

/** Relations along which rights flow: data built from data, models from their training data, inputs and features, features from the data they are computed from. */
const RIGHTS_FLOW = new Set<RelationType>(['derived_from', 'predictions_of', 'column_from', 'trained_on', 'input', 'uses_feature', 'computed_from']);

export type Inherited =
  | { type: 'restriction'; restriction: Restriction; license: string }
  | { type: 'prohibited-use'; use: string }
  | { type: 'personal-data' }
  | { type: 'expires'; date: string; license: string };

export interface InheritedRight {
  right: Inherited;
  /** The entry the right is declared on. */
  origin: Entry;
  /** Steps from the entry to the origin: 0 for its own rights, 1 for a direct upstream entry. */
  depth: number;
  /** Ids from the entry to the origin along one shortest path; just the entry when it is its own origin. */
  path: string[];
}

type Catalogish = Pick<Catalog, 'byId' | 'graph'>;

/** An entry's own rights, and the entry its license names, if any, when they were read. */
interface Own {
  rights: Inherited[];
  agreementId?: string;
  agreement?: Entry | undefined;
}

// Every entry's own rights are read once: the closure of each entry visits its upstream
// again, and parsing the same SPDX expression for each visit dominated `check`. By entry
// (entries are never changed, a file read again is a new entry), so a catalog assembled
// again after one edit reads again only the edited entry's rights, and those of entries
// whose license names an agreement that is no longer the same entry.
const ownCache = new WeakMap<Entry, Own>();

/** The rights an entry declares itself. */
export function ownRights(catalog: Catalogish, entry: Entry): Inherited[] {
  let own = ownCache.get(entry);
  if (!own || (own.agreementId !== undefined && catalog.byId.get(own.agreementId) !== own.agreement)) ownCache.set(entry, (own = readOwnRights(catalog, entry)));
  return own.rights;
}

function readOwnRights(catalog: Catalogish, entry: Entry): Own {
  const out: Inherited[] = [];
  const own: Own = { rights: out };
  const licenseValue = entry.kind === 'dataset' ? entry.data.rights?.license : entry.kind === 'model' ? entry.data.license : undefined;
  if (licenseValue !== undefined) {
    const ref = classifyLicense(licenseValue);
    let restrictions = restrictionsOf(ref);
    if (ref.type === 'entry') {
      const agreement = catalog.byId.get(ref.id);
      own.agreementId = ref.id;
      own.agreement = agreement;
      if (agreement?.kind === 'license') {
        restrictions = restrictionsOfTerms([...(agreement.data.conditions ?? []), ...(agreement.data.limitations ?? [])]);
        for (const use of agreement.data.prohibited_uses ?? []) out.push({ type: 'prohibited-use', use });
        if (agreement.data.expires) out.push({ type: 'expires', date: agreement.data.expires, license: ref.id });
      }
    }
    for (const restriction of restrictions) out.push({ type: 'restriction', restriction, license: licenseValue });
  }
  if (entry.kind === 'dataset') {
    for (const use of entry.data.rights?.prohibited_uses ?? []) out.push({ type: 'prohibited-use', use });
    if (entry.data.rights?.personal_data) out.push({ type: 'personal-data' });
  }
  return own;
}

/** Every right that binds `entry`, its own first, then each upstream entry's by distance. */
export function inheritedRights(catalog: Catalogish, entry: Entry): InheritedRight[] {
  const table = reachTable(catalog);
  const reach = table.get(entry.id);
  if (!reach) return inheritedRightsByClosure(catalog, entry);
  const out: InheritedRight[] = [];
  for (const [originId, step] of [...reach].sort(([, a], [, b]) => a.depth - b.depth)) {
    const origin = catalog.byId.get(originId)!;
    for (const right of ownRights(catalog, origin)) out.push(new TracedRight(right, origin, step.depth, table, entry.id));
  }
  return out;
}

/**
 * An inherited right whose path is spelt out only when read (for a message or a page): on a
 * long chain, every entry's path to the top is as long as the chain, and a check reads few.
 */
class TracedRight implements InheritedRight {
  readonly right: Inherited;
  readonly origin: Entry;
  readonly depth: number;
  readonly #table: ReachTable;
  readonly #from: string;
  #path: string[] | undefined;
  constructor(right: Inherited, origin: Entry, depth: number, table: ReachTable, from: string) {
    this.right = right;
    this.origin = origin;
    this.depth = depth;
    this.#table = table;
    this.#from = from;
  }
  get path(): string[] {
    return (this.#path ??= tracePath(this.#table, this.#from, this.origin.id));
  }
}

/**
 * How an entry reaches one upstream entry that declares rights (the key it is held by):
 * how far, and the next step toward it.
 */
interface Reach {
  depth: number;
  /** The neighbour one step closer to the origin; undefined for the entry itself. */
  via?: string;
}

type ReachTable = Map<string, Map<string, Reach>>;

// Ids only, so the table holds as long as the graph and the entries that declare rights do:
// after an edit that leaves both as they were (a title, prose, a license for another), a
// catalog that shares its graph with the last one (`GraphCell` in catalog.ts) reuses it.
const reachCache = new WeakMap<Catalogish['graph'], { declaring: string[]; table: ReachTable }>();
// And by catalog, for the question asked for every entry: is the table still the one?
const catalogReach = new WeakMap<Catalogish['byId'], { graph: Catalogish['graph']; table: ReachTable }>();

/**
 * For every entry, the upstream entries that declare rights, each at its shortest distance:
 * computed once per catalog in lineage order, each entry from its direct upstream, so the
 * work is linear in the edges times the origins that flow along them rather than a closure
 * walk per entry. Entries in or below a lineage cycle have no order; they are left out, and
 * `inheritedRights` walks their closure instead.
 */
function reachTable(catalog: Catalogish): ReachTable {
  const { graph, byId } = catalog;
  const known = catalogReach.get(byId);
  if (known?.graph === graph) return known.table;
  const table = reachTableOf(catalog);
  catalogReach.set(byId, { graph, table });
  return table;
}

function reachTableOf(catalog: Catalogish): ReachTable {
  const { graph, byId } = catalog;
  const declaring: string[] = [];
  for (const [id, entry] of byId) if (ownRights(catalog, entry).length > 0) declaring.push(id);
  const cached = reachCache.get(graph);
  if (cached && cached.declaring.length === declaring.length && cached.declaring.every((id, i) => id === declaring[i])) return cached.table;
  const upstream = new Map<string, string[]>();
  const downstream = new Map<string, string[]>();
  const waiting = new Map<string, number>();
  const ready: string[] = [];
  for (const id of byId.keys()) {
    const ups = new Set<string>();
    for (const edge of graph.outgoing(id)) if (RIGHTS_FLOW.has(edge.type)) ups.add(edge.to);
    upstream.set(id, [...ups]);
    for (const up of ups) push(downstream, up, id);
    waiting.set(id, ups.size);
    if (ups.size === 0) ready.push(id);
  }
  const table: ReachTable = new Map();
  for (let i = 0; i < ready.length; i++) {
    const id = ready[i]!;
    const entry = byId.get(id)!;
    const reach = new Map<string, Reach>();
    if (ownRights(catalog, entry).length > 0) reach.set(id, { depth: 0 });
    for (const up of upstream.get(id)!) {
      for (const [originId, step] of table.get(up)!) {
        const known = reach.get(originId);
        if (!known || step.depth + 1 < known.depth) reach.set(originId, { depth: step.depth + 1, via: up });
      }
    }
    table.set(id, reach);
    for (const down of downstream.get(id) ?? []) {
      const left = waiting.get(down)! - 1;
      waiting.set(down, left);
      if (left === 0) ready.push(down);
    }
  }
  reachCache.set(graph, { declaring, table });
  return table;
}

function tracePath(table: ReachTable, from: string, origin: string): string[] {
  const path = [from];
  for (let step = table.get(from)?.get(origin); step?.via !== undefined; step = table.get(step.via)?.get(origin)) path.push(step.via);
  return path;
}

/** The same answer by walking the closure: for entries whose upstream has a cycle. */
function inheritedRightsByClosure(catalog: Catalogish, entry: Entry): InheritedRight[] {
  const out: InheritedRight[] = ownRights(catalog, entry).map((right) => ({ right, origin: entry, depth: 0, path: [entry.id] }));
  const closure = catalog.graph.closure(entry.id, 'up', { follow: (t) => RIGHTS_FLOW.has(t) });
  const members = new Map<string, ClosureMember>(closure.map((m) => [m.id, m]));
  for (const member of closure) {
    const origin = catalog.byId.get(member.id);
    if (!origin) continue;
    const rights = ownRights(catalog, origin);
    if (rights.length === 0) continue;
    const path = Graph.path(entry.id, member.id, members, 'up');
    for (const right of rights) out.push({ right, origin, depth: member.depth, path });
  }
  return out;
}

/** The uses an entry declares: a dataset's allowed uses, a model's intended use. */
export function declaredUses(entry: Entry): { uses: readonly string[]; field: string[] } {
  if (entry.kind === 'dataset') return { uses: entry.data.rights?.allowed_uses ?? [], field: ['rights', 'allowed_uses'] };
  if (entry.kind === 'model') return { uses: entry.data.intended_use ?? [], field: ['intended_use'] };
  return { uses: [], field: [] };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
