import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeProject } from '../helpers/catalog.ts';
import { catalogAt, run } from './helpers.ts';

const SQUAD_CARD = `---
pretty_name: SQuAD
license: cc-by-4.0
task_categories: [question-answering]
source_datasets:
- extended|wikipedia
paperswithcode_id: squad
dataset_info:
  features:
  - name: id
    dtype: string
  - name: label
    dtype:
      class_label:
        names:
          '0': neg
          '1': pos
  - name: tokens
    sequence: string
  - name: score
    dtype: float32
  splits:
  - name: train
    num_bytes: 79346108
    num_examples: 87599
  - name: validation
    num_bytes: 10473040
    num_examples: 10570
  dataset_size: 89819148
---

# Dataset Card for SQuAD

Stanford Question Answering Dataset is a reading comprehension dataset.

## Dataset Structure
`;

const WIKIPEDIA_CARD = '---\npretty_name: Wikipedia\nlicense: cc-by-4.0\n---\n\nArticles from Wikipedia, cleaned.\n';

const MODEL_CARD = `---
license: apache-2.0
datasets:
- squad
- not-catalogued
pipeline_tag: question-answering
base_model: some-org/base
model-index:
- name: squad-reader
  results:
  - task: { type: question-answering }
    dataset: { name: SQuAD, type: squad, split: validation }
    metrics:
    - { type: f1, value: 88.5 }
    - { type: exact_match, value: .nan }
  - task: { type: question-answering }
    dataset: { name: Other, type: other/data }
    metrics:
    - { type: f1, value: "70%" }
---

# squad-reader

A reader fine-tuned on SQuAD for extractive question answering.
`;

