/** Where each page of the site lives, and where its source file can be edited. */
import { KINDS, type Kind } from '../../../schemas/index.ts';
import type { Config } from '../types.ts';

/** `base` as Astro gives it (`/`, `/catalog`, `/catalog/`), always with one trailing slash. */
export function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** A site path under the base: `href('/catalog/', 'datasets/x/')` → `/catalog/datasets/x/`. */
export function href(base: string, path = ''): string {
  return normalizeBase(base) + path.replace(/^\/+/, '');
}

export const kindPath = (kind: Kind): string => `${KINDS[kind].folder}/`;

export const entryPath = (kind: Kind, id: string): string => `${KINDS[kind].folder}/${id}/`;

/**
 * The "edit this file" address for a file given relative to the content folder's parent
 * (`content/datasets/x.md`), which is where the repository root is expected to be.
 * GitHub and Gitea use `/edit/<branch>/`; GitLab accepts the same path after `/-/`.
 */
export function editUrl(site: Config['site'], file: string): string | undefined {
  if (!site.repo_url) return undefined;
  const repo = site.repo_url.replace(/\/+$/, '');
  const encoded = file.split('/').map(encodeURIComponent).join('/');
  const branch = site.edit_branch.split('/').map(encodeURIComponent).join('/');
  return /gitlab\./.test(repo) ? `${repo}/-/edit/${branch}/${encoded}` : `${repo}/edit/${branch}/${encoded}`;
}
