import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImpactReport } from '../../src/lib/graph/impact.ts';
import { writeProject } from '../helpers/catalog.ts';
import { LINEAGE } from './fixture.ts';
import { commit, git, removeFiles, writeFiles } from './git-repo.ts';
import { run, runBinary } from './run.ts';

const TODAY = '2026-11-23';
const content = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([name, text]) => [`content/${name}`, text]));

/**
 * A repository whose second commit adds, modifies, renames and deletes entries:
 * - modifies raw-events (clean-events is downstream of it);
 * - adds new-features, with a misspelt upstream id (a new problem);
 * - renames labels to churn-labels, which churn-model still names;
 * - deletes old-sample, which sample-report still names.
 */
function repository(): { root: string; base: string; head: string } {
  const root = writeProject({ ...content(LINEAGE), 'cardcat.config.yaml': 'review_every: 365d\n' });
  git(root, 'init', '-q');
  const base = commit(root, 'Base catalog');
  git(root, 'branch', 'base');
  writeFiles(root, {
    'content/datasets/raw-events.md': LINEAGE['datasets/raw-events.md']!.replace('description: For tests.', 'description: Every event, unfiltered.'),
    'content/datasets/new-features.md':
      '---\ntitle: New features\ndescription: Features.\nowners: [data-team]\nderived_from:\n  - { dataset: clean-events }\n  - { dataset: raw-event }\n---\n',
  });
  renameSync(path.join(root, 'content/datasets/labels.md'), path.join(root, 'content/datasets/churn-labels.md'));
  removeFiles(root, 'content/datasets/old-sample.md');
  const head = commit(root, 'Change the catalog');
  return { root, base, head };
}

