import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbeReport } from '../../src/lib/probe/report.ts';
import { parseState } from '../../src/lib/probe/state.ts';
import { writeProject } from '../helpers/catalog.ts';
import { closedPort, file, serve, type TestServer } from '../probe/server.ts';
import { run, runBinary } from './run.ts';

let server: TestServer;
let version = 1;
let deadPort: number;
beforeAll(async () => {
  deadPort = await closedPort();
  server = await serve({
    '/export.csv': (req, res) => file(`id,value\n1,${version}\n`, { etag: `"e${version}"` })(req, res),
    '/terms': file('Terms of use'),
    '/api': (req, res) => (req.method === 'HEAD' ? res.writeHead(405).end() : file('{"ok":true}')(req, res)),
  });
});
afterAll(() => server.close());

function project(config = 'probe: { timeout_seconds: 2 }\n') {
  const root = writeProject({
    'cardcat.config.yaml': config,
    'content/teams/data-team.yaml': 'title: Data team\n',
    'content/people/dee-ata.yaml': 'title: Dee Ata\nemail: dee@example.com\nteams: [data-team]\n',
    'content/sources/vendor-export.yaml': `title: Vendor export\ntype: vendor\nowners: [data-team, dee-ata]\nurl: ${server.base}/export.csv\nchecked: { how: probe, every: 7d }\n`,
    'content/sources/status-api.yaml': `title: Status API\ntype: api\nowners: [data-team]\nurl: ${server.base}/api\n`,
    'content/sources/gone-api.yaml': `title: Gone API\ntype: api\nowners: [dee-ata]\nurl: http://127.0.0.1:${deadPort}/v1\nbackup_source: vendor-export\n`,
    'content/sources/bucket.yaml': 'title: Bucket\ntype: file\nowners: [data-team]\nurl: s3://bucket/path/\n',
    'content/sources/manual-sheets.yaml': 'title: Manual sheets\ntype: manual\nowners: [data-team]\n',
    'content/licenses/plain-terms.yaml': 'title: Plain terms\nowners: [data-team]\n',
    'content/licenses/vendor-terms.yaml': `title: Vendor terms\nowners: [data-team]\nurl: ${server.base}/terms\n`,
  });
  return { root, content: path.join(root, 'content'), state: path.join(root, 'probes.yaml') };
}

const probe = async (root: string, ...args: string[]) => run(['probe', '--content', path.join(root, 'content'), ...args], root);

describe('probe', () => {
  it('reports each entry with its owners, exits 1 for an unreachable source, and names its backup', async () => {
    version = 1;
    const { root, state } = project();
    const result = await probe(root, '--format', 'json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as ProbeReport;
    const byId = Object.fromEntries(report.entries.map((e) => [e.id, e]));
    // A license without a url has nothing to probe and is left out rather than listed as not probed.
    expect(Object.fromEntries(report.entries.map((e) => [e.id, e.status]))).toEqual({
      'vendor-terms': 'reachable',
      bucket: 'not-probed',
      'gone-api': 'unreachable',
      'manual-sheets': 'not-probed',
      'status-api': 'reachable',
      'vendor-export': 'reachable',
    });
    expect(byId['gone-api']).toMatchObject({ owners: [{ id: 'dee-ata', kind: 'person' }], backup_source: 'vendor-export', locations: [{ error: 'connection refused', failures: 1 }] });
    expect(byId['bucket']!.locations[0]!.reason).toBe('the `s3://` scheme cannot be reached over HTTP');
    expect(byId['manual-sheets']!.reason).toBe('no URL: add `url` to the source to have it probed');
    expect(byId['status-api']!.locations[0]).toMatchObject({ http_status: 200, probed_now: true });
    expect(byId['vendor-export']!.owners).toEqual([{ id: 'data-team', kind: 'team' }, { id: 'dee-ata', kind: 'person' }]);
    // The report and the state file carry the same stamp for the run.
    expect(report.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(byId['status-api']!.locations[0]!.at).toBe(report.at);
    expect(report.summary).toEqual({ unreachable: 1, changed: 0, reachable: 3, 'not-probed': 2, probed: 4, not_due: 0 });
    const saved = parseState(readFileSync(state, 'utf8'), 'probes.yaml');
    expect(Object.keys(saved.locations).sort()).toEqual([`${server.base}/api`, `${server.base}/export.csv`, `${server.base}/terms`, `http://127.0.0.1:${deadPort}/v1`].sort());
    expect(saved.locations[`${server.base}/api`]!.latest.method).toBe('GET');
  });

  it('probes again only what is due, and reports a changed file with the signals that changed', async () => {
    version = 1;
    const { root } = project();
    await probe(root);
    version = 2;
    // Nothing is due a moment later except the unreachable address, retried on every run.
    const quiet = JSON.parse((await probe(root, '--format', 'json')).stdout) as ProbeReport;
    expect(quiet.summary.probed).toBe(1);
    expect(quiet.summary.not_due).toBe(3);
    const all = JSON.parse((await probe(root, '--format', 'json', '--all')).stdout) as ProbeReport;
    const vendor = all.entries.find((e) => e.id === 'vendor-export')!;
    expect(vendor.status).toBe('changed');
    expect(vendor.locations[0]!.changed!.map((c) => c.signal)).toEqual(['etag', 'sha256']);
    expect(vendor.locations[0]!.changed![0]).toEqual({ signal: 'etag', before: '"e1"', after: '"e2"' });
    const gone = all.entries.find((e) => e.id === 'gone-api')!;
    expect(gone.locations[0]!.failures).toBe(3);
  });

  it('prints a readable report, worst first, and GitHub annotations on the entries’ files', async () => {
    version = 1;
    const { root } = project();
    const pretty = await probe(root);
    const lines = pretty.stdout.split('\n');
    expect(lines[0]).toBe('✗ unreachable gone-api (source, content/sources/gone-api.yaml); owners: dee-ata');
    expect(lines[1]).toMatch(/^ {4}http:\/\/127\.0\.0\.1:\d+\/v1: connection refused; unreachable since \S+ \(1 probe in a row\)$/);
    expect(lines[2]).toBe('    backup source: vendor-export');
    expect(pretty.stdout).toContain('- not probed  bucket (source, content/sources/bucket.yaml); owners: data-team\n    s3://bucket/path/: the `s3://` scheme cannot be reached over HTTP');
    expect(pretty.stdout).toContain('4 addresses probed, 0 not due. Entries: 1 unreachable, 0 changed, 3 reachable, 2 not probed.');
    const github = await probe(root, '--format', 'github', '--all');
    expect(github.stdout.split('\n')[0]).toMatch(/^::error file=content\/sources\/gone-api\.yaml,title=probe%3A gone-api unreachable::http:\/\/127\.0\.0\.1:\d+\/v1: connection refused; unreachable since \S+ \(2 probes in a row\)%0ABackup source: vendor-export%0AOwners: dee-ata$/);
  });

  it('refuses a malformed state file with its place, and an unknown format, as usage errors', async () => {
    const { root } = project();
    const state = path.join(root, 'probes.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(state, 'version: 2\n');
    const bad = await probe(root);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^probes\.yaml:1:\d+: .*`version`\. Fix the file, or delete it/);
    expect((await probe(root, '--format', 'xml')).code).toBe(2);
  });

  it('runs as the real command line with the exit code CI sees', () => {
    version = 1;
    const { root } = project();
    const result = runBinary(['probe', '--content', path.join(root, 'content'), '--format', 'github'], root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error file=content\/sources\/gone-api\.yaml/);
  });
});
