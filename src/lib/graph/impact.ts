/**
 * What a change to the catalog hits, for the reviewer of a pull request: the entries
 * changed, everything downstream of them, references the change breaks, problems it
 * introduces compared with the base, and whom to ask for review. Pure: it compares two
 * catalogs (the base and the work tree) given the list of changed files.
 */
import path from 'node:path';
import { kindOfFolder, KINDS, type Kind } from '../../../schemas/index.ts';
import { CLASS_DEFS, flowEdges, pathText, type Catalogish, type Step } from './closure-report.ts';
import { flowchart, type FlowEdge, type FlowNode } from './flowchart.ts';
import type { Change, ChangeStatus } from '../git.ts';
import { Graph, type ClosureMember } from './graph.ts';
import { lineStarts, positionAt } from '../load/position.ts';
import { referencesOf } from './references.ts';
import { RELATIONS } from './relations.ts';
import { visible, visibleLine } from '../terminal-text.ts';
import type { Catalog, Diagnostic, Entry } from '../types.ts';
import { offsetOf, parseYaml } from '../load/yaml.ts';

export interface ImpactInput {
  /** The catalog at the base ref; omitted when only named ids are examined. */
  before?: Catalog;
  after: Catalog;
  /** How the base is named in the report, such as `origin/main`. */
  since?: string;
  changes: readonly Change[];
  /** The content folder relative to the repository root, forward slashes (`content`, or `` for the root). */
  contentPath: string;
  /** The config file relative to the repository root, if one is used. */
  configPath?: string;
  /** Entries to treat as changed, named on the command line. */
  ids?: readonly string[];
}

export interface ChangedEntry {
  status: ChangeStatus | 'named';
  id: string;
  kind: Kind;
  /** Repository-relative. */
  file: string;
  title: string;
  /** For a rename: what it was. */
  previous?: { id: string; file: string };
  /** False when the file does not pass its schema, so it is missing from the graph. */
  valid: boolean;
}

export interface DownstreamEntry {
  id: string;
  kind: Kind;
  title: string;
  depth: number;
  /** The changed entry this one is nearest to, and the chain of relations from it. */
  from: string;
  path: Step[];
}

export interface BrokenReference {
  /** The entry that still names the removed id. */
  id: string;
  file: string;
  line: number;
  column: number;
  relation: string;
  /** The id that no longer exists. */
  to: string;
  /** `deleted`, or the id it was renamed to. */
  fate: { deleted: true } | { renamedTo: string };
}

export interface Owner {
  id: string;
  kind: Kind | undefined;
  title: string;
  /** Impacted entries this owner owns. */
  owns: string[];
}

export interface ImpactReport {
  since?: string;
  changed: ChangedEntry[];
  /** Changed files under the content folder that are not entries, and the config. */
  otherFiles: Change[];
  downstream: DownstreamEntry[];
  broken: BrokenReference[];
  /** Problems in the work tree that the base did not have (matched by rule, file and message). */
  introduced: Diagnostic[];
  /** How many of the base's problems are gone. */
  resolved: number;
  /** Whether there was a base to compare problems with. */
  compared: boolean;
  owners: Owner[];
  mermaid: string;
}

export interface ImpactOptions {
  maxNodes?: number;
}

const ENTRY_FILE = /^([^/]+)\/([^/]+)\.(md|ya?ml)$/;

/** Kind and id of a repository path, if it is an entry file of the content folder. */
function entryOf(file: string, contentPath: string): { kind: Kind; id: string } | undefined {
  const relative = contentPath ? path.posix.relative(contentPath, file) : file;
  if (relative.startsWith('..')) return undefined;
  const match = ENTRY_FILE.exec(relative);
  const kind = match && kindOfFolder.get(match[1]!);
  return kind ? { kind, id: match[2]! } : undefined;
}

/** Diagnostic paths are relative to the content folder's parent; changes to the repository root. */
function displayOf(file: string, contentPath: string): string {
  return path.posix.relative(path.posix.dirname(contentPath || '.'), file);
}

