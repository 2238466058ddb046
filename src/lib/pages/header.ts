/** The facts an entry page opens with: kind, status, owners, review state, coverage, edit link, notices. */
import { KINDS, type Kind } from '../../../schemas/index.ts';
import { reviewDue } from '../site/health.ts';
import { editUrl } from '../site/urls.ts';
import type { Catalog, Entry } from '../types.ts';
import { linksOf } from './links.ts';

export interface EntryHeaderModel {
  kind: Kind;
  kindLabel: string;
  kindUrl: string;
  id: string;
  title: string;
  description?: string | undefined;
  status: string;
  /** A model's stage, shown beside its status. */
  stage?: string | undefined;
  /** Owners as links; undefined for teams and people, which show no owners. */
  owners?: string[] | undefined;
  domain?: string | undefined;
  reviewed?: string | undefined;
  /** When the next review is due; undefined when never reviewed. */
  due?: string | undefined;
  /** The review is overdue. */
  stale: boolean;
  /** Share of the template's sections covered, as a whole percentage. */
  completeness?: number | undefined;
  edit?: { url: string; file: string } | undefined;
  tags: string[];
  /** For a deprecated or retired entry: what to use instead, as a link. */
  notice?: { status: 'deprecated' | 'retired'; replacedBy?: string | undefined } | undefined;
}

export function entryHeader(catalog: Catalog, entry: Entry): EntryHeaderModel {
  const links = linksOf(catalog);
  const d = entry.data;
  const due = reviewDue(catalog, entry);
  const edit = editUrl(catalog.config.site, entry.file);
  const completeness = catalog.completeness.get(entry.id);
  return {
    kind: entry.kind,
    kindLabel: KINDS[entry.kind].label,
    kindUrl: links.kindLink(entry.kind),
    id: entry.id,
    title: d.title,
    description: d.description,
    status: d.status,
    stage: entry.kind === 'model' ? entry.data.stage : undefined,
    owners: entry.kind === 'person' || entry.kind === 'team' ? undefined : (d.owners ?? []).map((o) => links.ref(o)),
    domain: d.domain,
    reviewed: d.reviewed,
    due,
    stale: due !== undefined && due < catalog.today,
    completeness: completeness === undefined ? undefined : Math.round(completeness * 100),
    edit: edit ? { url: edit, file: entry.file } : undefined,
    tags: [...(d.tags ?? [])],
    notice:
      d.status === 'deprecated' || d.status === 'retired'
        ? { status: d.status, replacedBy: d.replaced_by ? links.ref(d.replaced_by) : undefined }
        : undefined,
  };
}
