/** The facts an entry page opens with: kind, status, owners, review state, coverage, edit link, notices. */
import { KINDS, type Kind } from '../../../schemas/index.ts';
import { reviewDue } from '../view/health.ts';
import { editUrl } from '../view/urls.ts';
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
  /** Whom to ask: owning teams' chat and email first, then owning people's email; a team's own contact on its page. */
  contacts?: { name: string; chat?: { text: string; url?: string | undefined } | undefined; email?: string | undefined }[] | undefined;
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
    contacts: entry.kind === 'person' ? undefined : contactsOf(catalog, entry.kind === 'team' ? [entry.id] : (d.owners ?? [])),
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

/** Owning teams with a contact first, in the order listed, then owning people with an email. */
export function contactsOf(catalog: Pick<Catalog, 'byId'>, owners: readonly string[]): EntryHeaderModel['contacts'] {
  const teams: NonNullable<EntryHeaderModel['contacts']> = [];
  const people: NonNullable<EntryHeaderModel['contacts']> = [];
  for (const id of owners) {
    const owner = catalog.byId.get(id);
    if (owner?.kind === 'team' && owner.data.contact && (owner.data.contact.chat || owner.data.contact.email)) {
      const chat = owner.data.contact.chat;
      teams.push({ name: owner.data.title, chat: chat ? { text: chat, url: /^https?:\/\//.test(chat) ? chat : undefined } : undefined, email: owner.data.contact.email });
    } else if (owner?.kind === 'person' && owner.data.email) people.push({ name: owner.data.title, email: owner.data.email });
  }
  const all = [...teams, ...people];
  return all.length ? all : undefined;
}
