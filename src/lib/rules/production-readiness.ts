import type { Rule } from './rule.ts';

export const productionReadiness: Rule = {
  id: 'production-readiness',
  severity: 'error',
  doc: 'A model in production declares a `fallback` (the model or rule that answers when it is down or failing), at least one metric, and an `objective` for every metric: the service level it must meet. Without them nobody can tell whether it is healthy or what happens when it is not. Add the fallback and objectives to the model card. A model that is itself the last resort (a fixed rule that answers when the learned models are down) says why in `last_resort:` instead of naming a `fallback`; a model that sets both, at any stage, is reported, since one contradicts the other.',
  check({ catalog, report }) {
    for (const entry of catalog.entries) {
      if (entry.kind !== 'model') continue;
      if (entry.data.fallback && entry.data.last_resort !== undefined) {
        report({
          entry,
          path: ['last_resort'],
          key: true,
          message: 'Model sets both `fallback` and `last_resort`',
          hint: 'A last resort has nothing to fall back to: remove `last_resort`, or remove `fallback` if this model is what answers when the others are down.',
          related: [{ entry, path: ['fallback'], message: 'The fallback it names' }],
        });
      }
      if (entry.data.stage !== 'production') continue;
      if (!entry.data.fallback && entry.data.last_resort === undefined) {
        report({ entry, path: ['stage'], message: 'Production model without a `fallback`', hint: 'Name the model or rule that answers when this one is down (`fallback: <model-id>`), or, if this model is that last resort, say why with `last_resort: <why>`.' });
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
