/** The impact comment read back as GitHub reads it (GFM): hostile titles stay text, tables stay whole. */
import type { Root, Table } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { escapeLabel } from '../../src/lib/graph/flowchart.ts';
import { escapeMarkdown, escapeMessage } from '../../src/lib/graph/impact.ts';
import { writeProject } from '../helpers/catalog.ts';
import { LINEAGE } from './fixture.ts';
import { run } from './run.ts';

const HOSTILE = `Evil | table <img src=x onerror=alert(1)> [link](https://example.com) **bold** \`code\` #1`;

const parse = (markdown: string) => unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;

function nodes(tree: Root, type: string): unknown[] {
  const found: unknown[] = [];
  visit(tree, type, (node) => {
    found.push(node);
  });
  return found;
}

describe('impact Markdown', () => {
  it('keeps a hostile title as plain text in the table, the lists and the chart', async () => {
    const files: Record<string, string> = {};
    for (const [name, text] of Object.entries(LINEAGE)) files[`content/${name}`] = text;
    files['content/datasets/labels.md'] = LINEAGE['datasets/labels.md']!.replace('title: Labels', `title: '${HOSTILE.replace(/'/g, "''")}'`);
    const root = writeProject(files);
    const { stdout } = await run(['impact', 'labels', 'raw-events', '--content', 'content'], root);
    const tree = parse(stdout);

    const [table] = nodes(tree, 'table') as Table[];
    expect(table!.children).toHaveLength(3);
    for (const row of table!.children) expect(row.children).toHaveLength(4);
    // Only the marker comment is HTML, and the footnote's <sub>.
    expect((nodes(tree, 'html') as { value: string }[]).map((n) => n.value)).toEqual(['<!-- cardcat-impact -->', '<sub>', '</sub>']);
    expect(nodes(tree, 'link')).toEqual([]);
    // Bold is only the report's own kind headings.
    const strong = nodes(tree, 'strong') as { children: { value: string }[] }[];
    expect(strong.map((n) => n.children.map((c) => c.value).join(''))).toEqual(['Datasets', 'Models']);
    const text = (nodes(tree, 'text') as { value: string }[]).map((n) => n.value).join('');
    expect(text).toContain('Evil | table <img src=x onerror=alert(1)> [link](https:\u200B//example.com) **bold** `code` #1');
  });
});

describe('escaping', () => {
  it('writes every character outside a small safe set as a Mermaid entity code', () => {
    expect(escapeLabel('a "b" <c> [d] {e} |f| #g; `h` & end\nnext')).toBe(
      'a #34;b#34; #60;c#62; #91;d#93; #123;e#125; #124;f#124; #35;g#59; #96;h#96; #38; end next',
    );
    expect(escapeLabel('Événements – 2026')).toBe('#201;v#233;nements #8211; 2026');
  });

  it('escapes Markdown punctuation in text from files', () => {
    expect(escapeMarkdown('a|b *c* <d> [e](f) _g_')).toBe('a\\|b \\*c\\* \\<d\\> \\[e\\]\\(f\\) \\_g\\_');
  });

  it('keeps the code spans of a diagnostic message and escapes the text around them', () => {
    expect(escapeMessage('Unknown dataset `raw_event*s` in <b>x</b>')).toBe('Unknown dataset `raw_event*s` in \\<b\\>x\\</b\\>');
    // An unbalanced backtick cannot open a span that swallows the rest.
    expect(escapeMessage('odd ` tick *x*')).toBe('odd \\` tick \\*x\\*');
  });
});