export function impactReport(input: ImpactInput, options: ImpactOptions = {}): ImpactReport {
  const { before, after, contentPath } = input;
  const fileIds = (catalog: Catalog | undefined) => new Set([...(catalog?.files.values() ?? [])].map((f) => f.id));
  const idsAfter = fileIds(after);
  const lookup = (id: string): Entry | undefined => after.byId.get(id) ?? before?.byId.get(id);

  const changed: ChangedEntry[] = [];
  const otherFiles: Change[] = [];
  const removed = new Map<string, BrokenReference['fate']>();
  const renamedFiles = new Map<string, string>();
  for (const change of input.changes) {
    const now = entryOf(change.path, contentPath);
    const was = change.from ? entryOf(change.from, contentPath) : undefined;
    if (change.from) renamedFiles.set(displayOf(change.from, contentPath), displayOf(change.path, contentPath));
    if (!now && !was) {
      otherFiles.push(change);
      continue;
    }
    if (change.status === 'deleted') {
      if (!idsAfter.has(now!.id)) removed.set(now!.id, { deleted: true });
    } else if (was && now && was.id !== now.id && !idsAfter.has(was.id)) {
      removed.set(was.id, { renamedTo: now.id });
    } else if (was && !now && !idsAfter.has(was.id)) {
      removed.set(was.id, { deleted: true });
    }
    const id = now?.id ?? was!.id;
    const entry = change.status === 'deleted' ? before?.byId.get(id) : after.byId.get(id);
    const item: ChangedEntry = {
      status: change.status,
      id,
      kind: now?.kind ?? was!.kind,
      file: change.path,
      // A file that fails its schema now is titled as it was.
      title: (entry ?? before?.byId.get(was?.id ?? id))?.data.title ?? id,
      valid: change.status === 'deleted' ? true : entry !== undefined,
    };
    if (change.status === 'renamed' && change.from) item.previous = { id: was?.id ?? id, file: change.from };
    changed.push(item);
  }
  for (const id of input.ids ?? []) {
    if (changed.some((c) => c.id === id)) continue;
    const entry = after.byId.get(id);
    const file = input.before ? path.posix.join(contentPath, entry?.path ?? '') : entry?.file;
    if (entry && file) changed.push({ status: 'named', id, kind: entry.kind, file, title: entry.data.title, valid: true });
  }

  // Everything downstream: of what exists now in the work tree, and of what was removed, in the base.
  const seeds = new Set(changed.map((c) => c.id));
  const downstream = new Map<string, DownstreamEntry>();
  const walk = (catalog: Catalogish, id: string) => {
    const members = catalog.graph.closure(id, 'down');
    const byId = new Map<string, ClosureMember>(members.map((m) => [m.id, m]));
    for (const member of members) {
      if (seeds.has(member.id)) continue;
      const known = downstream.get(member.id);
      if (known && known.depth <= member.depth) continue;
      const entry = after.byId.get(member.id) ?? catalog.byId.get(member.id);
      if (!entry) continue;
      const steps = Graph.path(id, member.id, byId, 'down')
        .slice(1)
        .map((step): Step => {
          const { type } = byId.get(step)!.via;
          return { id: step, type, relation: RELATIONS[type].backward };
        });
      downstream.set(member.id, { id: member.id, kind: entry.kind, title: entry.data.title, depth: member.depth, from: id, path: steps });
    }
  };
  for (const c of changed) {
    if (after.byId.has(c.id)) walk(after, c.id);
    // An entry that no longer passes its schema is missing from the new graph; what used it, used it before.
    else if (before?.byId.has(c.id)) walk(before, c.id);
  }
  if (before) for (const id of removed.keys()) if (before.byId.has(id)) walk(before, id);
  const downstreamList = [...downstream.values()].sort(
    (a, b) => kindIndex(a.kind) - kindIndex(b.kind) || a.depth - b.depth || a.id.localeCompare(b.id),
  );

  const broken: BrokenReference[] = [];
  for (const entry of after.entries) {
    for (const ref of referencesOf(entry)) {
      const fate = removed.get(ref.to);
      if (!fate) continue;
      // A model's feature name broke only if it named the feature entry that went, not a column.
      if (ref.tentative && before?.byId.get(ref.to)?.kind !== 'feature') continue;
      const { line, column } = positionOfPath(entry, ref.path);
      broken.push({ id: entry.id, file: path.posix.join(contentPath, entry.path), line, column, relation: RELATIONS[ref.type].forward, to: ref.to, fate });
    }
  }

  // A problem is new if the base had no problem of the same rule and message in the same
  // file (followed through renames); lines move with every edit above them, so they are not compared.
  const key = (d: Diagnostic, file = d.file) => `${d.rule}\0${file}\0${d.message}`;
  const baseline = new Map<string, number>();
  for (const d of before?.diagnostics ?? []) {
    const k = key(d, renamedFiles.get(d.file) ?? d.file);
    baseline.set(k, (baseline.get(k) ?? 0) + 1);
  }
  const brokenAt = new Set(broken.map((b) => `${displayOf(b.file, contentPath)}:${b.line}:${b.column}`));
  const introduced: Diagnostic[] = [];
  let matched = 0;
  for (const d of before ? after.diagnostics : []) {
    const k = key(d);
    const left = baseline.get(k) ?? 0;
    if (left > 0) {
      baseline.set(k, left - 1);
      matched++;
    } else if (!(d.rule === 'references' && brokenAt.has(`${d.file}:${d.line}:${d.column}`))) {
      introduced.push(d);
    }
  }
  const resolved = before ? before.diagnostics.length - matched : 0;

  const impacted = [...changed.map((c) => c.id), ...downstreamList.map((d) => d.id)];
  const owners = new Map<string, Owner>();
  for (const id of impacted) {
    for (const owner of lookup(id)?.data.owners ?? []) {
      const ownerId = owner.split('@')[0]!;
      const ownerEntry = lookup(ownerId);
      const record = owners.get(ownerId) ?? { id: ownerId, kind: ownerEntry?.kind, title: ownerEntry?.data.title ?? ownerId, owns: [] };
      if (!record.owns.includes(id)) record.owns.push(id);
      owners.set(ownerId, record);
    }
  }
  const ownerList = [...owners.values()].sort(
    (a, b) => Number(b.kind === 'team') - Number(a.kind === 'team') || b.owns.length - a.owns.length || a.id.localeCompare(b.id),
  );

  const report: ImpactReport = {
    changed,
    otherFiles,
    downstream: downstreamList,
    broken,
    introduced,
    resolved,
    compared: before !== undefined,
    owners: ownerList,
    mermaid: impactMermaid(input, changed, removed, downstreamList, options),
  };
  if (input.since !== undefined) report.since = input.since;
  return report;
}

