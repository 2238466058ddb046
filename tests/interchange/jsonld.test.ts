import { describe, expect, it } from 'vitest';
import { datasetJsonLd, modelJsonLd } from '../../src/lib/interchange/export/jsonld.ts';
import type { Entry } from '../../src/lib/types.ts';
import { catalogOf } from '../helpers/catalog.ts';

describe('schema.org JSON-LD', () => {
  const team = 'title: Data team\ndescription: Keeps the data.\nmembers:\n  - { name: Dee Ata }\n';
  const catalog = catalogOf({
    'teams/data-team.yaml': team,
    'licenses/lumen-internal.yaml': 'title: Lumen internal\ndescription: Internal use only.\nowners: [data-team]\n',
    'datasets/one.md': '---\ntitle: One\ndescription: One file.\nowners: [data-team]\nlocation: { uri: s3://acme/one.csv, format: csv }\nsize: { bytes: 2048 }\nrights: { license: lumen-internal }\n---\n',
    'models/m.md': '---\ntitle: M\ndescription: A model.\nowners: [data-team]\nlicense: Apache-2.0\n---\n',
  });

  it('puts contentSize and a MIME encodingFormat on the DataDownload, not the Dataset', () => {
    const ld = datasetJsonLd(catalog, catalog.byId.get('one') as Entry<'dataset'>);
    expect(ld['distribution']).toEqual([{ '@type': 'DataDownload', contentUrl: 's3://acme/one.csv', encodingFormat: 'text/csv', contentSize: '2048 B' }]);
    expect(ld['contentSize']).toBeUndefined();
  });

  it('gives a license as a URL, or as a CreativeWork when no URL is known', () => {
    expect(datasetJsonLd(catalog, catalog.byId.get('one') as Entry<'dataset'>)['license']).toEqual({ '@type': 'CreativeWork', name: 'Lumen internal', identifier: 'lumen-internal' });
    expect(modelJsonLd(catalog, catalog.byId.get('m') as Entry<'model'>)['license']).toBe('https://spdx.org/licenses/Apache-2.0.html');
  });
});
