/**
 * The Features index, at `features/`: every feature entry and every column a model names
 * as a feature directly, in one list sorted by name (`dataset-id.column` for a column).
 *
 * It is the feature kind's index, extended, rather than a page beside it: a reader asking
 * "which features exist, and who uses `watched_seconds`?" should not have to know whether
 * a team wrote a feature-store entry for it or its models name the column. Feature entries
 * and columns share the row shape (meaning, models, training and serving columns), so one
 * table holds both, and the URL the feature kind already has keeps meaning "features".
 *
 * Paged like every index, `INDEX_PAGE_SIZE` rows a page, each row's models bounded, so no
 * page grows with the catalog. Its pages are indexed for search (see `search-index.ts`):
 * a column used as a feature has no page of its own to be found by.
 */
import { KINDS } from '../../../schemas/index.ts';
import type { FeatureUse } from '../features.ts';
import { INDEX_PAGE_SIZE, indexPagePath, pageCount, paginate, rangeLabel } from '../view/pagination.ts';
import type { Catalog } from '../types.ts';
import { catalogFeatureUses, modelList, type ModelList } from './feature-uses.ts';
import { INTROS } from './kind-index.ts';
import { linksOf } from './links.ts';
import { columnUrl } from './model-features.ts';

/** A column as a row links it: `dataset-id.column`, to its row on its dataset's page. */
export interface ColumnCell {
  ref: string;
  url: string;
}

export interface FeatureRow {
  /** The feature entry's id, or `dataset-id.column`. */
  key: string;
  /** The feature entry's page, or the column's row. */
  url: string;
  /** The feature entry's title, or the column's name. */
  name: string;
  source: 'feature entry' | 'column';
  /** The entry's description, or the column's. */
  description?: string | undefined;
  /** The glossary term, as a link. */
  term?: string | undefined;
  unit?: string | undefined;
  type?: string | undefined;
  models: ModelList;
  training?: ColumnCell | undefined;
  serving?: ColumnCell | undefined;
  /** The source that serves it online, as a link, when no column catalogues the served values. */
  servingSource?: string | undefined;
}

export interface FeatureIndexModel {
  caption: string;
  rows: FeatureRow[];
  /** `Features 201–400 of 1,234`. */
  range: string;
  /** Search filters of the page, as on entry pages. */
  filters: [string, string][];
  paging?: { page: number; pages: number; pageUrls: string[]; pagerLabel: string } | undefined;
}

export interface FeatureIndexPageModel {
  kind: 'feature';
  title: string;
  heading: string;
  intro: string;
  section: string;
  empty?: string | undefined;
  features?: FeatureIndexModel | undefined;
  /** Never set: lets routes hold either index model. */
  index?: undefined;
}

/** The label the search page shows for, and filters, the Features index pages. */
export const FEATURE_INDEX_KIND = 'Features index';

/** How many pages the Features index has. */
export const featureIndexPages = (catalog: Catalog): number => pageCount(catalogFeatureUses(catalog).uses.length, INDEX_PAGE_SIZE);

function featureRow(catalog: Catalog, use: FeatureUse): FeatureRow {
  const links = linksOf(catalog);
  const cell = (place: FeatureUse['training']): ColumnCell | undefined =>
    place && { ref: `${place.dataset.id}.${place.column.name}`, url: columnUrl(catalog, place.dataset.id, place.column.name) };
  const models = modelList(catalog, use.models.map((m) => m.model));
  if (use.feature) {
    const d = use.feature.data;
    return {
      key: use.key,
      url: links.entryLink(use.feature.id)!,
      name: d.title,
      source: 'feature entry',
      description: d.description,
      term: d.term ? links.ref(d.term) : undefined,
      unit: d.unit ?? use.training?.column.unit,
      type: use.training?.column.type,
      models,
      training: cell(use.training),
      serving: cell(use.serving),
      servingSource: use.servingSource ? links.ref(use.servingSource) : undefined,
    };
  }
  const { column } = use.training!;
  return {
    key: use.key,
    url: cell(use.training)!.url,
    name: column.name,
    source: 'column',
    description: column.description,
    term: column.term ? links.ref(column.term) : undefined,
    unit: column.unit,
    type: column.type,
    models,
    training: cell(use.training),
  };
}

/** Page `page` of the Features index. */
export function featureIndexPage(catalog: Catalog, page = 1): FeatureIndexPageModel {
  const links = linksOf(catalog);
  const { uses } = catalogFeatureUses(catalog);
  const paged = paginate(uses, page, INDEX_PAGE_SIZE);
  const { plural } = KINDS.feature;
  const common = {
    kind: 'feature' as const,
    title: paged.page > 1 ? `${plural}, page ${paged.page} of ${paged.pages}` : plural,
    heading: plural,
    intro: INTROS.feature,
    section: `${KINDS.feature.folder}/`,
  };
  if (uses.length === 0) return { ...common, empty: 'No features in the catalog yet: no feature entries, and no model names a column of its training data in `features`.' };
  return {
    ...common,
    features: {
      caption: paged.pages > 1 ? `${plural}, page ${paged.page} of ${paged.pages}` : plural,
      rows: paged.items.map((use) => featureRow(catalog, use)),
      range: rangeLabel(paged, INDEX_PAGE_SIZE, plural),
      filters: [['kind', FEATURE_INDEX_KIND]],
      paging:
        paged.pages > 1
          ? { page: paged.page, pages: paged.pages, pageUrls: Array.from({ length: paged.pages }, (_, i) => links.link(indexPagePath('feature', i + 1))), pagerLabel: 'Pages of features' }
          : undefined,
    },
  };
}
