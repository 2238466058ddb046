import { describe, expect, it } from 'vitest';
import { diagnose, file } from './helpers.ts';

const term = file`
  title: Churn
  description: A subscriber cancelling.
  owners: [data-team]
`;

describe('unique-ids', () => {
  it('reports an id used by two kinds and points at the first definition', () => {
    const text = diagnose('unique-ids', {
      'glossary/churn.yaml': term,
      'datasets/churn.md': `---\n${term}---\n`,
    });
    expect(text).toMatchInlineSnapshot(`
      "content/glossary/churn.yaml:1:1 error Duplicate id \`churn\`: \`content/datasets/churn.md\` already uses it
        hint: Ids are unique across all kinds; rename one of the files.
        see: content/datasets/churn.md:1:1 \`churn\` is first defined here"
    `);
  });

  it('reports a Markdown and a YAML file with the same name', () => {
    expect(diagnose('unique-ids', { 'glossary/churn.yaml': term, 'glossary/churn.yml': term })).toMatchInlineSnapshot(`
      "content/glossary/churn.yml:1:1 error Duplicate id \`churn\`: \`content/glossary/churn.yaml\` already uses it
        hint: Ids are unique across all kinds; rename one of the files.
        see: content/glossary/churn.yaml:1:1 \`churn\` is first defined here"
    `);
  });

  it('accepts distinct ids', () => {
    expect(diagnose('unique-ids', { 'glossary/churn.yaml': term, 'glossary/customer.yaml': term })).toBe('');
  });
});
