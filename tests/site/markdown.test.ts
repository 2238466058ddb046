import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lib/view/markdown.ts';

describe('entry bodies to HTML', () => {
  it('removes scripts, event handlers and javascript: links from raw HTML', () => {
    const { html } = renderMarkdown('<script>alert(1)</script>\n\n<img src="x" onerror="alert(2)">\n\n[x](javascript:alert(3)) <a href="javascript:alert(4)">y</a>');
    expect(html).not.toMatch(/<script|onerror|javascript:/i);
  });

  it('keeps harmless raw HTML such as details and kbd', () => {
    const { html } = renderMarkdown('<details><summary>More</summary>\n\nHidden <kbd>Ctrl</kbd>\n\n</details>');
    expect(html).toContain('<details>');
    expect(html).toContain('<kbd>Ctrl</kbd>');
  });

  it('renders GitHub tables', () => {
    expect(renderMarkdown('| a | b |\n| - | - |\n| 1 | 2 |').html).toContain('<td>1</td>');
  });

  it("puts each table in a scroll box of its own, so a wide one does not widen a phone's page", () => {
    const { html } = renderMarkdown('| a | b |\n| - | - |\n| 1 | 2 |\n\n<table><tr><td>raw</td></tr></table>');
    expect(html.match(/<div class="table-wrap"><table>/g)).toHaveLength(2);
    expect(html.match(/<\/table><\/div>/g)).toHaveLength(2);
  });

  it('keeps the column alignment a table asks for', () => {
    const { html } = renderMarkdown('| name | rows |\n| :- | -: |\n| train | 14041 |');
    expect(html).toContain('<th align="left">name</th>');
    expect(html).toContain('<td align="right">14041</td>');
    expect(html).not.toContain('style=');
  });

  it('reads raw HTML as a browser would, so a broken fragment does not swallow the rest of the body', () => {
    const { html } = renderMarkdown('<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>\n\n# After\n\nStill here.');
    expect(html).not.toMatch(/<img|<style/);
    expect(html).toContain('<h1 id="after">After</h1>');
    expect(html).toContain('Still here.');
  });

  it('turns mermaid code blocks into plain-text diagrams for the page to draw', () => {
    const body = renderMarkdown('```mermaid\nflowchart LR\n  a["<img src=x onerror=alert(1)>"] --> b\n```');
    expect(body.mermaid).toBe(true);
    expect(body.html).toContain('<pre class="mermaid">flowchart LR');
    expect(body.html).toContain('&#x3C;img');
    expect(body.html).not.toContain('<img');
    expect(renderMarkdown('```js\nx\n```').mermaid).toBe(false);
  });

  it('demotes headings so a body never adds a second h1 to its page', () => {
    const body = renderMarkdown('# Motivation\n\ntext\n\n## Detail\n\nmore', { headingBase: 3 });
    expect(body.html).toContain('<h3 id="motivation">Motivation</h3>');
    expect(body.html).toContain('<h4 id="detail">Detail</h4>');
    expect(body.html).not.toContain('<h1');
  });

  it('gives repeated headings distinct ids', () => {
    const { headings } = renderMarkdown('# Notes\n\n# Notes\n', { idPrefix: 'x-' });
    expect(headings.map((h) => h.id)).toEqual(['x-notes', 'x-notes-1']);
  });
});
