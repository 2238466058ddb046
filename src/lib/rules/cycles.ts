/**
 * Lineage cycles, shared by the two rules that report them. Cycles among datasets (and
 * models consuming models) are errors; cycles through a model's predictions are feedback
 * loops. They are looked for separately, so one cannot hide the other when they touch.
 */
import type { RuleCatalog } from './rule.ts';
import type { Entry, PathKey } from '../types.ts';
import { referencesOf } from '../graph/references.ts';
import { RELATIONS, type RelationType } from '../graph/relations.ts';

/** Lineage that never passes through a model's predictions or training: data built from data. */
const DATA_LINEAGE = new Set<RelationType>(['derived_from', 'column_from', 'input']);
const isDataLineage = (type: RelationType) => DATA_LINEAGE.has(type);

const memo = new WeakMap<RuleCatalog, { cycles: string[][]; loops: string[][] }>();

function find(catalog: RuleCatalog): { cycles: string[][]; loops: string[][] } {
  let found = memo.get(catalog);
  if (found) return found;
  const { graph, byId } = catalog;
  const isModel = (id: string) => byId.get(id)?.kind === 'model';
  const loops: string[][] = [];
  const seen = new Set<string>();
  const tangles = graph.tangles();
  for (const component of tangles) {
    const members = new Set(component);
    // One loop per model in the tangle, from the model itself: its card is where the loop is explained.
    for (const id of [...component].sort()) {
      if (!isModel(id)) continue;
      const path = graph.cycleThrough(id, members);
      if (path.every(isModel)) continue; // models consuming each other: a plain cycle
      const key = canonical(path);
      if (seen.has(key)) continue;
      seen.add(key);
      loops.push(path);
    }
  }
  // Data lineage is a part of lineage: without a lineage tangle there is no cycle to look for.
  found = { cycles: tangles.length ? graph.cycles(isDataLineage) : [], loops };
  memo.set(catalog, found);
  return found;
}

/** The same cycle read from any starting point gives the same key. */
function canonical(path: readonly string[]): string {
  const ring = path.slice(0, -1);
  const first = ring.indexOf([...ring].sort()[0]!);
  return [...ring.slice(first), ...ring.slice(0, first)].join('\0');
}

/** Cycles of data built from data: each a path of ids from an entry back to itself. */
export const lineageCycles = (catalog: RuleCatalog): string[][] => find(catalog).cycles;

/** Cycles through a model, each starting and ending at a model. */
export const feedbackLoops = (catalog: RuleCatalog): string[][] => find(catalog).loops;

export const showCycle = (path: readonly string[]) => path.map((id) => `\`${id}\``).join(' → ');

/** Where the first entry of a cycle names the second: the place to report it. */
export function cycleStart(catalog: RuleCatalog, path: readonly string[]): { entry: Entry; path?: PathKey[] } {
  const entry = catalog.byId.get(path[0]!)!;
  const ref = referencesOf(entry).find((r) => r.to === path[1] && RELATIONS[r.type].lineage);
  return ref ? { entry, path: ref.path } : { entry };
}