describe('import', () => {
  it('imports a Hugging Face dataset card into entries that pass check, with its figures', async () => {
    const project = writeProject({ 'cards/squad/README.md': SQUAD_CARD });
    const result = await run(project, 'import', 'hf-dataset', 'cards/squad/README.md');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('wrote content/datasets/squad.md');
    expect(result.stdout).toContain('wrote content/teams/unassigned.yaml');
    expect(result.stdout).toContain('Placeholder `owners` in `squad`');
    const { catalog, errors } = catalogAt(project);
    expect(errors).toEqual([]);
    const squad = catalog.byId.get('squad');
    expect(squad?.kind).toBe('dataset');
    if (squad?.kind !== 'dataset') return;
    expect(squad.data.title).toBe('SQuAD');
    expect(squad.data.status).toBe('draft');
    expect(squad.data.owners).toEqual(['unassigned']);
    expect(squad.data.rights?.license).toBe('CC-BY-4.0');
    expect(squad.data.splits?.parts).toEqual([
      { name: 'train', rows: 87599 },
      { name: 'validation', rows: 10570 },
    ]);
    expect(squad.data.size?.bytes).toBe(89819148);
    expect(squad.data.schema?.map((c) => [c.name, c.type])).toEqual([
      ['id', 'string'],
      ['label', 'categorical'],
      ['tokens', 'array'],
      ['score', 'float'],
    ]);
    expect(squad.data.schema?.[1]?.values).toEqual(['neg', 'pos']);
    expect(squad.data.tags).toEqual(['question-answering']);
    expect(squad.body).toContain('# Dataset Card for SQuAD');
    expect(squad.body).toContain('## Imported metadata');
    expect(squad.body).toContain('paperswithcode_id: squad');
    expect(squad.body).toContain('num_bytes: 79346108');
    expect(squad.body).toContain('extended|wikipedia');
    const text = readFileSync(path.join(project, 'content/datasets/squad.md'), 'utf8');
    expect(text).toContain('owners: [ unassigned ] # placeholder: the source names no accountable owner');
    expect(text).toContain('method: random # placeholder:');
  });

  it('writes a readable entry: identity first, placeholders marked, the card kept as the body', async () => {
    const project = writeProject({ 'wikipedia/README.md': WIKIPEDIA_CARD.replace('---\n\n', '---\n\n# Wikipedia\n\n') + '\n## Uses\n\nLanguage modelling.\n' });
    await run(project, 'import', 'hf-dataset', 'wikipedia/README.md');
    expect(readFileSync(path.join(project, 'content/datasets/wikipedia.md'), 'utf8')).toMatchInlineSnapshot(`
      "---
      title: Wikipedia
      description: Articles from Wikipedia, cleaned.
      owners: [ unassigned ] # placeholder: the source names no accountable owner
      status: draft
      rights:
        license: CC-BY-4.0
      ---

      # Wikipedia

      Articles from Wikipedia, cleaned.

      ## Uses

      Language modelling.
      "
    `);
    expect(readFileSync(path.join(project, 'content/teams/unassigned.yaml'), 'utf8')).toMatchInlineSnapshot(`
      "title: Unassigned (placeholder) # placeholder: replace \`unassigned\` in the owners of imported entries, then delete this file
      description: Owner of imported entries until a real team or person takes them over.
      status: draft
      "
    `);
  });

  it('turns source datasets into lineage when the upstream is catalogued', async () => {
    const project = writeProject({ 'cards/wikipedia/README.md': WIKIPEDIA_CARD, 'cards/squad/README.md': SQUAD_CARD });
    expect((await run(project, 'import', 'hf-dataset', 'cards/wikipedia/README.md')).code).toBe(0);
    expect((await run(project, 'import', 'hf-dataset', 'cards/squad/README.md')).code).toBe(0);
    const { catalog, errors } = catalogAt(project);
    expect(errors).toEqual([]);
    const squad = catalog.byId.get('squad');
    expect(squad?.kind === 'dataset' && squad.data.derived_from).toEqual([{ dataset: 'wikipedia', transform: 'extends the upstream dataset' }]);
    expect(catalog.graph.outgoing('squad').some((e) => e.to === 'wikipedia' && e.type === 'derived_from')).toBe(true);
  });

  it('imports a model card: catalogued datasets become training and metrics, the rest is tabled in the body', async () => {
    const project = writeProject({ 'cards/squad/README.md': SQUAD_CARD, 'cards/squad-reader/README.md': MODEL_CARD });
    await run(project, 'import', 'hf-dataset', 'cards/squad/README.md');
    const result = await run(project, 'import', 'hf-model', 'cards/squad-reader/README.md');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2 of 3 evaluation results tabled in the body');
    const { catalog, errors } = catalogAt(project);
    expect(errors).toEqual([]);
    const model = catalog.byId.get('squad-reader');
    expect(model?.kind).toBe('model');
    if (model?.kind !== 'model') return;
    expect(model.data.license).toBe('Apache-2.0');
    expect(model.data.task).toBe('question-answering');
    expect(model.data.training).toEqual([{ dataset: 'squad', split: 'train' }]);
    expect(result.stdout).toContain('Placeholder `training.0.split` in `squad-reader`: the card does not name the training split; `train` is assumed');
    expect(model.data.metrics).toEqual([{ name: 'f1', value: 88.5, dataset: 'squad', split: 'validation' }]);
    expect(model.data.evaluation).toEqual([{ dataset: 'squad', split: 'validation' }]);
    expect(model.body).toContain('| question-answering | squad |  | validation | exact_match | NaN |');
    expect(model.body).toContain('| question-answering | other/data |  |  | f1 | "70%" |');
    expect(model.body).toContain('some-org/base');
    expect(model.body).toContain('not-catalogued');
  });

  it('resolves a base model and a namespaced dataset by their whole Hub name', async () => {
    const project = writeProject({
      'base/README.md': '---\nlicense: mit\n---\n\nA base model trained on lots of text.\n',
      'data/README.md': WIKIPEDIA_CARD,
      'child/README.md': '---\nbase_model: some-org/base\ndatasets: [acme/wiki, wiki]\n---\n\nA model fine-tuned from the base model.\n',
    });
    await run(project, 'import', 'hf-model', 'base/README.md', '--id', 'some-org-base');
    await run(project, 'import', 'hf-dataset', 'data/README.md', '--id', 'acme-wiki');
    const result = await run(project, 'import', 'hf-model', 'child/README.md');
    expect(result.stdout).toContain('Training datasets not in the catalog, kept in the body: `wiki`');
    const { catalog, errors } = catalogAt(project);
    expect(errors).toEqual([]);
    const child = catalog.byId.get('child');
    expect(child?.kind === 'model' && child.data.inputs).toEqual([{ model: 'some-org-base' }]);
    expect(child?.kind === 'model' && child.data.training).toEqual([{ dataset: 'acme-wiki' }]);
  });

  it('names a card by --hub-id and links it to the Hub, so a later card that names it resolves', async () => {
    const project = writeProject({
      'base/README.md': '---\nlicense: mit\n---\n\nA base model trained on lots of text.\n',
      'child/README.md': '---\nbase_model: [Qwen/Qwen2.5-7B]\n---\n\nA model fine-tuned from the base model.\n',
      'near/README.md': '---\nbase_model: Qwen2.5-7B\n---\n\nA model that names a base without its owner.\n',
    });
    const base = await run(project, 'import', 'hf-model', 'base/README.md', '--hub-id', 'Qwen/Qwen2.5-7B');
    expect(base.stdout).toContain('wrote content/models/qwen-qwen2-5-7b.md');
    await run(project, 'import', 'hf-model', 'child/README.md');
    await run(project, 'import', 'hf-model', 'near/README.md');
    const { catalog, errors } = catalogAt(project);
    expect(errors).toEqual([]);
    const parent = catalog.byId.get('qwen-qwen2-5-7b');
    expect(parent?.data.links).toEqual([{ title: 'Hugging Face Hub', url: 'https://huggingface.co/Qwen/Qwen2.5-7B' }]);
    const child = catalog.byId.get('child');
    expect(child?.kind === 'model' && child.data.inputs).toEqual([{ model: 'qwen-qwen2-5-7b' }]);
    const near = catalog.byId.get('near');
    expect(near?.kind === 'model' && near.data.inputs).toBeUndefined();
    const wrong = await run(project, 'import', 'croissant', 'base/README.md', '--hub-id', 'a/b');
    expect(wrong.code).toBe(2);
  });

  it('picks only cards and dataset_infos.json from a folder of dataset repositories', async () => {
    const project = writeProject({
      'repos/a/README.md': WIKIPEDIA_CARD,
      'repos/a/data/train.json': '[{"text": "not metadata"}]',
      'repos/b/dataset_infos.json': JSON.stringify({ default: { features: { x: { dtype: 'string', _type: 'Value' } }, splits: { train: { name: 'train', num_examples: 3 } } } }),
    });
    const result = await run(project, 'import', 'hf-dataset', 'repos');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2 files: 2 imported, 0 failed');
    expect(catalogAt(project).catalog.byId.has('b')).toBe(true);
  });

  it('never overwrites an existing entry, and goes on with the other files of a folder', async () => {
    const project = writeProject({
      'cards/a/README.md': WIKIPEDIA_CARD,
      'cards/b/README.md': '---\nlicense: mit\n# never closed\n',
      'cards/c/README.md': SQUAD_CARD.replace('pretty_name: SQuAD', 'pretty_name: C'),
      'content/datasets/a.md': 'mine',
    });
    const result = await run(project, 'import', 'hf-dataset', 'cards');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('skipped content/datasets/a.md: it already exists');
    expect(result.stdout).toContain('✗ cards/b/README.md:1:1 Front matter is never closed');
    expect(result.stdout).toContain('wrote content/datasets/c.md');
    expect(result.stdout).toContain('3 files: 2 imported, 1 failed; 2 written, 1 skipped (already there).');
    expect(readFileSync(path.join(project, 'content/datasets/a.md'), 'utf8')).toBe('mine');
  });

  it('imports a Croissant file with its fields, splits, distribution and Responsible-AI properties', async () => {
    const croissant = {
      '@context': { '@vocab': 'https://schema.org/', cr: 'http://mlcommons.org/croissant/' },
      '@type': 'sc:Dataset',
      conformsTo: 'http://mlcommons.org/croissant/1.0',
      name: 'Tiny set',
      description: 'A tiny dataset.\n\nWith a longer second paragraph.',
      license: 'https://creativecommons.org/licenses/by/4.0/',
      url: 'https://example.com/tiny',
      version: '1.2.0',
      'rai:dataCollection': 'Collected by hand.',
      distribution: [{ '@type': 'cr:FileObject', '@id': 'data.csv', name: 'data.csv', contentUrl: 'https://example.com/data.csv', encodingFormat: 'text/csv', sha256: 'abc' }],
      recordSet: [
        {
          '@type': 'cr:RecordSet',
          '@id': 'rows',
          field: [
            { '@type': 'cr:Field', '@id': 'rows/age', name: 'rows/age', dataType: 'sc:Integer' },
            { '@type': 'cr:Field', '@id': 'rows/name', name: 'rows/name', dataType: ['sc:Text', 'sc:name'], description: 'Full name' },
          ],
        },
        { '@type': 'cr:RecordSet', '@id': 'splits', dataType: 'cr:Split', field: [{ '@id': 'splits/name', name: 'name' }], data: [{ 'splits/name': 'train' }, { 'splits/name': 'test' }] },
      ],
    };
    const project = writeProject({ 'tiny.json': JSON.stringify(croissant) });
    const result = await run(project, 'import', 'croissant', 'tiny.json');
    expect(result.code).toBe(0);
    const { catalog, errors } = catalogAt(project);
    expect(errors).toEqual([]);
    const tiny = catalog.byId.get('tiny');
    if (tiny?.kind !== 'dataset') throw new Error('tiny was not imported as a dataset');
    expect(tiny.data).toMatchObject({
      title: 'Tiny set',
      description: 'A tiny dataset.',
      rights: { license: 'CC-BY-4.0' },
      links: [{ title: 'Homepage', url: 'https://example.com/tiny' }],
      versions: [{ version: '1.2.0' }],
      location: { uri: 'https://example.com/data.csv', format: 'csv' },
      schema: [
        { name: 'age', type: 'integer' },
        { name: 'name', type: 'string', description: 'Full name' },
      ],
      splits: { parts: [{ name: 'train' }, { name: 'test' }] },
    });
    expect(tiny.body).toContain('# Collection process\n\n## Data collection\n\nCollected by hand.');
    expect(tiny.body).toContain('sha256: abc');
  });

  it('keeps Croissant record sets and access conditions it cannot map whole', async () => {
    const croissant = {
      '@type': 'sc:Dataset',
      name: 'Two tables',
      description: 'Orders and customers.',
      conditionsOfAccess: 'Ask the data office.',
      recordSet: [
        { '@type': 'cr:RecordSet', '@id': 'orders', field: [{ '@id': 'orders/id', name: 'id', dataType: 'sc:Integer' }, { '@id': 'orders/total', name: 'total', dataType: 'sc:Float' }] },
        { '@type': 'cr:RecordSet', '@id': 'customers', field: [{ '@id': 'customers/id', name: 'id', dataType: 'sc:Integer' }] },
      ],
    };
    const project = writeProject({ 'two.json': JSON.stringify(croissant) });
    const result = await run(project, 'import', 'croissant', 'two.json');
    expect(result.stdout).toContain('Record set `orders` gives the schema; all 2 record sets are kept verbatim in the body');
    const two = catalogAt(project).catalog.byId.get('two');
    if (two?.kind !== 'dataset') throw new Error('two was not imported');
    expect(two.data.schema).toEqual([{ name: 'id', type: 'integer' }, { name: 'total', type: 'float' }]);
    expect(two.body).toContain('conditionsOfAccess: Ask the data office.');
    expect(two.body).toContain('"@id": customers');
  });

  it('imports each resource of a Data Package with constraints, licenses and row counts', async () => {
    const pkg = {
      name: 'sales',
      title: 'Sales',
      description: 'Monthly sales.',
      licenses: [{ name: 'ODC-PDDL-1.0', path: 'http://opendatacommons.org/licenses/pddl/' }],
      sources: [{ title: 'Shop', path: 'https://shop.example.com' }],
      resources: [
        {
          name: 'orders',
          path: 'orders.csv',
          format: 'csv',
          schema: {
            fields: [
              { name: 'id', type: 'integer', constraints: { required: true, unique: true } },
              { name: 'amount', type: 'number', constraints: { minimum: 0, maximum: 1000 } },
              { name: 'status', type: 'string', constraints: { enum: ['open', 'paid'] } },
              { name: 'where', type: 'geopoint' },
            ],
            primaryKey: 'id',
          },
        },
        { name: 'inline', data: [['a'], ['1'], ['2']], schema: { fields: [{ name: 'a', type: 'integer' }] } },
      ],
    };
    const project = writeProject({ 'datapackage.json': JSON.stringify(pkg) });
    const result = await run(project, 'import', 'frictionless', 'datapackage.json');
    expect(result.code).toBe(0);
    const { catalog, errors } = catalogAt(project);
    expect(errors).toEqual([]);
    const orders = catalog.byId.get('sales-orders');
    if (orders?.kind !== 'dataset') throw new Error('sales-orders was not imported');
    expect(orders.data.schema).toEqual([
      { name: 'id', type: 'integer', nullable: false, description: 'unique true' },
      { name: 'amount', type: 'float', range: [0, 1000] },
      { name: 'status', type: 'string', values: ['open', 'paid'] },
      { name: 'where', type: 'string', description: 'Frictionless type `geopoint`' },
    ]);
    expect(orders.data.rights?.license).toBe('PDDL-1.0');
    expect(orders.data.sample_id).toBe('id');
    expect(orders.data.links).toEqual([{ title: 'Source: Shop', url: 'https://shop.example.com/' }]);
    const inline = catalog.byId.get('sales-inline');
    expect(inline?.kind === 'dataset' && inline.data.size?.rows).toBe(2);
  });

  it('reads a Data Package schema given as a path beside the package, and no further', async () => {
    const project = writeProject({
      'pkg/datapackage.json': JSON.stringify({ name: 'deref', resources: [{ name: 'r', path: 'r.csv', schema: 'schema.json' }, { name: 's', path: 's.csv', schema: '../secret.json' }] }),
      'pkg/schema.json': JSON.stringify({ fields: [{ name: 'x', type: 'boolean' }] }),
      'secret.json': JSON.stringify({ fields: [{ name: 'leak', type: 'string' }] }),
    });
    const result = await run(project, 'import', 'frictionless', 'pkg');
    expect(result.stdout).toContain('Resource `s` gives its schema as `../secret.json`, which is not beside the package');
    const { catalog } = catalogAt(project);
    const r = catalog.byId.get('deref-r');
    expect(r?.kind === 'dataset' && r.data.schema).toEqual([{ name: 'x', type: 'boolean' }]);
    const s = catalog.byId.get('deref-s');
    expect(s?.kind === 'dataset' && s.data.schema).toBeUndefined();
  });

  it('refuses an unknown format and a missing file with a usage error', async () => {
    const project = writeProject({});
    const unknown = await run(project, 'import', 'csv', 'x');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown import format `csv`, expected one of `hf-dataset`, `hf-model`, `croissant`, `frictionless`');
    const missing = await run(project, 'import', 'croissant', 'nope.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('`nope.json` does not exist');
  });

  it('uses --id for a single file', async () => {
    const project = writeProject({ 'README.md': WIKIPEDIA_CARD });
    await run(project, 'import', 'hf-dataset', 'README.md', '--id', 'wiki-dump');
    const { catalog } = catalogAt(project);
    expect(catalog.byId.has('wiki-dump')).toBe(true);
    writeFileSync(path.join(project, 'other.md'), WIKIPEDIA_CARD);
  });

  it('prints its help, listing the formats', async () => {
    const result = await run(writeProject({}), 'import', '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Formats: hf-dataset (Hugging Face dataset card), hf-model (Hugging Face model card), croissant (Croissant JSON-LD), frictionless (Frictionless Data Package).');
  });

  it('imports a legacy dataset_infos.json with its configurations and split counts', async () => {
    const infos = {
      cola: {
        description: 'GLUE, a benchmark.\n\nMore.',
        license: '',
        features: { sentence: { dtype: 'string', _type: 'Value' }, label: { names: ['unacceptable', 'acceptable'], _type: 'ClassLabel' }, idx: { dtype: 'int32', _type: 'Value' } },
        builder_name: 'glue',
        config_name: 'cola',
        splits: { train: { name: 'train', num_bytes: 484869, num_examples: 8551 }, test: { name: 'test', num_bytes: 1, num_examples: 1063 } },
        dataset_size: 1000,
      },
      sst2: { features: { sentence: { dtype: 'string', _type: 'Value' } }, config_name: 'sst2', splits: { train: { name: 'train', num_examples: 67349 } } },
    };
    const project = writeProject({ 'glue/dataset_infos.json': JSON.stringify(infos) });
    expect((await run(project, 'import', 'hf-dataset', 'glue/dataset_infos.json')).code).toBe(0);
    const { catalog, errors } = catalogAt(project);
    expect(errors).toEqual([]);
    const glue = catalog.byId.get('glue');
    if (glue?.kind !== 'dataset') throw new Error('glue was not imported');
    expect(glue.data.description).toBe('GLUE, a benchmark.');
    expect(glue.data.schema).toEqual([
      { name: 'sentence', type: 'string' },
      { name: 'label', type: 'categorical', description: 'Hugging Face feature type `class_label`', values: ['unacceptable', 'acceptable'] },
      { name: 'idx', type: 'integer', description: 'Hugging Face feature type `int32`' },
    ]);
    expect(glue.data.splits?.parts).toEqual([{ name: 'train', rows: 8551 }, { name: 'test', rows: 1063 }]);
    expect(glue.body).toContain('| train | 67349 |  |');
  });

  it('warns when a written entry is larger than the catalog accepts', async () => {
    const project = writeProject({ 'cardcat.config.yaml': 'max_file_bytes: 200\n', 'card/README.md': SQUAD_CARD });
    const result = await run(project, 'import', 'hf-dataset', 'card/README.md');
    expect(result.stdout).toMatch(/warning: `content\/datasets\/card.md` is [\d,]+ bytes, over `max_file_bytes` \(200\): check will refuse it/);
  });
});
