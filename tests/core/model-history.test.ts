import { describe, expect, it } from 'vitest';
import { impactReport } from '../../src/lib/graph/impact.ts';
import { referencesOf } from '../../src/lib/graph/references.ts';
import { build, file } from '../rules/helpers.ts';

const dataset = (id: string) => `---\ntitle: ${id}\ndescription: Rows of ${id}.\nowners: [data-team]\n---\n`;

const current = file`
  ---
  title: Churn
  description: Predicts churn.
  owners: [data-team]
  version: "3"
  training: [{ dataset: events-2026 }]
  metrics: [{ name: recall, value: 0.82, objective: { min: 0.8 } }]
  ---
`;

const withHistory = current.replace(
  'metrics:',
  'versions:\n  - { version: "1", date: 2025-01-10, training: [{ dataset: events-2024 }], metrics: [{ name: recall, value: 0.7, objective: { min: 0.8 } }] }\n  - { version: "2", training: [{ dataset: events-2025 }], notes: Added the 2025 events. }\nmetrics:',
);

const catalogWith = (model: string) =>
  build({
    'datasets/events-2024.md': dataset('events-2024'),
    'datasets/events-2025.md': dataset('events-2025'),
    'datasets/events-2026.md': dataset('events-2026'),
    'models/churn.md': model,
  });

describe('model history', () => {
  it('adds no reference, edge or impact: only the current version depends on its data', () => {
    const plain = catalogWith(current);
    const history = catalogWith(withHistory);
    const model = history.byId.get('churn')!;
    expect(model.kind === 'model' && model.data.versions?.map((v) => v.version)).toEqual(['1', '2']);
    expect(referencesOf(model)).toEqual(referencesOf(plain.byId.get('churn')!));
    expect(history.graph.closure('churn', 'up').map((m) => m.id)).toEqual(plain.graph.closure('churn', 'up').map((m) => m.id));
    expect(history.graph.closure('events-2024', 'down')).toEqual([]);

    const downstream = (catalog: typeof history, id: string) =>
      impactReport({ after: catalog, changes: [], contentPath: 'content', ids: [id] }).downstream.map((d) => d.id);
    expect(downstream(history, 'events-2024')).toEqual([]);
    expect(downstream(history, 'events-2026')).toEqual(['churn']);
  });

  it('checks objectives and metric integrity on the current version only', () => {
    const rules = new Set(['objective-met', 'metric-integrity', 'references']);
    const found = (catalog: ReturnType<typeof catalogWith>) =>
      catalog.diagnostics.filter((d) => rules.has(d.rule)).map((d) => `${d.rule} ${d.message}`);
    // Version 1 missed its objective and, like version 2, cites no dataset: history is a record, not a claim.
    expect(found(catalogWith(withHistory))).toEqual(found(catalogWith(current)));
    expect(found(catalogWith(withHistory))).toEqual(['metric-integrity Metric `recall` cites no dataset']);
    const missed = catalogWith(withHistory.replace('value: 0.82', 'value: 0.79'));
    expect(missed.diagnostics.filter((d) => d.rule === 'objective-met').map((d) => `${d.line} ${d.message}`)).toEqual([
      '10 Metric `recall` is 0.79, below its objective of at least 0.8',
    ]);
  });
});
