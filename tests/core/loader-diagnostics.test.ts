import { describe, expect, it } from 'vitest';
import { catalogOf, OWNERS } from '../helpers/catalog.ts';
import { show } from '../rules/helpers.ts';

const report = (content: Record<string, string>, options: { config?: string } = {}) =>
  catalogOf({ ...OWNERS, ...content }, options)
    .diagnostics.filter((d) => ['layout', 'parse', 'id', 'yaml', 'schema', 'config'].includes(d.rule))
    .map((d) => `[${d.rule}] ${show(d)}`)
    .join('\n');

describe('loader diagnostics', () => {
  // The exact YAML messages belong to the parser module; here: the right file, rule and line.
  it('reports YAML syntax errors, duplicate keys and tabs on their lines', () => {
    const catalog = catalogOf({
      ...OWNERS,
      'datasets/a.md': '---\ntitle: A\ndescription: "unclosed\nowners: [data-team]\n---\n',
      'datasets/b.md': '---\ntitle: B\ndescription: B.\ntitle: Again\nowners: [data-team]\n---\n',
      'datasets/c.yaml': 'title: C\ndescription: C.\nowners:\n\t- data-team\n',
    });
    const yaml = catalog.diagnostics.filter((d) => d.rule === 'yaml');
    expect(yaml.map((d) => `${d.file} ${d.severity}`)).toEqual([
      'content/datasets/a.md error',
      'content/datasets/b.md error',
      'content/datasets/c.yaml error',
    ]);
    expect(yaml[1]).toMatchObject({ line: 4, column: 1 });
    expect(yaml[2]).toMatchObject({ line: 4, column: 1 });
    expect(yaml.every((d) => d.hint)).toBe(true);
    expect(catalog.entries.map((e) => e.id)).toEqual(['data-team', 'dee-ata']);
  });

  it('reports Markdown without front matter, or with front matter never closed', () => {
    const text = report({
      'datasets/a.md': '# Just prose\n',
      'datasets/b.md': '---\ntitle: B\ndescription: B.\nowners: [data-team]\n',
    });
    expect(text).toMatchInlineSnapshot(`
      "[parse] content/datasets/a.md:1:1 error Missing front matter: a Markdown entry starts with a \`---\` line, its YAML, and another \`---\` line
        hint: Start the file with:
      ---
      title: …
      ---
      [parse] content/datasets/b.md:1:1 error Front matter is never closed: no second \`---\` line after the YAML
        hint: Add a line \`---\` after the last front-matter field."
    `);
  });

  it('reports front matter that is not a mapping of fields', () => {
    expect(report({ 'datasets/a.md': '---\n- title\n- owners\n---\n', 'glossary/b.yaml': 'just words\n' })).toMatchInlineSnapshot(`
      "[yaml] content/datasets/a.md:2:1 error Expected the front matter to be a mapping of fields, found a list
        hint: Write one \`field: value\` per line, starting with \`title:\`.
      [yaml] content/glossary/b.yaml:1:1 error Expected the file to be a mapping of fields, found \`just words\`
        hint: Write one \`field: value\` per line, starting with \`title:\`."
    `);
  });

  it('reports a folder that is not a kind, with the closest kind, and ignores files of other types', () => {
    const text = report({
      'dataset/a.md': '---\ntitle: A\n---\n',
      'datasets/notes.txt': 'notes',
      'README.md': '# Catalog\n',
    });
    expect(text).toMatchInlineSnapshot(`
      "[layout] content/README.md:1:1 warning Unexpected file \`README.md\` at the top of the content folder; entries live in a kind's folder
      [layout] content/dataset:1:1 error Unexpected folder \`dataset\`, expected one of \`datasets\`, \`models\`, \`features\`, \`sources\`, \`teams\`, \`people\`, \`glossary\`, \`licenses\`
        hint: Did you mean \`datasets\`?
      [layout] content/datasets/notes.txt:1:1 warning Ignored \`notes.txt\`: entries are \`.md\`, \`.yaml\` or \`.yml\` files"
    `);
  });

  it('reports config problems in cardcat.config.yaml: unknown keys, bad severities, unknown rules', () => {
    const text = report({}, { config: 'reviw_every: 90d\nrules:\n  staleness: warn\n  no-such-rule: error\n' });
    expect(report({}, { config: 'rules:\n  staleness: off\n  no-such-rule: error\n' })).toMatchInlineSnapshot(`
      "[config] cardcat.config.yaml:3:3 error Unknown rule \`no-such-rule\`
        hint: Rules: \`unique-ids\`, \`references\`, \`pinned-versions\`, \`known-uses\`, \`lineage-acyclic\`, \`feedback-loop\`, \`split-arithmetic\`, \`split-stratification\`, \`split-temporal\`, \`leakage\`, \`rights\`, \`depends-on-retired\`, \`depends-on-deprecated\`, \`replaced-by\`, \`staleness\`, \`bus-factor\`, \`production-readiness\`, \`pinned-data\`, \`objective-met\`, \`metric-integrity\`, \`feature-columns\`, \`feature-skew\`, \`certified-domain\`, \`completeness\`."
    `);
    expect(report({}, { config: 'rules:\n  stalenes: off\n' })).toMatchInlineSnapshot(`
      "[config] cardcat.config.yaml:2:3 error Unknown rule \`stalenes\`
        hint: Did you mean \`staleness\`?"
    `);
    expect(text).toMatchInlineSnapshot(`
      "[config] cardcat.config.yaml:1:1 error Unknown field \`reviw_every\`
        hint: Did you mean \`review_every\`?
      [config] cardcat.config.yaml:3:14 error Unexpected \`warn\` for \`staleness\`, expected one of \`error\`, \`warning\`, \`off\`
      [config] cardcat.config.yaml:4:3 error Unknown rule \`no-such-rule\`
        hint: Rules: \`unique-ids\`, \`references\`, \`pinned-versions\`, \`known-uses\`, \`lineage-acyclic\`, \`feedback-loop\`, \`split-arithmetic\`, \`split-stratification\`, \`split-temporal\`, \`leakage\`, \`rights\`, \`depends-on-retired\`, \`depends-on-deprecated\`, \`replaced-by\`, \`staleness\`, \`bus-factor\`, \`production-readiness\`, \`pinned-data\`, \`objective-met\`, \`metric-integrity\`, \`feature-columns\`, \`feature-skew\`, \`certified-domain\`, \`completeness\`."
    `);
  });
});
