import { describe, expect, it } from 'vitest';
import { diagnose } from './helpers.ts';

const entry = (title: string, lines = '') => `---\ntitle: ${title}\ndescription: ${title}.\nowners: [data-team]\n${lines}---\n`;

describe('staleness', () => {
  it('warns about a review older than the entry interval or the catalog default', () => {
    const text = diagnose(
      'staleness',
      {
        'datasets/events.md': entry('Events', 'reviewed: 2026-04-01\nreview_every: 180d\n'),
        'sources/api.yaml': 'title: API\nowners: [data-team]\ntype: api\nreviewed: 2025-10-01\n',
      },
      { today: '2026-11-23', config: 'review_every: 365d\n' },
    );
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/events.md:5:11 warning Last reviewed on 2026-04-01, 236 days ago; reviews are due every 180d
        hint: Have an owner check the entry and set \`reviewed: 2026-11-23\`.
      content/sources/api.yaml:4:11 warning Last reviewed on 2025-10-01, 418 days ago; reviews are due every 365d
        hint: Have an owner check the entry and set \`reviewed: 2026-11-23\`."
    `);
  });

  it('warns about a dataset or model never reviewed, but not a draft, a retired entry or a team', () => {
    const text = diagnose('staleness', {
      'datasets/events.md': entry('Events'),
      'models/ranker.md': entry('Ranker', 'status: draft\n'),
      'datasets/old.md': entry('Old', 'status: retired\nreviewed: 2020-01-01\n'),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/events.md:2:1 warning \`events\` has never been reviewed
        hint: Have an owner check it and add \`reviewed: 2026-11-23\`."
    `);
  });

  it('warns about a review dated in the future', () => {
    expect(diagnose('staleness', { 'datasets/events.md': entry('Events', 'reviewed: 2062-11-01\n') })).toMatchInlineSnapshot(`
      "content/datasets/events.md:5:11 warning Reviewed on 2062-11-01, which is after today (2026-11-23)
        hint: Set \`reviewed\` to the day an owner last checked the entry."
    `);
  });

  it('accepts a review due today, and reads weeks, months and years', () => {
    const text = diagnose('staleness', {
      'datasets/a.md': entry('A', 'reviewed: 2026-05-27\nreview_every: 180d\n'),
      'datasets/b.md': entry('B', 'reviewed: 2026-09-01\nreview_every: 12w\n'),
      'datasets/c.md': entry('C', 'reviewed: 2026-06-01\nreview_every: 6m\n'),
      'datasets/d.md': entry('D', 'reviewed: 2025-11-23\nreview_every: 1y\n'),
    });
    expect(text).toBe('');
  });

  it('can be raised to an error or turned off in the config', () => {
    const content = { 'datasets/events.md': entry('Events', 'reviewed: 2020-01-01\n') };
    expect(diagnose('staleness', content, { config: 'rules:\n  staleness: error\n' })).toMatch(/^content\/datasets\/events\.md:5:11 error Last reviewed on 2020-01-01/);
    expect(diagnose('staleness', content, { config: 'rules:\n  staleness: off\n' })).toBe('');
  });
});
