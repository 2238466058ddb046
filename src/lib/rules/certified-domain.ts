import { resolveFeature, trainingColumnOf } from '../features.ts';
import type { Rule } from './rule.ts';

const list = (values: readonly unknown[]) => values.map((v) => `\`${String(v)}\``).join(', ');

export const certifiedDomain: Rule = {
  id: 'certified-domain',
  severity: 'error',
  doc: "A model's `certified_domain` stays where its training data was: each bound names one of the model's `features`; a `[min, max]` range lies within the `range` its training column declares; a list of values holds only values that column's `values` allow. A model certified where it never saw data is a promise nobody tested. Narrow the certified domain, or train on data that covers it and record that column's range or values. A training column that declares no `range` or `values` is not compared.",
  check({ catalog, report }) {
    for (const entry of catalog.entries) {
      if (entry.kind !== 'model' || !entry.data.certified_domain) continue;
      const features = entry.data.features ?? [];
      for (const [name, bound] of Object.entries(entry.data.certified_domain)) {
        const path = ['certified_domain', name];
        if (!features.includes(name)) {
          report({
            entry,
            path,
            key: true,
            message: `Certified domain names \`${name}\`, which is not a feature of the model`,
            hint: features.length ? `Its features: ${list(features)}.` : 'List the model\'s inputs under `features`.',
          });
          continue;
        }
        const place = trainingColumnOf(catalog, resolveFeature(catalog, entry, name));
        if (!place) continue;
        const { column, dataset, index } = place;
        const at = `\`${dataset.id}.${column.name}\``;
        const isRange = bound.length === 2 && bound.every((v) => typeof v === 'number') && column.range !== undefined;
        if (isRange) {
          const [min, max] = bound as [number, number];
          const [low, high] = column.range!;
          if (min < low || max > high) {
            report({
              entry,
              path,
              message: `Certified range \`[${min}, ${max}]\` of \`${name}\` reaches outside its training data, ${at} \`[${low}, ${high}]\``,
              hint: `Certify within \`[${Math.max(min, low)}, ${Math.min(max, high)}]\`, or train on data that covers the rest.`,
              related: [{ entry: dataset, path: ['schema', index, 'range'], message: `the range of ${at}` }],
            });
          }
        } else if (column.values) {
          const known = new Set(column.values.map(String));
          const unseen = bound.filter((v) => !known.has(String(v)));
          if (unseen.length > 0) {
            report({
              entry,
              path,
              message: `Certified domain of \`${name}\` holds ${unseen.length === 1 ? 'a value' : 'values'} its training data ${at} never takes: ${list(unseen)}`,
              hint: `Certify only values the training data holds: ${list(column.values)}.`,
              related: [{ entry: dataset, path: ['schema', index, 'values'], message: `the values of ${at}` }],
            });
          }
        }
      }
    }
  },
};
