/**
 * The probe report: per entry, with its owners, whether its addresses are reachable,
 * unreachable (since when, after how many probes), changed since the last probe (which
 * signal, from what to what) or not probed (and why). Built from the state file and the
 * set of addresses probed in this run, so the same state always gives the same report.
 */
import { durationDays } from '../dates.ts';
import { nextDue, type ProbeResult, type ProbeState, type Signal } from './state.ts';
import type { Owner, Target, TargetLocation } from './targets.ts';

export type ProbeStatus = 'unreachable' | 'changed' | 'reachable' | 'not-probed';

export interface SignalChange {
  signal: Signal;
  before: string | number;
  after: string | number;
}

export interface LocationReport {
  url: string;
  field: TargetLocation['field'];
  status: ProbeStatus;
  /** Probed in this run; otherwise the result is the last one on file. */
  probed_now: boolean;
  /** Why it is not probed. */
  reason?: string;
  /** When it was last probed, and when it is next due. */
  at?: string;
  next_due?: string;
  http_status?: number;
  error?: string;
  note?: string;
  /** While unreachable: the first failed probe in a row, and how many there have been. */
  since?: string;
  failures?: number;
  changed?: SignalChange[];
}

export interface EntryReport {
  id: string;
  kind: Target['kind'];
  file: string;
  title: string;
  owners: Owner[];
  status: ProbeStatus;
  /** A source's fallback, named when the source is unreachable. */
  backup_source?: string;
  /** Why nothing of the entry is probed, when it declares no address. */
  reason?: string;
  locations: LocationReport[];
}

export interface ProbeReport {
  /** When this run started. */
  at: string;
  summary: Record<ProbeStatus, number> & { probed: number; not_due: number };
  entries: EntryReport[];
}

const RANK: Record<ProbeStatus, number> = { unreachable: 0, changed: 1, reachable: 2, 'not-probed': 3 };

function noAddress(target: Target): string {
  if (target.kind === 'source') return 'no URL: add `url` to the source to have it probed';
  if (target.kind === 'dataset') return 'no `location.uri`';
  return 'no URL';
}

/** The signals that changed, with their values before and after. */
function changes(latest: ProbeResult, history: readonly ProbeResult[]): SignalChange[] {
  const before = history.find((r) => r.ok);
  if (!latest.changed || !before) return [];
  return latest.changed.flatMap((signal) => {
    const [b, a] = [before[signal], latest[signal]];
    return b === undefined || a === undefined ? [] : [{ signal, before: b, after: a }];
  });
}

function locationReport(target: Target, location: TargetLocation, state: ProbeState, probed: ReadonlySet<string>): LocationReport {
  const base = { url: location.url, field: location.field };
  if (location.skipped) return { ...base, status: 'not-probed', probed_now: false, reason: location.skipped };
  const saved = state.locations[location.url];
  if (!saved) return { ...base, status: 'not-probed', probed_now: false, reason: 'not probed yet' };
  const { latest } = saved;
  const now = probed.has(location.url);
  const report: LocationReport = { ...base, status: 'reachable', probed_now: now, at: latest.at };
  if (latest.ok) report.next_due = nextDue(saved, durationDays(target.every));
  if (latest.status !== undefined) report.http_status = latest.status;
  if (latest.note) report.note = latest.note;
  if (!latest.ok) {
    report.status = 'unreachable';
    if (latest.error) report.error = latest.error;
    if (saved.down_since) report.since = saved.down_since;
    if (saved.failures) report.failures = saved.failures;
    return report;
  }
  // A change is news once: on the run that saw it. Later runs report the address as reachable.
  const changed = now ? changes(latest, saved.history) : [];
  if (changed.length) {
    report.status = 'changed';
    report.changed = changed;
  }
  return report;
}

export function probeReport(targets: readonly Target[], state: ProbeState, probed: ReadonlySet<string>, at: string): ProbeReport {
  const entries = targets.map((target): EntryReport => {
    const locations = target.locations.map((l) => locationReport(target, l, state, probed));
    const status = locations.length ? locations.map((l) => l.status).sort((a, b) => RANK[a] - RANK[b])[0]! : 'not-probed';
    return {
      id: target.id,
      kind: target.kind,
      file: target.file,
      title: target.title,
      owners: target.owners,
      status,
      ...(status === 'unreachable' && target.backup_source ? { backup_source: target.backup_source } : {}),
      ...(locations.length ? {} : { reason: noAddress(target) }),
      locations,
    };
  });
  const count = (s: ProbeStatus) => entries.filter((e) => e.status === s).length;
  const addresses = new Set(targets.flatMap((t) => t.locations.filter((l) => !l.skipped).map((l) => l.url)));
  return {
    at,
    summary: {
      unreachable: count('unreachable'),
      changed: count('changed'),
      reachable: count('reachable'),
      'not-probed': count('not-probed'),
      probed: probed.size,
      not_due: [...addresses].filter((u) => !probed.has(u)).length,
    },
    entries,
  };
}
