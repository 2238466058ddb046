import type { Rule } from './rule.ts';

export const objectiveMet: Rule = {
  id: 'objective-met',
  severity: 'error',
  doc: "Every metric with an `objective` meets it: at least `min`, at most `max`. A model card that reports a missed service level is a model that should not be serving, or a card that is out of date. Retrain, roll back, or correct the recorded value.",
  check({ catalog, report }) {
    for (const entry of catalog.entries) {
      if (entry.kind !== 'model' || entry.data.stage === 'retired' || entry.data.status === 'retired') continue;
      entry.data.metrics?.forEach((metric, i) => {
        const { objective, value, name } = metric;
        if (!objective) return;
        const where = `${metric.slice ? ` on slice \`${metric.slice}\`` : ''}${metric.split ? ` of split \`${metric.split}\`` : ''}`;
        if (objective.min !== undefined && value < objective.min) {
          report({ entry, path: ['metrics', i, 'value'], message: `Metric \`${name}\`${where} is ${value}, below its objective of at least ${objective.min}` });
        }
        if (objective.max !== undefined && value > objective.max) {
          report({ entry, path: ['metrics', i, 'value'], message: `Metric \`${name}\`${where} is ${value}, above its objective of at most ${objective.max}` });
        }
      });
    }
  },
};
