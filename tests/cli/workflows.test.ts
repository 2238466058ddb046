import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateWorkflow } from '@action-validator/core';
import { parseDocument } from 'yaml';
import { KIND_NAMES, KINDS } from '../../schemas/index.ts';
import { COMMENT_MARKER } from '../../src/lib/graph/impact.ts';
import { ISSUE_LABEL } from '../../src/lib/probe/issues.ts';
import { STATE_FILE } from '../../src/lib/probe/state.ts';
import { repoRoot } from './run.ts';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  jobs: Record<string, { steps: Step[]; permissions?: Record<string, string>; needs?: string }>;
}

const folder = path.join(repoRoot, '.github', 'workflows');
const files = readdirSync(folder).filter((f) => /\.ya?ml$/.test(f));
const scripts = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

function load(file: string): Workflow {
  const doc = parseDocument(readFileSync(path.join(folder, file), 'utf8'), { uniqueKeys: true });
  expect(doc.errors.map((e) => e.message)).toEqual([]);
  return doc.toJS() as Workflow;
}

const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);
const commands = (workflow: Workflow) => steps(workflow).flatMap((s) => (s.run ? [s.run] : []));
/** `npm run name`, `npm run --silent name`: the script names a workflow calls. */
const npmScripts = (run: string) => [...run.matchAll(/\bnpm run(?:\s+--?[\w-]+)*\s+([\w:-]+)/g)].map((m) => m[1]!);

describe('GitHub workflows', () => {
  it('exist for pull requests, for publishing and for probing sources', () => {
    expect(files.sort()).toEqual(['catalog-pr.yml', 'pages.yml', 'probe.yml']);
  });

  it.each(files)('%s passes action-validator, the schema check of GitHub workflow files', (file) => {
    const { errors } = validateWorkflow(readFileSync(path.join(folder, file), 'utf8'));
    expect(errors).toEqual([]);
  });

  it('action-validator catches a misspelt key, so the check above can fail', () => {
    const broken = readFileSync(path.join(folder, 'probe.yml'), 'utf8').replace('runs-on:', 'runs_on:');
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
  });

  it.each(files)('%s parses and every step either runs a command or uses a versioned action', (file) => {
    const workflow = load(file);
    expect(Object.keys(workflow.jobs).length).toBeGreaterThan(0);
    for (const step of steps(workflow)) {
      expect(Boolean(step.run) !== Boolean(step.uses)).toBe(true);
      if (step.uses) expect(step.uses).toMatch(/^actions\/[\w-]+@v\d+$/);
    }
  });

  const called = [...new Set(files.flatMap((file) => commands(load(file)).flatMap(npmScripts)))].sort();

  it('call npm scripts at all', () => {
    expect(called).toEqual(expect.arrayContaining(['build', 'check', 'impact']));
  });

  it.for(called)('call `npm run %s`, which package.json defines', (name) => {
    expect(scripts).toHaveProperty(name);
  });

  it('check pull requests with annotations and post the impact report as one updated comment', () => {
    const workflow = load('catalog-pr.yml');
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    const runs = commands(workflow);
    expect(runs).toContain('npm ci');
    expect(runs).toContain('npm run check -- --format github');
    const impact = runs.find((r) => r.includes('npm run --silent impact'));
    expect(impact).toMatch(/--since HEAD\^1 /);
    // HEAD^1, the base of the merge commit under test, is there only when two commits are fetched.
    const checkout = steps(workflow).find((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with?.['fetch-depth']).toBe(2);

    const comment = steps(workflow).find((s) => s.uses?.startsWith('actions/github-script@'));
    const script = String(comment?.with?.['script']);
    expect(script).toContain(`'${COMMENT_MARKER}'`);
    expect(script).toContain('updateComment');
    // The script must at least compile: github-script runs it as the body of an async function.
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => unknown;
    expect(() => new AsyncFunction('require', 'github', 'context', script)).not.toThrow();
  });

  it('probe sources daily and on demand, keep the state file on its branch and file issues from the JSON report', () => {
    const workflow = load('probe.yml');
    expect(Object.keys(workflow.on)).toEqual(['schedule', 'workflow_dispatch']);
    expect(workflow.on['schedule']).toEqual([{ cron: expect.stringMatching(/^\S+ \S+ \* \* \*$/) }]);
    expect(workflow.permissions).toEqual({ contents: 'write', 'pull-requests': 'write', issues: 'write' });
    // The state file the workflow commits is the one the probe writes beside the content folder.
    expect(workflow.env?.['STATE_FILE']).toBe(STATE_FILE);
    const runs = commands(workflow);
    expect(runs.join('\n')).toContain('npm run --silent probe -- --format json $ALL > "$RUNNER_TEMP/probe.json"');
    expect(runs.join('\n')).toContain('git push --force origin "$BRANCH"');
    const issues = steps(workflow).find((s) => s.uses?.startsWith('actions/github-script@'));
    const script = String(issues?.with?.['script']);
    expect(script).toContain(`labels: '${ISSUE_LABEL}'`);
    expect(script).toContain("'scripts/probe-issues.ts'");
    expect(existsSync(path.join(repoRoot, 'scripts', 'probe-issues.ts'))).toBe(true);
    for (const action of ['create', 'update', 'close']) expect(script).toContain(`step.action === '${action}'`);
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => unknown;
    expect(() => new AsyncFunction('require', 'github', 'context', 'core', script)).not.toThrow();
  });

  it('build and deploy the site to GitHub Pages from the default branch', () => {
    const workflow = load('pages.yml');
    expect(workflow.on['push']).toEqual({ branches: ['main'] });
    const upload = steps(workflow).find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    // Astro writes the site to dist/ unless told otherwise.
    expect(upload?.with?.['path']).toBe('dist');
    const deploy = Object.values(workflow.jobs).find((job) => job.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@')));
    expect(deploy?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy?.needs).toBe('build');
    // Entry pages show their git history; a shallow checkout would cut it at the last commit.
    const checkout = steps(workflow).find((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with?.['fetch-depth']).toBe(0);
    // The site's size is checked after the build and before the upload, by the tested script.
    const runs = steps(workflow).map((s) => s.run ?? s.uses ?? '');
    const guard = runs.indexOf('node scripts/site-limits.ts dist --host github');
    expect(guard).toBeGreaterThan(runs.indexOf('npm run build'));
    expect(guard).toBeLessThan(runs.findIndex((r) => r.startsWith('actions/upload-pages-artifact@')));
  });
});

describe('editor settings', () => {
  const settings = JSON.parse(readFileSync(path.join(repoRoot, '.vscode', 'settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string[]> };
  const mapped = settings['yaml.schemas'];

  it('map every kind’s JSON Schema to the YAML files of its folder', () => {
    for (const kind of KIND_NAMES) {
      const folder = KINDS[kind].folder;
      expect(mapped[`./schemas/json/${kind}.schema.json`]).toEqual([`content/${folder}/*.yaml`, `content/${folder}/*.yml`]);
    }
    expect(mapped['./schemas/json/config.schema.json']).toEqual(['cardcat.config.yaml']);
  });

  it('point only at schema files that exist', () => {
    for (const schema of Object.keys(mapped)) expect(existsSync(path.join(repoRoot, schema))).toBe(true);
    expect(Object.keys(mapped)).toHaveLength(KIND_NAMES.length + 1);
  });

  it('recommend the YAML extension that reads them', () => {
    const extensions = JSON.parse(readFileSync(path.join(repoRoot, '.vscode', 'extensions.json'), 'utf8')) as { recommendations: string[] };
    expect(extensions.recommendations).toContain('redhat.vscode-yaml');
  });
});
