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
