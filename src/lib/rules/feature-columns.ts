import { resolveFeature } from '../features.ts';
import { closest } from '../suggest.ts';
import type { Rule } from './rule.ts';

export const featureColumns: Rule = {
  id: 'feature-columns',
  severity: 'warning',
  doc: "Every feature a model lists names something catalogued: the id of a `features/` entry, else a column of one of the model's training datasets, written `dataset-id.column` when several training datasets have a column of that name. A feature nobody can find is a typo or an undocumented input, and nobody can ask which models use a column. Fix the name (the hint suggests the closest), qualify an ambiguous one, or add the column to the dataset's `schema`. Models whose training datasets are not all catalogued with a schema are not checked.",
  check({ catalog, report }) {
    for (const entry of catalog.entries) {
      if (entry.kind !== 'model') continue;
      entry.data.features?.forEach((name, i) => {
        const found = resolveFeature(catalog, entry, name);
        const path = ['features', i];
        if (found.type === 'ambiguous') {
          report({
            entry,
            path,
            message: `Feature \`${name}\` is a column of several training datasets: ${found.places.map((p) => `\`${p.dataset.id}\``).join(', ')}`,
            hint: `Name the one it is: ${found.places.map((p) => `\`${p.dataset.id}.${name}\``).join(' or ')}.`,
            related: found.places.map((p) => ({ entry: p.dataset, path: ['schema', p.index], message: `\`${name}\` in \`${p.dataset.id}\`` })),
          });
        } else if (found.type === 'not-training') {
          const training = (entry.data.training ?? []).map((t) => `\`${t.dataset}\``).join(', ');
          report({
            entry,
            path,
            message: `Feature \`${name}\` names \`${found.dataset}\`, which the model is not trained on`,
            hint: `Name a column of a training dataset (${training}), or add \`${found.dataset}\` to \`training\`.`,
          });
        } else if (found.type === 'unknown') {
          const match = closest(name, found.candidates);
          report({
            entry,
            path,
            message: `Unknown feature \`${name}\`: no feature entry, and no training dataset has such a column`,
            hint: match
              ? `Did you mean \`${match}\`?`
              : 'Name a `features/` entry or a column of a training dataset, or add the column to its `schema`.',
          });
        }
      });
    }
  },
};
