/** A team's or a person's page: who they are and what they own; for a team, what its members own alone. */
import { KIND_NAMES, KINDS } from '../../../schemas/index.ts';
import { renderMarkdown, type RenderedBody } from '../view/markdown.ts';
import type { Catalog, Entry } from '../types.ts';
import { linksOf } from './links.ts';

export interface OwnedRow {
  ref: string;
  kind: string;
  status: string;
  description?: string | undefined;
}

export interface TeamBody {
  kind: 'team' | 'person';
  /** A team's members, linked to their person entry when there is one. */
  members?: { ref?: string | undefined; name: string; role?: string | undefined; email?: string | undefined }[] | undefined;
  /** A person's address and teams. */
  contact?: { email: string; teams: string[] } | undefined;
  about?: RenderedBody | undefined;
  /** What the team or person owns, by kind then title. */
  owns: OwnedRow[];
  /** For a team: entries one of its members owns alone. */
  alone?: OwnedRow[] | undefined;
}

// The catalog's people, found once: a scan of every entry for each team's page cost
// teams × entries, 25 times as much at 50,000 entries as at 10,000.
const peopleByCatalog = new WeakMap<Catalog, Entry<'person'>[]>();
const peopleOf = (catalog: Catalog): Entry<'person'>[] => {
  let found = peopleByCatalog.get(catalog);
  if (!found) peopleByCatalog.set(catalog, (found = catalog.entries.filter((e): e is Entry<'person'> => e.kind === 'person')));
  return found;
};

export function teamBody(catalog: Catalog, entry: Entry<'team'> | Entry<'person'>): TeamBody {
  const links = linksOf(catalog);
  const body = renderMarkdown(entry.body, { headingBase: 3 });
  // Owners come from the graph's incoming edges, not a scan of every entry per page.
  const ownedBy = (id: string) => catalog.graph.incoming(id).filter((e) => e.type === 'owned_by').flatMap((e) => catalog.byId.get(e.from) ?? []);
  const rows = (entries: readonly Entry[]): OwnedRow[] =>
    [...entries]
      .sort((a, b) => KIND_NAMES.indexOf(a.kind) - KIND_NAMES.indexOf(b.kind) || a.data.title.localeCompare(b.data.title))
      .map((e) => ({ ref: links.ref(e.id), kind: KINDS[e.kind].label, status: e.data.status, description: e.data.description }));
  const owns = rows(ownedBy(entry.id));
  const about = body.html.trim() ? body : undefined;
  if (entry.kind === 'person') {
    return { kind: 'person', contact: { email: entry.data.email, teams: (entry.data.teams ?? []).map((t) => links.ref(t)) }, about, owns };
  }
  const members = entry.data.members ?? [];
  // People in this team: listed as members (with a person id) or naming the team in their own entry.
  const people = peopleOf(catalog).filter((e) => e.data.teams?.includes(entry.id) || members.some((m) => m.person === e.id || (m.email && m.email === e.data.email)));
  const alone = people.flatMap((p) => ownedBy(p.id)).filter((e) => e.data.owners?.length === 1);
  return {
    kind: 'team',
    members: members.map((m) => {
      const person = people.find((p) => p.id === m.person || (p.kind === 'person' && m.email === p.data.email));
      return { ref: person ? links.ref(person.id) : undefined, name: m.name, role: m.role, email: m.email };
    }),
    about,
    owns,
    alone: rows(alone),
  };
}
