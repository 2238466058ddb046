/** The model card page's model, from the demo's churn predictor. */
import { describe, expect, it } from 'vitest';
import { CLOSURE_INLINE } from '../../src/lib/pages/closure.ts';
import { entryPage } from '../../src/lib/pages/entry.ts';
import type { ModelBody } from '../../src/lib/pages/model.ts';
import { objectiveText } from '../../src/lib/pages/model.ts';
import { demoCatalog, roundTrip } from './demo.ts';

const page = () => entryPage(demoCatalog(), 'churn-predictor');
const body = () => page().body as ModelBody;

describe('the page model of a model card', () => {
  it('is plain data that survives JSON unchanged', () => {
    const model = page();
    expect(roundTrip(model)).toEqual(model);
  });

  it('lists in its table of contents the sections the card has, in the template order', () => {
    expect(page().toc.map((t) => t.id)).toEqual([
      'model-details', 'intended-use', 'factors', 'metrics', 'evaluation-data', 'training-data', 'versions', 'quantitative-analyses',
      'ethical-considerations', 'caveats-and-recommendations', 'operations', 'rights', 'lineage',
    ]);
  });

  it('renders each section of the author prose once, with heading ids prefixed by its section', () => {
    const { prose } = body();
    expect(Object.keys(prose)).toEqual(expect.arrayContaining(['Model details', 'Intended use', 'Factors']));
    expect(prose['Model details']!.html).toContain('gradient-boosted tree ensemble');
    for (const [title, rendered] of Object.entries(prose)) {
      for (const heading of rendered.headings) expect(heading.id.startsWith(title.toLowerCase().replace(/[^a-z0-9]+/g, '-'))).toBe(true);
    }
  });

  it('states the model details the card declares, with its deployment and fallback', () => {
    const { details } = body();
    expect(details).toMatchObject({ version: '3.1.0', stage: 'production', deployment: 'batch, canary rollout', license: 'proprietary' });
    expect(details.fallback).toEqual({ ref: expect.stringContaining('href="/models/churn-heuristic/"') });
    expect(details.inputs).toEqual([expect.stringContaining('>User embeddings</a>')]);
    expect(details.experiment).toEqual({ url: 'https://mlflow.example.com/#/experiments/7/runs/abc', text: 'run abc' });
    expect(details.hyperparameters).toContainEqual(['n_estimators', '600']);
  });

  it('holds every metric against its objective, and counts the ones that miss', () => {
    const { metrics } = body();
    expect(metrics.rows).toHaveLength(6);
    expect(metrics.rows[0]).toMatchObject({ name: 'recall', value: 0.81, objective: '≥ 0.75', result: 'pass' });
    expect(metrics.rows[1]!.slice).toBe('region=EU');
    expect(metrics).toMatchObject({ failing: 0, allMet: true });
  });

  it("links each metric's dataset, with its description as tooltip on the first row that names it", () => {
    const rows = body().metrics.rows.filter((r) => r.dataset !== undefined);
    expect(rows.length).toBeGreaterThan(1);
    expect(new Set(rows.map((r) => r.dataset!.replace(/ title="[^"]*"/, ''))).size).toBe(1);
    expect(rows[0]!.dataset).toContain('title=');
    for (const r of rows.slice(1)) expect(r.dataset).not.toContain('title=');
  });

  it('pins its training and evaluation data to their split, version and row count', () => {
    const { training, evaluation } = body();
    expect(training).toEqual([
      expect.objectContaining({ split: 'train', version: '2026-09', known: true, splitUrl: '/datasets/viewing-events-labelled/#splits' }),
    ]);
    expect(evaluation![0]!.rows).toMatch(/^[\d,]+$/);
  });

  it('describes intended use with the vocabulary of uses and certified ranges as text', () => {
    const use = body().intendedUse;
    expect(use.intendedFor).toEqual([{ use: 'retention-campaigns', label: expect.any(String) }]);
    expect(use.certifiedDomain).toEqual([['tenure_days', '30 to 3650'], ['days-since-last-play', '0 to 3650']]);
    expect(use.outOfScope).toEqual(['credit decisions']);
  });

  it('shows monitoring and retraining, with triggers as one line', () => {
    expect(body().operations?.retraining).toEqual({ cadence: 'weekly', triggers: 'drift alert; recall below objective' });
    expect(body().operations?.monitoring).toHaveLength(3);
  });

  it('gives the page its JSON-LD and its search filters', () => {
    const model = page();
    expect(JSON.parse(model.jsonLd!)).toMatchObject({ '@type': expect.any(String), name: 'Churn predictor' });
    expect(model.filters).toContainEqual(['kind', 'Model']);
    expect(model.filters).toContainEqual(['stage', 'production']);
    expect(model.filters).toContainEqual(['owner', 'Recommendations team']);
  });

  it('draws its lineage at each depth that shows more, and lists what it depends on', () => {
    const { lineage } = body();
    expect(lineage.connected).toBe(true);
    expect(lineage.views[0]!.depth).toBe(1);
    expect(lineage.views[0]!.text).toMatch(/^flowchart/);
    for (let i = 1; i < lineage.views.length; i++) expect(lineage.views[i]!.nodes).toBeGreaterThan(lineage.views[i - 1]!.nodes);
    const dependsOn = lineage.closures.find((c) => c.slug === 'depends-on')!;
    // A list of a dozen rows fits on the entry page whole, with no page of its own
    // (tests/pages/closure.test.ts has one that does not).
    expect(dependsOn.total).toBeGreaterThan(10);
    expect(dependsOn.total).toBeLessThanOrEqual(CLOSURE_INLINE);
    expect(dependsOn.table!.count).toBe(dependsOn.total);
    expect(dependsOn.table!.rowsHtml).toContain('href="/datasets/viewing-events-labelled/"');
    expect(dependsOn.moreUrl).toBeUndefined();
  });
});

describe('an objective as text', () => {
  it('reads a minimum, a maximum, both, or none', () => {
    expect(objectiveText({ min: 0.5 })).toBe('≥ 0.5');
    expect(objectiveText({ max: 3 })).toBe('≤ 3');
    expect(objectiveText({ min: 0.5, max: 0.9 })).toBe('≥ 0.5 and ≤ 0.9');
    expect(objectiveText(undefined)).toBe('—');
  });
});
