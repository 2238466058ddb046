import { describe, expect, it } from 'vitest';
import { diagnose } from './helpers.ts';

const temporal = (parts: string, extra = '') =>
  `---\ntitle: Events\ndescription: Play events.\nowners: [data-team]\nschema:\n  - { name: event_time, type: datetime }\nsplits:\n  method: temporal\n${extra}  parts:\n${parts}---\n`;

describe('split-temporal', () => {
  it('reports parts whose periods overlap, pointing at both ends', () => {
    const text = diagnose('split-temporal', {
      'datasets/events.md': temporal(
        '    - { name: train, from: 2026-01-01, to: 2026-06-30 }\n' +
          '    - { name: validation, from: 2026-07-01, to: 2026-08-15 }\n' +
          '    - { name: test, from: 2026-08-01, to: 2026-09-30 }\n',
      ),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/events.md:12:27 error Split \`test\` (2026-08-01 to 2026-09-30) overlaps split \`validation\` (2026-07-01 to 2026-08-15)
        hint: Start \`test\` after 2026-08-15, or end \`validation\` before 2026-08-01.
        see: content/datasets/events.md:11:49 \`validation\` ends here"
    `);
  });

  it('reports a part that lies inside a longer one, not only overlaps with its neighbour', () => {
    const text = diagnose('split-temporal', {
      'datasets/events.md': temporal(
        '    - { name: train, from: 2026-01-01, to: 2026-12-31 }\n' +
          '    - { name: validation, from: 2026-03-01, to: 2026-03-31 }\n' +
          '    - { name: test, from: 2026-06-01, to: 2026-06-30 }\n',
      ),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/events.md:11:33 error Split \`validation\` (2026-03-01 to 2026-03-31) overlaps split \`train\` (2026-01-01 to 2026-12-31)
        hint: Start \`validation\` after 2026-12-31, or end \`train\` before 2026-03-01.
        see: content/datasets/events.md:10:44 \`train\` ends here
      content/datasets/events.md:12:27 error Split \`test\` (2026-06-01 to 2026-06-30) overlaps split \`train\` (2026-01-01 to 2026-12-31)
        hint: Start \`test\` after 2026-12-31, or end \`train\` before 2026-06-01.
        see: content/datasets/events.md:10:44 \`train\` ends here"
    `);
  });

  it('reports a part that ends on the day the next one starts', () => {
    const text = diagnose('split-temporal', {
      'datasets/events.md': temporal('    - { name: train, from: 2026-01-01, to: 2026-06-30 }\n    - { name: test, from: 2026-06-30, to: 2026-09-30 }\n'),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/events.md:11:27 error Split \`test\` (2026-06-30 to 2026-09-30) overlaps split \`train\` (2026-01-01 to 2026-06-30)
        hint: Start \`test\` after 2026-06-30, or end \`train\` before 2026-06-30.
        see: content/datasets/events.md:10:44 \`train\` ends here"
    `);
  });

  it('reports a part without dates, a part that ends before it starts, and an unknown time column', () => {
    const text = diagnose('split-temporal', {
      'datasets/events.md': temporal(
        '    - { name: train, from: 2026-01-01 }\n    - { name: test, from: 2026-09-30, to: 2026-07-01 }\n',
        '  time_column: played_at\n',
      ),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/events.md:9:16 error Unknown column \`played_at\` in \`time_column\`
        hint: Name the column declared under \`schema\` that orders rows in time.
      content/datasets/events.md:11:7 error Split \`train\` of a temporal split has no \`to\` date
        hint: Give every part the period it covers: \`from: 2025-01-01\`, \`to: 2025-12-31\`.
      content/datasets/events.md:12:27 error Split \`test\` starts on 2026-09-30, after it ends on 2026-07-01
        hint: Swap \`from\` and \`to\`: both days are inclusive."
    `);
  });

  it('accepts consecutive periods in any order', () => {
    const text = diagnose('split-temporal', {
      'datasets/events.md': temporal(
        '    - { name: test, from: 2026-08-01, to: 2026-09-30 }\n    - { name: train, from: 2026-01-01, to: 2026-07-31 }\n',
        '  time_column: event_time\n',
      ),
    });
    expect(text).toBe('');
  });
});
