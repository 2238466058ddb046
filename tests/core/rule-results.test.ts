import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../../schemas/index.ts';
import { assemble, buildCatalog, listFiles, readFiles, setUp } from '../../src/lib/catalog.ts';
import { MemoryRuleResults, type RuleResults } from '../../src/lib/rules/rule-results.ts';
import { RULES } from '../../src/lib/rules/index.ts';
import { DEFAULT_AS_OF, synthesize } from '../../src/lib/synth/generate.ts';
import type { Catalog } from '../../src/lib/types.ts';
import { writeProject } from '../helpers/catalog.ts';

function project() {
  const root = writeProject(Object.fromEntries(synthesize({ entries: 150, seed: 7 }).map((f) => [f.path, f.text])));
  const content = path.join(root, 'content');
  const datasets = readdirSync(path.join(content, 'datasets'))
    .sort()
    .map((name) => path.join(content, 'datasets', name));
  const edit = (file: string, change: (text: string) => string) => writeFileSync(file, change(readFileSync(file, 'utf8')));
  return { root, content, datasets, edit };
}

/** Rule results that remember which rules ran (stored their results) since last asked. */
function counting(): RuleResults & { ran: () => string[] } {
  const kept = new MemoryRuleResults();
  let ran: string[] = [];
  return {
    get: (rule, inputs) => kept.get(rule, inputs),
    set: (rule, inputs, problems) => {
      ran.push(rule);
      kept.set(rule, inputs, problems);
    },
    ran: () => {
      const out = ran;
      ran = [];
      return out;
    },
  };
}

/** The catalog of `content` assembled with `results`, as a command with the parse cache assembles it. */
function assembled(content: string, results: RuleResults): Catalog {
  const setup = setUp(content, { today: DEFAULT_AS_OF });
  const { files, layout } = listFiles(setup);
  return assemble(setup, layout, readFiles(setup, files), results);
}

describe('reused rule results', () => {
  it('run no rule that reads fields after a title or a description changed, and say what a fresh build says', () => {
    const { content, datasets, edit } = project();
    const results = counting();
    const build = () => assembled(content, results);
    build();
    const first = results.ran();
    expect(first).toEqual(expect.arrayContaining(['references', 'rights', 'lineage-acyclic']));
    expect(first.length).toBeGreaterThan(10);

    edit(datasets[3]!, (t) => t.replace(/^title: .*$/m, 'title: Another title').replace(/^description: .*$/m, 'description: Another description.'));
    const fresh = buildCatalog(content, { today: DEFAULT_AS_OF });
    expect(build().diagnostics).toEqual(fresh.diagnostics);
    // Only completeness, which reads one entry at a time, ran: over the edited entry alone.
    expect(results.ran()).toEqual([`completeness\0content/datasets/${path.basename(datasets[3]!)}`]);

    // A field rules read: every rule runs again, and finds what a fresh build finds.
    edit(datasets[0]!, (t) => t.replace(/^status: .*$/m, 'status: deprecated'));
    const after = buildCatalog(content, { today: DEFAULT_AS_OF });
    expect(after.diagnostics).not.toEqual(fresh.diagnostics);
    expect(build().diagnostics).toEqual(after.diagnostics);
    expect(results.ran()).toEqual(expect.arrayContaining(['depends-on-deprecated', 'rights', 'references']));
  });

  it('run a rule that reads one entry at a time over the entries that changed, and say what a fresh build says', () => {
    const { content, datasets, edit } = project();
    const results = counting();
    const build = () => assembled(content, results);
    expect(RULES.find((r) => r.id === 'completeness')?.reads).toBe('entry');
    build();
    expect(results.ran().filter((key) => key.startsWith('completeness\0')).length).toBeGreaterThan(datasets.length);
    // Cut a dataset's body to one section: it falls below the minimum, and only it is checked again.
    const file = datasets[2]!;
    edit(file, (t) => t.replace(/\n---\n[\s\S]*$/, '\n---\n\n## Motivation\n\nWhy it exists.\n'));
    const fresh = buildCatalog(content, { today: DEFAULT_AS_OF });
    expect(fresh.diagnostics.some((d) => d.rule === 'completeness' && d.file.endsWith(path.basename(file)))).toBe(true);
    expect(build().diagnostics).toEqual(fresh.diagnostics);
    expect(results.ran()).toEqual([`completeness\0content/datasets/${path.basename(file)}`]);
    // And back: its warning goes.
    edit(file, (t) => `${t}\n## Composition\n\nRows.\n`);
    expect(build().diagnostics).toEqual(buildCatalog(content, { today: DEFAULT_AS_OF }).diagnostics);
  });

  it('are right to ignore titles and descriptions: no rule reports differently when every one changes', () => {
    const { content, datasets, edit } = project();
    const problems = (catalog: Catalog) => catalog.diagnostics.map((d) => ({ ...d }));
    // Problems for many rules to report, about entries that have titles.
    for (const file of datasets.slice(0, 3)) edit(file, (t) => t.replace(/^status: .*$/m, 'status: deprecated').replace(/^reviewed: .*$/m, 'reviewed: 2020-01-01'));
    const before = problems(buildCatalog(content, { today: DEFAULT_AS_OF }));
    expect(new Set(before.map((d) => d.rule)).size).toBeGreaterThan(1);
    const all = Object.values(KINDS)
      .map((k) => path.join(content, k.folder))
      .filter((folder) => existsSync(folder))
      .flatMap((folder) => readdirSync(folder).map((name) => path.join(folder, name)));
    expect(all.length).toBeGreaterThan(datasets.length);
    for (const file of all) {
      edit(file, (t) => t.replace(/^title: .*$/m, 'title: Same title everywhere').replace(/^description: .*$/m, 'description: "Same: description"'));
    }
    expect(problems(buildCatalog(content, { today: DEFAULT_AS_OF }))).toEqual(before);
  });
});
