import { cycleStart, lineageCycles, showCycle } from './cycles.ts';
import type { Rule } from './rule.ts';

export const feedbackLoop: Rule = {
  id: 'feedback-loop',
  severity: 'warning',
  doc: 'A lineage cycle that passes through a model: its predictions become data that it, or a model it feeds, is trained on (logged recommendations retrained on, say). Such loops are sometimes intended, and always worth knowing: they amplify their own biases and hide drift. The warning names the path; document how the loop is controlled (exploration traffic, holdouts) in the model card.',
  check({ catalog, report }) {
    for (const cycle of lineageCycles(catalog)) {
      if (!cycle.throughModel) continue;
      report({
        ...cycleStart(catalog, cycle.path),
        message: `Feedback loop: ${showCycle(cycle.path)}`,
        hint: 'Model outputs feed its own training data. If intended, say in the model card how the loop is controlled.',
      });
    }
  },
};
