/** The page model of a feature: its columns linked to their datasets' schemas, and the models that use it. */
import { describe, expect, it } from 'vitest';
import { entryPage } from '../../src/lib/pages/entry.ts';
import type { FeatureBody } from '../../src/lib/pages/feature.ts';
import { catalogOf, problems } from '../helpers/catalog.ts';
import { demoCatalog, roundTrip } from './demo.ts';

describe('feature page model', () => {
  it('links the training and serving columns to their rows and lists the models that use the feature', () => {
    const page = entryPage(demoCatalog(), 'device-type');
    const body = page.body as FeatureBody;
    expect(page.toc.map((t) => t.id)).toEqual(['definition', 'columns', 'lineage']);
    expect(body.training).toMatchObject({ ref: 'recommendation-impressions.device_type', url: '/datasets/recommendation-impressions/#schema' });
    expect(body.serving).toMatchObject({ ref: 'home-feature-log.device_type', url: '/datasets/home-feature-log/#schema' });
    expect(body.usedBy.join(' ')).toContain('/models/home-recommender/');
    expect(roundTrip(page)).toEqual(page);
  });

  it('shows a column that no dataset catalogues as text, and a serving source as a link', () => {
    const catalog = catalogOf({
      'teams/t.yaml': 'title: T\nmembers: [{ name: A }, { name: B }]\n',
      'sources/online-store.yaml': 'title: Online store\ntype: api\nowners: [t]\n',
      'features/clicks.md': '---\ntitle: Clicks\ndescription: Clicks in the last hour.\nowners: [t]\ntraining: gone.clicks\nserving: { source: online-store }\n---\n',
    });
    const body = entryPage(catalog, 'clicks').body as FeatureBody;
    expect(body.training).toEqual({ ref: 'gone.clicks', dataset: undefined });
    expect(body.serving).toBeUndefined();
    expect(body.servingSource).toContain('/sources/online-store/');
    expect(body.usedBy).toEqual([]);
    expect(problems(catalog).some((p) => p.includes('gone'))).toBe(true);
  });
});
