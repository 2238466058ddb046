import { cycleStart, lineageCycles, showCycle } from './cycles.ts';
import type { Rule } from './rule.ts';

export const lineageAcyclic: Rule = {
  id: 'lineage-acyclic',
  severity: 'error',
  doc: 'Lineage between datasets has no cycles: a dataset cannot be derived, even indirectly, from itself, nor a model consume its own output through other models. A cycle makes "what does this depend on" endless and usually means a reference points the wrong way. The message prints the cycle as a path; break it at the reference that is wrong. Cycles through a model\'s training data and predictions are feedback loops, reported by `feedback-loop` instead.',
  check({ catalog, report }) {
    for (const cycle of lineageCycles(catalog)) {
      report({
        ...cycleStart(catalog, cycle),
        message: `Lineage cycle: ${showCycle(cycle)}`,
        hint: 'An entry cannot depend on itself; remove or reverse one of these references.',
      });
    }
  },
};
