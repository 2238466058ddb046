/**
 * Mermaid flowchart text for the CLI's reports (graph and impact), meant to be pasted into
 * Markdown where GitHub renders it as is. Labels come from authors' files, so every
 * character outside a small safe set is written as a Mermaid entity code: a title cannot
 * end a label early, inject a directive, or carry HTML. Node names are generated (`n0`,
 * `n1`, …), never entry ids, because words such as `end` or a leading `o`/`x` after an
 * arrow change how Mermaid parses a line.
 */

export interface FlowNode {
  id: string;
  label: string;
  /** A `classDef` name: the node's kind, or a role such as `changed`. */
  classes?: readonly string[];
  /** Lower draws first when the chart is capped. */
  rank?: number;
}

export interface FlowEdge {
  from: string;
  to: string;
  label?: string;
  dashed?: boolean;
}

export interface FlowchartOptions {
  direction?: 'LR' | 'TB';
  /** At most this many nodes; the rest are summed up in one note node. */
  maxNodes?: number;
  /** Said in the note node when the chart is capped, such as how to see everything. */
  capNote?: string;
  classDefs?: Readonly<Record<string, string>>;
}

/**
 * Mermaid reads `#<code>;` as a character entity inside quoted labels; writing every
 * character outside a small safe set that way means no label can close its quotes, open
 * a tag or start a directive.
 */
export function escapeLabel(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[^A-Za-z0-9 .,_\-]/gu, (char) => `#${char.codePointAt(0)};`);
}

/** GitHub refuses to draw very large diagrams; staying well under its limits keeps the chart readable too. */
export const DEFAULT_MAX_NODES = 40;

export function flowchart(nodes: readonly FlowNode[], edges: readonly FlowEdge[], options: FlowchartOptions = {}): string {
  const max = Math.max(1, options.maxNodes ?? DEFAULT_MAX_NODES);
  const ordered = [...nodes].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const shown = ordered.slice(0, max);
  const hidden = ordered.length - shown.length;
  const names = new Map(shown.map((node, i) => [node.id, `n${i}`]));

  const lines = [`flowchart ${options.direction ?? 'LR'}`];
  const extraClasses: string[] = [];
  for (const node of shown) {
    const [first, ...rest] = node.classes ?? [];
    lines.push(`  ${names.get(node.id)}["${escapeLabel(node.label)}"]${first ? `:::${first}` : ''}`);
    // `:::` takes one class; further ones need a `class` statement each.
    for (const name of rest) extraClasses.push(`  class ${names.get(node.id)} ${name}`);
  }
  // Two entries joined by several relations (trained and evaluated on) get one arrow, not a bundle.
  const merged = new Map<string, { from: string; to: string; labels: string[]; dashed: boolean }>();
  for (const edge of edges) {
    const from = names.get(edge.from);
    const to = names.get(edge.to);
    if (!from || !to) continue;
    const key = `${from} ${to}`;
    const seen = merged.get(key) ?? { from, to, labels: [], dashed: true };
    if (edge.label && !seen.labels.includes(edge.label)) seen.labels.push(edge.label);
    seen.dashed &&= edge.dashed === true;
    merged.set(key, seen);
  }
  for (const { from, to, labels, dashed } of merged.values()) {
    const arrow = dashed ? '-.->' : '-->';
    lines.push(labels.length ? `  ${from} ${arrow}|"${escapeLabel(labels.join(', '))}"| ${to}` : `  ${from} ${arrow} ${to}`);
  }
  if (hidden > 0) {
    const note = `… and ${hidden} more${options.capNote ? `: ${options.capNote}` : ''}`;
    lines.push(`  more["${escapeLabel(note)}"]:::more`);
  }
  lines.push(...extraClasses);
  const defs = { more: 'fill:none,stroke-dasharray:4 4', ...options.classDefs };
  const used = new Set([...shown.flatMap((n) => n.classes ?? []), ...(hidden > 0 ? ['more'] : [])]);
  for (const [name, style] of Object.entries(defs)) if (used.has(name)) lines.push(`  classDef ${name} ${style}`);
  return lines.join('\n');
}