describe('impact', () => {
  let repo: ReturnType<typeof repository>;
  beforeAll(() => {
    repo = repository();
  });

  const impact = (...args: string[]) => run(['impact', ...args, '--content', path.join(repo.root, 'content'), '--today', TODAY], repo.root);

  it('reports added, modified, renamed and deleted entries, what they hit, what they break and whom to ask', async () => {
    const result = await impact('--since', repo.base);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.replaceAll(repo.base, '<base>')).toMatchInlineSnapshot(`
      "<!-- cardcat-impact -->
      ## Catalog impact

      4 entries changed since \`<base>\` · 3 entries downstream · 2 broken references · 2 new problems.

      ### Changed

      | Change | Entry | Kind | File |
      | --- | --- | --- | --- |
      | renamed | \`labels\` → \`churn-labels\` Labels | dataset | \`content/datasets/labels.md\` → \`content/datasets/churn-labels.md\` |
      | added | \`new-features\` New features | dataset | \`content/datasets/new-features.md\` |
      | deleted | \`old-sample\` Old sample | dataset | \`content/datasets/old-sample.md\` |
      | modified | \`raw-events\` Raw events | dataset | \`content/datasets/raw-events.md\` |

      ### Broken references

      These entries still name an entry that this change removes:

      - \`sample-report\` derived from \`old-sample\`, which was deleted: \`content/datasets/sample-report.md:7:16\`
      - \`churn-model\` trained on \`labels\`, which was renamed to \`churn-labels\`: \`content/models/churn-model.md:7:16\`

      ### New problems

      Not present on the base; \`npm run check\` shows them with context.

      - **warning** \`content/datasets/new-features.md:2:1\` \`new-features\` has never been reviewed (Have an owner check it and add \`reviewed: 2026-11-23\`.) [staleness]
      - **error** \`content/datasets/new-features.md:7:16\` Unknown dataset \`raw-event\` (Did you mean \`raw-events\`?) [references]

      ### Downstream

      **Datasets** (2)

      - \`clean-events\` Clean "events" \\<b\\>bold\\</b\\> \\[x\\] \\#1 end, depth 1: \`raw-events feeds clean-events\`
      - \`sample-report\` Sample report, depth 1: \`old-sample feeds sample-report\`

      **Models** (1)

      - \`churn-model\` Churn model, depth 1: \`labels trains churn-model\`

      ### Owners to ask for review

      - \`data-team\` (Data team): \`churn-labels\`, \`new-features\`, \`old-sample\`, \`raw-events\`, \`clean-events\`, \`sample-report\`
      - \`ml-team\` (ML team): \`churn-model\`
      - \`dee-ata\` (Dee Ata): \`churn-model\`

      ### Graph

      \`\`\`mermaid
      flowchart LR
        n0["Labels #40;churn-labels#41;"]:::dataset
        n1["New features #40;new-features#41;"]:::dataset
        n2["Raw events #40;raw-events#41;"]:::dataset
        n3["Labels #40;labels#41;, removed"]:::removed
        n4["Old sample #40;old-sample#41;, removed"]:::removed
        n5["Clean #34;events#34; #60;b#62;bold#60;#47;b#62; #91;x#93; #35;1 end #40;clean-events#41;"]:::dataset
        n6["Sample report #40;sample-report#41;"]:::dataset
        n7["Churn model #40;churn-model#41;"]:::model
        n5 -->|"feeds"| n0
        n2 -->|"feeds"| n5
        n5 -->|"feeds"| n1
        n5 -.->|"feeds"| n3
        n2 -.->|"feeds"| n4
        n4 -.->|"feeds"| n6
        n3 -.->|"trains"| n7
        class n0 changed
        class n1 changed
        class n2 changed
        classDef dataset fill:#e3f2fd,stroke:#1e88e5,color:#0d47a1
        classDef model fill:#f3e5f5,stroke:#8e24aa,color:#4a148c
        classDef changed stroke-width:4px
        classDef removed fill:#ffebee,stroke:#e53935,color:#b71c1c,stroke-dasharray:5 5
      \`\`\`

      <sub>From \`npm run impact\`. \`npm run graph -- <id>\` lists the full closure of any entry.</sub>
      "
    `);
  });

  it('gives the same findings as JSON', async () => {
    const result = await impact('--since', 'base', '--format', 'json');
    const report = JSON.parse(result.stdout) as ImpactReport;
    expect(report.since).toBe('base');
    expect(report.changed.map((c) => `${c.status} ${c.previous ? `${c.previous.id} → ` : ''}${c.id}`)).toEqual([
      'renamed labels → churn-labels',
      'added new-features',
      'deleted old-sample',
      'modified raw-events',
    ]);
    expect(report.downstream.map((d) => `${d.id} ${d.depth} from ${d.from}`)).toEqual([
      'clean-events 1 from raw-events',
      'sample-report 1 from old-sample',
      'churn-model 1 from labels',
    ]);
    expect(report.broken.map((b) => `${b.file}:${b.line}:${b.column} ${b.to} ${JSON.stringify(b.fate)}`)).toEqual([
      'content/datasets/sample-report.md:7:16 old-sample {"deleted":true}',
      'content/models/churn-model.md:7:16 labels {"renamedTo":"churn-labels"}',
    ]);
    expect(report.introduced.map((d) => `${d.rule} ${d.file}:${d.line}`)).toEqual([
      'staleness content/datasets/new-features.md:2',
      'references content/datasets/new-features.md:7',
    ]);
    expect(report.owners.map((o) => `${o.id}: ${o.owns.join(' ')}`)).toEqual([
      'data-team: churn-labels new-features old-sample raw-events clean-events sample-report',
      'ml-team: churn-model',
      'dee-ata: churn-model',
    ]);
  });

  it('mentions teams as @org/team when a GitHub organisation is given, and people by id', async () => {
    const result = await impact('--since', 'base', '--github-org', 'acme');
    expect(result.stdout).toContain('- @acme/data-team: `churn-labels`');
    expect(result.stdout).toContain('- @acme/ml-team: `churn-model`');
    expect(result.stdout).toContain('- `dee-ata` (Dee Ata): `churn-model`');
  });

  it('counts problems the change fixes and does not report problems the base already had', async () => {
    const root = writeProject(content(LINEAGE));
    git(root, 'init', '-q');
    writeFiles(root, { 'content/datasets/typo.md': '---\ntitle: Typo\ndescription: x\nowners: [data-teem]\n---\n' });
    commit(root, 'Base with a problem');
    writeFiles(root, { 'content/datasets/labels.md': `${LINEAGE['datasets/labels.md']}\nMore prose.\n` });
    const unchanged = await run(['impact', '--since', 'HEAD', '--content', 'content', '--format', 'json'], root);
    const kept = JSON.parse(unchanged.stdout) as ImpactReport;
    expect(kept.introduced).toEqual([]);
    expect(kept.resolved).toBe(0);

    writeFiles(root, { 'content/datasets/typo.md': '---\ntitle: Typo\ndescription: x\nowners: [data-team]\n---\n' });
    const fixed = await run(['impact', '--since', 'HEAD', '--content', 'content'], root);
    expect(fixed.stdout).toContain('2 entries changed since `HEAD` · 1 entry downstream · 0 broken references · 0 new problems · 1 problem fixed.');
  });

  it('still reports what is downstream of an entry the change leaves failing its schema', async () => {
    const root = writeProject(content(LINEAGE));
    git(root, 'init', '-q');
    commit(root, 'Base');
    writeFiles(root, { 'content/datasets/clean-events.md': LINEAGE['datasets/clean-events.md']!.replace('description: For tests.\n', '') });
    const result = await run(['impact', '--since', 'HEAD', '--content', 'content'], root);
    expect(result.stdout).toContain(
      '| modified | `clean-events` Clean "events" \\<b\\>bold\\</b\\> \\[x\\] \\#1 end (does not pass its schema yet) | dataset | `content/datasets/clean-events.md` |',
    );
    expect(result.stdout).toContain('- `labels` Labels, depth 1: `clean-events feeds labels`');
    expect(result.stdout).toContain('- `churn-model` Churn model, depth 2: `clean-events feeds labels trains churn-model`');
    expect(result.stdout).toMatch(/- \*\*error\*\* `content\/datasets\/clean-events\.md:\d+:\d+` .*`description`.* \[schema\]/);
  });

  it('counts files not yet committed, including new ones git does not track yet', async () => {
    const root = writeProject(content(LINEAGE));
    git(root, 'init', '-q');
    commit(root, 'Base');
    writeFiles(root, { 'content/glossary/churn.yaml': 'title: Churn\ndescription: Cancelling.\nowners: [data-team]\n' });
    const result = await run(['impact', '--since', 'HEAD', '--content', 'content', '--format', 'json'], root);
    expect((JSON.parse(result.stdout) as ImpactReport).changed.map((c) => `${c.status} ${c.file}`)).toEqual(['added content/glossary/churn.yaml']);
  });

  it('reports entries named on the command line without git', async () => {
    const root = writeProject(content(LINEAGE));
    const result = await run(['impact', 'clean-events', '--content', 'content', '--format', 'json'], root);
    const report = JSON.parse(result.stdout) as ImpactReport;
    expect(report.changed.map((c) => `${c.status} ${c.id} ${c.file}`)).toEqual(['named clean-events content/datasets/clean-events.md']);
    expect(report.downstream.map((d) => d.id)).toEqual(['labels', 'churn-model']);
    expect(report.compared).toBe(false);
  });

  it('says what to fetch when the ref is missing, and exits 2', async () => {
    const result = await impact('--since', 'origin/main');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `Cannot find the git ref \`origin/main\` in ${repo.root}. In a shallow checkout, fetch it first, for example \`git fetch --depth=1 origin main\`, or check out with \`fetch-depth: 0\`.`,
    );
  });

  it('works in a shallow clone once the base is fetched', () => {
    const clone = writeProject({});
    git(clone, 'clone', '-q', '--depth', '1', `file://${repo.root}`, 'shallow');
    const shallow = path.join(clone, 'shallow');
    expect(git(shallow, 'rev-parse', '--is-shallow-repository')).toBe('true');
    const args = ['impact', '--since', repo.base, '--content', 'content', '--format', 'json'];

    const missing = runBinary(args, shallow);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`Cannot find the git ref \`${repo.base}\``);

    git(shallow, 'fetch', '-q', '--depth', '1', 'origin', 'base');
    const found = runBinary(args, shallow);
    expect(found.stderr).toBe('');
    expect(found.code).toBe(0);
    const report = JSON.parse(found.stdout) as ImpactReport;
    expect(report.changed.map((c) => `${c.status} ${c.id}`)).toEqual(['renamed churn-labels', 'added new-features', 'deleted old-sample', 'modified raw-events']);
    expect(report.broken).toHaveLength(2);
  });

  it('compares with HEAD^1 in a two-commit checkout, as the pull-request workflow does', () => {
    const clone = writeProject({});
    git(clone, 'clone', '-q', '--depth', '2', `file://${repo.root}`, 'pr');
    const checkout = path.join(clone, 'pr');
    const result = runBinary(['impact', '--since', 'HEAD^1', '--content', 'content', '--format', 'json'], checkout);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as ImpactReport;
    expect(report.changed.map((c) => `${c.status} ${c.id}`)).toEqual(['renamed churn-labels', 'added new-features', 'deleted old-sample', 'modified raw-events']);
  });

  it('refuses to run without a ref or ids', async () => {
    const result = await run(['impact', '--content', path.join(repo.root, 'content')], repo.root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Name a git ref to compare with, entry ids, or both/);
  });

  it('reports a catalog outside any git repository as a usage error', async () => {
    const root = writeProject(content(LINEAGE));
    writeFileSync(path.join(root, '.git'), 'not a repository');
    const result = await run(['impact', '--since', 'main', '--content', 'content'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is not inside a git repository/);
  });
});
