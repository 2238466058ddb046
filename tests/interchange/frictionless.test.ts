import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { dataPackageOf } from '../../src/lib/interchange/export/frictionless.ts';
import type { Catalog, Entry } from '../../src/lib/types.ts';
import { catalogOf } from '../helpers/catalog.ts';
import { demoCatalog, syntheticCatalog } from './catalogs.ts';
import { repoRoot } from './helpers.ts';

/** The v2 Data Package and Table Schema JSON Schemas kept in the repository (see SOURCE.md there). */
const schemaDir = path.join(repoRoot, 'tests/fixtures/frictionless-v2');
const load = (name: string) => JSON.parse(readFileSync(path.join(schemaDir, name), 'utf8'));
// Formats (`uri`, `date-time`, `email`) are not checked: ajv needs a plugin for them.
const ajv = new Ajv({ strict: false, validateFormats: false });
ajv.addSchema(load('tableschema.json'));
const validate = ajv.compile(load('datapackage.json'));

const datasets = (catalog: Catalog) => catalog.entries.filter((e): e is Entry<'dataset'> => e.kind === 'dataset');

describe('the Data Package JSON Schema', () => {
  it('rejects a package without resources and a resource with both path and data', () => {
    expect(validate({ name: 'x' })).toBe(false);
    expect(validate({ resources: [{ name: 'a', path: 'a.csv', data: [] }] })).toBe(false);
    expect(validate({ resources: [{ name: 'a', path: 'a.csv', schema: { fields: [{ name: 'n', type: 'integer', constraints: { minimum: 0.5 } }] } }] })).toBe(false);
    expect(validate({ resources: [{ name: 'a', path: 'a.csv', schema: { fields: [{ name: 'n', type: 'integer', constraints: { minimum: 0 } }] } }] })).toBe(true);
  });
});

describe.each([
  ['the demo', () => demoCatalog()],
  ['a synthetic catalog of 300 entries', () => syntheticCatalog().catalog],
])('Data Package export of %s', (_, loadCatalog) => {
  const catalog = loadCatalog();
  const packages = datasets(catalog).map((e) => ({ id: e.id, pkg: dataPackageOf(catalog, e) }));

  it('writes a package for every dataset with a location', () => {
    expect(packages.length).toBeGreaterThan(5);
    for (const { id, pkg } of packages) expect(pkg === undefined, id).toBe((catalog.byId.get(id) as Entry<'dataset'>).data.location === undefined);
  });

  it('validates every package against the v2 JSON Schemas', () => {
    const invalid = packages.filter(({ pkg }) => pkg && !validate(JSON.parse(JSON.stringify(pkg)))).map(({ id, pkg }) => (validate(JSON.parse(JSON.stringify(pkg))), { id, errors: validate.errors?.slice(0, 3) }));
    expect(invalid).toEqual([]);
  });
});

describe('a Data Package', () => {
  const catalog = catalogOf({
    'teams/data-team.yaml': 'title: Data team\ndescription: Keeps the data.\nmembers:\n  - { name: Dee Ata }\n',
    'datasets/events.md': `---
title: Events
description: One row per event.
owners: [data-team]
location: { uri: s3://acme/events.csv, format: csv, sha256: ${'b'.repeat(64)} }
size: { bytes: 10 }
versions: [{ version: 1.0.0, date: 2026-01-02 }]
sample_id: id
schema:
  - { name: id, type: string, nullable: false }
  - { name: score, type: float, range: [0, 1] }
  - { name: region, type: categorical, values: [EU, NA] }
rights: { license: CC-BY-4.0 }
---
`,
  });
  const pkg = dataPackageOf(catalog, catalog.byId.get('events') as Entry<'dataset'>)!;

  it('describes the data as one resource with its table schema, checksum and license', () => {
    expect(pkg).toMatchObject({
      $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
      name: 'events',
      version: '1.0.0',
      created: '2026-01-02T00:00:00Z',
      contributors: [{ title: 'Data team', roles: ['maintainer'] }],
      licenses: [{ name: 'CC-BY-4.0', path: 'https://spdx.org/licenses/CC-BY-4.0.html' }],
    });
    expect(pkg['resources']).toEqual([
      {
        name: 'events',
        type: 'table',
        path: 's3://acme/events.csv',
        format: 'csv',
        mediatype: 'text/csv',
        bytes: 10,
        hash: `sha256:${'b'.repeat(64)}`,
        schema: {
          fields: [
            { name: 'id', type: 'string', constraints: { required: true } },
            { name: 'score', type: 'number', constraints: { minimum: 0, maximum: 1 } },
            { name: 'region', type: 'string', constraints: { enum: ['EU', 'NA'] } },
          ],
          primaryKey: ['id'],
        },
      },
    ]);
    expect(validate(pkg)).toBe(true);
  });
});
