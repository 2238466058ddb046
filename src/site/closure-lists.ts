/** The two closure lists an entry has, their URL slugs and sizes, and their rows for this build. */
import type { Direction } from '../lib/graph.ts';
import { closureListing, type ClosureListing } from '../lib/closure-report.ts';
import type { Catalog } from '../lib/types.ts';

// Each page costs the build a few milliseconds however short it is, and at 10,000 entries
// lists of 26 to 100 rows made 40% of all pages: the entry page now shows up to 50 rows,
// and a list page 200.
export const CLOSURE_PAGE_SIZE = 200;
/** Rows shown on the entry page itself; longer lists get pages of their own. */
export const CLOSURE_INLINE = 50;
export const CLOSURE_LISTS = {
  'depends-on': { direction: 'up', title: 'Depends on' },
  impacts: { direction: 'down', title: 'Impacts' },
} as const;
export type ClosureList = keyof typeof CLOSURE_LISTS;

// The last few listings: an entry's list pages are rendered one after another, so each is
// computed about twice per build (its entry page, then its list pages). Keeping every
// listing for the whole build held millions of rows at 10,000 entries.
const RECENT = 8;
const recent = new Map<string, { catalog: Catalog; listing: ClosureListing }>();

/** An entry's closure listing in one direction, shared by the pages that show it in a row. */
export function closureListingOf(catalog: Catalog, id: string, direction: Direction): ClosureListing {
  const key = `${direction}:${id}`;
  const known = recent.get(key);
  if (known && known.catalog === catalog) return known.listing;
  const listing = closureListing(catalog, id, direction);
  recent.delete(key);
  recent.set(key, { catalog, listing });
  if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
  return listing;
}
