/** Lineage cycles, shared by the two rules that report them. */
import type { RuleCatalog } from './rule.ts';
import type { Entry, PathKey } from '../types.ts';
import { referencesOf } from '../references.ts';
import { RELATIONS } from '../relations.ts';

export interface Cycle {
  /** Ids from the first entry back to itself. */
  path: string[];
  throughModel: boolean;
}

const memo = new WeakMap<RuleCatalog, Cycle[]>();

export function lineageCycles(catalog: RuleCatalog): Cycle[] {
  let cycles = memo.get(catalog);
  if (!cycles) {
    cycles = catalog.graph.cycles().map((path) => ({
      path,
      throughModel: path.some((id) => catalog.byId.get(id)?.kind === 'model'),
    }));
    memo.set(catalog, cycles);
  }
  return cycles;
}

export const showCycle = (path: readonly string[]) => path.map((id) => `\`${id}\``).join(' → ');

/** Where the first entry of a cycle names the second: the place to report it. */
export function cycleStart(catalog: RuleCatalog, path: readonly string[]): { entry: Entry; path?: PathKey[] } {
  const entry = catalog.byId.get(path[0]!)!;
  const ref = referencesOf(entry).find((r) => r.to === path[1] && RELATIONS[r.type].lineage);
  return ref ? { entry, path: ref.path } : { entry };
}
