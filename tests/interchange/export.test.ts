import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse as parseYamlText } from 'yaml';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { datasetJsonLd, jsonLdScript } from '../../src/lib/interchange/export/jsonld.ts';
import type { Entry } from '../../src/lib/types.ts';
import { writeProject } from '../helpers/catalog.ts';
import { catalogAt, corpusDir, hasCorpus, run } from './helpers.ts';

const CONFIG = `site:
  repo_url: https://git.example.com/acme/catalog
uses:
  model-training: {}
  research: {}
  advertising: { commercial: true }
`;

const TEAM = 'title: Data team\ndescription: Keeps the data.\nmembers:\n  - { name: Dee Ata, email: dee@example.com }\n';
const PERSON = 'title: Dee Ata\nemail: dee@example.com\nteams: [data-team]\n';

const EVENTS = `---
title: Play events
description: One row per play event.
owners: [data-team, dee-ata]
tags: [events, playback]
location: { uri: [s3://acme/events/2026.parquet, s3://acme/events/2025.parquet], format: parquet }
size: { rows: 100, bytes: 2048 }
versions:
  - { version: "2026-08", date: 2026-08-31 }
  - { version: "2026-09", date: 2026-09-30, rows: 100 }
schema:
  - { name: event_id, type: string, description: Unique id }
  - { name: seconds, type: integer, unit: s, range: [0, 86400] }
  - { name: ratio, type: float }
  - { name: region, type: categorical, values: [EU, NA] }
  - { name: tags, type: array }
  - { name: payload, type: struct }
  - { name: day, type: date }
  - { name: churned, type: boolean }
splits:
  method: random
  seed: 7
  parts:
    - { name: train, rows: 80 }
    - { name: test, rows: 20 }
rights:
  license: CC-BY-4.0
  access: internal
  personal_data: true
  allowed_uses: [model-training, research]
  prohibited_uses: [advertising]
reviewed: 2026-11-01
---
# Motivation

Why.
`;

const MODEL = `---
title: Churn model
description: Predicts churn.
owners: [data-team]
version: 1.2.0
task: binary-classification
algorithm: gradient-boosted trees
training: [{ dataset: play-events, split: train }]
evaluation: [{ dataset: play-events, split: test }]
metrics:
  - { name: recall, value: 0.8, dataset: play-events, split: test }
  - { name: precision, value: 0.6, dataset: play-events, split: test, slice: "region=EU" }
intended_use: [research]
limitations: [Only EU and NA]
ethical_considerations: [Uses personal data]
license: MIT
reviewed: 2026-11-01
---
# Model details

A model.
`;

