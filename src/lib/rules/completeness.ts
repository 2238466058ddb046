import { DATASHEET_SECTIONS, MODEL_CARD_SECTIONS, coverage } from '../sections.ts';
import type { Rule } from './rule.ts';

const pct = (n: number) => `${Math.round(n * 100)}%`;

export const completeness: Rule = {
  id: 'completeness',
  severity: 'warning',
  // Each entry's body, score and status or stage, and nothing of other entries.
  reads: 'entry',
  doc: 'The body of a dataset covers the sections of "Datasheets for Datasets" (motivation, composition, collection process, preprocessing, uses, distribution, maintenance), and that of a model the sections of "Model Cards for Model Reporting" (model details, intended use, factors, metrics, evaluation data, training data, quantitative analyses, ethical considerations, caveats and recommendations), each as a heading with some prose under it. The share covered is the entry\'s score; the config sets the minimum per dataset status and model stage. Write the missing sections (`new` prints the template).',
  check({ catalog, report }) {
    const minimums = catalog.config.completeness;
    for (const entry of catalog.entries) {
      let sections;
      let minimum;
      let by;
      if (entry.kind === 'dataset') {
        sections = DATASHEET_SECTIONS;
        minimum = minimums.dataset[entry.data.status];
        by = `status \`${entry.data.status}\``;
      } else if (entry.kind === 'model') {
        sections = MODEL_CARD_SECTIONS;
        minimum = minimums.model[entry.data.stage];
        by = `stage \`${entry.data.stage}\``;
      } else {
        continue;
      }
      if (minimum === undefined) continue;
      const score = catalog.completeness.get(entry.id) ?? 0;
      if (score + 1e-9 >= minimum) continue;
      const { missing } = coverage(entry.body, sections);
      report({
        entry,
        line: entry.bodyLine,
        message: `Covers ${pct(score)} of the ${entry.kind === 'dataset' ? 'datasheet' : 'model card'} sections, below the ${pct(minimum)} required at ${by}`,
        hint: `Missing: ${missing.map((s) => s.title).join(', ')}.`,
      });
    }
  },
};
