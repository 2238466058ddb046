/** What source, dataset and health pages show of a fixed probe state file. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryPage } from '../../src/lib/pages/entry.ts';
import { healthPage } from '../../src/lib/pages/health.ts';
import { probeHealth, siteProbes } from '../../src/lib/pages/probes.ts';
import { parseState, readSiteState } from '../../src/lib/probe/state.ts';
import { catalogOf, OWNERS } from '../helpers/catalog.ts';
import { demoCatalog, roundTrip } from './demo.ts';

const catalog = catalogOf({
  ...OWNERS,
  'sources/api.yaml': 'title: API\ntype: api\nowners: [data-team]\nurl: https://api.example/info\nbackup_source: mirror\n',
  'sources/mirror.yaml': 'title: Mirror\ntype: api\nowners: [dee-ata]\nurl: https://mirror.example/\n',
  'sources/fresh.yaml': 'title: Fresh\ntype: api\nowners: [data-team]\nurl: https://fresh.example/\n',
  'sources/db.yaml': 'title: DB\ntype: database\nowners: [data-team]\nurl: postgres://db.example/x\n',
  'datasets/files.yaml': 'title: Files\ndescription: Files.\nowners: [data-team]\nlocation: { uri: [s3://bucket/files/, https://files.example/files.zip] }\n',
  'datasets/lake.yaml': 'title: Lake\ndescription: In the lake.\nowners: [data-team]\nlocation: { uri: s3://bucket/lake/ }\n',
});

// api down since the 1st after three probes; mirror's ETag and body changed at its last probe;
// the zip answers as before; fresh is not probed yet.
const STATE = `version: 1
locations:
  https://api.example/info:
    latest: { at: 2026-12-03T05:17:00Z, ok: false, method: HEAD, status: 503, error: HTTP 503 Service Unavailable }
    down_since: 2026-12-01T05:17:00Z
    failures: 3
    history: []
  https://mirror.example/:
    latest: { at: 2026-12-03T05:17:00Z, ok: true, method: HEAD, status: 200, etag: '"v2"', sha256: ${'b'.repeat(64)}, changed: [ etag, sha256 ] }
    history:
      - { at: 2026-12-02T05:17:00Z, ok: true, method: HEAD, status: 200, etag: '"v1"', sha256: ${'a'.repeat(64)} }
  https://files.example/files.zip:
    latest: { at: 2026-12-03T05:17:00Z, ok: true, method: GET, status: 200, content_length: 99999999, note: not hashed }
    history: []
`;
const probes = siteProbes(catalog, parseState(STATE, 'probes.yaml'));

describe('the last probe on source and dataset pages', () => {
  it('shows an unreachable source with its error, since when, how many probes in a row, and its backup', () => {
    const page = entryPage(catalog, 'api', { probes });
    expect(roundTrip(page)).toEqual(page);
    expect(page.probe).toEqual({
      status: 'unreachable',
      addresses: [{ url: 'https://api.example/info', status: 'unreachable', at: '2026-12-03 05:17 UTC', httpStatus: 503, error: 'HTTP 503 Service Unavailable', since: '2026-12-01 05:17 UTC', failures: 3 }],
      backup: expect.stringContaining('>Mirror</a>'),
    });
  });

  it('says which signals changed at the last probe, from what to what, with hashes cut short', () => {
    expect(entryPage(catalog, 'mirror', { probes }).probe!.addresses[0]).toMatchObject({
      status: 'changed',
      at: '2026-12-03 05:17 UTC',
      httpStatus: 200,
      changed: ['ETag "v1" → "v2"', `SHA-256 ${'a'.repeat(12)}… → ${'b'.repeat(12)}…`],
    });
  });

  it("lists each of a dataset's addresses, naming why one is not probed, and puts the section after where it is found", () => {
    const page = entryPage(catalog, 'files', { probes });
    expect(page.probe!.status).toBe('reachable');
    expect(page.probe!.addresses).toEqual([
      { url: 's3://bucket/files/', status: 'not-probed', reason: 'the `s3://` scheme cannot be reached over HTTP' },
      { url: 'https://files.example/files.zip', status: 'reachable', at: '2026-12-03 05:17 UTC', httpStatus: 200, note: 'not hashed' },
    ]);
    expect(page.toc.slice(0, 2).map((t) => t.id)).toEqual(['where', 'probe']);
  });

  it('says an address is not probed yet when the state file does not have it', () => {
    expect(entryPage(catalog, 'fresh', { probes }).probe!.addresses).toEqual([{ url: 'https://fresh.example/', status: 'not-probed', reason: 'not probed yet' }]);
  });

  it('shows no probe section for an entry with no address the probe can reach, nor without a state file', () => {
    expect(entryPage(catalog, 'lake', { probes }).probe).toBeUndefined();
    expect(entryPage(catalog, 'db', { probes }).probe).toBeUndefined();
    const bare = entryPage(catalog, 'api');
    expect(bare.probe).toBeUndefined();
    expect(bare.toc.map((t) => t.id)).not.toContain('probe');
  });
});

describe('probes on the health page', () => {
  it('lists the unreachable and the changed sources and datasets with their owners and only the addresses concerned', () => {
    const health = healthPage(catalog, { probes }).probes;
    expect(health.probed).toBe(true);
    expect(health.unreachable).toEqual([
      { ref: expect.stringContaining('>API</a>'), kind: 'Source', owners: [expect.stringContaining('>Data team</a>')], addresses: [expect.objectContaining({ url: 'https://api.example/info', failures: 3 })], backup: expect.stringContaining('>Mirror</a>') },
    ]);
    expect(health.changed.map((r) => [r.ref, r.owners])).toEqual([[expect.stringContaining('>Mirror</a>'), [expect.stringContaining('>Dee Ata</a>')]]]);
  });

  it('says when there are no results, and passes on why a state file shows none', () => {
    expect(healthPage(catalog).probes).toEqual({ probed: false, warning: undefined, unreachable: [], changed: [] });
    expect(probeHealth(catalog, undefined, 'probes.yaml:2:3: bad.')).toMatchObject({ probed: false, warning: 'probes.yaml:2:3: bad.' });
  });
});

describe('the state file as the site reads it', () => {
  it('reads nothing, and warns of nothing, when there is no state file', () => {
    const content = path.join(path.dirname(catalog.root), 'elsewhere', 'content');
    expect(readSiteState(content)).toEqual({ file: path.join(path.dirname(content), 'probes.yaml') });
  });

  it('turns a malformed state file into a warning naming its line, instead of failing', () => {
    const file = path.join(path.dirname(catalog.root), 'probes.yaml');
    writeFileSync(file, 'version: 1\nlocations:\n  https://x.example/:\n    latest: { at: yesterday, ok: true, method: HEAD }\n');
    const read = readSiteState(catalog.root, (abs) => path.basename(abs));
    expect(read.state).toBeUndefined();
    expect(read.warning).toMatch(/^probes\.yaml:4:\d+: .* at `locations\.https:\/\/x\.example\/\.latest\.at`\. Fix the file, or delete it: the next probe writes a new one\. The site shows no probe results until then\.$/);
    writeFileSync(file, 'version: 1\nlocations: {\n');
    expect(readSiteState(catalog.root, (abs) => path.basename(abs)).warning).toMatch(/^probes\.yaml:\d+:\d+: /);
  });

  it("gives the demo's source and dataset pages the results of its committed probes.yaml", () => {
    const demo = demoCatalog();
    const read = readSiteState(demo.root);
    expect(read.warning).toBeUndefined();
    const demoProbes = siteProbes(demo, read.state!);
    const playback = entryPage(demo, 'playback-api', { probes: demoProbes }).probe!;
    expect(playback).toMatchObject({ status: 'unreachable', addresses: [{ since: '2026-12-01 05:17 UTC', failures: 2 }], backup: expect.stringContaining('/sources/cdn-logs/') });
    expect(entryPage(demo, 'openreel-site', { probes: demoProbes }).probe!.status).toBe('changed');
    expect(entryPage(demo, 'openreel-ratings', { probes: demoProbes }).probe!.addresses.map((a) => a.status)).toEqual(['not-probed', 'reachable']);
    const health = healthPage(demo, { probes: demoProbes }).probes;
    expect(health.unreachable.map((r) => r.ref)).toEqual([expect.stringContaining('/sources/playback-api/')]);
  });
});
