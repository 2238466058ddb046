/** `check` as users and CI run it: the real binary, its stdout, stderr and exit code. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OWNERS, writeProject } from '../helpers/catalog.ts';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `cardcat check …` with the project's Node in `cwd`, without colour or an inherited catalog folder. */
function check(args: string[], cwd: string, catalogDir?: string): Result {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env['CATALOG_DIR'];
  if (catalogDir !== undefined) env['CATALOG_DIR'] = catalogDir;
  const result = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'node'), [path.join(repoRoot, 'scripts', 'cardcat.ts'), 'check', '--today', '2026-11-23', ...args], {
    cwd,
    encoding: 'utf8',
    env,
  });
  // Temporary folders differ per run; show them as <project>.
  const clean = (s: string) => s.split(cwd).join('<project>');
  return { code: result.status, stdout: clean(result.stdout), stderr: clean(result.stderr) };
}

const reviewed = 'reviewed: 2026-11-01\n';
const clean: Record<string, string> = {
  ...Object.fromEntries(Object.entries(OWNERS).map(([name, text]) => [`content/${name}`, text])),
  'content/datasets/events.md': `---\ntitle: Events\ndescription: Play events.\nowners: [data-team]\n${reviewed}---\n`,
};

const broken: Record<string, string> = {
  ...clean,
  'content/datasets/events.md': `---\ntitle: Events\ndescription: Play events.\nowners: [data-team]\n${reviewed}rights:\n  licence: CC-BY-4.0\n---\n`,
  'content/datasets/sessions.md': `---\ntitle: Sessions\ndescription: Sessions.\nowners: [dee-ata]\n${reviewed}derived_from: [{ dataset: event }]\n---\n`,
};

