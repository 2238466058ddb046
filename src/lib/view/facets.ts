/**
 * The facets an index page filters by (owner, domain, tag, status, license, stage) and the
 * values each entry has for them. Search filters use the same values, so a filter means
 * the same thing on the index and in search.
 */
import type { Catalog, Entry } from '../types.ts';

/** Where owners' names come from: the catalog's entries by id. */
export type OwnerNames = Catalog['byId'];

export const FACETS = ['owner', 'domain', 'tag', 'status', 'license', 'stage'] as const;
export type Facet = (typeof FACETS)[number];

export const FACET_LABELS: Record<Facet, string> = {
  owner: 'Owner',
  domain: 'Domain',
  tag: 'Tag',
  status: 'Status',
  license: 'License',
  stage: 'Stage',
};

/** The license an entry is under, as written: a dataset's `rights.license` or a model's `license`. */
export function licenseOf(entry: Entry): string | undefined {
  if (entry.kind === 'dataset') return entry.data.rights?.license;
  if (entry.kind === 'model') return entry.data.license;
  return undefined;
}

/**
 * An entry's value for each facet. Owners are named by their title when `names` holds them,
 * as tables name them: a reader filters by "Recommendations team", not by `recsys-team`.
 */
export function facetValues(entry: Entry, names?: OwnerNames): Record<Facet, string[]> {
  const d = entry.data;
  const license = licenseOf(entry);
  return {
    owner: (d.owners ?? []).map((id) => names?.get(id)?.data.title ?? id),
    domain: d.domain ? [d.domain] : [],
    tag: [...(d.tags ?? [])],
    status: [d.status],
    license: license ? [license] : [],
    stage: entry.kind === 'model' ? [entry.data.stage] : [],
  };
}

export interface FacetOption {
  value: string;
  count: number;
}

/** Options for each facet that at least one entry uses, most common first. Facets nobody uses are left out. */
export function facetOptions(entries: readonly Entry[], names?: OwnerNames): Partial<Record<Facet, FacetOption[]>> {
  const out: Partial<Record<Facet, FacetOption[]>> = {};
  const values = entries.map((entry) => facetValues(entry, names));
  for (const facet of FACETS) {
    const counts = new Map<string, number>();
    for (const v of values) for (const value of v[facet]) counts.set(value, (counts.get(value) ?? 0) + 1);
    if (counts.size === 0) continue;
    out[facet] = [...counts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  return out;
}

/**
 * The facets entry pages give Pagefind as filters (`data-pagefind-filter` in
 * `EntryLayout.astro`, besides `kind`), so a search can be narrowed by each of them.
 */
export const SEARCH_FACETS = ['owner', 'domain', 'tag', 'status', 'license', 'stage'] as const satisfies readonly Facet[];

/** Most values a facet's list offers on a page, so the list cannot grow with the catalog. */
export const FACET_OPTION_LIMIT = 100;

/** The `limit` most common options (they come most common first) and how many were left out. */
export function topOptions(options: readonly FacetOption[], limit = FACET_OPTION_LIMIT): { shown: FacetOption[]; more: number } {
  return { shown: options.slice(0, limit), more: Math.max(0, options.length - limit) };
}
