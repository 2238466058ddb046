import { describe, expect, it } from 'vitest';
import { diagnose } from './helpers.ts';

const dataset = (title: string, ...upstream: string[]) =>
  `---\ntitle: ${title}\ndescription: ${title}.\nowners: [data-team]\n${
    upstream.length ? `derived_from:\n${upstream.map((u) => `  - { dataset: ${u} }\n`).join('')}` : ''
  }---\n`;

describe('lineage-acyclic', () => {
  it('reports a cycle between datasets as a path that starts and ends at the same entry', () => {
    const text = diagnose('lineage-acyclic', {
      'datasets/alpha.md': dataset('Alpha', 'gamma'),
      'datasets/beta.md': dataset('Beta', 'alpha'),
      'datasets/gamma.md': dataset('Gamma', 'raw', 'beta'),
      'datasets/raw.md': dataset('Raw'),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/alpha.md:6:16 error Lineage cycle: \`alpha\` → \`gamma\` → \`beta\` → \`alpha\`
        hint: An entry cannot depend on itself; remove or reverse one of these references."
    `);
  });

  it('reports a dataset derived from itself', () => {
    expect(diagnose('lineage-acyclic', { 'datasets/alpha.md': dataset('Alpha', 'alpha') })).toMatchInlineSnapshot(`
      "content/datasets/alpha.md:6:16 error Lineage cycle: \`alpha\` → \`alpha\`
        hint: An entry cannot depend on itself; remove or reverse one of these references."
    `);
  });

  it('reports a cycle closed by column-level lineage', () => {
    const text = diagnose('lineage-acyclic', {
      'datasets/alpha.md': '---\ntitle: Alpha\ndescription: A.\nowners: [data-team]\nschema:\n  - { name: x, type: string, derived_from: beta.x }\n---\n',
      'datasets/beta.md': '---\ntitle: Beta\ndescription: B.\nowners: [data-team]\nderived_from: [{ dataset: alpha }]\nschema:\n  - { name: x, type: string }\n---\n',
    });
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/alpha.md:6:44 error Lineage cycle: \`alpha\` → \`beta\` → \`alpha\`
        hint: An entry cannot depend on itself; remove or reverse one of these references."
    `);
  });

  it('reports each separate cycle once', () => {
    const text = diagnose('lineage-acyclic', {
      'datasets/a.md': dataset('A', 'b'),
      'datasets/b.md': dataset('B', 'a'),
      'datasets/c.md': dataset('C', 'd'),
      'datasets/d.md': dataset('D', 'c'),
    });
    expect(text.split('\n').filter((l) => !l.startsWith(' '))).toEqual([
      'content/datasets/a.md:6:16 error Lineage cycle: `a` → `b` → `a`',
      'content/datasets/c.md:6:16 error Lineage cycle: `c` → `d` → `c`',
    ]);
  });

  it('accepts a diamond: two paths to the same upstream are not a cycle', () => {
    const text = diagnose('lineage-acyclic', {
      'datasets/raw.md': dataset('Raw'),
      'datasets/left.md': dataset('Left', 'raw'),
      'datasets/right.md': dataset('Right', 'raw'),
      'datasets/joined.md': dataset('Joined', 'left', 'right'),
    });
    expect(text).toBe('');
  });

  it('reports models consuming each other, and a dataset cycle beside a feedback loop', () => {
    const text = diagnose('lineage-acyclic', {
      'models/a.md': '---\ntitle: A\ndescription: A.\nowners: [data-team]\ninputs: [{ model: b }]\n---\n',
      'models/b.md': '---\ntitle: B\ndescription: B.\nowners: [data-team]\ninputs: [{ model: a }]\ntraining: [{ dataset: logged }]\n---\n',
      'datasets/logged.md': '---\ntitle: Logged\ndescription: L.\nowners: [data-team]\nderived_from: [{ model: b }, { dataset: joined }]\n---\n',
      'datasets/joined.md': '---\ntitle: Joined\ndescription: J.\nowners: [data-team]\nderived_from: [{ dataset: logged }]\n---\n',
    });
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/joined.md:5:27 error Lineage cycle: \`joined\` → \`logged\` → \`joined\`
        hint: An entry cannot depend on itself; remove or reverse one of these references.
      content/models/a.md:5:19 error Lineage cycle: \`a\` → \`b\` → \`a\`
        hint: An entry cannot depend on itself; remove or reverse one of these references."
    `);
  });

  it('leaves a cycle through a model to feedback-loop', () => {
    const text = diagnose('lineage-acyclic', {
      'datasets/impressions.md': '---\ntitle: Impressions\ndescription: Logged.\nowners: [data-team]\nderived_from: [{ model: ranker }]\n---\n',
      'models/ranker.md': '---\ntitle: Ranker\ndescription: Ranks.\nowners: [data-team]\ntraining: [{ dataset: impressions }]\n---\n',
    });
    expect(text).toBe('');
  });
});
