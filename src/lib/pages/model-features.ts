/**
 * What a model page shows of issue-17 data: each feature linked to the column or feature
 * entry it names, each certified range drawn against its training range, each metric
 * across versions against its objective, and the earlier versions. Kept apart from
 * `model.ts` so that the card's own sections and these stay separate concerns.
 */
import type { Model } from '../../../schemas/model.ts';
import { certifiedRanges, resolveFeature } from '../features.ts';
import { certifiedRangeSvg, outsideTraining } from '../view/domain-chart.ts';
import { slugify } from '../view/markdown.ts';
import { metricHistorySvg, metricSeries, misses } from '../view/metric-history.ts';
import { entryPath } from '../view/urls.ts';
import type { Catalog, Entry } from '../types.ts';
import { linksOf } from './links.ts';
// A cycle, but of hoisted functions only: neither module calls the other while loading.
import { objectiveText } from './model.ts';

/** The anchor of a column's row in its dataset's schema table. */
export const columnAnchor = (name: string): string => `column-${slugify(name)}`;

/** The URL of a column's row on its dataset's page. */
export function columnUrl(catalog: Catalog, datasetId: string, column: string): string {
  return linksOf(catalog).link(`${entryPath('dataset', datasetId)}#${columnAnchor(column)}`);
}

export interface FeatureLink {
  /** The name as the model writes it. */
  name: string;
  /** The column's row or the feature entry's page; undefined when the name resolves to neither. */
  url?: string | undefined;
  /** What it resolves to, as a tooltip: `column viewing-events-labelled.tenure_days`. */
  target?: string | undefined;
}

/** Each of a model's features, linked to the feature entry or training column it names. */
export function featureLinks(catalog: Catalog, model: Entry<'model'>): FeatureLink[] | undefined {
  const links = linksOf(catalog);
  return model.data.features?.map((name): FeatureLink => {
    const found = resolveFeature(catalog, model, name);
    if (found.type === 'feature') return { name, url: links.entryLink(found.feature.id), target: `feature ${found.feature.data.title}` };
    if (found.type === 'column') {
      const { dataset, column } = found.place;
      return { name, url: columnUrl(catalog, dataset.id, column.name), target: `column ${dataset.id}.${column.name}` };
    }
    return { name };
  });
}

export interface DomainChart {
  feature: string;
  /** `30 to 3650 d`. */
  certified: string;
  training: string;
  /** The training column, as `dataset-id.column`, and its row. */
  column: string;
  columnUrl: string;
  /** The parts of the certified range the training data does not cover, in words; empty when none. */
  outside: string[];
  svg: string;
}

const rangeText = ([a, b]: readonly [number, number], unit: string | undefined) => `${a} to ${b}${unit ? ` ${unit}` : ''}`;

/** Each certified `[min, max]` whose training column declares a range, drawn against it. */
export function domainCharts(catalog: Catalog, model: Entry<'model'>): DomainChart[] | undefined {
  const ranges = certifiedRanges(catalog, model);
  if (ranges.length === 0) return undefined;
  return ranges.map((r, i) => {
    const dot = r.column.indexOf('.');
    return {
      feature: r.feature,
      certified: rangeText(r.certified, r.unit),
      training: rangeText(r.training, r.unit),
      column: r.column,
      columnUrl: columnUrl(catalog, r.column.slice(0, dot), r.column.slice(dot + 1)),
      outside: outsideTraining(r),
      // Compact: the page holds the numbers in text too, so the drawing stays small.
      svg: certifiedRangeSvg(r, { width: 320, idPrefix: `cd${i}` }),
    };
  });
}

export interface MetricHistory {
  /** Version labels, oldest first, the current one last. */
  versions: string[];
  rows: {
    label: string;
    /** The value each version measured, in `versions` order; null where it did not measure it (null, not undefined, so the model survives JSON). */
    values: ({ value: number; missed: boolean } | null)[];
    /** The current objective, as text. */
    objective: string;
  }[];
  /** One chart per metric that more than one version measured. */
  charts: { label: string; svg: string }[];
}

/** Every current metric across the model's versions, when it has earlier ones. */
export function metricHistory(d: Pick<Model, 'version' | 'metrics' | 'versions'>): MetricHistory | undefined {
  if (!d.versions?.length || !d.metrics?.length) return undefined;
  const versions = [...d.versions.map((v) => v.version), d.version ?? 'current'];
  const series = metricSeries(d);
  return {
    versions,
    rows: series.map((s) => ({
      label: s.label,
      values: versions.map((v) => {
        const p = s.points.find((x) => x.version === v);
        return p ? { value: p.value, missed: misses(p.value, p.objective ?? s.objective) } : null;
      }),
      objective: objectiveText(s.objective),
    })),
    charts: series.flatMap((s, i) => (s.points.length > 1 ? [{ label: s.label, svg: metricHistorySvg(s, { width: 320, height: 120, idPrefix: `mh${i}` }) }] : [])),
  };
}

export interface EarlierVersion {
  version: string;
  date?: string | undefined;
  notes?: string | undefined;
  /** Training data pins, as `dataset-id@version (split)`, each linked. */
  training: { ref: string; version?: string | undefined; split?: string | undefined }[];
}

/** The model's earlier versions, newest first as the dataset page lists its own. */
export function earlierVersions(catalog: Catalog, d: Pick<Model, 'versions'>): EarlierVersion[] | undefined {
  if (!d.versions?.length) return undefined;
  const links = linksOf(catalog);
  return [...d.versions].reverse().map((v) => ({
    version: v.version,
    date: v.date,
    notes: v.notes,
    training: (v.training ?? []).map((t) => {
      const [id, pinned] = t.dataset.split('@') as [string, string | undefined];
      return { ref: links.ref(id), version: t.version ?? pinned, split: t.split };
    }),
  }));
}
