import { describe, expect, it } from 'vitest';
import { certifiedRanges, resolveFeature } from '../../src/lib/features.ts';
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
});
