import { describe, expect, it } from 'vitest';
import { diagnose } from './helpers.ts';

const entry = (title: string, lines = '') => `---\ntitle: ${title}\ndescription: ${title}.\nowners: [data-team]\n${lines}---\n`;

describe('replaced-by', () => {
  it('warns about a deprecated entry without a replacement and a replacement on an active entry', () => {
    const text = diagnose('replaced-by', {
      'datasets/old.md': entry('Old', 'status: deprecated\n'),
      'datasets/new.md': entry('New', 'replaced_by: old\n'),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/new.md:5:1 warning \`replaced_by\` on an entry that is active
        hint: Set \`status: deprecated\` (or \`retired\`), or remove \`replaced_by\`.
      content/datasets/old.md:5:9 warning Deprecated \`old\` names no replacement
        hint: Add \`replaced_by: <id>\` so dependents know where to move."
    `);
  });

  it('warns about a replacement that is the entry itself, of another kind, or on its way out too', () => {
    const text = diagnose('replaced-by', {
      'datasets/new.md': entry('New', 'status: deprecated\nreplaced_by: newest\n'),
      'datasets/newest.md': entry('Newest'),
      'datasets/a.md': entry('A', 'status: deprecated\nreplaced_by: a\n'),
      'datasets/b.md': entry('B', 'status: retired\nreplaced_by: data-team\n'),
      'datasets/c.md': entry('C', 'status: deprecated\nreplaced_by: new\n'),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/a.md:6:14 warning \`a\` is replaced by itself
        hint: Name the entry that takes its place.
      content/datasets/b.md:6:14 warning Unexpected team \`data-team\` as the replacement of a dataset
        hint: Name the dataset that takes its place.
        see: content/teams/data-team.yaml:1:1 \`data-team\` is defined here
      content/datasets/c.md:6:14 warning Replaced by \`new\`, which is deprecated too
        hint: Point at the current replacement, \`newest\`.
        see: content/datasets/new.md:5:9 \`new\` is deprecated"
    `);
  });

  it('accepts deprecated and retired entries that name their replacement, and retired ones that do not', () => {
    const text = diagnose('replaced-by', {
      'datasets/new.md': entry('New'),
      'datasets/old.md': entry('Old', 'status: deprecated\nreplaced_by: new\n'),
      'datasets/older.md': entry('Older', 'status: retired\nreplaced_by: new\n'),
      'datasets/oldest.md': entry('Oldest', 'status: retired\n'),
    });
    expect(text).toBe('');
  });
});
