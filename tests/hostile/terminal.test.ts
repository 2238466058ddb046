/**
 * Nothing from a catalog reaches the terminal as a control sequence: a key, value or file
 * name holding escape sequences is shown as text (`\x1b`) by every human-readable output.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/run.ts';
import { OWNERS, writeProject } from '../helpers/catalog.ts';
import { escapeMarkdown, escapeMessage, impactMarkdown, type ImpactReport } from '../../src/lib/graph/impact.ts';
import { visible, visibleLine } from '../../src/lib/terminal-text.ts';

const ESC = '\u001b';
// Sets the window title, erases the line, moves the cursor up and prints a fake all-clear.
const TITLE = `${ESC}]0;pwned\u0007`;
const ERASE = `${ESC}[2K\r${ESC}[1A`;
const FAKE = `${ERASE}${ESC}[32m✓ No problems found.${ESC}[0m`;
const emptyImpact: ImpactReport = { changed: [], otherFiles: [], downstream: [], broken: [], introduced: [], resolved: 0, compared: false, owners: [], mermaid: '' };
const YAML_TITLE = '\\e]0;pwned\\a';
const YAML_FAKE = '\\e[2K\\r\\e[1A\\e[32m✓ No problems found.\\e[0m';

/** Control characters in `text` other than line feeds, and the colour codes Cardcat adds itself. */
function controls(text: string): string[] {
  return [...text.replace(/\u001b\[[0-9;]*m/g, '').matchAll(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g)]
    .map((m) => m[0])
    .filter((c) => c !== '\t');
}

function hostileProject(): string {
  const files: Record<string, string> = {};
  for (const [name, text] of Object.entries(OWNERS)) files[`content/${name}`] = text;
  // A key, a value in a field that quotes it back, and a title, written with YAML's escapes
  // (a raw carriage return would end the line); raw bytes in a file shown in a code frame;
  // and a file name.
  files['content/datasets/keys.yaml'] = `title: Keys\ndescription: D.\nowners: [data-team]\n"${YAML_FAKE}": 1\n`;
  files['content/datasets/values.yaml'] = `title: "${YAML_TITLE}Values"\ndescription: D.\nowners: [data-team]\nstatus: "${YAML_FAKE}"\n`;
  files['content/datasets/raw.yaml'] = `title: Raw ${TITLE}\ndescription: ${ESC}[2K${ESC}[1A\nowners: [data-team]\nbogus: 1\n`;
  files[`content/datasets/${TITLE}name${ERASE}.yaml`] = 'title: N\n';
  files['content/datasets/lineage.yaml'] = `title: "Lineage ${YAML_TITLE}${YAML_FAKE}"\ndescription: D.\nowners: [data-team]\n`;
  return writeProject(files);
}

describe('escape sequences in a catalog', () => {
  it('`check` prints none of them, in colour or not, and shows each as text', async () => {
    const root = hostileProject();
    const plain = await run(['check', '--content', 'content', '--today', '2026-11-23'], root);
    expect(plain.code).toBe(1);
    expect(controls(plain.stdout)).toEqual([]);
    expect(plain.stdout).toContain('\\x1b]0;pwned\\x07');
    expect(plain.stdout).toContain('\\x1b[2K\\r\\x1b[1A');
    // The file name, the key and the value are each reported, with their escapes written out.
    expect(plain.stdout).toContain('content/datasets/\\x1b]0;pwned\\x07name\\x1b[2K\\r\\x1b[1A.yaml');
    expect(plain.stdout).toMatch(/Unknown field `\\x1b\[2K\\r\\x1b\[1A\\x1b\[32m✓ No problems found\.\\x1b\[0m`/);
    // Raw bytes in a file are written out in its code frame.
    expect(plain.stdout).toContain('| description: \\x1b[2K\\x1b[1A');
    expect(plain.stdout.split('\n').filter((l) => l.startsWith('✓'))).toEqual([]);

    const out: string[] = [];
    const { main } = await import('../../scripts/cardcat.ts');
    await main(['check', '--content', 'content', '--today', '2026-11-23'], { cwd: root, stdout: (t) => out.push(t), stderr: (t) => out.push(t), color: true });
    const coloured = out.join('\n');
    expect(coloured).toContain(`${ESC}[31;1m`);
    expect(controls(coloured)).toEqual([]);
  });

  it('`graph` text shows a title holding escape sequences as text', async () => {
    const root = hostileProject();
    const result = await run(['graph', 'lineage', '--content', 'content'], root);
    expect(result.code, result.stderr).toBe(0);
    expect(controls(result.stdout)).toEqual([]);
    expect(result.stdout.split('\n')[0]).toBe('lineage (dataset): Lineage \\x1b]0;pwned\\x07\\x1b[2K\\r\\x1b[1A\\x1b[32m✓ No problems found.\\x1b[0m');
  });

  it('`import` reports a card whose keys and values hold escape sequences without obeying them', async () => {
    const root = hostileProject();
    // YAML's own escapes: a raw carriage return would end the line.
    writeFileSync(path.join(root, 'card.md'), `---\nlicense: mit\npretty_name: "\\e]0;pwned\\a"\n"\\e[2K\\r\\e[1A✓ fine": x\n---\n# Card\n`);
    writeFileSync(path.join(root, `${TITLE}.md`), `---\n${FAKE}\n`);
    const result = await run(['import', 'hf-dataset', 'card.md', '--out', 'content'], root);
    expect(controls(result.stdout + result.stderr)).toEqual([]);
    expect(result.stdout).toContain('\\x1b[2K');
    const named = await run(['import', 'hf-dataset', `${TITLE}.md`, '--out', 'content'], root);
    expect(controls(named.stdout + named.stderr)).toEqual([]);
    expect(named.stdout).toContain('\\x1b]0;pwned\\x07.md');
  });

  it('`synth` and `export` name an --out folder holding escape sequences as text', async () => {
    const root = hostileProject();
    const synth = await run(['synth', '--entries', '30', '--out', `out${ERASE}`, '--quiet'], root);
    expect(synth.code, synth.stderr).toBe(0);
    expect(controls(synth.stdout + synth.stderr)).toEqual([]);
    expect(synth.stdout).toContain('out\\x1b[2K\\r\\x1b[1A');
    const exported = await run(['export', 'catalog', '--content', 'content', '--out', `pub${TITLE}`], root);
    expect(controls(exported.stdout + exported.stderr)).toEqual([]);
    expect(exported.stdout).toContain('pub\\x1b]0;pwned\\x07');
  });

  it('usage errors quote what was typed with its escapes written out', async () => {
    const root = hostileProject();
    for (const argv of [['new', `data${FAKE}`, 'x'], ['graph', `x${TITLE}`], [`ch${ERASE}eck`], ['check', `--format=${FAKE}`]]) {
      const result = await run(argv, root);
      expect(controls(result.stdout + result.stderr), argv.join(' ')).toEqual([]);
      expect(result.stdout + result.stderr).toContain('\\x1b');
    }
  });

  it('machine formats escape them by their own syntax: JSON, GitHub annotations, Markdown', async () => {
    const root = hostileProject();
    for (const format of ['json', 'github']) {
      const result = await run(['check', '--content', 'content', '--format', format, '--today', '2026-11-23'], root);
      expect(controls(result.stdout), format).toEqual([]);
    }
    expect(escapeMarkdown(`a ${FAKE}`)).toBe('a \\\\x1b\\[2K \\\\x1b\\[1A\\\\x1b\\[32m✓ No problems found.\\\\x1b\\[0m');
    expect(escapeMessage(`Unknown field \`${TITLE}\``)).toBe('Unknown field `\\x1b]0;pwned\\x07`');
    // A changed file's name in the impact report is code, written out the same way.
    const report = impactMarkdown({ ...emptyImpact, otherFiles: [{ status: 'modified', path: `docs/${TITLE}.txt` }] });
    expect(controls(report)).toEqual([]);
    expect(report).toContain('`docs/\\x1b]0;pwned\\x07.txt`');
  });

  it('writes out C0 and C1 controls, DEL and bidirectional overrides, and keeps tabs and line feeds', () => {
    expect(visible('a\tb\nc\u0000d\u007fe\u009bf\u202eg\u2066h\r')).toBe('a\tb\nc\\x00d\\x7fe\\x9bf\\u202eg\\u2066h\\r');
    expect(visibleLine('one\ntwo')).toBe('one\\ntwo');
    expect(visible('naïve — ✓ 日本')).toBe('naïve — ✓ 日本');
  });
});
