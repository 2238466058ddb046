/** A feature's page: what it measures, the column it is trained on, where it is served from, and the models that use it. */
import type { Column } from '../../../schemas/dataset.ts';
import { columnAt, compareColumns, type ColumnPlace, type SkewComparison } from '../features.ts';
import { renderMarkdown, type RenderedBody } from '../view/markdown.ts';
import type { Catalog, Entry } from '../types.ts';
import { lineageSection, type LineageModel } from './lineage.ts';
import { modelList, type ModelList } from './feature-uses.ts';
import { linksOf } from './links.ts';
import { columnUrl } from './model-features.ts';

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
  /** Models that name it in their `features`: the first few as links, and how many in all. */
  usedBy: ModelList;
  text?: RenderedBody | undefined;
  /** What the skew check compared between the two columns, and what it could not. */
  skew: SkewModel;
  lineage: LineageModel;
}

export interface SkewModel {
  /** Each property of the two columns, when both are catalogued. */
  checks?: {
    property: SkewComparison['property'];
    result: SkewComparison['result'];
    trained: string;
    served: string;
    /** Why it was not compared, or what differs. */
    note?: string | undefined;
  }[] | undefined;
  /** Why nothing was compared, when either column is not catalogued. */
  unchecked?: string | undefined;
}

// A long category list is cut: the page says how many more, the dataset page has them all.
const SHOWN_VALUES = 12;
const valueText = (values: Column['values']) =>
  !values ? '—' : values.slice(0, SHOWN_VALUES).join(', ') + (values.length > SHOWN_VALUES ? ` and ${values.length - SHOWN_VALUES} more` : '');

const propertyText = (c: Column, property: SkewComparison['property']): string =>
  property === 'type' ? c.type : property === 'unit' ? (c.unit ?? '—') : property === 'range' ? (c.range ? `${c.range[0]} to ${c.range[1]}` : '—') : valueText(c.values);

/** The skew check as the feature page tells it: property by property, or why it did not run. */
export function skewModel(catalog: Catalog, entry: Entry<'feature'>): SkewModel {
  const d = entry.data;
  if (!d.training) return { unchecked: 'No training column is declared, so training and serving are not compared.' };
  const trained = columnAt(catalog, d.training);
  if (!trained) return { unchecked: `The training column \`${d.training}\` is not catalogued, so training and serving are not compared.` };
  if (!d.serving) return { unchecked: 'Nothing serving it online is declared, so training and serving are not compared.' };
  if (!d.serving.column) return { unchecked: 'It is served by a source, not a catalogued column, so training and serving are not compared.' };
  const served = columnAt(catalog, d.serving.column);
  if (!served) return { unchecked: `The serving column \`${d.serving.column}\` is not catalogued, so training and serving are not compared.` };
  return {
    checks: compareColumns(trained.column, served.column).map((c) => ({
      property: c.property,
      result: c.result,
      trained: propertyText(trained.column, c.property),
      served: propertyText(served.column, c.property),
      note: c.result === 'skipped' ? c.reason : c.unseen ? `served, never trained on: ${c.unseen.join(', ')}` : undefined,
    })),
  };
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
      url: columnUrl(catalog, place.dataset.id, place.column.name),
      type: place.column.type,
      unit: place.column.unit,
    };
  };
  const body = renderMarkdown(entry.body, { headingBase: 3 });
  const usedBy = catalog.graph
    .incoming(entry.id)
    .filter((e) => e.type === 'uses_feature')
    .flatMap((e) => {
      const model = catalog.byId.get(e.from);
      return model?.kind === 'model' ? [model] : [];
    });
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
    usedBy: modelList(catalog, usedBy),
    text: body.html.trim() ? body : undefined,
    skew: skewModel(catalog, entry),
    lineage: lineageSection(catalog, entry),
  };
}
