import { describe, expect, it } from 'vitest';
import { catalogOf, problems } from '../helpers/catalog.ts';
import { diagnose } from './helpers.ts';

describe('bus-factor', () => {
  it('warns about an entry owned by one person and suggests their team', () => {
    const text = diagnose('bus-factor', {
      'datasets/events.md': '---\ntitle: Events\ndescription: E.\nowners: [dee-ata]\n---\n',
      'people/solo.yaml': 'title: Solo\nemail: solo@example.com\n',
      'glossary/churn.yaml': 'title: Churn\ndescription: Leaving.\nowners: [solo]\n',
    });
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/events.md:4:9 warning Owned by one person, \`dee-ata\`, and no team
        hint: Add their team: \`owners: [data-team, dee-ata]\`.
      content/glossary/churn.yaml:3:9 warning Owned by one person, \`solo\`, and no team
        hint: Add a team to \`owners\` so the knowledge outlives one person."
    `);
  });

  it('accepts a team owner, a person with their team, and two people', () => {
    const text = diagnose('bus-factor', {
      'people/ann.yaml': 'title: Ann\nemail: ann@example.com\n',
      'datasets/a.md': '---\ntitle: A\ndescription: A.\nowners: [data-team]\n---\n',
      'datasets/b.md': '---\ntitle: B\ndescription: B.\nowners: [data-team, dee-ata]\n---\n',
      'datasets/c.md': '---\ntitle: C\ndescription: C.\nowners: [ann, dee-ata]\n---\n',
    });
    expect(text).toBe('');
  });

  it('leaves a missing owner to the schema, which requires one', () => {
    const catalog = catalogOf({ 'datasets/a.md': '---\ntitle: A\ndescription: A.\n---\n' });
    expect(problems(catalog, 'schema')).toMatchInlineSnapshot(`
      [
        "content/datasets/a.md:2:1 error Missing required field \`owners\`",
      ]
    `);
  });
});
