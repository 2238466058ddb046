import { describe, expect, it } from 'vitest';
import { checkCroissant } from '../../src/lib/interchange/croissant-check.ts';
import { CROISSANT_CONTEXT } from '../../src/lib/interchange/export/croissant.ts';
import { EXPORTERS, exportProblems } from '../../src/lib/interchange/export/index.ts';
import { demoCatalog } from './catalogs.ts';

/** A small file mlcroissant accepts, which each test breaks in one way. */
function valid(): Record<string, any> {
  return {
    '@context': CROISSANT_CONTEXT,
    '@type': 'sc:Dataset',
    conformsTo: 'http://mlcommons.org/croissant/1.0',
    name: 'Tiny',
    description: 'A tiny dataset.',
    license: 'https://spdx.org/licenses/MIT.html',
    url: 'https://example.com/tiny',
    version: '1.0.0',
    citeAs: '@misc{tiny, title = {Tiny}}',
    distribution: [
      { '@type': 'cr:FileObject', '@id': 'a.csv', name: 'a.csv', contentUrl: 'https://example.com/a.csv', encodingFormat: 'text/csv', sha256: 'ab'.repeat(32) },
      { '@type': 'cr:FileSet', '@id': 'parts', name: 'parts', encodingFormat: 'application/x-parquet', includes: 'parts/*.parquet' },
    ],
    recordSet: [
      {
        '@type': 'cr:RecordSet',
        '@id': 'rows',
        name: 'rows',
        description: 'Rows.',
        field: [{ '@type': 'cr:Field', '@id': 'rows/x', name: 'x', description: 'X.', dataType: 'sc:Integer', source: { fileObject: { '@id': 'a.csv' }, extract: { column: 'x' } } }],
      },
      {
        '@type': 'cr:RecordSet',
        '@id': 'splits',
        name: 'splits',
        description: 'Splits.',
        dataType: 'cr:Split',
        key: { '@id': 'splits/name' },
        field: [{ '@type': 'cr:Field', '@id': 'splits/name', name: 'name', description: 'Name.', dataType: 'sc:Text' }],
        data: [{ 'splits/name': 'train' }],
      },
    ],
  };
}

const errorsOf = (doc: unknown) => checkCroissant(doc).errors.map((e) => `${e.at}: ${e.message}`);

describe('the Croissant checks', () => {
  it('accept a file that meets every rule, with no warning', () => {
    expect(checkCroissant(valid())).toEqual({ errors: [], warnings: [] });
  });

  it('require a checksum on a file unless the dataset is live', () => {
    const doc = valid();
    delete doc.distribution[0].sha256;
    expect(errorsOf(doc)).toEqual(["distribution[0] (a.csv): At least one of these properties should be defined: ['md5', 'sha256']."]);
    expect(errorsOf({ ...doc, isLiveDataset: true })).toEqual([]);
  });

  it('require encodingFormat, name and includes on a FileSet, and a MIME type', () => {
    const doc = valid();
    delete doc.distribution[1].includes;
    doc.distribution[0].encodingFormat = 'parquet';
    expect(errorsOf(doc)).toEqual([
      'distribution[0] (a.csv): `encodingFormat` `parquet` is not a MIME type such as `text/csv`',
      'distribution[1] (parts): Property "cr:includes" is mandatory, but does not exist.',
    ]);
  });

  it('require a source or inline data on every field, not both', () => {
    const doc = valid();
    delete doc.recordSet[0].field[0].source;
    doc.recordSet[1].field[0].source = { fileObject: { '@id': 'a.csv' } };
    expect(errorsOf(doc)).toEqual([
      'recordSet[0] (rows) > field[0] (rows/x): The field has neither a `source` nor inline `data` in its record set',
      'recordSet[1] (splits) > field[0] (splits/name): The field has a `source` and its record set has inline `data`: give one',
    ]);
  });

  it('report references that name no node and ids used twice', () => {
    const doc = valid();
    doc.recordSet[0].field[0].source.fileObject = { '@id': 'b.csv' };
    doc.distribution[1]['@id'] = 'a.csv';
    expect(errorsOf(doc)).toEqual([
      'distribution[1] (a.csv): `@id` `a.csv` is also the id of distribution[0] (a.csv): ids must be unique',
      'recordSet[0] (rows) > field[0] (rows/x): `source.fileObject` refers to `b.csv`, which no node of the file has as `@id`',
    ]);
  });

  it('report fields read from two files without a join', () => {
    const doc = valid();
    doc.recordSet[0].field.push({ '@type': 'cr:Field', '@id': 'rows/y', name: 'y', description: 'Y.', dataType: 'sc:Text', source: { fileSet: { '@id': 'parts' }, extract: { column: 'y' } } });
    expect(errorsOf(doc)).toEqual(['recordSet[0] (rows): Fields read from a.csv, parts without a join: declare `references` between them']);
  });

  it('require a data type mlcroissant reads, and inline rows that give every field', () => {
    const doc = valid();
    doc.recordSet[0].field[0].dataType = 'sc:AudioObject';
    doc.recordSet[1].data = [{ 'splits/name': 'train', rows: 3 }];
    expect(errorsOf(doc)).toEqual([
      'recordSet[0] (rows) > field[0] (rows/x): The field does not specify a valid dataType. Got: AudioObject',
      "recordSet[1] (splits): Line #0 doesn't have the expected columns. Expected: splits/name. Got: splits/name, rows.",
    ]);
  });

  it('warn of a version that is not MAJOR.MINOR.PATCH and of a missing citeAs', () => {
    const doc = valid();
    doc.version = '2026-11';
    delete doc.citeAs;
    const report = checkCroissant(doc);
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((w) => w.message)).toEqual(['Property "cr:citeAs" is recommended, but does not exist.', "Version doesn't follow MAJOR.MINOR.PATCH: 2026-11."]);
  });
});

describe('the export command\'s check', () => {
  it('names each file and rule the checks reject, and nothing in the demo\'s export', () => {
    const doc = valid();
    delete doc.distribution[0].sha256;
    expect(exportProblems('croissant', [{ path: 'croissant/tiny.json', text: JSON.stringify(doc) }])).toEqual([
      "croissant/tiny.json: distribution[0] (a.csv): At least one of these properties should be defined: ['md5', 'sha256'].",
    ]);
    expect(exportProblems('croissant', EXPORTERS.croissant.run(demoCatalog()))).toEqual([]);
    expect(exportProblems('hf', [{ path: 'x', text: 'not json' }])).toEqual([]);
  });
});
