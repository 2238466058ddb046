/**
 * The catalog's feature uses, worked out once per build: the features index, every
 * dataset page's "used by" column and the feature pages all read them, and walking every
 * model's features again for each of thousands of dataset pages would be quadratic.
 * A catalog asked for only a few dataset pages (the dev server's, assembled again after
 * each edit) answers each from the models that could name its columns instead.
 */
import { columnAt, featureUses, modelsByColumn, resolveFeature, type ColumnPlace, type FeatureUse } from '../features.ts';
import { parseRef } from '../ids.ts';
import type { Catalog, Entry } from '../types.ts';
import { linksOf } from './links.ts';

export interface CatalogFeatureUses {
  uses: FeatureUse[];
  /** Models by `dataset-id.column`. */
  byColumn: Map<string, Entry<'model'>[]>;
}

const built = new WeakMap<Catalog, CatalogFeatureUses>();

export function catalogFeatureUses(catalog: Catalog): CatalogFeatureUses {
  let found = built.get(catalog);
  if (!found) {
    const uses = featureUses(catalog);
    built.set(catalog, (found = { uses, byColumn: modelsByColumn(uses) }));
  }
  return found;
}

/** Dataset pages a catalog answers one by one before it works out the whole table. */
const FEW_PAGES = 8;
const asked = new WeakMap<Catalog, number>();

/**
 * The models that use each column of `dataset` as a feature, directly or through a feature
 * entry trained or served on it, by column name: what `catalogFeatureUses`'s `byColumn`
 * holds for the dataset's columns.
 */
export function datasetColumnUsers(catalog: Catalog, dataset: Entry<'dataset'>): (column: string) => readonly Entry<'model'>[] | undefined {
  const count = (asked.get(catalog) ?? 0) + 1;
  asked.set(catalog, count);
  if (built.has(catalog) || count > FEW_PAGES) {
    const { byColumn } = catalogFeatureUses(catalog);
    return (column) => byColumn.get(`${dataset.id}.${column}`);
  }
  const users = columnUsersOf(catalog, dataset);
  return (column) => users.get(column);
}

/**
 * `modelsByColumn(featureUses(catalog))` for one dataset's columns. A model's feature is a
 * column of the dataset only if the model trains on it (`resolveFeature` looks in the
 * training datasets alone), so the other names are looked up only as feature entries.
 */
export function columnUsersOf(catalog: Catalog, dataset: Entry<'dataset'>): Map<string, Entry<'model'>[]> {
  const out = new Map<string, Entry<'model'>[]>();
  const add = (place: ColumnPlace | undefined, model: Entry<'model'>) => {
    if (place?.dataset.id !== dataset.id) return;
    const list = out.get(place.column.name) ?? [];
    if (!list.includes(model)) list.push(model);
    out.set(place.column.name, list);
  };
  // As `featureUses` keys them: of two feature entries with one id, the last one's columns.
  const features = new Map<string, Entry<'feature'>>();
  for (const entry of catalog.entries) if (entry.kind === 'feature') features.set(entry.id, entry);
  for (const model of catalog.entries) {
    if (model.kind !== 'model' || !model.data.features) continue;
    const trainsOn = model.data.training?.some((t) => parseRef(t.dataset).id === dataset.id) ?? false;
    for (const name of model.data.features) {
      if (!trainsOn && catalog.byId.get(name)?.kind !== 'feature') continue;
      const found = resolveFeature(catalog, model, name);
      if (found.type === 'column') add(found.place, model);
      else if (found.type === 'feature') {
        const { training, serving } = features.get(found.feature.id)!.data;
        add(training ? columnAt(catalog, training) : undefined, model);
        add(serving?.column ? columnAt(catalog, serving.column) : undefined, model);
      }
    }
  }
  return out;
}

/** How many models a list shows before it gives the rest as a count: a column used by thousands stays a short row. */
export const SHOWN_MODELS = 5;

export interface ModelList {
  /** The first models, by id, as links without tooltips: a row of five descriptions would outweigh the row. */
  shown: string[];
  /** How many in all. */
  count: number;
  /** `and 1,234 more`, when some are not shown. */
  more?: string | undefined;
}

/** A bounded list of models: the first few by id, and how many more. */
export function modelList(catalog: Catalog, models: readonly Entry<'model'>[]): ModelList {
  const links = linksOf(catalog);
  const ids = [...new Set(models.map((m) => m.id))].sort();
  return { shown: ids.slice(0, SHOWN_MODELS).map((id) => links.ref(id, false)), count: ids.length, more: ids.length > SHOWN_MODELS ? `and ${(ids.length - SHOWN_MODELS).toLocaleString('en')} more` : undefined };
}
