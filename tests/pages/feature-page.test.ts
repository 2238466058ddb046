/** The page model of a feature: its columns linked to their datasets' schemas, and the models that use it. */
import { describe, expect, it } from 'vitest';
import { entryPage } from '../../src/lib/pages/entry.ts';
import type { FeatureBody } from '../../src/lib/pages/feature.ts';
import { SHOWN_MODELS } from '../../src/lib/pages/feature-uses.ts';
import { catalogOf, problems } from '../helpers/catalog.ts';
import { demoCatalog, roundTrip } from './demo.ts';

describe('feature page model', () => {
  it('links the training and serving columns to their rows and lists the models that use the feature', () => {
    const page = entryPage(demoCatalog(), 'device-type');
    const body = page.body as FeatureBody;
    expect(page.toc.map((t) => t.id)).toEqual(['definition', 'columns', 'lineage']);
    expect(body.training).toMatchObject({ ref: 'recommendation-impressions.device_type', url: '/datasets/recommendation-impressions/#column-device-type' });
    expect(body.serving).toMatchObject({ ref: 'home-feature-log.device_type', url: '/datasets/home-feature-log/#column-device-type' });
    expect(body.usedBy.shown.join(' ')).toContain('/models/home-recommender/');
    expect(body.usedBy.count).toBe(1);
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
    expect(body.usedBy).toEqual({ shown: [], count: 0 });
    expect(problems(catalog).some((p) => p.includes('gone'))).toBe(true);
  });

  it('says property by property what the skew check compared, and what differs', () => {
    const { skew } = entryPage(demoCatalog(), 'device-type').body as FeatureBody;
    expect(skew.unchecked).toBeUndefined();
    expect(skew.checks!.map((c) => [c.property, c.result])).toEqual([['type', 'agree'], ['unit', 'skipped'], ['range', 'skipped'], ['values', 'differ']]);
    expect(skew.checks![3]).toMatchObject({ trained: 'tv, mobile, web, tablet', served: 'tv, mobile, web, tablet, console', note: 'served, never trained on: console' });
  });

  it('says which properties it did not compare because a column leaves them out', () => {
    const { skew } = entryPage(demoCatalog(), 'device-type').body as FeatureBody;
    expect(skew.checks!.filter((c) => c.result === 'skipped').map((c) => c.note)).toEqual(['neither column declares a unit', 'neither column declares a range']);
    const catalog = catalogOf({
      'teams/t.yaml': 'title: T\nmembers: [{ name: A }, { name: B }]\n',
      'datasets/a.md': '---\ntitle: A\ndescription: A.\nowners: [t]\nschema: [{ name: s, type: integer, unit: s, range: [0, 60] }]\n---\n',
      'datasets/b.md': '---\ntitle: B\ndescription: B.\nowners: [t]\nschema: [{ name: s, type: integer }]\n---\n',
      'features/f.md': '---\ntitle: F\ndescription: F.\nowners: [t]\ntraining: a.s\nserving: { column: b.s }\n---\n',
    });
    const checks = (entryPage(catalog, 'f').body as FeatureBody).skew.checks!;
    expect(checks.find((c) => c.property === 'unit')).toMatchObject({ result: 'skipped', trained: 's', served: '—', note: 'the serving column declares no unit' });
    expect(checks.find((c) => c.property === 'range')).toMatchObject({ result: 'skipped', note: 'the serving column declares no range' });
  });

  it('says why nothing was compared when a feature is served by a source', () => {
    const catalog = catalogOf({
      'teams/t.yaml': 'title: T\nmembers: [{ name: A }, { name: B }]\n',
      'sources/online-store.yaml': 'title: Online store\ntype: api\nowners: [t]\n',
      'datasets/a.md': '---\ntitle: A\ndescription: A.\nowners: [t]\nschema: [{ name: s, type: integer }]\n---\n',
      'features/f.md': '---\ntitle: F\ndescription: F.\nowners: [t]\ntraining: a.s\nserving: { source: online-store }\n---\n',
    });
    expect((entryPage(catalog, 'f').body as FeatureBody).skew).toEqual({ unchecked: 'It is served by a source, not a catalogued column, so training and serving are not compared.' });
  });

  it('lists the first few of the models that use a feature, and how many in all', () => {
    const files: Record<string, string> = {
      'teams/t.yaml': 'title: T\nmembers: [{ name: A }, { name: B }]\n',
      'features/f.md': '---\ntitle: F\ndescription: F.\nowners: [t]\n---\n',
    };
    for (let i = 0; i < SHOWN_MODELS + 4; i++) files[`models/m${i}.md`] = '---\ntitle: M\ndescription: M.\nowners: [t]\nfeatures: [f]\n---\n';
    const { usedBy } = entryPage(catalogOf(files), 'f').body as FeatureBody;
    expect(usedBy).toMatchObject({ count: SHOWN_MODELS + 4, more: 'and 4 more' });
    expect(usedBy.shown).toHaveLength(SHOWN_MODELS);
  });
});
