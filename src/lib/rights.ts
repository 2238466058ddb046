/**
 * What an entry may and may not be used for once everything upstream is counted:
 * licenses, prohibited uses, personal data and expiring agreements flow down lineage.
 * The rights rule checks declared uses against this; entry pages show it.
 */
import { Graph, type ClosureMember } from './graph.ts';
import { classifyLicense, restrictionsOf, restrictionsOfTerms, type Restriction } from './licenses.ts';
import type { RelationType } from './relations.ts';
import type { Catalog, Entry } from './types.ts';

/** Relations along which rights flow: data built from data, models from their training data and inputs. */
const RIGHTS_FLOW = new Set<RelationType>(['derived_from', 'predictions_of', 'column_from', 'trained_on', 'input']);

export type Inherited =
  | { type: 'restriction'; restriction: Restriction; license: string }
  | { type: 'prohibited-use'; use: string }
  | { type: 'personal-data' }
  | { type: 'expires'; date: string; license: string };

export interface InheritedRight {
  right: Inherited;
  /** The entry the right is declared on. */
  origin: Entry;
  /** Ids from the entry to the origin; just the entry when it is its own origin. */
  path: string[];
}

type Catalogish = Pick<Catalog, 'byId' | 'graph'>;

// Every entry's own rights are read once per catalog: the closure of each entry visits its
// upstream again, and parsing the same SPDX expression for each visit dominated `check`.
const ownCache = new WeakMap<Catalogish['byId'], Map<Entry, Inherited[]>>();

/** The rights an entry declares itself. */
export function ownRights(catalog: Catalogish, entry: Entry): Inherited[] {
  let cache = ownCache.get(catalog.byId);
  if (!cache) ownCache.set(catalog.byId, (cache = new Map()));
  let rights = cache.get(entry);
  if (!rights) cache.set(entry, (rights = readOwnRights(catalog, entry)));
  return rights;
}

function readOwnRights(catalog: Catalogish, entry: Entry): Inherited[] {
  const out: Inherited[] = [];
  const licenseValue = entry.kind === 'dataset' ? entry.data.rights?.license : entry.kind === 'model' ? entry.data.license : undefined;
  if (licenseValue !== undefined) {
    const ref = classifyLicense(licenseValue);
    let restrictions = restrictionsOf(ref);
    if (ref.type === 'entry') {
      const agreement = catalog.byId.get(ref.id);
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
  return out;
}

/** Every right that binds `entry`, its own first, then each upstream entry's by distance. */
export function inheritedRights(catalog: Catalogish, entry: Entry): InheritedRight[] {
  const out: InheritedRight[] = ownRights(catalog, entry).map((right) => ({ right, origin: entry, path: [entry.id] }));
  const closure = catalog.graph.closure(entry.id, 'up', { follow: (t) => RIGHTS_FLOW.has(t) });
  const members = new Map<string, ClosureMember>(closure.map((m) => [m.id, m]));
  for (const member of closure) {
    const origin = catalog.byId.get(member.id);
    if (!origin) continue;
    const rights = ownRights(catalog, origin);
    if (rights.length === 0) continue;
    const path = Graph.path(entry.id, member.id, members, 'up');
    for (const right of rights) out.push({ right, origin, path });
  }
  return out;
}

/** The uses an entry declares: a dataset's allowed uses, a model's intended use. */
export function declaredUses(entry: Entry): { uses: readonly string[]; field: string[] } {
  if (entry.kind === 'dataset') return { uses: entry.data.rights?.allowed_uses ?? [], field: ['rights', 'allowed_uses'] };
  if (entry.kind === 'model') return { uses: entry.data.intended_use ?? [], field: ['intended_use'] };
  return { uses: [], field: [] };
}
