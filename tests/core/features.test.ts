import { describe, expect, it } from 'vitest';
import { certifiedRanges, featureUses, modelsByColumn, resolveFeature } from '../../src/lib/features.ts';
import { impactReport } from '../../src/lib/graph/impact.ts';
import type { Entry } from '../../src/lib/types.ts';
import { build } from '../rules/helpers.ts';

const catalog = build({
  'datasets/events.md': '---\ntitle: Events\ndescription: E.\nowners: [data-team]\nschema:\n  - { name: watched, type: integer, unit: s, range: [0, 86400] }\n  - { name: region, type: categorical, values: [EU, NA] }\n  - { name: plan, type: string }\n---\n',
  'features/watch-time.md': '---\ntitle: Watch time\ndescription: W.\nowners: [data-team]\ntraining: events.watched\n---\n',
  'models/churn.md': '---\ntitle: Churn\ndescription: C.\nowners: [data-team]\ntraining: [{ dataset: events }]\nfeatures: [watch-time, region, plan, events.watched]\ncertified_domain: { watch-time: [0, 90000], events.watched: [10, 20], region: [EU], plan: [1, 2] }\n---\n',
});
const model = catalog.byId.get('churn') as Entry<'model'>;

describe('model features', () => {
  it('resolve to a feature entry first, then to a column of the training data', () => {
    expect(resolveFeature(catalog, model, 'watch-time')).toMatchObject({ type: 'feature', feature: { id: 'watch-time' } });
    expect(resolveFeature(catalog, model, 'events.watched')).toMatchObject({ type: 'column', place: { dataset: { id: 'events' }, index: 0 } });
    expect(resolveFeature(catalog, model, 'region')).toMatchObject({ type: 'column', place: { index: 1 } });
  });

  it('give the certified ranges to draw, each against the range of the column it was trained on', () => {
    expect(certifiedRanges(catalog, model)).toEqual([
      { feature: 'watch-time', certified: [0, 90000], training: [0, 86400], column: 'events.watched', unit: 's' },
      { feature: 'events.watched', certified: [10, 20], training: [0, 86400], column: 'events.watched', unit: 's' },
    ]);
  });

  it('join the graph: a model depends on the features it names, and a feature on the datasets it is trained and served from', () => {
    const served = build({
      'datasets/events.md': '---\ntitle: Events\ndescription: E.\nowners: [data-team]\nschema: [{ name: watched, type: integer }]\n---\n',
      'datasets/online.md': '---\ntitle: Online\ndescription: O.\nowners: [data-team]\nschema: [{ name: watched, type: integer }]\n---\n',
      'features/watch-time.md': '---\ntitle: Watch time\ndescription: W.\nowners: [data-team]\ntraining: events.watched\nserving: { column: online.watched }\n---\n',
      'models/churn.md': '---\ntitle: Churn\ndescription: C.\nowners: [data-team]\nfeatures: [watch-time, watched]\n---\n',
    });
    expect(served.graph.outgoing('churn').map((e) => `${e.type} ${e.to}`)).toEqual(['owned_by data-team', 'uses_feature watch-time']);
    expect(served.graph.closure('churn', 'up').map((m) => `${m.id}@${m.depth}`)).toEqual(['watch-time@1', 'events@2', 'online@2']);
    const downstream = impactReport({ after: served, changes: [], contentPath: 'content', ids: ['online'] }).downstream.map((d) => `${d.id}@${d.depth}`);
    expect(downstream).toEqual(['churn@2', 'watch-time@1']);
  });

  it('break in impact when the feature entry a model names is deleted, and not when a dataset shares a column name', () => {
    const files = {
      'datasets/events.md': '---\ntitle: Events\ndescription: E.\nowners: [data-team]\nschema: [{ name: watched, type: integer }, { name: region, type: string }]\n---\n',
      'datasets/region.md': '---\ntitle: Region\ndescription: R.\nowners: [data-team]\n---\n',
      'features/watch-time.md': '---\ntitle: Watch time\ndescription: W.\nowners: [data-team]\ntraining: events.watched\n---\n',
      'models/churn.md': '---\ntitle: Churn\ndescription: C.\nowners: [data-team]\ntraining: [{ dataset: events }]\nfeatures: [watch-time, region]\n---\n',
    };
    const before = build(files);
    const { 'features/watch-time.md': _feature, 'datasets/region.md': _dataset, ...rest } = files;
    const after = build(rest);
    const changes = [
      { status: 'deleted' as const, path: 'content/features/watch-time.md' },
      { status: 'deleted' as const, path: 'content/datasets/region.md' },
    ];
    const report = impactReport({ before, after, changes, contentPath: 'content' });
    expect(report.broken.map((b) => `${b.id} ${b.relation} ${b.to} ${b.line}:${b.column}`)).toEqual(['churn uses feature watch-time 6:12']);
  });

  it('list every feature entry and every column used as one, with the models that use it and the columns behind it', () => {
    const shared = build({
      'datasets/events.md': '---\ntitle: Events\ndescription: E.\nowners: [data-team]\nschema: [{ name: watched, type: integer }, { name: region, type: string }]\n---\n',
      'datasets/online.md': '---\ntitle: Online\ndescription: O.\nowners: [data-team]\nschema: [{ name: watched, type: integer }]\n---\n',
      'features/watch-time.md': '---\ntitle: Watch time\ndescription: W.\nowners: [data-team]\ntraining: events.watched\nserving: { column: online.watched }\n---\n',
      'features/unused.md': '---\ntitle: Unused\ndescription: U.\nowners: [data-team]\nserving: { source: nowhere }\n---\n',
      'models/churn.md': '---\ntitle: Churn\ndescription: C.\nowners: [data-team]\ntraining: [{ dataset: events }]\nfeatures: [watch-time, region, typo]\n---\n',
      'models/ranker.md': '---\ntitle: Ranker\ndescription: R.\nowners: [data-team]\ntraining: [{ dataset: events }]\nfeatures: [events.region, watch-time]\n---\n',
    });
    const uses = featureUses(shared);
    expect(uses.map((u) => `${u.key}: ${u.models.map((m) => `${m.model.id}[${m.index}]`).join(' ')} | ${u.training ? `${u.training.dataset.id}.${u.training.column.name}` : '-'} → ${u.serving ? `${u.serving.dataset.id}.${u.serving.column.name}` : (u.servingSource ?? '-')}`)).toEqual([
      'events.region: churn[1] ranker[0] | events.region → -',
      'unused:  | - → nowhere',
      'watch-time: churn[0] ranker[1] | events.watched → online.watched',
    ]);
    const byColumn = modelsByColumn(uses);
    expect([...byColumn].map(([k, models]) => `${k}: ${models.map((m) => m.id).join(' ')}`).sort()).toEqual([
      'events.region: churn ranker',
      'events.watched: churn ranker',
      'online.watched: churn ranker',
    ]);
  });
});
