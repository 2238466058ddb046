/**
 * The colours of lineage graphs, as Mermaid `classDef` lines. A module of its own, with no
 * imports, so that the page's script can append the same lines to a view's text: written
 * into every page's text they were about 1 KB of each dataset and model page.
 */

/** Fill and stroke per kind, legible with dark text in both light and dark page themes. */
export const KIND_COLOURS = {
  dataset: { fill: '#dbeafe', stroke: '#2563eb' },
  model: { fill: '#ede9fe', stroke: '#7c3aed' },
  feature: { fill: '#f3e8ff', stroke: '#9333ea' },
  source: { fill: '#dcfce7', stroke: '#16a34a' },
  team: { fill: '#fef3c7', stroke: '#d97706' },
  person: { fill: '#ffedd5', stroke: '#ea580c' },
  glossary: { fill: '#e0f2fe', stroke: '#0891b2' },
  license: { fill: '#fce7f3', stroke: '#db2777' },
} as const satisfies Record<string, { fill: string; stroke: string }>;

const STATUS_STYLES: Record<string, string> = {
  draft: 'stroke-dasharray:2 3',
  deprecated: 'stroke-dasharray:6 4,stroke:#b45309',
  retired: 'stroke-dasharray:6 4,stroke:#6b7280,fill:#e5e7eb',
};

/** Whether a status has a style of its own (`s_<status>`). */
export function hasStatusStyle(status: string): boolean {
  return Object.hasOwn(STATUS_STYLES, status);
}

/** The `classDef` lines every lineage view's classes refer to: kinds, statuses, the focus and "+N more" boxes. */
export const LINEAGE_CLASS_DEFS = [
  ...Object.entries(KIND_COLOURS).map(([kind, { fill, stroke }]) => `  classDef k_${kind} fill:${fill},stroke:${stroke},color:#111827`),
  ...Object.entries(STATUS_STYLES).map(([status, style]) => `  classDef s_${status} ${style}`),
  '  classDef focus stroke-width:3px',
  '  classDef more fill:#f3f4f6,stroke:#9ca3af,color:#374151,stroke-dasharray:3 3',
].join('\n');
