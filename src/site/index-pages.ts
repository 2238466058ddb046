/**
 * The index of each kind for this build. A kind that fits on one page is listed whole, in
 * catalog order, with filters that run in the page; a larger one is paged by title and
 * filtered by the search page, whose facet lists are counted over the whole kind.
 */
import { KIND_NAMES, type Kind } from '../../schemas/index.ts';
import { facetOptions, SEARCH_FACETS, topOptions, type Facet, type FacetOption } from '../lib/site/facets.ts';
import { compareForIndex, INDEX_PAGE_SIZE, pageCount } from '../lib/site/pagination.ts';
import type { Catalog, Entry } from '../lib/types.ts';

export const INTROS: Record<Kind, string> = {
  dataset: 'Every dataset, with its datasheet: where it lives, its columns and splits, what it may be used for, and what it feeds.',
  model: 'Every model card: what each model is for, how well it does against its objectives, and what data it rests on.',
  feature: 'Feature definitions from the feature store: what each input of our models means, the column it is trained on and where it is served from.',
  source: 'Where raw data comes from, who to call when it breaks, and how we know it is still there.',
  team: 'Teams own entries, so that knowledge outlives any one person.',
  person: 'People who own entries, and the teams they belong to.',
  glossary: 'The shared meaning of the words our data uses; columns link to these terms.',
  license: 'Data-use agreements beyond standard licenses: what each permits and forbids, and when it expires.',
};

export interface SearchFacet {
  facet: Facet;
  options: FacetOption[];
  /** Values left off the list, which the search page still offers. */
  more: number;
}

export interface KindIndex {
  kind: Kind;
  /** Every entry of the kind: in page order when paged, in catalog order otherwise. */
  entries: Entry[];
  /** 1 for a kind that fits on one page. */
  pages: number;
  /** The facet lists of a paged kind's search form; empty for a kind on one page. */
  facets: SearchFacet[];
}

const built = new WeakMap<Catalog, Map<Kind, KindIndex>>();

function indexOf(catalog: Catalog, kind: Kind): KindIndex {
  const entries = catalog.entries.filter((e) => e.kind === kind);
  if (entries.length <= INDEX_PAGE_SIZE) return { kind, entries, pages: 1, facets: [] };
  const options = facetOptions(entries);
  const facets = SEARCH_FACETS.flatMap((facet) => {
    const all = options[facet];
    if (!all?.length) return [];
    const { shown, more } = topOptions(all);
    return [{ facet, options: shown, more }];
  });
  return { kind, entries: entries.sort(compareForIndex), pages: pageCount(entries.length, INDEX_PAGE_SIZE), facets };
}

/** A kind's index, worked out once per build: every page of the kind shows a slice of it. */
export function kindIndex(catalog: Catalog, kind: Kind): KindIndex {
  let byKind = built.get(catalog);
  if (!byKind) built.set(catalog, (byKind = new Map()));
  let index = byKind.get(kind);
  if (!index) byKind.set(kind, (index = indexOf(catalog, kind)));
  return index;
}

/** Every kind's index, for the routes that list their pages. */
export const kindIndexes = (catalog: Catalog): KindIndex[] => KIND_NAMES.map((kind) => kindIndex(catalog, kind));
