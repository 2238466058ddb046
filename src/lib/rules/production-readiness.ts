import type { Rule } from './rule.ts';

export const productionReadiness: Rule = {
  id: 'production-readiness',
  severity: 'error',
  doc: 'A model in production declares a `fallback` (the model or rule that answers when it is down or failing), at least one metric, and an `objective` for every metric: the service level it must meet. Without them nobody can tell whether it is healthy or what happens when it is not. Add the fallback and objectives to the model card.',
  check({ catalog, report }) {
    for (const entry of catalog.entries) {
      if (entry.kind !== 'model' || entry.data.stage !== 'production') continue;
      if (!entry.data.fallback) {
        report({ entry, path: ['stage'], message: 'Production model without a `fallback`', hint: 'Name the model or rule that answers when this one is down: `fallback: <model-id>`.' });
      }
      const metrics = entry.data.metrics ?? [];
      if (metrics.length === 0) {
        report({ entry, path: ['stage'], message: 'Production model without `metrics`', hint: 'Report at least one metric with the objective it must meet.' });
      }
      metrics.forEach((metric, i) => {
        if (metric.objective) return;
        report({
          entry,
          path: ['metrics', i],
          message: `Metric \`${metric.name}\` of a production model has no objective`,
          hint: 'Add the service level it must meet, such as `objective: { min: 0.75 }`.',
        });
      });
    }
  },
};
