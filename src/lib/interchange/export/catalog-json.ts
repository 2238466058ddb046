/**
 * `catalog.json`: the whole catalog as one manifest other tools can read. Entries with
 * their data, the typed edges of the graph, every diagnostic, and a schema version that
 * changes when the shape does.
 */
import type { Catalog, Entry } from '../../types.ts';

/** Bump when the manifest's shape changes incompatibly. */
export const CATALOG_SCHEMA_VERSION = 1;

export function catalogManifest(catalog: Catalog): Record<string, unknown> {
  return {
    ...manifestHeader(catalog),
    entries: catalog.entries.map((entry) => manifestEntry(catalog, entry)),
    edges: manifestEdges(catalog),
    diagnostics: catalog.diagnostics,
  };
}

/** The manifest's first fields: its version, and what the catalog holds. */
export function manifestHeader(catalog: Catalog): Record<string, unknown> {
  const counts: Record<string, number> = {};
  for (const entry of catalog.entries) counts[entry.kind] = (counts[entry.kind] ?? 0) + 1;
  return {
    schema_version: CATALOG_SCHEMA_VERSION,
    generator: 'cardcat',
    today: catalog.today,
    counts: {
      entries: catalog.entries.length,
      ...counts,
      errors: catalog.diagnostics.filter((d) => d.severity === 'error').length,
      warnings: catalog.diagnostics.filter((d) => d.severity === 'warning').length,
    },
  };
}

/** One item of the manifest's `entries`. */
export function manifestEntry(catalog: Catalog, entry: Entry): Record<string, unknown> {
  return {
    id: entry.id,
    kind: entry.kind,
    path: entry.path,
    data: entry.data,
    ...(catalog.completeness.has(entry.id) ? { completeness: catalog.completeness.get(entry.id) } : {}),
  };
}

/** The manifest's `edges`: the graph's typed edges. */
export const manifestEdges = (catalog: Catalog): Record<string, unknown>[] =>
  catalog.graph.edges.map((e) => ({ from: e.from, to: e.to, type: e.type, ...(e.version !== undefined ? { version: e.version } : {}) }));