const KIND_ORDER = Object.keys(KINDS);
const kindIndex = (kind: Kind) => KIND_ORDER.indexOf(kind);

function positionOfPath(entry: Entry, at: readonly (string | number)[]): { line: number; column: number } {
  const { doc } = parseYaml(entry.yamlText);
  return positionAt(lineStarts(entry.text), entry.yamlOffset + offsetOf(doc, at));
}

function impactMermaid(
  input: ImpactInput,
  changed: readonly ChangedEntry[],
  removed: ReadonlyMap<string, unknown>,
  downstream: readonly DownstreamEntry[],
  options: ImpactOptions,
): string {
  const { after, before } = input;
  const nodes: FlowNode[] = [];
  const present = new Set<string>();
  for (const c of changed) {
    if (!after.byId.has(c.id)) continue;
    nodes.push({ id: c.id, label: `${c.title} (${c.id})`, classes: [c.kind, 'changed'], rank: 0 });
    present.add(c.id);
  }
  for (const id of removed.keys()) {
    const entry = before?.byId.get(id);
    if (!entry) continue;
    nodes.push({ id, label: `${entry.data.title} (${id}), removed`, classes: ['removed'], rank: 0 });
  }
  for (const d of downstream) {
    nodes.push({ id: d.id, label: `${d.title} (${d.id})`, classes: [d.kind], rank: d.depth });
    present.add(d.id);
  }
  const edges: FlowEdge[] = flowEdges(after.graph, present);
  if (before) {
    const all = new Set(nodes.map((n) => n.id));
    for (const edge of before.graph.edges) {
      const touchesRemoved = removed.has(edge.to) || removed.has(edge.from);
      if (!RELATIONS[edge.type].dependency || !touchesRemoved || !all.has(edge.from) || !all.has(edge.to)) continue;
      edges.push({ from: edge.to, to: edge.from, label: RELATIONS[edge.type].backward, dashed: true });
    }
  }
  return flowchart(nodes, edges, {
    ...(options.maxNodes === undefined ? {} : { maxNodes: options.maxNodes }),
    capNote: 'see the lists above',
    classDefs: CLASS_DEFS,
  });
}

