import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/lib/types.ts';
import { writeProject } from '../helpers/catalog.ts';
import { catalogAt, run } from './helpers.ts';

const croissant = (name: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ '@context': { '@vocab': 'https://schema.org/', cr: 'http://mlcommons.org/croissant/' }, '@type': 'sc:Dataset', conformsTo: 'http://mlcommons.org/croissant/1.0', name, description: `${name} rows.`, ...extra });

describe('Croissant files from other tools', () => {
  it('give their file checksums, folder globs and MIME types back as the location', async () => {
    const sha = 'c'.repeat(64);
    const project = writeProject({
      'one.json': croissant('One', { distribution: [{ '@type': 'cr:FileObject', '@id': 'f', name: 'f', contentUrl: 'https://example.com/one.csv', encodingFormat: 'text/csv', sha256: sha }] }),
      'many.json': croissant('Many', { distribution: [{ '@type': 'cr:FileSet', '@id': 'p', name: 'p', encodingFormat: 'application/x-parquet', includes: 's3://acme/many/**/*.parquet' }] }),
    });
    expect((await run(project, 'import', 'croissant', '.')).code).toBe(0);
    const { catalog, errors } = catalogAt(project);
    expect(errors).toEqual([]);
    expect((catalog.byId.get('one') as Entry<'dataset'>).data.location).toEqual({ uri: 'https://example.com/one.csv', format: 'csv', sha256: sha });
    expect((catalog.byId.get('many') as Entry<'dataset'>).data.location).toEqual({ uri: 's3://acme/many/', format: 'parquet' });
  });
});
