/**
 * Entry bodies to HTML: GitHub-flavoured Markdown, raw HTML sanitized to GitHub's safe
 * subset, and ```mermaid blocks turned into `<pre class="mermaid">` for the page's lazy
 * Mermaid loader. Sanitizing runs before the Mermaid step, which adds only a class and
 * plain text, so nothing an author writes can reach the page unsanitized.
 *
 * Markdown is parsed by satteri (Astro's own native parser) into a hast tree; raw HTML,
 * sanitizing and serializing stay on rehype. A site renders every body once,
 * and remark's parser was most of the build's time at thousands of entries.
 */
import type { Element, ElementContent, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { markdownToHast } from 'satteri';
import { unified } from 'unified';

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

type Parent = Root | Element;

/** Every element, depth first in document order, with its parent and index. */
function eachElement(parent: Parent, visit: (node: Element, parent: Parent, index: number) => void) {
  parent.children.forEach((child, index) => {
    if (child.type !== 'element') return;
    visit(child, parent, index);
    eachElement(child, visit);
  });
}

/**
 * Before sanitizing: whether the body holds raw HTML, and table alignment as the `align`
 * attribute GitHub's sanitizer keeps (the parser writes a `text-align` style, which
 * sanitizing would drop).
 */
function prepare(tree: Root): { raw: boolean } {
  let raw = false;
  const walk = (parent: Parent) => {
    for (const child of parent.children) {
      if (child.type === 'raw') raw = true;
      if (child.type !== 'element') continue;
      if (child.tagName === 'th' || child.tagName === 'td') {
        const align = /^text-align:\s*(left|right|center)$/.exec(String(child.properties['style'] ?? ''))?.[1];
        if (align) {
          delete child.properties['style'];
          child.properties['align'] = align;
        }
      }
      walk(child);
    }
  };
  walk(tree);
  return { raw };
}

const isMermaid = (node: Element): node is Element & { children: [Element] } => {
  const code = node.children[0];
  if (node.tagName !== 'pre' || !code || code.type !== 'element' || code.tagName !== 'code') return false;
  const classes = code.properties['className'];
  return Array.isArray(classes) && classes.includes('language-mermaid');
};

/**
 * After sanitizing: ```mermaid blocks become `<pre class="mermaid">` holding the diagram as
 * plain text, tables sit in a `div.table-wrap` scroll box, and headings get ids (which sanitizing would prefix or drop), unique within
 * the body. With `base`, headings are demoted so the shallowest becomes `h<base>`: a
 * body's `# Motivation` must not be a second h1 on a page whose h1 is the entry's title.
 */
function finish(tree: Root, prefix: string, base: number | undefined): Omit<RenderedBody, 'html'> {
  let mermaid = false;
  const found: { node: Element; depth: number }[] = [];
  eachElement(tree, (node, parent, index) => {
    const depth = /^h([1-6])$/.exec(node.tagName)?.[1];
    if (depth) found.push({ node, depth: Number(depth) });
    // A table a phone cannot fit scrolls in its own box rather than widening the page.
    else if (node.tagName === 'table') {
      parent.children[index] = { type: 'element', tagName: 'div', properties: { className: ['table-wrap'] }, children: [node] };
    } else if (isMermaid(node)) {
      mermaid = true;
      parent.children[index] = { type: 'element', tagName: 'pre', properties: { className: ['mermaid'] }, children: [{ type: 'text', value: textOf(node.children[0]) }] };
    }
  });
  const shallowest = Math.min(6, ...found.map((h) => h.depth));
  const shift = base === undefined ? 0 : Math.max(0, base - shallowest);
  const used = new Map<string, number>();
  const headings = found.map(({ node, depth: original }) => {
    const depth = Math.min(6, original + shift);
    node.tagName = `h${depth}`;
    const text = textOf(node).trim();
    const slug = `${prefix}${slugify(text)}`;
    const n = used.get(slug) ?? 0;
    used.set(slug, n + 1);
    const id = n ? `${slug}-${n}` : slug;
    node.properties['id'] = id;
    return { depth, text, id };
  });
  return { mermaid, headings };
}

export interface RenderOptions {
  /** Prefix for heading ids, to keep them unique when several bodies share a page. */
  idPrefix?: string;
  /** Demote headings so the shallowest one is at this level (e.g. 3 under a page's h2 sections). */
  headingBase?: number;
}

// Built once: freezing a unified processor per body cost more than sanitizing it.
const sanitizer = unified().use(rehypeSanitize, defaultSchema).use(rehypeStringify).freeze();
// Raw HTML goes through parse5 (the HTML standard's parser, as browsers read it), and only
// for the bodies that hold some: most have none, and the reparse costs more than parsing.
const htmlParser = unified().use(rehypeRaw).freeze();

export function renderMarkdown(markdown: string, options: RenderOptions = {}): RenderedBody {
  // Front matter is already split off; a body that opens with `---` is a thematic break.
  let tree = markdownToHast(markdown, { features: { gfm: true, frontmatter: false } }) as Root;
  if (prepare(tree).raw) tree = htmlParser.runSync(tree) as Root;
  tree = sanitizer.runSync(tree) as Root;
  const rest = finish(tree, options.idPrefix ?? '', options.headingBase);
  return { html: sanitizer.stringify(tree), ...rest };
}
