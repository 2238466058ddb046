/** A glossary term's page: its definition, synonyms, related terms and every column that measures it. */
import { renderMarkdown, type RenderedBody } from '../view/markdown.ts';
import { entryPath } from '../view/urls.ts';
import type { Catalog, Entry } from '../types.ts';
import { linksOf } from './links.ts';

// A term used across a whole catalog would otherwise make its page grow with it.
export const MAX_TERM_COLUMNS = 200;

export interface GlossaryBody {
  kind: 'glossary';
  definition?: string | undefined;
  synonyms?: string[] | undefined;
  /** Terms it names and terms that name it, as links. */
  related: string[];
  text?: RenderedBody | undefined;
  /** Every column that uses the term. */
  columnCount: number;
  /** The first `MAX_TERM_COLUMNS` of them. */
  columns: { dataset: string; url: string; name: string; type: string; description?: string | undefined }[];
}

export function glossaryBody(catalog: Catalog, entry: Entry<'glossary'>): GlossaryBody {
  const links = linksOf(catalog);
  const d = entry.data;
  const body = renderMarkdown(entry.body, { headingBase: 3 });
  // From the graph's incoming edges, not a scan of every entry: a term page costs what it shows.
  const naming = (type: string) => catalog.graph.incoming(entry.id).filter((e) => e.type === type).flatMap((e) => catalog.byId.get(e.from) ?? []);
  const columns = naming('uses_term').flatMap((e) =>
    e.kind === 'dataset' ? (e.data.schema ?? []).filter((c) => c.term?.split('@')[0] === entry.id).map((c) => ({ dataset: e, column: c })) : [],
  );
  const usedBy = naming('related_term').filter((e) => e.id !== entry.id);
  return {
    kind: 'glossary',
    definition: d.description,
    synonyms: d.synonyms && [...d.synonyms],
    related: [...new Set([...(d.related ?? []), ...usedBy.map((e) => e.id)])].map((id) => links.ref(id)),
    text: body.html.trim() ? body : undefined,
    columnCount: columns.length,
    columns: columns.slice(0, MAX_TERM_COLUMNS).map(({ dataset, column }) => ({
      dataset: links.ref(dataset.id),
      url: links.link(`${entryPath(dataset.kind, dataset.id)}#schema`),
      name: column.name,
      type: column.type,
      description: column.description,
    })),
  };
}