function project(): string {
  return writeProject({
    'cardcat.config.yaml': CONFIG,
    'content/teams/data-team.yaml': TEAM,
    'content/people/dee-ata.yaml': PERSON,
    'content/datasets/play-events.md': EVENTS,
    'content/models/churn-model.md': MODEL,
  });
}

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('export', () => {
  it('writes one catalog.json with entries, typed edges, diagnostics and a schema version', async () => {
    const root = project();
    const result = await run(root, 'export', 'catalog', '--today', '2026-11-23');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Wrote 1 file under dist-export');
    const manifest = readJson(path.join(root, 'dist-export/catalog.json'));
    expect(manifest['schema_version']).toBe(1);
    expect((manifest['entries'] as { id: string; kind: string }[]).map((e) => `${e.kind}:${e.id}`)).toEqual([
      'dataset:play-events',
      'model:churn-model',
      'team:data-team',
      'person:dee-ata',
    ]);
    expect(manifest['edges']).toContainEqual({ from: 'churn-model', to: 'play-events', type: 'trained_on' });
    expect(manifest['edges']).toContainEqual({ from: 'play-events', to: 'data-team', type: 'owned_by' });
    expect(Array.isArray(manifest['diagnostics'])).toBe(true);
    expect(manifest['counts']).toMatchObject({ entries: 4, dataset: 1, model: 1, errors: 0 });
  });

  it('refuses to replace an exported file unless --force is given', async () => {
    const root = project();
    await run(root, 'export', 'catalog');
    writeFileSync(path.join(root, 'dist-export/catalog.json'), 'edited by hand');
    const again = await run(root, 'export', 'catalog');
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('Left 1 existing file alone (pass --force to replace them)');
    expect(readFileSync(path.join(root, 'dist-export/catalog.json'), 'utf8')).toBe('edited by hand');
    const forced = await run(root, 'export', 'catalog', '--force');
    expect(forced.code).toBe(0);
    expect(readJson(path.join(root, 'dist-export/catalog.json'))['schema_version']).toBe(1);
  });

  it('writes schema.org Dataset JSON-LD that parses and carries the required properties', async () => {
    const root = project();
    await run(root, 'export', 'jsonld');
    const ld = readJson(path.join(root, 'dist-export/jsonld/datasets/play-events.jsonld'));
    expect(ld).toMatchObject({
      '@context': 'https://schema.org/',
      '@type': 'Dataset',
      name: 'Play events',
      description: 'One row per play event.',
      license: 'https://spdx.org/licenses/CC-BY-4.0.html',
      keywords: ['events', 'playback'],
      version: '2026-09',
      creator: [{ '@type': 'Organization', name: 'Data team' }, { '@type': 'Person', name: 'Dee Ata', email: 'dee@example.com' }],
      distribution: [
        { '@type': 'DataDownload', contentUrl: 's3://acme/events/2026.parquet', encodingFormat: 'application/x-parquet' },
        { '@type': 'DataDownload', contentUrl: 's3://acme/events/2025.parquet', encodingFormat: 'application/x-parquet' },
      ],
    });
    // The size of the whole is no one download's: a Dataset has no `contentSize`.
    expect(ld['contentSize']).toBeUndefined();
    expect((ld['variableMeasured'] as unknown[])[1]).toEqual({ '@type': 'PropertyValue', name: 'seconds', unitText: 's', minValue: 0, maxValue: 86400 });
    const model = readJson(path.join(root, 'dist-export/jsonld/models/churn-model.jsonld'));
    expect(model).toMatchObject({ '@type': 'SoftwareApplication', name: 'Churn model', softwareVersion: '1.2.0', isBasedOn: [{ '@type': 'Dataset', identifier: 'play-events' }] });
  });

  it('escapes `<` in JSON-LD meant for a script element', () => {
    const catalog = buildCatalog(path.join(project(), 'content'), { today: '2026-11-23' });
    const entry = catalog.byId.get('play-events') as Entry<'dataset'>;
    const script = jsonLdScript({ ...datasetJsonLd(catalog, entry), name: '</script><script>alert(1)</script>' });
    expect(script).not.toContain('</script>');
    expect(JSON.parse(script).name).toBe('</script><script>alert(1)</script>');
  });

  it('writes Croissant 1.0 with the required properties, splits and rights', async () => {
    const root = project();
    await run(root, 'export', 'croissant');
    const doc = readJson(path.join(root, 'dist-export/croissant/play-events.json'));
    for (const key of ['@context', '@type', 'conformsTo', 'name', 'description', 'license', 'url', 'distribution', 'recordSet']) expect(doc).toHaveProperty(key);
    expect(doc['conformsTo']).toBe('http://mlcommons.org/croissant/1.0');
    expect(doc['url']).toBe('https://git.example.com/acme/catalog/blob/main/content/datasets/play-events.md');
    expect(doc['conditionsOfAccess']).toBe('Access: internal. Personal data: yes. Allowed uses: model-training, research. Prohibited uses: advertising.');
    const [records, splits] = doc['recordSet'] as { field: { name: string; dataType: string }[]; data?: unknown[] }[];
    expect(records!.field.map((f) => `${f.name}:${f.dataType}`)).toEqual([
      'event_id:sc:Text',
      'seconds:sc:Integer',
      'ratio:sc:Float',
      'region:sc:Text',
      'tags:sc:Text',
      'payload:sc:Text',
      'day:sc:Date',
      'churned:sc:Boolean',
    ]);
    expect(splits!.data).toEqual([
      { 'splits/name': 'train', 'splits/num_examples': 80 },
      { 'splits/name': 'test', 'splits/num_examples': 20 },
    ]);
  });

  it('gives the same Croissant after export, import and export again', async () => {
    const first = project();
    await run(first, 'export', 'croissant');
    const second = writeProject({ 'cardcat.config.yaml': CONFIG, 'content/teams/data-team.yaml': TEAM, 'content/people/dee-ata.yaml': PERSON });
    const imported = await run(second, 'import', 'croissant', path.join(first, 'dist-export/croissant'));
    expect(imported.code).toBe(0);
    const { catalog, errors } = catalogAt(second);
    expect(errors).toEqual([]);
    const events = catalog.byId.get('play-events') as Entry<'dataset'>;
    expect(events.data.owners).toEqual(['data-team', 'dee-ata']);
    expect(events.data.rights).toEqual({ license: 'CC-BY-4.0', access: 'internal', personal_data: true, allowed_uses: ['model-training', 'research'], prohibited_uses: ['advertising'] });
    await run(second, 'export', 'croissant');
    for (const name of readdirSync(path.join(first, 'dist-export/croissant'))) {
      expect(readJson(path.join(second, 'dist-export/croissant', name))).toEqual(readJson(path.join(first, 'dist-export/croissant', name)));
    }
  });

  it('writes Hugging Face cards whose metadata the importer reads back', async () => {
    const root = project();
    await run(root, 'export', 'hf');
    const text = readFileSync(path.join(root, 'dist-export/hf/datasets/play-events/README.md'), 'utf8');
    const meta = parseYamlText(text.split('---\n')[1]!) as Record<string, unknown>;
    expect(meta).toMatchObject({ pretty_name: 'Play events', license: 'cc-by-4.0', source_datasets: ['original'] });
    expect(meta['dataset_info']).toMatchObject({ splits: [{ name: 'train', num_examples: 80 }, { name: 'test', num_examples: 20 }], dataset_size: 2048 });
    const model = parseYamlText(readFileSync(path.join(root, 'dist-export/hf/models/churn-model/README.md'), 'utf8').split('---\n')[1]!) as Record<string, unknown>;
    expect(model).toMatchObject({
      license: 'mit',
      pipeline_tag: 'tabular-classification',
      'model-index': [
        {
          name: 'churn-model',
          results: [
            {
              task: { type: 'tabular-classification', name: 'binary-classification' },
              dataset: { name: 'Play events', type: 'play-events', split: 'test' },
              metrics: [
                { type: 'recall', value: 0.8 },
                { type: 'precision', value: 0.6, name: 'precision (region=EU)' },
              ],
            },
          ],
        },
      ],
    });
    // No Hub id is known for the catalog's datasets: the card names none.
    expect(model['datasets']).toBeUndefined();

    const back = writeProject({ 'cardcat.config.yaml': CONFIG, 'content/teams/data-team.yaml': TEAM, 'content/people/dee-ata.yaml': PERSON });
    await run(back, 'import', 'hf-dataset', path.join(root, 'dist-export/hf/datasets'));
    await run(back, 'import', 'hf-model', path.join(root, 'dist-export/hf/models'));
    const { catalog, errors } = catalogAt(back);
    expect(errors).toEqual([]);
    const events = catalog.byId.get('play-events') as Entry<'dataset'>;
    expect(events.data.splits?.parts).toEqual([{ name: 'train', rows: 80 }, { name: 'test', rows: 20 }]);
    expect(events.data.schema?.find((c) => c.name === 'region')).toEqual({ name: 'region', type: 'categorical', values: ['EU', 'NA'] });
    const churn = catalog.byId.get('churn-model') as Entry<'model'>;
    expect(churn.data.metrics).toEqual([
      { name: 'recall', value: 0.8, dataset: 'play-events', split: 'test' },
      { name: 'precision', value: 0.6, dataset: 'play-events', split: 'test', slice: 'region=EU' },
    ]);
  });

  it.skipIf(!hasCorpus)('writes Model Card Toolkit JSON that validates against the v0.0.2 JSON Schema', async () => {
    const root = project();
    await run(root, 'export', 'mct');
    const card = readJson(path.join(root, 'dist-export/mct/churn-model.json'));
    const schema = readJson(path.join(corpusDir, 'mct/model-card-toolkit__model_card.schema-v0.0.2.json'));
    const validate = new Ajv({ strict: false, validateFormats: false }).compile(schema);
    expect(validate(card), JSON.stringify(validate.errors)).toBe(true);
    expect(card).toMatchObject({
      schema_version: '0.0.2',
      model_details: { name: 'Churn model', owners: [{ name: 'Data team' }], version: { name: '1.2.0' }, licenses: [{ identifier: 'MIT' }] },
      quantitative_analysis: { performance_metrics: [{ type: 'recall', value: '0.8', slice: 'play-events:test' }, { type: 'precision', value: '0.6', slice: 'play-events:test region=EU' }] },
      considerations: { limitations: [{ description: 'Only EU and NA' }], ethical_considerations: [{ name: 'Uses personal data' }] },
    });
  });
});

if (!hasCorpus) console.log(`Skipping the Model Card Toolkit schema test: no corpus at ${corpusDir}`);
