import { describe, expect, it } from 'vitest';
import { formatGithub } from '../../src/lib/format/github.ts';
import { formatJson } from '../../src/lib/format/json.ts';
import { codeFrame, formatPretty } from '../../src/lib/format/pretty.ts';
import type { Diagnostic } from '../../src/lib/types.ts';

const error: Diagnostic = {
  file: 'content/datasets/a, b.md',
  line: 3,
  column: 5,
  severity: 'error',
  rule: 'schema',
  message: 'Unexpected `100%` for `share`: expected 0 to 1',
  hint: 'Write a fraction.\nSuch as 0.25.',
  related: [{ file: 'content/datasets/b.md', line: 1, column: 1, message: 'first defined here' }],
};
const warning: Diagnostic = { file: 'content/models/m.md', line: 1, column: 1, severity: 'warning', rule: 'staleness', message: 'Old' };

describe('formats', () => {
  it('escapes GitHub workflow-command values and properties', () => {
    expect(formatGithub([error, warning])).toMatchInlineSnapshot(`
      "::error file=content/datasets/a%2C b.md,line=3,col=5,title=schema::Unexpected \`100%25\` for \`share\`: expected 0 to 1%0AWrite a fraction.%0ASuch as 0.25.
      ::warning file=content/models/m.md,line=1,col=1,title=staleness::Old"
    `);
  });

  it('writes JSON with every documented key, a null hint when there is none, and counts', () => {
    const report = JSON.parse(formatJson([error, warning], 7));
    expect(report.diagnostics[1]).toEqual({ file: 'content/models/m.md', line: 1, column: 1, severity: 'warning', rule: 'staleness', message: 'Old', hint: null });
    expect(report.diagnostics[0].related).toEqual(error.related);
    expect(report.counts).toEqual({ errors: 1, warnings: 1, files: 2, entries: 7 });
  });

  it('frames the offending line with its neighbours, a caret under the column, and expanded tabs', () => {
    const text = 'one\ntwo\n\tthree: x\nfour\nfive\n';
    expect(codeFrame(text, 3, 5)).toMatchInlineSnapshot(`
      "    1 | one
          2 | two
        > 3 |   three: x
            |      ^
          4 | four"
    `);
    expect(codeFrame('only\n', 1, 1)).toMatchInlineSnapshot(`
      "  > 1 | only
            | ^"
    `);
  });

  it('prints diagnostics with frame, hint and related places, then a summary in plain text without colour', () => {
    const sources = new Map([['content/datasets/a, b.md', { text: '---\ntitle: A\nshare: 100%\n---\n' }]]);
    const text = formatPretty([error, warning], { sources });
    expect(text).not.toMatch(/\u001b\[/);
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/a, b.md:3:5  error  Unexpected \`100%\` for \`share\`: expected 0 to 1  schema
          1 | ---
          2 | title: A
        > 3 | share: 100%
            |     ^
          4 | ---
        hint: Write a fraction.
              Such as 0.25.
        see: content/datasets/b.md:1:1  first defined here

      content/models/m.md:1:1  warning  Old  staleness

      ✗ 1 error and 1 warning in 2 files."
    `);
    expect(formatPretty([])).toBe('✓ No problems found.');
    expect(formatPretty([warning])).toMatch(/! 0 errors and 1 warning in 1 file\.$/);
  });

  it('colours only when asked', () => {
    expect(formatPretty([warning], { color: true })).toMatch(/\u001b\[33;1mwarning\u001b\[0m/);
  });
});
