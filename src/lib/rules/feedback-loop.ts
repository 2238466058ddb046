import { cycleStart, feedbackLoops, showCycle } from './cycles.ts';
import type { Rule } from './rule.ts';

export const feedbackLoop: Rule = {
  id: 'feedback-loop',
  severity: 'warning',
  doc: 'A lineage cycle that passes through a model: its predictions become data that it, or a model it feeds, is trained on (logged recommendations retrained on, say). Such loops are sometimes intended, and always worth knowing: they amplify their own biases and hide drift. The warning names the path; document how the loop is controlled (exploration traffic, holdouts) in the model card.',
  check({ catalog, report }) {
    for (const loop of feedbackLoops(catalog)) {
      report({
        ...cycleStart(catalog, loop),
        message: `Feedback loop: ${showCycle(loop)}`,
        hint: "The model's predictions come back as data it learns from or is measured on. If that is intended, say in the model card how the loop is controlled.",
      });
    }
  },
};
