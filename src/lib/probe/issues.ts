/**
 * What the scheduled workflow does with GitHub issues after a probe: one issue per entry
 * that is unreachable or changed, mentioning its owners; updated while it stays so; closed
 * when an unreachable entry is back. A "changed" issue asks a person to look at the entry,
 * so it stays open until someone closes it. Pure: it reads the report and the open issues
 * and returns the actions; the workflow only carries them out.
 */
import { describeLocation } from './format.ts';
import type { EntryReport, ProbeReport } from './report.ts';

export const ISSUE_LABEL = 'cardcat-probe';

export interface OpenIssue {
  number: number;
  title: string;
  body?: string | null;
}

export type IssueAction =
  | { action: 'create'; title: string; body: string; labels: string[] }
  | { action: 'update'; number: number; title: string; body: string; comment?: string }
  | { action: 'close'; number: number; comment: string };

export interface IssueOptions {
  /** Mention teams as `@ORG/team-id` (team ids must be GitHub team slugs). */
  githubOrg?: string | undefined;
  /** The workflow run, linked from comments. */
  runUrl?: string | undefined;
}

type Tracked = 'unreachable' | 'changed';

const MARKER = /^<!-- cardcat-probe: ([a-z0-9-]+) (unreachable|changed) -->/;
const marker = (id: string, status: Tracked) => `<!-- cardcat-probe: ${id} ${status} -->`;

/** The entry and status an issue was opened for, from the marker on its first line. */
export function issueKey(issue: OpenIssue): { id: string; status: Tracked } | undefined {
  const match = issue.body?.match(MARKER);
  return match ? { id: match[1]!, status: match[2] as Tracked } : undefined;
}

const KIND: Record<EntryReport['kind'], string> = { source: 'Source', dataset: 'Dataset', license: 'License' };

function mention(entry: EntryReport, options: IssueOptions): string {
  return entry.owners.map((o) => (o.kind === 'team' && options.githubOrg ? `@${options.githubOrg}/${o.id}` : `\`${o.id}\``)).join(', ');
}

export function issueTitle(entry: EntryReport): string {
  return `${KIND[entry.kind]} ${entry.id} ${entry.status === 'unreachable' ? 'is unreachable' : 'changed'}`;
}

export function issueBody(entry: EntryReport & { status: Tracked }, report: ProbeReport, options: IssueOptions): string {
  const lines = [
    marker(entry.id, entry.status),
    `**${entry.title}** (\`${entry.file}\`) ${entry.status === 'unreachable' ? 'could not be reached' : 'changed since its last probe'}.`,
    '',
    `Owners: ${mention(entry, options)}`,
    '',
  ];
  for (const l of entry.locations.filter((l) => l.status === entry.status)) lines.push(`- ${l.url} (\`${l.field}\`): ${describeLocation(l)}`);
  if (entry.backup_source) lines.push('', `Its backup source is \`${entry.backup_source}\`.`);
  lines.push(
    '',
    entry.status === 'unreachable'
      ? 'This issue closes itself when a probe reaches the address again. If the address moved, update the entry.'
      : 'Check whether the entry (schema, size, versions, terms) still describes the data, update it and its `reviewed` date, then close this issue.',
    '',
    `Probed at ${report.at} by \`npm run probe\`${options.runUrl ? ` in [this run](${options.runUrl})` : ''}.`,
  );
  return lines.join('\n');
}

export function planIssues(report: ProbeReport, open: readonly OpenIssue[], options: IssueOptions = {}): IssueAction[] {
  const byEntry = new Map<string, { issue: OpenIssue; status: Tracked }>();
  // The oldest open issue of an entry is the one kept up to date; a duplicate is left alone.
  for (const issue of [...open].sort((a, b) => a.number - b.number)) {
    const key = issueKey(issue);
    if (key && !byEntry.has(key.id)) byEntry.set(key.id, { issue, status: key.status });
  }
  const actions: IssueAction[] = [];
  const entries = new Map(report.entries.map((e) => [e.id, e]));
  for (const entry of report.entries) {
    const existing = byEntry.get(entry.id);
    if (entry.status === 'unreachable' || entry.status === 'changed') {
      const tracked = entry as EntryReport & { status: Tracked };
      const body = issueBody(tracked, report, options);
      const title = issueTitle(entry);
      if (!existing) {
        actions.push({ action: 'create', title, body, labels: [ISSUE_LABEL] });
        continue;
      }
      const comment =
        existing.status !== entry.status
          ? `Now ${entry.status === 'unreachable' ? 'unreachable' : 'changed'} (probed ${report.at}).`
          : entry.status === 'changed'
            ? `Changed again (probed ${report.at}).`
            : undefined;
      if (existing.issue.body !== body || existing.issue.title !== title || comment) {
        actions.push({ action: 'update', number: existing.issue.number, title, body, ...(comment ? { comment } : {}) });
      }
    } else if (existing?.status === 'unreachable') {
      const why = entry.status === 'reachable' ? `Reachable again (probed ${report.at}).` : `No longer probed: ${entry.reason ?? entry.locations.map((l) => l.reason).join('; ')}.`;
      actions.push({ action: 'close', number: existing.issue.number, comment: why });
    }
  }
  // An entry deleted from the catalog has nothing left to watch.
  for (const [id, { issue }] of byEntry) {
    if (!entries.has(id)) actions.push({ action: 'close', number: issue.number, comment: `\`${id}\` is no longer in the catalog.` });
  }
  return actions;
}
