/** What model and dataset pages show of features, certified domains and model history. */
import { describe, expect, it } from 'vitest';
import type { DatasetBody } from '../../src/lib/pages/dataset.ts';
import { entryPage } from '../../src/lib/pages/entry.ts';
import { catalogFeatureUses, columnUsersOf, SHOWN_MODELS } from '../../src/lib/pages/feature-uses.ts';
import { synthesize } from '../../src/lib/synth/generate.ts';
import type { Catalog, Entry } from '../../src/lib/types.ts';
import type { ModelBody } from '../../src/lib/pages/model.ts';
import { catalogOf, OWNERS } from '../helpers/catalog.ts';
import { demoCatalog, roundTrip } from './demo.ts';

const model = (id: string) => entryPage(demoCatalog(), id).body as ModelBody;

describe('a model page and its features', () => {
  it("links each feature to its training column's row, or to the feature entry it names", () => {
    const features = model('churn-predictor').details.features!;
    expect(features.map((f) => f.name)).toEqual(['watched_seconds', 'region', 'device_type', 'plan', 'tenure_days', 'days-since-last-play']);
    expect(features[4]).toEqual({ name: 'tenure_days', url: '/datasets/viewing-events-labelled/#column-tenure-days', target: 'column viewing-events-labelled.tenure_days' });
    expect(features[5]).toEqual({ name: 'days-since-last-play', url: '/features/days-since-last-play/', target: 'feature Days since last play' });
  });

  it('leaves a feature that names no column or feature entry unlinked', () => {
    const catalog = catalogOf({
      ...OWNERS,
      'datasets/d.md': '---\ntitle: D\ndescription: D.\nowners: [data-team]\nschema: [{ name: a, type: integer }]\n---\n',
      'models/m.md': '---\ntitle: M\ndescription: M.\nowners: [data-team]\ntraining: [{ dataset: d }]\nfeatures: [a, typo]\n---\n',
    });
    expect((entryPage(catalog, 'm').body as ModelBody).details.features).toEqual([
      { name: 'a', url: '/datasets/d/#column-a', target: 'column d.a' },
      { name: 'typo' },
    ]);
  });
});

describe('a model page and its certified domain', () => {
  it('draws each certified range against its training column, with the numbers in words', () => {
    const charts = model('churn-predictor').intendedUse.domainCharts!;
    expect(charts.map((c) => c.feature)).toEqual(['tenure_days', 'days-since-last-play']);
    const tenure = charts[0]!;
    expect(tenure).toMatchObject({ certified: '30 to 3650 d', column: 'viewing-events-labelled.tenure_days', columnUrl: '/datasets/viewing-events-labelled/#column-tenure-days', outside: [] });
    expect(tenure.training).toMatch(/^0 to \d+ d$/);
    expect(tenure.svg).toMatch(/^<svg class="domain-chart"[^>]*role="img" aria-labelledby="cd0-title cd0-desc">/);
    expect(tenure.svg).toContain('<title id="cd0-title">Certified range of tenure_days against its training data</title>');
    expect(charts[1]!.svg).toContain('id="cd1-title"');
  });

  it('says which part of a certified range the training data never covered', () => {
    const catalog = catalogOf({
      ...OWNERS,
      'datasets/d.md': '---\ntitle: D\ndescription: D.\nowners: [data-team]\nschema: [{ name: age, type: integer, unit: y, range: [18, 90] }]\n---\n',
      'models/m.md': '---\ntitle: M\ndescription: M.\nowners: [data-team]\ntraining: [{ dataset: d }]\nfeatures: [age]\ncertified_domain: { age: [16, 90] }\n---\n',
    });
    const [chart] = (entryPage(catalog, 'm').body as ModelBody).intendedUse.domainCharts!;
    expect(chart!.outside).toEqual(['16 to 18 is below the training minimum 18']);
    expect(chart!.svg).toContain('class="outside"');
  });

  it('draws nothing for a model whose certified ranges have no training range to compare', () => {
    expect(model('popularity-baseline').intendedUse.domainCharts).toBeUndefined();
  });
});