describe('check', () => {
  it('exits 0 and says so on a clean catalog', () => {
    const result = check([], writeProject(clean));
    expect(result).toMatchInlineSnapshot(`
      {
        "code": 0,
        "stderr": "",
        "stdout": "Checked 3 entries in <project>/content

      ✓ No problems found.
      ",
      }
    `);
  });

  it('checks the demo catalog from the repository root as a new user would: no errors, its five warnings', () => {
    const result = check([], repoRoot);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('! 0 errors and 5 warnings in 5 files.');
  });

  it('says when no config lies beside the content folder, before the unknown uses that follow from it', () => {
    const files = { ...clean, 'content/models/ranker.md': `---\ntitle: Ranker\ndescription: Ranks.\nowners: [data-team]\n${reviewed}intended_use: [ranking]\n---\n` };
    const note = 'No cardcat.config.yaml beside it, in <project>, so no use is known. `--config FILE` names one kept elsewhere.';
    const missing = check([], writeProject(files));
    expect(missing.code).toBe(1);
    expect(missing.stdout.split('\n').filter(Boolean).slice(1, 3)).toEqual([note, 'content/models/ranker.md:6:16  error  Unknown use `ranking`  known-uses']);
    const present = check([], writeProject({ ...files, 'cardcat.config.yaml': 'uses:\n  research: {}\n' }));
    expect(present.stdout).toContain('Unknown use `ranking`');
    expect(present.stdout).not.toContain('No cardcat.config.yaml');
  });

  it('exits 0 with warnings only, and 1 with errors', () => {
    const warned = writeProject({ ...clean, 'content/datasets/events.md': `---\ntitle: Events\ndescription: E.\nowners: [dee-ata]\n${reviewed}---\n` });
    expect(check([], warned).code).toBe(0);
    expect(check([], writeProject(broken)).code).toBe(1);
  });

  it('prints each problem with its place, rule, code frame and hint, then a summary', () => {
    const result = check([], writeProject(broken));
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatchInlineSnapshot(`
      "Checked 3 entries in <project>/content

      content/datasets/events.md:7:3  error  Unknown field \`licence\` in \`rights\`  schema
          5 | reviewed: 2026-11-01
          6 | rights:
        > 7 |   licence: CC-BY-4.0
            |   ^
          8 | ---
        hint: Did you mean \`license\`?

      content/datasets/sessions.md:4:9  warning  Owned by one person, \`dee-ata\`, and no team  bus-factor
          2 | title: Sessions
          3 | description: Sessions.
        > 4 | owners: [dee-ata]
            |         ^
          5 | reviewed: 2026-11-01
        hint: Add their team: \`owners: [data-team, dee-ata]\`.

      content/datasets/sessions.md:6:27  error  Unknown dataset \`event\`  references
          4 | owners: [dee-ata]
          5 | reviewed: 2026-11-01
        > 6 | derived_from: [{ dataset: event }]
            |                           ^
          7 | ---
        hint: Add \`datasets/event.md\` or fix the id.

      ✗ 2 errors and 1 warning in 2 files.
      "
    `);
  });

  it('prints JSON in the documented shape, files relative to the content folder\'s parent', () => {
    const project = writeProject(Object.fromEntries(Object.entries(broken).map(([k, v]) => [k.replace(/^content\//, 'catalog/'), v])));
    const result = check(['--content', 'catalog', '--format', 'json'], project);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { diagnostics: Record<string, unknown>[]; counts: Record<string, number> };
    expect(Object.keys(report)).toEqual(['diagnostics', 'counts']);
    for (const d of report.diagnostics) {
      expect(Object.keys(d).filter((k) => k !== 'related')).toEqual(['file', 'line', 'column', 'severity', 'rule', 'message', 'hint']);
    }
    expect(report).toMatchInlineSnapshot(`
      {
        "counts": {
          "entries": 3,
          "errors": 2,
          "files": 2,
          "warnings": 1,
        },
        "diagnostics": [
          {
            "column": 3,
            "file": "catalog/datasets/events.md",
            "hint": "Did you mean \`license\`?",
            "line": 7,
            "message": "Unknown field \`licence\` in \`rights\`",
            "rule": "schema",
            "severity": "error",
          },
          {
            "column": 9,
            "file": "catalog/datasets/sessions.md",
            "hint": "Add their team: \`owners: [data-team, dee-ata]\`.",
            "line": 4,
            "message": "Owned by one person, \`dee-ata\`, and no team",
            "rule": "bus-factor",
            "severity": "warning",
          },
          {
            "column": 27,
            "file": "catalog/datasets/sessions.md",
            "hint": "Add \`datasets/event.md\` or fix the id.",
            "line": 6,
            "message": "Unknown dataset \`event\`",
            "rule": "references",
            "severity": "error",
          },
        ],
      }
    `);
  });

  it('reads the content folder from an absolute path and from CATALOG_DIR the same way', () => {
    const project = writeProject(broken);
    const absolute = check(['--content', path.join(project, 'content'), '--format', 'json'], repoRoot);
    const fromEnv = check(['--format', 'json'], repoRoot, path.join(project, 'content'));
    expect(JSON.parse(absolute.stdout).diagnostics[0].file).toBe('content/datasets/events.md');
    expect(fromEnv.stdout).toBe(absolute.stdout);
  });

  it('prints one GitHub annotation per problem, then a count', () => {
    const result = check(['--format', 'github'], writeProject(broken));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatchInlineSnapshot(`
      "::error file=content/datasets/events.md,line=7,col=3,title=schema::Unknown field \`licence\` in \`rights\`%0ADid you mean \`license\`?
      ::warning file=content/datasets/sessions.md,line=4,col=9,title=bus-factor::Owned by one person, \`dee-ata\`, and no team%0AAdd their team: \`owners: [data-team, dee-ata]\`.
      ::error file=content/datasets/sessions.md,line=6,col=27,title=references::Unknown dataset \`event\`%0AAdd \`datasets/event.md\` or fix the id.
      3 entries checked: 2 errors, 1 warning.
      "
    `);
  });

  it('reads --config relative to the folder it runs in', () => {
    const project = writeProject({ ...clean, 'settings/strict.yaml': 'rules:\n  bus-factor: error\n', 'content/datasets/events.md': clean['content/datasets/events.md']!.replace('[data-team]', '[dee-ata]') });
    expect(check([], project).code).toBe(0);
    expect(check(['--config', 'settings/strict.yaml'], project).code).toBe(1);
  });

  it('prints its usage for --help, as the usage errors advise', () => {
    const result = check(['--help'], writeProject(clean));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm run check -- \[--content DIR\]/);
  });

  it('does not report a reference to an entry whose own file has errors as dangling', () => {
    const result = check(['--format', 'json'], writeProject({ ...broken, 'content/datasets/sessions.md': broken['content/datasets/sessions.md']!.replace('dataset: event }', 'dataset: events }') }));
    expect((JSON.parse(result.stdout) as { diagnostics: { rule: string }[] }).diagnostics.map((d) => d.rule)).toEqual(['schema', 'bus-factor']);
  });

  it('exits 2 with a message and no stack for usage errors', () => {
    const project = writeProject(clean);
    const results = [
      check(['--colour'], project),
      check(['--format', 'xml'], project),
      check(['--content', 'nowhere'], project),
      check(['--content'], project),
      check(['--config', 'missing.yaml'], project),
      check(['--today', '2026-02-30'], project),
    ];
    expect(results.map((r) => r.code)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(results.map((r) => r.stdout)).toEqual(['', '', '', '', '', '']);
    for (const r of results) expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(results.map((r) => r.stderr.trim())).toMatchInlineSnapshot(`
      [
        "Unknown option '--colour'

      Run \`npm run check -- --help\` or see the README.",
        "Unknown format \`xml\`, expected one of \`pretty\`, \`json\`, \`github\`",
        "Content folder \`<project>/nowhere\` does not exist or is not a folder",
        "Option '--content <value>' argument missing

      Run \`npm run check -- --help\` or see the README.",
        "Config file \`missing.yaml\` does not exist or is not a file",
        "Unexpected \`--today 2026-02-30\`, expected a date written YYYY-MM-DD, such as \`2026-11-23\`",
      ]
    `);
  });
});
