/** The probe report for people (pretty), for GitHub Actions (annotations) and as JSON. */
import type { EntryReport, LocationReport, ProbeReport, ProbeStatus, SignalChange } from './report.ts';

const LABEL: Record<ProbeStatus, string> = { unreachable: 'unreachable', changed: 'changed', reachable: 'reachable', 'not-probed': 'not probed' };
const MARK: Record<ProbeStatus, string> = { unreachable: '✗', changed: '~', reachable: '✓', 'not-probed': '-' };
const COLOR: Record<ProbeStatus, number> = { unreachable: 31, changed: 33, reachable: 32, 'not-probed': 90 };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const short = (value: string | number) => (typeof value === 'string' && /^[0-9a-f]{64}$/.test(value) ? `${value.slice(0, 12)}…` : String(value));

export function describeChange(c: SignalChange): string {
  return `${c.signal} ${short(c.before)} → ${short(c.after)}`;
}

/** One line on what is known of an address. */
export function describeLocation(l: LocationReport): string {
  if (l.status === 'not-probed') return l.reason ?? 'not probed';
  if (l.status === 'unreachable') {
    const since = l.since ? `; unreachable since ${l.since}${l.failures ? ` (${plural(l.failures, 'probe')} in a row)` : ''}` : '';
    return `${l.error ?? 'unreachable'}${since}`;
  }
  const when = l.probed_now ? `probed ${l.at}` : `last probed ${l.at}, next due ${l.next_due}`;
  const changed = l.changed?.length ? `changed: ${l.changed.map(describeChange).join('; ')}; ` : '';
  return `${changed}HTTP ${l.http_status}, ${when}${l.note ? `; ${l.note}` : ''}`;
}

/** One paragraph per entry, worst first. */
export function formatPretty(report: ProbeReport, options: { color: boolean }): string {
  const paint = (status: ProbeStatus, text: string) => (options.color ? `\x1b[${COLOR[status]}m${text}\x1b[0m` : text);
  const order: ProbeStatus[] = ['unreachable', 'changed', 'reachable', 'not-probed'];
  const lines: string[] = [];
  for (const status of order) {
    for (const entry of report.entries.filter((e) => e.status === status)) {
      lines.push(`${paint(status, `${MARK[status]} ${LABEL[status].padEnd(11)}`)} ${entry.id} (${entry.kind}, ${entry.file}); owners: ${entry.owners.map((o) => o.id).join(', ')}`);
      if (entry.reason) lines.push(`    ${entry.reason}`);
      for (const l of entry.locations) lines.push(`    ${l.url}: ${describeLocation(l)}`);
      if (entry.backup_source) lines.push(`    backup source: ${entry.backup_source}`);
    }
  }
  lines.push('', summaryLine(report));
  return lines.join('\n');
}

export function summaryLine(report: ProbeReport): string {
  const s = report.summary;
  return `${plural(s.probed, 'address', 'addresses')} probed, ${s.not_due} not due. Entries: ${s.unreachable} unreachable, ${s.changed} changed, ${s.reachable} reachable, ${s['not-probed']} not probed.`;
}

// Workflow-command values escape %, CR and LF; properties also escape : and ,.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function annotation(entry: EntryReport): string {
  const command = entry.status === 'unreachable' ? 'error' : 'warning';
  const lines = entry.locations.filter((l) => l.status === entry.status).map((l) => `${l.url}: ${describeLocation(l)}`);
  if (entry.backup_source) lines.push(`Backup source: ${entry.backup_source}`);
  lines.push(`Owners: ${entry.owners.map((o) => o.id).join(', ')}`);
  const title = `probe: ${entry.id} ${LABEL[entry.status]}`;
  return `::${command} file=${escapeProperty(entry.file)},title=${escapeProperty(title)}::${escapeData(lines.join('\n'))}`;
}

/** An error annotation on each unreachable entry's file, a warning on each changed one, then the summary. */
export function formatGithub(report: ProbeReport): string {
  const notes = [...report.entries.filter((e) => e.status === 'unreachable'), ...report.entries.filter((e) => e.status === 'changed')].map(annotation);
  return [...notes, summaryLine(report)].join('\n');
}

export function formatJson(report: ProbeReport): string {
  return JSON.stringify(report, null, 2);
}
