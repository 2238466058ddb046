/** The Features index: feature entries and columns used as features, with their meaning, models and columns. */
import { describe, expect, it } from 'vitest';
import { featureIndexPage, featureIndexPages, FEATURE_INDEX_KIND } from '../../src/lib/pages/feature-index.ts';
import { SHOWN_MODELS } from '../../src/lib/pages/feature-uses.ts';
import { INDEX_PAGE_SIZE } from '../../src/lib/view/pagination.ts';
import { catalogOf, OWNERS } from '../helpers/catalog.ts';
import { demoCatalog, roundTrip } from './demo.ts';

describe('the Features index of the demo', () => {
  const page = () => featureIndexPage(demoCatalog());
  const row = (key: string) => page().features!.rows.find((r) => r.key === key)!;

  it('lists the feature entries and every column a model names directly, by name, on one page', () => {
    const model = page();
    expect(roundTrip(model)).toEqual(model);
    expect(model).toMatchObject({ kind: 'feature', title: 'Features', heading: 'Features', section: 'features/' });
    const keys = model.features!.rows.map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining(['days-since-last-play', 'device-type', 'viewing-events-labelled.tenure_days', 'recommendation-impressions.rank_position']));
    expect(keys).toEqual([...keys].sort());
    expect(model.features!.paging).toBeUndefined();
    expect(model.features!.range).toBe(`Features 1–${keys.length} of ${keys.length}`);
    expect(featureIndexPages(demoCatalog())).toBe(1);
  });

  it('gives a feature entry its meaning, its models and the columns it is trained on and served from', () => {
    expect(row('days-since-last-play')).toMatchObject({
      url: '/features/days-since-last-play/',
      name: 'Days since last play',
      source: 'feature entry',
      unit: 'd',
      type: 'integer',
      training: { ref: 'viewing-events-labelled.days_since_last_play', url: '/datasets/viewing-events-labelled/#column-days-since-last-play' },
      serving: { ref: 'user-engagement-features.days_since_last_play', url: '/datasets/user-engagement-features/#column-days-since-last-play' },
    });
    expect(row('days-since-last-play').term).toContain('href="/glossary/play-event/"');
    expect(row('days-since-last-play').models.shown.join(' ')).toContain('href="/models/churn-predictor/"');
  });

  it('gives a column used as a feature its description, type and unit, linked to its row', () => {
    const tenure = row('viewing-events-labelled.tenure_days');
    expect(tenure).toMatchObject({ name: 'tenure_days', source: 'column', type: 'integer', url: '/datasets/viewing-events-labelled/#column-tenure-days' });
    expect(tenure.serving).toBeUndefined();
    expect(tenure.models.shown.join(' ')).toContain('/models/churn-predictor/');
  });

  it('marks its pages for search, under a kind of their own', () => {
    expect(page().features!.filters).toEqual([['kind', FEATURE_INDEX_KIND]]);
  });
});

describe('the Features index of a large catalog', () => {
  const COLUMNS = INDEX_PAGE_SIZE * 2 + 17;
  const MODELS = SHOWN_MODELS + 3;
  const names = Array.from({ length: COLUMNS }, (_, i) => `c${String(i).padStart(4, '0')}`);
  const models = Object.fromEntries(
    Array.from({ length: MODELS }, (_, i) => [`models/m${i}.md`, `---\ntitle: M${i}\ndescription: M.\nowners: [data-team]\ntraining: [{ dataset: wide }]\nfeatures: [${i === 0 ? names.join(', ') : names[0]}]\n---\n`]),
  );
  const catalog = catalogOf({
    ...OWNERS,
    'datasets/wide.md': `---\ntitle: Wide\ndescription: W.\nowners: [data-team]\nschema:\n${names.map((n) => `  - { name: ${n}, type: float }\n`).join('')}---\n`,
    ...models,
  });

  it('is paged at the index page size, in name order across pages', () => {
    expect(featureIndexPages(catalog)).toBe(3);
    const keys: string[] = [];
    for (let n = 1; n <= 3; n++) {
      const { features, title } = featureIndexPage(catalog, n);
      expect(features!.rows.length).toBe(Math.min(INDEX_PAGE_SIZE, COLUMNS - (n - 1) * INDEX_PAGE_SIZE));
      expect(title).toBe(n === 1 ? 'Features' : `Features, page ${n} of 3`);
      keys.push(...features!.rows.map((r) => r.key));
    }
    expect(keys).toEqual(names.map((n) => `wide.${n}`));
    const { paging, range } = featureIndexPage(catalog, 2).features!;
    expect(paging).toEqual({ page: 2, pages: 3, pageUrls: ['/features/', '/features/page/2/', '/features/page/3/'], pagerLabel: 'Pages of features' });
    expect(range).toBe(`Features ${INDEX_PAGE_SIZE + 1}–${2 * INDEX_PAGE_SIZE} of ${COLUMNS}`);
  });

  it('bounds the models of a row to the first few and a count', () => {
    const first = featureIndexPage(catalog, 1).features!.rows[0]!;
    expect(first.models).toMatchObject({ count: MODELS, more: `and ${MODELS - SHOWN_MODELS} more` });
    expect(first.models.shown).toHaveLength(SHOWN_MODELS);
  });

  it('says so when the catalog has no features at all', () => {
    const empty = catalogOf({ ...OWNERS });
    const page = featureIndexPage(empty);
    expect(page).toMatchObject({ title: 'Features', empty: expect.stringContaining('No features') });
    expect(page.features).toBeUndefined();
    expect(featureIndexPages(empty)).toBe(1);
  });
});
