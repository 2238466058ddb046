import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/lib/types.ts';
import { writeProject } from '../helpers/catalog.ts';
import { catalogAt, run } from './helpers.ts';

const croissant = (name: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ '@context': { '@vocab': 'https://schema.org/', cr: 'http://mlcommons.org/croissant/' }, '@type': 'sc:Dataset', conformsTo: 'http://mlcommons.org/croissant/1.0', name, description: `${name} rows.`, ...extra });

describe('folder imports', () => {
  it('resolve lineage to a file that sorts after the one that names it', async () => {
    const project = writeProject({
      'in/aardvark.json': croissant('Aardvark', { 'prov:wasDerivedFrom': [{ '@id': 'zebra' }] }),
      'in/zebra.json': croissant('Zebra'),
    });
    const result = await run(project, 'import', 'croissant', 'in');
    expect(result.code).toBe(0);
    const { catalog, errors } = catalogAt(project);
    expect(errors).toEqual([]);
    expect((catalog.byId.get('aardvark') as Entry<'dataset'>).data.derived_from).toEqual([{ dataset: 'zebra' }]);
  });

  it('resolve a base model and training data named by cards later in the folder', async () => {
    const project = writeProject({
      'cards/a-reader/README.md': '---\nbase_model: zz-base\ndatasets: [zz-data]\n---\n# A reader\n\nReads questions and answers them from a passage.\n',
      'cards/zz-base/README.md': '---\nlicense: mit\n---\n# ZZ base\n\nA small pretrained encoder used as a starting point.\n',
      'data/zz-data/README.md': '---\npretty_name: ZZ data\n---\n# ZZ data\n\nQuestions and passages collected for the reader.\n',
    });
    expect((await run(project, 'import', 'hf-dataset', 'data')).code).toBe(0);
    expect((await run(project, 'import', 'hf-model', 'cards')).code).toBe(0);
    const { catalog, errors } = catalogAt(project);
    expect(errors).toEqual([]);
    const reader = catalog.byId.get('a-reader') as Entry<'model'>;
    expect(reader.data.inputs).toEqual([{ model: 'zz-base' }]);
    expect(reader.data.training).toEqual([{ dataset: 'zz-data' }]);
  });
});
