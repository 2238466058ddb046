/**
 * The catalog's feature uses, worked out once per build: the features index, every
 * dataset page's "used by" column and the feature pages all read them, and walking every
 * model's features again for each of thousands of dataset pages would be quadratic.
 */
import { featureUses, modelsByColumn, type FeatureUse } from '../features.ts';
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