describe('a model page and its history', () => {
  it('tabulates each current metric across versions, oldest first, against its objective', () => {
    const history = model('churn-predictor').metrics.history!;
    expect(history.versions).toEqual(['1.0.0', '2.0.0', '3.1.0']);
    const recall = history.rows.find((r) => r.label === 'recall (test)')!;
    expect(recall).toEqual({ label: 'recall (test)', values: [{ value: 0.72, missed: false }, { value: 0.78, missed: false }, { value: 0.81, missed: false }], objective: '≥ 0.75' });
    // A slice only the current version measured has no earlier values.
    expect(history.rows.find((r) => r.label === 'recall (region=EU, test)') ?? history.rows.find((r) => r.label.startsWith('precision (region=EU'))).toMatchObject({ values: [null, null, { value: 0.64 }] });
  });

  it('marks a version that missed the objective, in the table and the chart', () => {
    const history = model('churn-predictor').metrics.history!;
    const prAuc = history.rows.find((r) => r.label === 'pr-auc (test)')!;
    expect(prAuc.values[0]).toEqual({ value: 0.49, missed: true });
    const chart = history.charts.find((c) => c.label === 'pr-auc (test)')!;
    expect(chart.svg).toContain('class="point missed"');
    expect(chart.svg).toMatch(/<desc id="mh\d+-desc">1\.0\.0: 0\.49 \(missed its objective\); 2\.0\.0: 0\.55; 3\.1\.0: 0\.58\. Objective: at least 0\.5\.<\/desc>/);
  });

  it('charts only the metrics more than one version measured', () => {
    const history = model('churn-predictor').metrics.history!;
    expect(history.charts.map((c) => c.label)).toEqual(['recall (test)', 'precision (test)', 'pr-auc (test)']);
    expect(new Set(history.charts.map((c) => /id="(mh\d+)-title"/.exec(c.svg)![1])).size).toBe(3);
  });

  it('lists earlier versions newest first, with their training pins and notes, under their own heading', () => {
    const page = entryPage(demoCatalog(), 'churn-predictor');
    const versions = (page.body as ModelBody).versions!;
    expect(versions.map((v) => v.version)).toEqual(['2.0.0', '1.0.0']);
    expect(versions[0]).toMatchObject({ date: '2026-09-07', notes: expect.stringContaining('days since last play') });
    expect(versions[0]!.training).toEqual([{ ref: expect.stringContaining('href="/datasets/viewing-events-labelled/"'), version: '2026-08', split: 'train' }]);
    expect(page.toc.map((t) => t.id)).toContain('versions');
    expect(roundTrip(page)).toEqual(page);
  });

  it('has no history, versions or section for them on a model with one version', () => {
    const page = entryPage(demoCatalog(), 'home-recommender');
    const body = page.body as ModelBody;
    expect(body.metrics.history).toBeUndefined();
    expect(body.versions).toBeUndefined();
    expect(page.toc.map((t) => t.id)).not.toContain('versions');
  });
});

describe('a model that is the last resort', () => {
  it('says why it has no fallback instead of flagging one as missing', () => {
    const { details } = model('popularity-baseline');
    expect(details.lastResort).toMatch(/^Needs no model server/);
    expect(details.fallback).toEqual({ missing: false });
  });

  it('still flags a production model with neither a fallback nor a reason', () => {
    const catalog = catalogOf({ ...OWNERS, 'models/m.md': '---\ntitle: M\ndescription: M.\nowners: [data-team]\nstage: production\n---\n' });
    const { details } = entryPage(catalog, 'm').body as ModelBody;
    expect(details.fallback).toEqual({ missing: true });
    expect(details.lastResort).toBeUndefined();
  });
});

describe('a dataset page and the models that use its columns', () => {
  it('lists on each column row the models that use it, directly or through a feature entry', () => {
    const schema = (entryPage(demoCatalog(), 'viewing-events-labelled').body as DatasetBody).schema!;
    expect(schema.showUsedBy).toBe(true);
    const row = (name: string) => schema.columns.find((c) => c.column.name === name)!;
    expect(row('tenure_days').anchor).toBe('column-tenure-days');
    expect(row('tenure_days').usedBy!.shown.join(' ')).toContain('href="/models/churn-predictor/"');
    // Through the `days-since-last-play` feature entry, trained on this column.
    expect(row('days_since_last_play').usedBy!.shown.join(' ')).toContain('href="/models/churn-predictor/"');
  });

  it('shows a count and the first few models for a column many models use', () => {
    const models = Object.fromEntries(
      Array.from({ length: SHOWN_MODELS + 7 }, (_, i) => [`models/m${String(i).padStart(2, '0')}.md`, `---\ntitle: M${i}\ndescription: M.\nowners: [data-team]\ntraining: [{ dataset: d }]\nfeatures: [a]\n---\n`]),
    );
    const catalog = catalogOf({ ...OWNERS, 'datasets/d.md': '---\ntitle: D\ndescription: D.\nowners: [data-team]\nschema: [{ name: a, type: integer }, { name: b, type: integer }]\n---\n', ...models });
    const schema = (entryPage(catalog, 'd').body as DatasetBody).schema!;
    const [a, b] = schema.columns;
    expect(a!.usedBy).toMatchObject({ count: SHOWN_MODELS + 7, more: 'and 7 more' });
    expect(a!.usedBy!.shown).toHaveLength(SHOWN_MODELS);
    expect(a!.usedBy!.shown[0]).toContain('href="/models/m00/"');
    expect(b!.usedBy).toBeUndefined();
  });

  it('has no Used by column on a dataset none of whose columns is a feature', () => {
    const catalog = catalogOf({ ...OWNERS, 'datasets/d.md': '---\ntitle: D\ndescription: D.\nowners: [data-team]\nschema: [{ name: a, type: integer }]\n---\n' });
    expect((entryPage(catalog, 'd').body as DatasetBody).schema!.showUsedBy).toBe(false);
  });
});

