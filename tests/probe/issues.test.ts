import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISSUE_LABEL, issueKey, planIssues, type OpenIssue } from '../../src/lib/probe/issues.ts';
import type { EntryReport, ProbeReport } from '../../src/lib/probe/report.ts';
import { main } from '../../scripts/probe-issues.ts';
import { writeProject } from '../helpers/catalog.ts';

const AT = '2026-12-04T05:17:00.000Z';

const entry = (id: string, status: EntryReport['status'], extra: Partial<EntryReport> = {}): EntryReport => ({
  id,
  kind: 'source',
  file: `content/sources/${id}.yaml`,
  title: `The ${id}`,
  owners: [{ id: 'platform-team', kind: 'team' }, { id: 'ana-lopez', kind: 'person' }],
  status,
  locations:
    status === 'unreachable'
      ? [{ url: `https://${id}.example/`, field: 'url', status, probed_now: true, at: AT, error: 'connection refused', since: '2026-12-02T05:17:00Z', failures: 3 }]
      : status === 'changed'
        ? [{ url: `https://${id}.example/`, field: 'url', status, probed_now: true, at: AT, http_status: 200, changed: [{ signal: 'etag', before: '"a"', after: '"b"' }] }]
        : [{ url: `https://${id}.example/`, field: 'url', status, probed_now: true, at: AT, http_status: 200 }],
  ...extra,
});

const report = (...entries: EntryReport[]): ProbeReport => ({ at: AT, summary: { unreachable: 0, changed: 0, reachable: 0, 'not-probed': 0, probed: 0, not_due: 0 }, entries });

/** The issues the workflow would see after carrying out `plan` on `open`. */
function apply(open: OpenIssue[], plan: ReturnType<typeof planIssues>): OpenIssue[] {
  let next = open.length ? Math.max(...open.map((i) => i.number)) + 1 : 1;
  let issues = [...open];
  for (const step of plan) {
    if (step.action === 'create') issues.push({ number: next++, title: step.title, body: step.body });
    if (step.action === 'update') issues = issues.map((i) => (i.number === step.number ? { ...i, title: step.title, body: step.body } : i));
    if (step.action === 'close') issues = issues.filter((i) => i.number !== step.number);
  }
  return issues;
}

describe('issues for probe results', () => {
  it('opens one issue per unreachable or changed entry, mentioning its owners, and none for the rest', () => {
    const plan = planIssues(report(entry('playback-api', 'unreachable', { backup_source: 'cdn-logs' }), entry('openreel-site', 'changed'), entry('billing-db', 'reachable')), [], { githubOrg: 'lumen', runUrl: 'https://github.com/x/y/actions/runs/1' });
    expect(plan.map((a) => a.action === 'create' && a.title)).toEqual(['Source playback-api is unreachable', 'Source openreel-site changed']);
    const [down, changed] = plan as Extract<(typeof plan)[number], { action: 'create' }>[];
    expect(down!.labels).toEqual([ISSUE_LABEL]);
    expect(down!.body).toMatchInlineSnapshot(`
      "<!-- cardcat-probe: playback-api unreachable -->
      **The playback-api** (\`content/sources/playback-api.yaml\`) could not be reached.

      Owners: @lumen/platform-team, \`ana-lopez\`

      - https://playback-api.example/ (\`url\`): connection refused; unreachable since 2026-12-02T05:17:00Z (3 probes in a row)

      Its backup source is \`cdn-logs\`.

      This issue closes itself when a probe reaches the address again. If the address moved, update the entry.

      Probed at 2026-12-04T05:17:00.000Z by \`npm run probe\` in [this run](https://github.com/x/y/actions/runs/1)."
    `);
    expect(changed!.body).toContain('- https://openreel-site.example/ (`url`): changed: etag "a" → "b"; HTTP 200, probed 2026-12-04T05:17:00.000Z\n');
    expect(issueKey({ number: 1, title: '', body: changed!.body })).toEqual({ id: 'openreel-site', status: 'changed' });
  });

  it('leaves an issue alone when nothing in it would change, and updates it when something does', () => {
    const first = report(entry('playback-api', 'unreachable'));
    const open = apply([], planIssues(first, []));
    expect(planIssues(first, open)).toEqual([]);
    const later = report(entry('playback-api', 'unreachable', { locations: [{ ...entry('x', 'unreachable').locations[0]!, url: 'https://playback-api.example/', failures: 4 }] }));
    const plan = planIssues(later, open);
    expect(plan).toEqual([{ action: 'update', number: 1, title: 'Source playback-api is unreachable', body: expect.stringContaining('(4 probes in a row)') }]);
  });

  it('closes an unreachable entry’s issue when it is back, and says so', () => {
    const open = apply([], planIssues(report(entry('playback-api', 'unreachable')), []));
    expect(planIssues(report(entry('playback-api', 'reachable')), open)).toEqual([{ action: 'close', number: 1, comment: `Reachable again (probed ${AT}).` }]);
  });

  it('keeps a changed entry’s issue open for its owners to close, and comments when it changes again', () => {
    const open = apply([], planIssues(report(entry('openreel-site', 'changed')), []));
    expect(planIssues(report(entry('openreel-site', 'reachable')), open)).toEqual([]);
    const again = planIssues(report(entry('openreel-site', 'changed')), open);
    expect(again).toEqual([{ action: 'update', number: 1, title: 'Source openreel-site changed', body: open[0]!.body, comment: `Changed again (probed ${AT}).` }]);
  });

  it('turns a changed entry’s issue into an unreachable one, with a comment, rather than opening a second', () => {
    const open = apply([], planIssues(report(entry('openreel-site', 'changed')), []));
    const plan = planIssues(report(entry('openreel-site', 'unreachable')), open);
    expect(plan).toMatchObject([{ action: 'update', number: 1, title: 'Source openreel-site is unreachable', comment: `Now unreachable (probed ${AT}).` }]);
  });

  it('closes the issue of an entry that left the catalog, and ignores issues it did not open', () => {
    const open = [...apply([], planIssues(report(entry('old-feed', 'unreachable')), [])), { number: 7, title: 'Unrelated', body: 'Something else' }];
    expect(planIssues(report(), open)).toEqual([{ action: 'close', number: 1, comment: '`old-feed` is no longer in the catalog.' }]);
  });

  it('runs as the script the workflow calls, from a report file and an issues file', () => {
    const root = writeProject({});
    const reportFile = path.join(root, 'probe.json');
    const issuesFile = path.join(root, 'open.json');
    writeFileSync(reportFile, JSON.stringify(report(entry('playback-api', 'unreachable'))));
    writeFileSync(issuesFile, '[]');
    const plan = JSON.parse(main([reportFile, issuesFile, '--github-org', '', '--run-url', ''])) as { action: string; body: string }[];
    expect(plan.map((a) => a.action)).toEqual(['create']);
    expect(plan[0]!.body).toContain('Owners: `platform-team`, `ana-lopez`');
    expect(() => main([reportFile])).toThrow(/^Usage: /);
  });
});
