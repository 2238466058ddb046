/**
 * The routes glue reads the probe state file beside the content folder and the catalog's
 * git history: entry and health pages show both, a changed probes.yaml shows on the next
 * page in dev, and a malformed one is a warning of the build, not a failure.
 */
import { utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentState, entryPagePaths, healthModel, recentChangesModel } from '../../src/astro/pages.ts';
import { commit, git, writeFiles } from '../cli/git-repo.ts';
import { writeProject } from '../helpers/catalog.ts';

const TEAM = 'title: T\ndescription: A team.\nmembers:\n  - { name: A }\n';
const probes = (ok: boolean, at: string) => `version: 1
locations:
  https://api.example/info:
    latest: { at: ${at}, ok: ${ok}, method: HEAD, status: ${ok ? 200 : 503}${ok ? '' : ', error: HTTP 503 Service Unavailable'} }
${ok ? '' : `    down_since: ${at}\n    failures: 1\n`}    history: []
`;

let root: string;
let before: string | undefined;
beforeAll(() => {
  root = writeProject({
    'cardcat.config.yaml': 'site:\n  title: Glue\n  repo_url: https://github.com/acme/glue\n',
    'content/teams/t.yaml': TEAM,
    'content/sources/api.yaml': 'title: API\ndescription: The API.\ntype: api\nowners: [t]\nurl: https://api.example/info\n',
    'probes.yaml': probes(true, '2026-12-01T05:17:00Z'),
  });
  git(root, 'init', '-q');
  commit(root, 'Start the catalog');
  before = process.env['CATALOG_DIR'];
  process.env['CATALOG_DIR'] = path.join(root, 'content');
});
afterAll(() => {
  if (before === undefined) delete process.env['CATALOG_DIR'];
  else process.env['CATALOG_DIR'] = before;
});

const apiPage = () => entryPagePaths().find((p) => p.params.id === 'api')!.props.model();

/** Rewrites the state file with a later modification time, as a new probe run would. */
function rewrite(text: string, seconds: number) {
  const file = path.join(root, 'probes.yaml');
  writeFileSync(file, text);
  utimesSync(file, seconds, seconds);
}

describe('the routes glue with probe results and history', () => {
  it("gives an entry page its address's last probe and its file's last commit", () => {
    const page = apiPage();
    expect(page.probe).toMatchObject({ status: 'reachable', addresses: [{ url: 'https://api.example/info', at: '2026-12-01 05:17 UTC', httpStatus: 200 }] });
    const head = git(root, 'rev-parse', 'HEAD');
    expect(page.history!.last).toMatchObject({ author: 'Catalog Tests', subject: 'Start the catalog', commit: head.slice(0, 7), url: `https://github.com/acme/glue/commit/${head}` });
    expect(recentChangesModel().changes.map((c) => c.subject)).toEqual(['Start the catalog']);
  });

  it('shows a commit of an edit already shown on the next page, in dev', () => {
    writeFiles(root, { 'content/sources/api.yaml': 'title: API\ndescription: The events API.\ntype: api\nowners: [t]\nurl: https://api.example/info\n' });
    expect(apiPage().history!.last!.subject).toBe('Start the catalog');
    commit(root, 'Say which API');
    expect(apiPage().history).toMatchObject({ count: 2, last: { subject: 'Say which API' } });
    expect(recentChangesModel().changes.map((c) => c.subject)).toEqual(['Say which API', 'Start the catalog']);
  });

  it('shows a new probe run on the next page, without the content changing', () => {
    rewrite(probes(false, '2026-12-02T05:17:00Z'), 2_000_000_000);
    expect(apiPage().probe).toMatchObject({ status: 'unreachable', addresses: [{ since: '2026-12-02 05:17 UTC', failures: 1 }] });
    expect(healthModel().probes.unreachable).toHaveLength(1);
  });

  it('builds on with a warning naming the malformed state file, and shows no probe results', () => {
    rewrite('version: 2\n', 2_000_000_100);
    const state = contentState(false);
    expect(state.report.errors).toBe(0);
    expect(state.report.warnings).toBeGreaterThan(0);
    expect(state.report.text).toMatch(/probes\.yaml:1:\d+: .*version.*The site shows no probe results until then\.$/);
    expect(apiPage().probe).toBeUndefined();
    expect(healthModel().probes).toMatchObject({ probed: false, warning: expect.stringContaining('probes.yaml:1:') });
  });
});
