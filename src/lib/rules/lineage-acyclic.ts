import { cycleStart, lineageCycles, showCycle } from './cycles.ts';
import type { Rule } from './rule.ts';

export const lineageAcyclic: Rule = {
  id: 'lineage-acyclic',
  severity: 'error',
  doc: 'Lineage between datasets has no cycles: a dataset cannot be derived, even indirectly, from itself. A cycle makes "what does this depend on" endless and usually means a reference points the wrong way. The message prints the cycle as a path; break it at the reference that is wrong. Cycles through a model are feedback loops, reported by `feedback-loop` instead.',
  check({ catalog, report }) {
    for (const cycle of lineageCycles(catalog)) {
      if (cycle.throughModel) continue;
      report({
        ...cycleStart(catalog, cycle.path),
        message: `Lineage cycle: ${showCycle(cycle.path)}`,
        hint: 'A dataset cannot depend on itself; remove or reverse one of these references.',
      });
    }
  },
};