describe("a dataset page's models using each column", () => {
  /** Model ids by column, as a dataset page lists them: the answer of the whole table, and the dataset's own. */
  const answers = (catalog: Catalog, dataset: Entry<'dataset'>) => {
    const { byColumn } = catalogFeatureUses(catalog);
    const own = columnUsersOf(catalog, dataset);
    const ids = (models: readonly Entry<'model'>[] | undefined) => [...new Set(models?.map((m) => m.id))].sort();
    const names = (dataset.data.schema ?? []).map((c) => c.name);
    return {
      table: names.map((name) => [name, ids(byColumn.get(`${dataset.id}.${name}`))]),
      own: names.map((name) => [name, ids(own.get(name))]),
    };
  };

  it('is the same worked out for the dataset alone as from the whole table, in the demo and a synthetic catalog', () => {
    for (const catalog of [demoCatalog(), catalogOf(Object.fromEntries(synthesize({ entries: 400, seed: 3 }).map((f) => [f.path.replace(/^content\//, ''), f.text])))]) {
      const datasets = catalog.entries.filter((e): e is Entry<'dataset'> => e.kind === 'dataset');
      let used = 0;
      for (const dataset of datasets) {
        const { table, own } = answers(catalog, dataset);
        expect(own, dataset.id).toEqual(table);
        used += table.filter(([, ids]) => ids!.length > 0).length;
      }
      // Columns used by models, or the comparison proves nothing.
      expect(used).toBeGreaterThan(2);
    }
  });

  it('counts columns named directly, as `dataset.column`, and through feature entries trained or served on them', () => {
    const catalog = catalogOf({
      ...OWNERS,
      'datasets/d.md': '---\ntitle: D\ndescription: D.\nowners: [data-team]\nschema: [{ name: a, type: integer }, { name: b, type: integer }, { name: c, type: integer }, { name: e, type: integer }]\n---\n',
      'datasets/other.md': '---\ntitle: O\ndescription: O.\nowners: [data-team]\nschema: [{ name: a, type: integer }]\n---\n',
      'features/served.md': '---\ntitle: S\ndescription: S.\nowners: [data-team]\ntraining: other.a\nserving: { column: d.c }\n---\n',
      'models/direct.md': '---\ntitle: M\ndescription: M.\nowners: [data-team]\ntraining: [{ dataset: d }]\nfeatures: [b, d.e]\n---\n',
      'models/both.md': '---\ntitle: M\ndescription: M.\nowners: [data-team]\ntraining: [{ dataset: d }, { dataset: other }]\nfeatures: [d.a, served]\n---\n',
      'models/elsewhere.md': '---\ntitle: M\ndescription: M.\nowners: [data-team]\ntraining: [{ dataset: other }]\nfeatures: [a, served]\n---\n',
    });
    const d = catalog.byId.get('d') as Entry<'dataset'>;
    const { table, own } = answers(catalog, d);
    expect(own).toEqual(table);
    expect(Object.fromEntries(own)).toEqual({ a: ['both'], b: ['direct'], c: ['both', 'elsewhere'], e: ['direct'] });
    // On its page as well, whichever way the page works it out.
    const page = () => ((entryPage(catalog, 'd').body as DatasetBody).schema!.columns.map((c) => [c.column.name, c.usedBy?.count ?? 0]));
    const first = page();
    expect(first).toEqual([['a', 1], ['b', 1], ['c', 2], ['e', 1]]);
    for (let i = 0; i < 10; i++) expect(page()).toEqual(first);
  });
});
