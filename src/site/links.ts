/** Links between pages, under the configured base path. */
import { KINDS, type Kind } from '../../schemas/index.ts';
import { entryPath, href } from '../lib/site/urls.ts';
import type { Catalog } from '../lib/types.ts';

export const base = (): string => import.meta.env.BASE_URL;
export const link = (path = ''): string => href(base(), path);
export const kindLink = (kind: Kind): string => link(`${KINDS[kind].folder}/`);

/** The page of an entry by id, or undefined for an id the catalog does not hold. */
export function entryLink(catalog: Pick<Catalog, 'byId'>, id: string): string | undefined {
  const entry = catalog.byId.get(id);
  return entry ? link(entryPath(entry.kind, entry.id)) : undefined;
}
