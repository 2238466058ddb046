import { parseRef } from '../ids.ts';
import { didYouMean } from '../suggest.ts';
import type { Entry } from '../types.ts';
import type { Rule } from './rule.ts';

/** Whether a split is used for training: declared so, named `train`, or what this model trains on. */
function isTrainingSplit(dataset: Entry<'dataset'>, split: string, model: Entry<'model'>): boolean {
  const part = dataset.data.splits?.parts.find((p) => p.name === split);
  if (part?.training !== undefined) return part.training;
  if (/^train(ing)?$/i.test(split)) return true;
  return (model.data.training ?? []).some((t) => parseRef(t.dataset).id === dataset.id && t.split === split);
}

export const metricIntegrity: Rule = {
  id: 'metric-integrity',
  severity: 'error',
  doc: "Every metric names a catalogued dataset and one of its declared splits that is not a training split, and a slice written `column=value` over a column that dataset declares (with a value it allows); every column listed in a model's `factors` has at least one sliced result. A metric that cannot be traced to held-out data, or a factor nobody measured, is a claim without evidence. Cite the dataset and split the number came from, and report per-factor results.",
  check({ catalog, report }) {
    for (const entry of catalog.entries) {
      if (entry.kind !== 'model') continue;
      const metrics = entry.data.metrics ?? [];
      const fallbackDataset = entry.data.evaluation?.length === 1 ? parseRef(entry.data.evaluation[0]!.dataset).id : undefined;
      metrics.forEach((metric, i) => {
        const datasetId = metric.dataset ? parseRef(metric.dataset).id : fallbackDataset;
        if (!datasetId) {
          report({ entry, path: ['metrics', i], message: `Metric \`${metric.name}\` cites no dataset`, hint: 'Add `dataset:` and `split:` naming the held-out data it was measured on.' });
          return;
        }
        const dataset = catalog.byId.get(datasetId);
        if (dataset?.kind !== 'dataset') return; // reported by `references`
        const splitNames = dataset.data.splits?.parts.map((p) => p.name) ?? [];
        if (metric.split === undefined) {
          if (splitNames.length > 0) report({ entry, path: ['metrics', i], message: `Metric \`${metric.name}\` names no split of \`${datasetId}\``, hint: `Its splits: ${splitNames.map((s) => `\`${s}\``).join(', ')}.` });
        } else if (!splitNames.includes(metric.split)) {
          report({
            entry,
            path: ['metrics', i, 'split'],
            message: `Unknown split \`${metric.split}\` of \`${datasetId}\``,
            hint: didYouMean(metric.split, splitNames) ?? (splitNames.length ? `Its splits: ${splitNames.map((s) => `\`${s}\``).join(', ')}.` : `\`${datasetId}\` declares no splits.`),
          });
        } else if (isTrainingSplit(dataset, metric.split, entry)) {
          report({ entry, path: ['metrics', i, 'split'], message: `Metric \`${metric.name}\` is measured on the training split \`${metric.split}\` of \`${datasetId}\``, hint: 'Report results on a held-out split, such as `test`.' });
        }
        if (metric.slice) {
          const eq = metric.slice.indexOf('=');
          const column = metric.slice.slice(0, eq);
          const value = metric.slice.slice(eq + 1);
          const columns = dataset.data.schema ?? [];
          const declared = columns.find((c) => c.name === column);
          if (columns.length > 0 && !declared) {
            report({ entry, path: ['metrics', i, 'slice'], message: `Slice \`${metric.slice}\` is over \`${column}\`, which \`${datasetId}\` does not declare`, hint: didYouMean(column, columns.map((c) => c.name)) });
          } else if (declared?.values && !declared.values.map(String).includes(value)) {
            report({ entry, path: ['metrics', i, 'slice'], message: `Slice \`${metric.slice}\`: \`${value}\` is not a value of \`${datasetId}.${column}\``, hint: `Its values: ${declared.values.map((v) => `\`${String(v)}\``).join(', ')}.` });
          }
        }
      });
      (entry.data.factors ?? []).forEach((factor, i) => {
        if (metrics.some((m) => m.slice?.startsWith(`${factor}=`))) return;
        report({ entry, path: ['factors', i], message: `Factor \`${factor}\` has no sliced results`, hint: `Add a metric with \`slice: "${factor}=<value>"\` for the groups that matter.` });
      });
    }
  },
};
