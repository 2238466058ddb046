/**
 * What a model's feature names: a `features/` entry first, else a column of one of the
 * model's training datasets, written `dataset-id.column` where several have it. The
 * feature rules, and the pages that link a feature to its column, read this one answer.
 */
import type { Column } from '../../schemas/dataset.ts';
import { parseRef } from './ids.ts';
import type { Entry } from './types.ts';

export interface ColumnPlace {
  dataset: Entry<'dataset'>;
  column: Column;
  index: number;
}

export type Resolution =
  | { type: 'feature'; feature: Entry<'feature'> }
  | { type: 'column'; place: ColumnPlace }
  | { type: 'ambiguous'; places: ColumnPlace[] }
  /** `dataset.column` naming a dataset the model is not trained on. */
  | { type: 'not-training'; dataset: string }
  | { type: 'unknown'; candidates: string[] }
  /** A training dataset is missing or declares no schema: the name cannot be checked. */
  | { type: 'unchecked' };

type Lookup = { byId: ReadonlyMap<string, Entry> };

/** The training datasets of a model as catalogued, or undefined when one is missing or declares no schema. */
export function trainingDatasets(catalog: Lookup, model: Entry<'model'>): Entry<'dataset'>[] | undefined {
  const datasets: Entry<'dataset'>[] = [];
  for (const ref of model.data.training ?? []) {
    const dataset = catalog.byId.get(parseRef(ref.dataset).id);
    if (dataset?.kind !== 'dataset' || !dataset.data.schema) return undefined;
    if (!datasets.includes(dataset)) datasets.push(dataset);
  }
  return datasets;
}

/** A column of a dataset, by name. */
export function columnOf(dataset: Entry<'dataset'>, name: string): ColumnPlace | undefined {
  const index = dataset.data.schema?.findIndex((c) => c.name === name) ?? -1;
  return index < 0 ? undefined : { dataset, column: dataset.data.schema![index]!, index };
}

/** A `dataset-id.column` reference, resolved against the catalog. */
export function columnAt(catalog: Lookup, ref: string): ColumnPlace | undefined {
  const dot = ref.indexOf('.');
  const dataset = catalog.byId.get(ref.slice(0, dot));
  return dataset?.kind === 'dataset' ? columnOf(dataset, ref.slice(dot + 1)) : undefined;
}

export function resolveFeature(catalog: Lookup, model: Entry<'model'>, name: string): Resolution {
  const entry = catalog.byId.get(name);
  if (entry?.kind === 'feature') return { type: 'feature', feature: entry };
  const datasets = trainingDatasets(catalog, model);
  if (!datasets || datasets.length === 0) return { type: 'unchecked' };
  // A bare name first: column names may themselves hold a dot.
  const places = datasets.flatMap((d) => columnOf(d, name) ?? []);
  if (places.length === 1) return { type: 'column', place: places[0]! };
  if (places.length > 1) return { type: 'ambiguous', places };
  const dot = name.indexOf('.');
  if (dot > 0) {
    const id = name.slice(0, dot);
    const dataset = datasets.find((d) => d.id === id);
    if (!dataset) return { type: 'not-training', dataset: id };
    const place = columnOf(dataset, name.slice(dot + 1));
    if (place) return { type: 'column', place };
  }
  const features = [...catalog.byId.values()].filter((e) => e.kind === 'feature').map((e) => e.id);
  const columns = datasets.flatMap((d) => (d.data.schema ?? []).map((c) => c.name));
  return { type: 'unknown', candidates: [...columns, ...datasets.flatMap((d) => (d.data.schema ?? []).map((c) => `${d.id}.${c.name}`)), ...features] };
}

/** The training column behind a model's feature: the column itself, or a feature entry's `training` column. */
export function trainingColumnOf(catalog: Lookup, resolution: Resolution): ColumnPlace | undefined {
  if (resolution.type === 'column') return resolution.place;
  if (resolution.type === 'feature' && resolution.feature.data.training) return columnAt(catalog, resolution.feature.data.training);
  return undefined;
}

export interface CertifiedRange {
  feature: string;
  certified: readonly [number, number];
  training: readonly [number, number];
  /** The training column, as `dataset-id.column`. */
  column: string;
  unit?: string;
}

/** Each certified `[min, max]` of a model whose training column declares a `range`: what the model page draws. */
export function certifiedRanges(catalog: Lookup, model: Entry<'model'>): CertifiedRange[] {
  const out: CertifiedRange[] = [];
  for (const [name, bound] of Object.entries(model.data.certified_domain ?? {})) {
    if (bound.length !== 2 || !bound.every((v) => typeof v === 'number')) continue;
    const place = trainingColumnOf(catalog, resolveFeature(catalog, model, name));
    if (!place?.column.range) continue;
    const range: CertifiedRange = { feature: name, certified: bound as [number, number], training: place.column.range, column: `${place.dataset.id}.${place.column.name}` };
    if (place.column.unit) range.unit = place.column.unit;
    out.push(range);
  }
  return out;
}

