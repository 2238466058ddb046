/** Facts several exports need: who owns an entry, where its page is, what its license is called. */
import type { Catalog, Entry } from '../../types.ts';
import { classifyLicense } from '../../rights/licenses.ts';
import { entryPath, href } from '../../view/urls.ts';
import { licenseUrl } from '../licenses.ts';

export interface Party {
  id: string;
  kind: 'team' | 'person';
  name: string;
  email?: string;
}

/** The owners of an entry as named parties; ids that do not resolve keep their id as name. */
export function ownersOf(catalog: Catalog, entry: Entry): Party[] {
  return (entry.data.owners ?? []).map((id) => {
    const owner = catalog.byId.get(id);
    if (owner?.kind === 'person') return { id, kind: 'person', name: owner.data.title, email: owner.data.email };
    return { id, kind: 'team', name: owner?.data.title ?? id };
  });
}

/** The public address of an entry's page, when the config names the site's URL. */
export function pageUrl(catalog: Catalog, entry: Entry): string | undefined {
  const site = catalog.config.site.url;
  if (!site) return undefined;
  return new URL(href(catalog.config.site.base, entryPath(entry.kind, entry.id)), site).href;
}

/** The entry's source file in the repository, when the config names the repository. */
export function sourceUrl(catalog: Catalog, entry: Entry): string | undefined {
  const repo = catalog.config.site.repo_url?.replace(/\/+$/, '');
  if (!repo) return undefined;
  const file = entry.file.split('/').map(encodeURIComponent).join('/');
  return /gitlab\./.test(repo) ? `${repo}/-/blob/${catalog.config.site.edit_branch}/${file}` : `${repo}/blob/${catalog.config.site.edit_branch}/${file}`;
}

/** A license as formats want it: a URL for an SPDX id or a `licenses/` entry that has one, else the text. */
export function licenseReference(catalog: Catalog, license: string): string {
  const ref = classifyLicense(license);
  if (ref.type === 'spdx') return licenseUrl(license) ?? license;
  if (ref.type === 'entry') {
    const entry = catalog.byId.get(ref.id);
    if (entry?.kind === 'license') return entry.data.url ?? entry.data.title;
  }
  return license;
}

/**
 * A license as schema.org's `license` wants it (URL or CreativeWork): the URL of its text
 * when one is known, else a `CreativeWork` named by the license's title or id, with the
 * license's page in the catalog as its `url` when the site's address is configured.
 */
export function licenseValue(catalog: Catalog, license: string, prefix = ''): string | Record<string, unknown> {
  const ref = licenseReference(catalog, license);
  if (/^https?:\/\//.test(ref)) return ref;
  // A catalog license without a text URL still has its page, which states its terms.
  const classified = classifyLicense(license);
  const entry = classified.type === 'entry' ? catalog.byId.get(classified.id) : undefined;
  const page = entry ? pageUrl(catalog, entry) : undefined;
  return { '@type': `${prefix}CreativeWork`, name: ref, identifier: license, ...(page ? { url: page } : {}) };
}

/** The newest version of a dataset (versions are listed newest last). */
export function latestVersion(entry: Entry<'dataset'>): { version: string; date?: string } | undefined {
  const last = entry.data.versions?.at(-1);
  return last ? { version: last.version, ...(last.date ? { date: last.date } : {}) } : undefined;
}

export const asList = (value: string | readonly string[] | undefined): string[] => (value === undefined ? [] : typeof value === 'string' ? [value] : [...value]);
