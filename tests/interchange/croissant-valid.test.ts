import { describe, expect, it } from 'vitest';
import { checkCroissant } from '../../src/lib/interchange/croissant-check.ts';
import { croissantOf } from '../../src/lib/interchange/export/croissant.ts';
import type { Catalog, Entry } from '../../src/lib/types.ts';
import { catalogOf } from '../helpers/catalog.ts';
import { demoCatalog, syntheticCatalog } from './catalogs.ts';

const datasets = (catalog: Catalog) => catalog.entries.filter((e): e is Entry<'dataset'> => e.kind === 'dataset');

describe.each([
  ['the demo', () => demoCatalog()],
  ['a synthetic catalog of 300 entries', () => syntheticCatalog().catalog],
])('Croissant export of %s', (_, load) => {
  const catalog = load();
  const reports = datasets(catalog).map((entry) => ({ id: entry.id, report: checkCroissant(JSON.parse(JSON.stringify(croissantOf(catalog, entry)))) }));

  it('has datasets to check', () => {
    expect(reports.length).toBeGreaterThan(5);
  });

  it('passes every mlcroissant check with no error', () => {
    expect(reports.filter((r) => r.report.errors.length).map((r) => ({ id: r.id, errors: r.report.errors }))).toEqual([]);
  });

  it('warns only where the catalog lacks a semantic version, a license, a page or a column description', () => {
    const other = reports.flatMap((r) => r.report.warnings.filter((w) => !/"sc:(version|license|description|url)"/.test(w.message)).map((w) => `${r.id} ${w.at}: ${w.message}`));
    expect(other).toEqual([]);
  });
});

describe('Croissant export of one dataset', () => {
  const team = 'title: Data team\ndescription: Keeps the data.\nmembers:\n  - { name: Dee Ata, email: dee@example.com }\n';
  const upstream = `---\ntitle: Raw events\ndescription: Raw.\nowners: [data-team]\nlocation: { uri: s3://acme/raw/, format: jsonl.gz }\n---\n`;
  const events = (location: string, version: string) => `---
title: Play events
description: One row per play event.
owners: [data-team]
location: ${location}
versions:
  - { version: "${version}", date: 2026-09-30 }
derived_from:
  - { dataset: raw-events, version: "2026-09" }
schema:
  - { name: event_id, type: string, pii: pseudonymous }
  - { name: payload, type: struct, description: Raw body }
rights: { license: lumen-internal, personal_data: true, allowed_uses: [research] }
---
# Motivation

Why.
`;
  const license = 'title: Lumen internal\ndescription: Internal use only.\nowners: [data-team]\n';
  const config = 'site:\n  url: https://catalog.example.com/\nuses:\n  research: {}\n';
  const exported = (location: string, version = '1.2.0') => {
    const catalog = catalogOf(
      { 'teams/data-team.yaml': team, 'datasets/raw-events.md': upstream, 'datasets/play-events.md': events(location, version), 'licenses/lumen-internal.yaml': license },
      { config },
    );
    return croissantOf(catalog, catalog.byId.get('play-events') as Entry<'dataset'>) as Record<string, any>;
  };

  it('writes a file with its checksum, and is not live', () => {
    const doc = exported(`{ uri: s3://acme/events.parquet, format: parquet, sha256: ${'a'.repeat(64)} }`);
    expect(doc.distribution).toEqual([
      { '@type': 'cr:FileObject', '@id': 'location-1', name: 'events.parquet', contentUrl: 's3://acme/events.parquet', encodingFormat: 'application/x-parquet', sha256: 'a'.repeat(64) },
    ]);
    expect(doc.isLiveDataset).toBeUndefined();
    expect(checkCroissant(doc).errors).toEqual([]);
  });

  it('marks the dataset live when a file has no known checksum, and writes folders as FileSets', () => {
    const doc = exported('{ uri: [s3://acme/events/, "snowflake://acme/EVENTS"], format: parquet }');
    expect(doc.isLiveDataset).toBe(true);
    expect(doc.distribution).toEqual([
      { '@type': 'cr:FileSet', '@id': 'location-1', name: 'events', encodingFormat: 'application/x-parquet', includes: 's3://acme/events/**/*.parquet' },
      { '@type': 'cr:FileObject', '@id': 'location-2', name: 'EVENTS', contentUrl: 'snowflake://acme/EVENTS', encodingFormat: 'application/x-parquet' },
    ]);
    // Both locations hold the same table: every field reads from the first.
    expect(doc.recordSet[0].field.map((f: any) => f.source)).toEqual([
      { fileSet: { '@id': 'location-1' }, extract: { column: 'event_id' } },
      { fileSet: { '@id': 'location-1' }, extract: { column: 'payload' } },
    ]);
    expect(checkCroissant(doc).errors).toEqual([]);
  });

  it('writes a semantic version, a citation, lineage and rights in the RAI vocabulary', () => {
    const doc = exported('{ uri: s3://acme/events/, format: parquet }');
    expect(doc.version).toBe('1.2.0');
    expect(doc.citeAs).toBe('@misc{play-events,\n  title = {Play events},\n  author = {{Data team}},\n  year = {2026},\n  version = {1.2.0},\n  url = {https://catalog.example.com/datasets/play-events/}\n}');
    const upstreamRef = { '@type': 'sc:Dataset', name: 'Raw events', identifier: 'raw-events', url: 'https://catalog.example.com/datasets/raw-events/', version: '2026-09' };
    expect(doc.isBasedOn).toEqual([upstreamRef]);
    expect(doc['prov:wasDerivedFrom']).toEqual([upstreamRef]);
    expect(doc.license).toEqual({ '@type': 'sc:CreativeWork', name: 'Lumen internal', identifier: 'lumen-internal', url: 'https://catalog.example.com/licenses/lumen-internal/' });
    expect(doc['rai:personalSensitiveInformation']).toBe('Personal data: yes. Personal-data columns: event_id (pseudonymous).');
    expect(doc['rai:dataUseCases']).toBe('Allowed uses: research.');
  });

  it('keeps a version that is not MAJOR.MINOR.PATCH out of `version` and in the extension', () => {
    const doc = exported('{ uri: s3://acme/events/, format: parquet }', '2026-09');
    expect(doc.version).toBeUndefined();
    expect(doc['cardcat:versions']).toEqual([{ version: '2026-09', date: '2026-09-30' }]);
  });
});
