/** A feature's page: what it measures, the column it is trained on, where it is served from, and the models that use it. */
import { columnAt, type ColumnPlace } from '../features.ts';
import { renderMarkdown, type RenderedBody } from '../site/markdown.ts';
import { entryPath } from '../site/urls.ts';
import type { Catalog, Entry } from '../types.ts';
import { lineageSection, type LineageModel } from './lineage.ts';
import { linksOf } from './links.ts';

/** A column as the page links it: to its dataset's schema table, or as text when it is not catalogued. */
export interface ColumnLink {
  ref: string;
  /** The dataset's link as HTML, when the dataset is catalogued. */
  dataset?: string | undefined;
  /** The column's row on its dataset's page, when the column is catalogued. */
  url?: string | undefined;
  type?: string | undefined;
  unit?: string | undefined;
}

export interface FeatureBody {
  kind: 'feature';
  definition: string;
  entity?: string | undefined;
  unit?: string | undefined;
  term?: string | undefined;
  freshness?: string | undefined;
  training?: ColumnLink | undefined;
  serving?: ColumnLink | undefined;
  /** The source that serves it online, as a link, when no column catalogues the served values. */
  servingSource?: string | undefined;
  /** Models that name it in their `features`, as links. */
  usedBy: string[];
  text?: RenderedBody | undefined;
  lineage: LineageModel;
}

export function featureBody(catalog: Catalog, entry: Entry<'feature'>): FeatureBody {
  const links = linksOf(catalog);
  const d = entry.data;
  const column = (ref: string | undefined): ColumnLink | undefined => {
    if (!ref) return undefined;
    const place: ColumnPlace | undefined = columnAt(catalog, ref);
    const datasetId = ref.slice(0, ref.indexOf('.'));
    if (!place) return { ref, dataset: catalog.byId.has(datasetId) ? links.ref(datasetId) : undefined };
    return {
      ref,
      dataset: links.ref(place.dataset.id),
      url: links.link(`${entryPath('dataset', place.dataset.id)}#schema`),
      type: place.column.type,
      unit: place.column.unit,
    };
  };
  const body = renderMarkdown(entry.body, { headingBase: 3 });
  const usedBy = catalog.graph.incoming(entry.id).filter((e) => e.type === 'uses_feature').map((e) => e.from);
  return {
    kind: 'feature',
    definition: d.description,
    entity: d.entity,
    unit: d.unit,
    term: d.term ? links.ref(d.term) : undefined,
    freshness: d.freshness,
    training: column(d.training),
    serving: column(d.serving?.column),
    servingSource: d.serving?.source ? links.ref(d.serving.source) : undefined,
    usedBy: [...new Set(usedBy)].sort().map((id) => links.ref(id)),
    text: body.html.trim() ? body : undefined,
    lineage: lineageSection(catalog, entry),
  };
}