/** One feature as a feature index lists it: a feature entry, or a column models name directly. */
export interface FeatureUse {
  /** The feature entry's id, or `dataset-id.column` for a column used directly. */
  key: string;
  feature?: Entry<'feature'>;
  /** The column it is trained on, when catalogued. */
  training?: ColumnPlace;
  /** The column that serves it online, when catalogued. */
  serving?: ColumnPlace;
  /** The source that serves it online, when a source rather than a column does. */
  servingSource?: string;
  /** The models that name it, with where in their `features` list. */
  models: { model: Entry<'model'>; index: number }[];
}

/**
 * Every feature entry and every column a model names as a feature, with the models that
 * use each and the columns behind it, sorted by key: what a features index and the
 * "used by" of a column are built from.
 */
export function featureUses(catalog: Lookup & { entries: readonly Entry[] }): FeatureUse[] {
  const uses = new Map<string, FeatureUse>();
  for (const entry of catalog.entries) {
    if (entry.kind !== 'feature') continue;
    const use: FeatureUse = { key: entry.id, feature: entry, models: [] };
    const training = entry.data.training ? columnAt(catalog, entry.data.training) : undefined;
    const serving = entry.data.serving?.column ? columnAt(catalog, entry.data.serving.column) : undefined;
    if (training) use.training = training;
    if (serving) use.serving = serving;
    if (entry.data.serving?.source) use.servingSource = entry.data.serving.source;
    uses.set(entry.id, use);
  }
  for (const model of catalog.entries) {
    if (model.kind !== 'model') continue;
    model.data.features?.forEach((name, index) => {
      const found = resolveFeature(catalog, model, name);
      let use: FeatureUse | undefined;
      if (found.type === 'feature') use = uses.get(found.feature.id);
      else if (found.type === 'column') {
        const key = `${found.place.dataset.id}.${found.place.column.name}`;
        use = uses.get(key);
        if (!use) uses.set(key, (use = { key, training: found.place, models: [] }));
      }
      use?.models.push({ model, index });
    });
  }
  return [...uses.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The models that use each column as a feature, directly or through a feature entry trained or served on it, by `dataset-id.column`. */
export function modelsByColumn(uses: readonly FeatureUse[]): Map<string, Entry<'model'>[]> {
  const out = new Map<string, Entry<'model'>[]>();
  for (const use of uses) {
    for (const place of [use.training, use.serving]) {
      if (!place) continue;
      const key = `${place.dataset.id}.${place.column.name}`;
      const list = out.get(key) ?? [];
      for (const { model } of use.models) if (!list.includes(model)) list.push(model);
      out.set(key, list);
    }
  }
  return out;
}

/** What the skew check does with one property of a feature's two columns. */
export interface SkewComparison {
  property: 'type' | 'unit' | 'range' | 'values';
  /** `differ` is what `feature-skew` warns about; `skipped` is a property it could not compare. */
  result: 'agree' | 'differ' | 'skipped';
  /** Why a property was skipped: `the serving column declares no unit`. */
  reason?: string;
  /** For `values` that differ: the served values training never saw. */
  unseen?: Column['values'];
}

/** `neither column declares a unit`, `the serving column declares no unit`. */
const missingOn = (property: string, trained: unknown, served: unknown) =>
  trained === undefined && served === undefined
    ? `neither column declares a ${property}`
    : `the ${trained === undefined ? 'training' : 'serving'} column declares no ${property}`;

/**
 * The skew check of a feature's training column against its serving column, property by
 * property: what agrees, what differs, and what is not compared because either side
 * leaves it out. `feature-skew` warns on each difference; the feature page shows all.
 */
export function compareColumns(trained: Column, served: Column): SkewComparison[] {
  const out: SkewComparison[] = [{ property: 'type', result: trained.type === served.type ? 'agree' : 'differ' }];
  const unitsDiffer = trained.unit !== undefined && served.unit !== undefined && trained.unit !== served.unit;
  if (trained.unit === undefined || served.unit === undefined) out.push({ property: 'unit', result: 'skipped', reason: missingOn('unit', trained.unit, served.unit) });
  else out.push({ property: 'unit', result: unitsDiffer ? 'differ' : 'agree' });
  if (!trained.range || !served.range) out.push({ property: 'range', result: 'skipped', reason: missingOn('range', trained.range, served.range) });
  // Ranges in different units differ for that reason alone: the unit is the one finding.
  else if (unitsDiffer) out.push({ property: 'range', result: 'skipped', reason: 'the units differ, so the ranges are not comparable' });
  else out.push({ property: 'range', result: served.range[0] < trained.range[0] || served.range[1] > trained.range[1] ? 'differ' : 'agree' });
  if (!trained.values || !served.values) out.push({ property: 'values', result: 'skipped', reason: missingOn('list of values', trained.values, served.values) });
  else {
    const seen = new Set(trained.values.map(String));
    const unseen = served.values.filter((v) => !seen.has(String(v)));
    out.push(unseen.length ? { property: 'values', result: 'differ', unseen } : { property: 'values', result: 'agree' });
  }
  return out;
}
