/**
 * The index pages of each kind. A kind that fits on one page is listed whole, in catalog
 * order, with filters that run in the page; a larger one is paged by title and filtered by
 * the search page, whose facet lists are counted over the whole kind.
 */
import { KIND_NAMES, KINDS, type Kind } from '../../../schemas/index.ts';
import { FACET_LABELS, facetOptions, facetValues, SEARCH_FACETS, topOptions, type Facet, type FacetOption } from '../view/facets.ts';
import { compareForIndex, INDEX_PAGE_SIZE, indexPagePath, pageCount, paginate, rangeLabel } from '../view/pagination.ts';
import type { Catalog, Entry } from '../types.ts';
import { linksOf } from './links.ts';

export const INTROS: Record<Kind, string> = {
  dataset: 'Every dataset, with its datasheet: where it lives, its columns and splits, what it may be used for, and what it feeds.',
  model: 'Every model card: what each model is for, how well it does against its objectives, and what data it rests on.',
  feature: 'Every input of our models: the feature store\'s definitions and every column a model reads directly, with what each means, the models that use it, and the columns it is trained on and served from.',
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
  const options = facetOptions(entries, catalog.byId);
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

/** How many index pages each kind has. */
export const kindPageCounts = (catalog: Catalog): { kind: Kind; pages: number }[] =>
  KIND_NAMES.map((kind) => ({ kind, pages: kindIndex(catalog, kind).pages }));

export interface IndexRow {
  /** Lower-cased title, the Name column's sort key. */
  sortName: string;
  ref: string;
  description?: string | undefined;
  status: string;
  stage?: string | undefined;
  owners: string[];
  ownerIds: string;
  /** A dataset's rows: the sort key and the shown number. */
  rows?: { value: string; text: string } | undefined;
  reviewed?: string | undefined;
  /** On a one-page index, what the in-page filters match: the text and each facet's values as JSON. */
  filter?: { name: string; attrs: Record<string, string> } | undefined;
}

export interface EntryIndexModel {
  kind: Kind;
  plural: string;
  showStage: boolean;
  showOwners: boolean;
  showRows: boolean;
  caption: string;
  rows: IndexRow[];
  /** A one-page index's in-page filters: each facet's options, and the entries counted. */
  filters?: { facets: { facet: Facet; label: string; options: FacetOption[] }[]; count: number } | undefined;
  /** A paged index's search form and pager. */
  paging?: {
    searchUrl: string;
    kindLabel: string;
    facets: { facet: Facet; label: string; options: { value: string; text: string }[]; more?: string | undefined }[];
    placeholder: string;
    range: string;
    page: number;
    pages: number;
    /** The URL of every page, first to last. */
    pageUrls: string[];
    pagerLabel: string;
  } | undefined;
}

export interface KindIndexPageModel {
  kind: Kind;
  /** The page's title: the kind's plural, and the page number past the first. */
  title: string;
  heading: string;
  intro: string;
  section: string;
  /** What the page says when the kind has no entries; undefined otherwise. */
  empty?: string | undefined;
  index?: EntryIndexModel | undefined;
  /** Never set: the feature kind's index is the Features index (`feature-index.ts`), and routes hold either model. */
  features?: undefined;
}

function indexRow(catalog: Catalog, e: Entry, filters: readonly Facet[] | undefined): IndexRow {
  const links = linksOf(catalog);
  const owners = e.data.owners ?? [];
  const rows = e.kind === 'dataset' ? e.data.size?.rows : undefined;
  let filter: IndexRow['filter'];
  if (filters) {
    const values = facetValues(e, catalog.byId);
    const attrs: Record<string, string> = {};
    for (const f of filters) attrs[`data-${f}`] = JSON.stringify(values[f]);
    filter = { name: `${e.data.title} ${e.id} ${e.data.description ?? ''}`.toLowerCase(), attrs };
  }
  return {
    sortName: e.data.title.toLowerCase(),
    ref: links.ref(e.id),
    description: e.data.description,
    status: e.data.status,
    stage: e.kind === 'model' ? e.data.stage : undefined,
    owners: owners.map((o) => links.ref(o)),
    ownerIds: owners.join(' '),
    rows: e.kind === 'dataset' ? { value: String(rows ?? -1), text: rows?.toLocaleString('en') ?? '—' } : undefined,
    reviewed: e.data.reviewed,
    filter,
  };
}

/** Page `page` of a kind's index: the whole kind when it fits on one page. */
export function kindIndexPage(catalog: Catalog, kind: Kind, page = 1): KindIndexPageModel {
  const links = linksOf(catalog);
  const index = kindIndex(catalog, kind);
  const { plural: kindPlural, label } = KINDS[kind];
  const plural = kindPlural.toLowerCase();
  const paged = paginate(index.entries, page, INDEX_PAGE_SIZE);
  const common = {
    kind,
    title: page > 1 ? `${kindPlural}, page ${paged.page} of ${paged.pages}` : kindPlural,
    heading: kindPlural,
    intro: INTROS[kind],
    section: `${KINDS[kind].folder}/`,
  };
  if (index.entries.length === 0) return { ...common, empty: `No ${plural} in the catalog yet.` };
  const base = {
    kind,
    plural,
    showStage: kind === 'model',
    showOwners: kind !== 'team' && kind !== 'person',
    showRows: kind === 'dataset',
  };
  if (index.pages > 1) {
    return {
      ...common,
      index: {
        ...base,
        caption: `${kindPlural}, page ${paged.page} of ${paged.pages}`,
        // A paged index filters on the search page, so its rows carry nothing for in-page filters.
        rows: paged.items.map((e) => indexRow(catalog, e, undefined)),
        paging: {
          searchUrl: links.link('search/'),
          kindLabel: label,
          facets: index.facets.map(({ facet, options, more }) => ({
            facet,
            label: FACET_LABELS[facet],
            options: options.map((o) => ({ value: o.value, text: `${o.value} (${o.count.toLocaleString('en')})` })),
            more: more > 0 ? `and ${more.toLocaleString('en')} more on the search page` : undefined,
          })),
          placeholder: `Search all ${paged.total.toLocaleString('en')} ${plural}`,
          range: rangeLabel(paged, INDEX_PAGE_SIZE),
          page: paged.page,
          pages: paged.pages,
          pageUrls: Array.from({ length: paged.pages }, (_, i) => links.link(indexPagePath(kind, i + 1))),
          pagerLabel: `Pages of ${plural}`,
        },
      },
    };
  }
  const options = facetOptions(index.entries, catalog.byId);
  const facets = (Object.keys(options) as Facet[]).filter((f) => (options[f]?.length ?? 0) > 0);
  return {
    ...common,
    index: {
      ...base,
      caption: 'Entries',
      rows: index.entries.map((e) => indexRow(catalog, e, facets)),
      filters: facets.length > 0 ? { facets: facets.map((facet) => ({ facet, label: FACET_LABELS[facet], options: options[facet]! })), count: index.entries.length } : undefined,
    },
  };
}
