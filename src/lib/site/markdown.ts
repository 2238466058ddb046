/**
 * Entry bodies to HTML: GitHub-flavoured Markdown, raw HTML sanitized to GitHub's safe
 * subset, and ```mermaid blocks turned into `<pre class="mermaid">` for the page's lazy
 * Mermaid loader. Sanitizing runs before the Mermaid step, which adds only a class and
 * plain text, so nothing an author writes can reach the page unsanitized.
 */
import type { Element, ElementContent, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

export interface RenderedBody {
  html: string;
  /** Whether the body holds a Mermaid diagram, so the page loads Mermaid. */
  mermaid: boolean;
  headings: { depth: number; text: string; id: string }[];
}

const textOf = (node: ElementContent | Element): string =>
  node.type === 'text' ? node.value : 'children' in node ? node.children.map(textOf).join('') : '';

export function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'section'
  );
}

function mermaidBlocks(found: { value: boolean }) {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'pre' || !parent || index === undefined) return;
      const code = node.children[0];
      if (!code || code.type !== 'element' || code.tagName !== 'code') return;
      const classes = code.properties['className'];
      if (!Array.isArray(classes) || !classes.includes('language-mermaid')) return;
      found.value = true;
      parent.children[index] = {
        type: 'element',
        tagName: 'pre',
        properties: { className: ['mermaid'] },
        children: [{ type: 'text', value: textOf(code) }],
      };
    });
  };
}

/**
 * Ids on headings, after sanitizing (which would prefix or drop them), unique within the
 * body. With `base`, headings are demoted so the shallowest becomes `h<base>`: a body's
 * `# Motivation` must not be a second h1 on a page whose h1 is the entry's title.
 */
function headingIds(headings: RenderedBody['headings'], prefix: string, base: number | undefined) {
  return (tree: Root) => {
    const used = new Map<string, number>();
    let shallowest = 6;
    visit(tree, 'element', (node) => {
      const depth = /^h([1-6])$/.exec(node.tagName)?.[1];
      if (depth) shallowest = Math.min(shallowest, Number(depth));
    });
    const shift = base === undefined ? 0 : Math.max(0, base - shallowest);
    visit(tree, 'element', (node) => {
      const original = /^h([1-6])$/.exec(node.tagName)?.[1];
      if (!original) return;
      const depth = Math.min(6, Number(original) + shift);
      node.tagName = `h${depth}`;
      const text = textOf(node).trim();
      const base = `${prefix}${slugify(text)}`;
      const n = used.get(base) ?? 0;
      used.set(base, n + 1);
      const id = n ? `${base}-${n}` : base;
      node.properties['id'] = id;
      headings.push({ depth: Number(depth), text, id });
    });
  };
}

export interface RenderOptions {
  /** Prefix for heading ids, to keep them unique when several bodies share a page. */
  idPrefix?: string;
  /** Demote headings so the shallowest one is at this level (e.g. 3 under a page's h2 sections). */
  headingBase?: number;
}

export function renderMarkdown(markdown: string, options: RenderOptions = {}): RenderedBody {
  const found = { value: false };
  const headings: RenderedBody['headings'] = [];
  const html = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    // Parse raw HTML into elements so the sanitizer can keep the harmless ones (<details>, <kbd>…).
    .use(rehypeRaw)
    .use(rehypeSanitize, defaultSchema)
    .use(mermaidBlocks, found)
    .use(headingIds, headings, options.idPrefix ?? '', options.headingBase)
    .use(rehypeStringify)
    .processSync(markdown)
    .toString();
  return { html, mermaid: found.value, headings };
}
