/**
 * The catalog manifest the site publishes, split by kind and gzipped. `catalog.json` is a
 * small index (the manifest's version and counts, and where its parts are); each part is
 * one array of the manifest `npm run export -- catalog` writes whole: the entries of one
 * kind, the edges, the diagnostics.
 *
 * Why both. Gzipped, because static hosts count stored bytes against their 1 GB and do not
 * compress on disk: whole and plain, the manifest was 52 MB at 10,000 entries, a quarter of
 * the site's budget at 50,000; gzip takes it about ten times smaller. Split, because a tool
 * that wants the models or the graph should not download and unzip every dataset's columns,
 * and no single part holds the whole catalog in a reader's memory.
 */
import { KIND_NAMES, KINDS, type Kind } from '../../../schemas/index.ts';
import { manifestEdges, manifestEntry, manifestHeader } from '../interchange/export/catalog-json.ts';
import type { Catalog } from '../types.ts';

/** The parts: one per kind the catalog holds, by its folder name, then the graph and the diagnostics. */
export type ManifestPart = { kind: Kind; name: string } | { kind?: undefined; name: 'edges' | 'diagnostics' };

export const partFile = (name: string): string => `catalog/${name}.json.gz`;

export function manifestParts(catalog: Catalog): ManifestPart[] {
  const kinds = new Set(catalog.entries.map((e) => e.kind));
  return [
    ...KIND_NAMES.filter((k) => kinds.has(k)).map((kind): ManifestPart => ({ kind, name: KINDS[kind].folder })),
    { name: 'edges' },
    { name: 'diagnostics' },
  ];
}

/** `catalog.json`: the manifest's header, and its parts' files, relative to `catalog.json` itself. */
export function manifestIndex(catalog: Catalog): Record<string, unknown> {
  const parts = manifestParts(catalog);
  return {
    ...manifestHeader(catalog),
    parts: {
      entries: Object.fromEntries(parts.flatMap((p) => (p.kind ? [[p.kind, partFile(p.name)]] : []))),
      edges: partFile('edges'),
      diagnostics: partFile('diagnostics'),
    },
    compression: 'gzip',
  };
}

/**
 * The items of one part, by the part's name (a kind's folder, `edges` or `diagnostics`),
 * made one at a time as they are read, so that a part is written without every entry's
 * manifest in memory at once.
 */
export function manifestPart(catalog: Catalog, name: string): Iterable<unknown> {
  if (name === 'edges') return manifestEdges(catalog);
  if (name === 'diagnostics') return catalog.diagnostics;
  const kind = KIND_NAMES.find((k) => KINDS[k].folder === name);
  if (!kind) throw new Error(`No manifest part \`${name}\`: expected a kind's folder (${KIND_NAMES.map((k) => KINDS[k].folder).join(', ')}), \`edges\` or \`diagnostics\`.`);
  return (function* () {
    for (const entry of catalog.entries) if (entry.kind === kind) yield manifestEntry(catalog, entry);
  })();
}