/**
 * Text from authors' files, safe inside Markdown: no emphasis, links, HTML or table breaks,
 * and no control character (written out as `\x1b`), for a terminal that prints the report.
 */
export function escapeMarkdown(text: string): string {
  return (
    visible(text.replace(/\s+/g, ' '))
      .replace(/([\\`*_{}[\]<>()#+!|~&])/g, '\\$1')
      // GFM links bare addresses (`https://…`, `www.…`) after escapes are read, so a
      // zero-width space is what keeps them text.
      .replace(/:\/\//g, ':&#8203;//')
      .replace(/\b(www)\./gi, '$1&#8203;.')
  );
}

/**
 * A diagnostic message: its code spans (`like this`) stay code, since nothing inside one
 * is rendered as Markdown or HTML, and the text between them is escaped.
 */
export function escapeMessage(text: string): string {
  const parts = visible(text.replace(/\s+/g, ' ')).split('`');
  if (parts.length % 2 === 0) return escapeMarkdown(text);
  return parts.map((part, i) => (i % 2 === 1 ? `\`${part}\`` : escapeMarkdown(part))).join('');
}

export interface MarkdownOptions {
  /** GitHub organisation whose teams are named like the catalog's team ids: teams are then @-mentioned. */
  githubOrg?: string;
  /** Longest list printed per section; the rest is counted. */
  maxItems?: number;
}

/** Marks the comment, so a workflow can find and update it rather than add another. */
export const COMMENT_MARKER = '<!-- cardcat-impact -->';

/** Impacted entries listed per owner; a hub team would otherwise fill the comment. */
const OWNED_SHOWN = 20;

// File names come from the repository and may hold anything, control characters included.
const code = (text: string) => `\`${visibleLine(text).replace(/`/g, "'")}\``;
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function impactMarkdown(report: ImpactReport, options: MarkdownOptions = {}): string {
  const max = options.maxItems ?? 50;
  const out: string[] = [COMMENT_MARKER, '## Catalog impact', ''];
  const since = report.since ? ` since ${code(report.since)}` : '';
  if (report.changed.length === 0 && report.otherFiles.length === 0) {
    out.push(`No catalog files changed${since}.`);
    return `${out.join('\n')}\n`;
  }
  const summary = [
    count(report.changed.length, 'entry changed', 'entries changed') + since,
    count(report.downstream.length, 'entry downstream', 'entries downstream'),
    count(report.broken.length, 'broken reference', 'broken references'),
  ];
  if (report.compared) summary.push(count(report.introduced.length, 'new problem', 'new problems'));
  if (report.resolved > 0) summary.push(count(report.resolved, 'problem fixed', 'problems fixed'));
  out.push(`${summary.join(' · ')}.`, '');

  const capped = <T>(items: readonly T[], line: (item: T) => string) => {
    for (const item of items.slice(0, max)) out.push(line(item));
    if (items.length > max) out.push(`- … and ${items.length - max} more`);
    out.push('');
  };

  out.push('### Changed', '');
  out.push('| Change | Entry | Kind | File |', '| --- | --- | --- | --- |');
  for (const c of report.changed.slice(0, max)) {
    const entry = c.previous && c.previous.id !== c.id ? `${code(c.previous.id)} → ${code(c.id)}` : code(c.id);
    const file = c.previous ? `${code(c.previous.file)} → ${code(c.file)}` : code(c.file);
    const note = c.valid ? '' : ' (does not pass its schema yet)';
    const title = c.title === c.id ? '' : ` ${escapeMarkdown(c.title)}`;
    out.push(`| ${c.status} | ${entry}${title}${note} | ${KINDS[c.kind].label.toLowerCase()} | ${file} |`);
  }
  if (report.changed.length > max) out.push(`| | … and ${report.changed.length - max} more | | |`);
  out.push('');
  if (report.otherFiles.length > 0) {
    out.push('Other files changed:', '');
    capped(report.otherFiles, (f) => `- ${f.status} ${code(f.path)}`);
  }

  if (report.broken.length > 0) {
    out.push('### Broken references', '', 'These entries still name an entry that this change removes:', '');
    // One line per entry and removed id, however many fields name it (a dataset's columns, say).
    const groups = new Map<string, BrokenReference[]>();
    for (const b of report.broken) {
      const key = `${b.id}\0${b.to}`;
      groups.set(key, [...(groups.get(key) ?? []), b]);
    }
    capped([...groups.values()], (group) => {
      const first = group[0]!;
      const fate = 'renamedTo' in first.fate ? `renamed to ${code(first.fate.renamedTo)}` : 'deleted';
      const relations = [...new Set(group.map((b) => b.relation))].join(', ');
      const places = group.map((b, i) => code(i === 0 ? `${b.file}:${b.line}:${b.column}` : `:${b.line}:${b.column}`)).join(', ');
      return `- ${code(first.id)} ${relations} ${code(first.to)}, which was ${fate}: ${places}`;
    });
  }

  if (report.introduced.length > 0) {
    out.push('### New problems', '', 'Not present on the base; `npm run check` shows them with context.', '');
    capped(report.introduced, (d) => {
      const hint = d.hint ? ` (${escapeMessage(d.hint)})` : '';
      return `- **${d.severity}** ${code(`${d.file}:${d.line}:${d.column}`)} ${escapeMessage(d.message)}${hint} [${d.rule}]`;
    });
  }

  out.push('### Downstream', '');
  if (report.downstream.length === 0) {
    out.push('Nothing depends on the changed entries.', '');
  } else {
    for (const kind of KIND_ORDER as Kind[]) {
      const items = report.downstream.filter((d) => d.kind === kind);
      if (items.length === 0) continue;
      out.push(`**${KINDS[kind].plural}** (${items.length})`, '');
      capped(items, (d) => `- ${code(d.id)} ${escapeMarkdown(d.title)}, depth ${d.depth}: ${code(pathText(d.from, d.path))}`);
    }
  }

  if (report.owners.length > 0) {
    out.push('### Owners to ask for review', '');
    capped(report.owners, (o) => {
      const name =
        o.kind === 'team' && options.githubOrg ? `@${options.githubOrg}/${o.id}` : `${code(o.id)}${o.title !== o.id ? ` (${escapeMarkdown(o.title)})` : ''}`;
      const more = o.owns.length > OWNED_SHOWN ? ` and ${o.owns.length - OWNED_SHOWN} more` : '';
      return `- ${name}: ${o.owns.slice(0, OWNED_SHOWN).map(code).join(', ')}${more}`;
    });
  }

  out.push('### Graph', '', '```mermaid', report.mermaid, '```', '');
  out.push(`<sub>From \`npm run impact\`. \`npm run graph -- <id>\` lists the full closure of any entry.</sub>`, '');
  return `${out.join('\n')}`;
}
