import { describe, expect, it } from 'vitest';
import { Reporter, type TextFile } from '../../src/lib/load/reporter.ts';

const file = (yaml: string): TextFile => ({ text: `---\n${yaml}---\n`, yamlOffset: 4, yamlText: yaml });

function placed(text: TextFile) {
  const reporter = new Reporter();
  reporter.addFile('a.md', text);
  reporter.add({ file: 'a.md', at: { path: ['owners', 1] }, severity: 'error', rule: 'references', message: 'Unknown' });
  reporter.add({ file: 'a.md', at: { path: ['owners'], key: true }, severity: 'warning', rule: 'owners', message: 'Few' });
  return reporter.diagnostics().map((d) => [d.line, d.column, d.rule]);
}

describe('a reporter', () => {
  it('places problems at their YAML path, the same again for the same text, and anew for a changed one', () => {
    const before = file('title: A\nowners: [ann, bob]\n');
    expect(placed(before)).toEqual([
      [3, 1, 'owners'],
      [3, 15, 'references'],
    ]);
    // A second catalog assembled from the same file read (the dev server's, after another file changed).
    expect(placed(before)).toEqual(placed(before));
    // The file edited: a line above moves both problems down, and the list is written in block style.
    const after = file('title: A\ndescription: B\nowners:\n  - ann\n  - bob\n');
    expect(placed(after)).toEqual([
      [4, 1, 'owners'],
      [6, 5, 'references'],
    ]);
  });
});
