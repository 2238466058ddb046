/**
 * Splits an entry body at its top-level headings and matches each part to a template
 * section (datasheet or model card), so a page can interleave the author's prose with the
 * structured fields in the template's order. Parts that match no section keep their order.
 */
import { headingsOf, sectionOf, type Section } from '../sections.ts';

export interface BodyPart {
  heading?: string;
  /** Markdown of the part without its heading line(s). */
  markdown: string;
}

export interface MatchedBody {
  /** Prose before the first heading. */
  intro: string;
  /** By section title. */
  sections: Map<string, BodyPart>;
  /** Parts whose heading matches no section. */
  rest: BodyPart[];
}

export function matchSections(markdown: string, sections: readonly Section[]): MatchedBody {
  const lines = markdown.split(/\r?\n/);
  const headings = headingsOf(markdown);
  const top = Math.min(...headings.map((h) => h.depth));
  const cuts = headings.filter((h) => h.depth === top);
  const result: MatchedBody = { intro: '', sections: new Map(), rest: [] };
  if (cuts.length === 0) return { ...result, intro: markdown };
  result.intro = lines.slice(0, cuts[0]!.line - 1).join('\n').trim();
  cuts.forEach((heading, i) => {
    const start = heading.line; // the line after the heading (1-based line → 0-based next index)
    // Setext headings take two lines.
    const underline = /^ {0,3}(=+|-+)[ \t]*$/.test(lines[start] ?? '') && !/^ {0,3}#/.test(lines[start - 1] ?? '');
    const end = i + 1 < cuts.length ? cuts[i + 1]!.line - 1 : lines.length;
    const part: BodyPart = { heading: heading.text, markdown: lines.slice(underline ? start + 1 : start, end).join('\n').trim() };
    const section = sectionOf(heading.text, sections);
    if (section && !result.sections.has(section.title)) result.sections.set(section.title, part);
    else result.rest.push(part);
  });
  return result;
}
