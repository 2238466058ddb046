/**
 * What the probe state file says on the site: the last probe of each address of a source
 * or dataset page, and the unreachable and changed entries on the health page. Built from
 * the same report `npm run probe` prints, taken over the whole state file once per build.
 */
import { KINDS } from '../../../schemas/index.ts';
import { probeReport, type EntryReport, type LocationReport, type ProbeStatus } from '../probe/report.ts';
import type { ProbeState, Signal } from '../probe/state.ts';
import { probeTargets } from '../probe/targets.ts';
import type { Catalog } from '../types.ts';
import { linksOf } from './links.ts';

/** The probe results of a catalog, by entry id, read once per build from its state file. */
export interface SiteProbes {
  byId: ReadonlyMap<string, EntryReport>;
}

/**
 * Every entry's report from the state file. A change shows as the last probe saw it, until
 * a later probe: on the site, "changed" means the newest result differs from the one before.
 */
export function siteProbes(catalog: Catalog, state: ProbeState): SiteProbes {
  const report = probeReport(probeTargets(catalog, catalog.config.probe.every), state, new Set(Object.keys(state.locations)), '');
  return { byId: new Map(report.entries.map((e) => [e.id, e])) };
}

export interface ProbeAddressModel {
  url: string;
  status: ProbeStatus;
  /** Why the address is not probed. */
  reason?: string | undefined;
  /** When it was last probed: `2026-12-03 05:17 UTC`. */
  at?: string | undefined;
  httpStatus?: number | undefined;
  error?: string | undefined;
  note?: string | undefined;
  /** While unreachable: since when, and after how many probes in a row. */
  since?: string | undefined;
  failures?: number | undefined;
  /** What differs from the probe before: `ETag "3.0" → "3.1"`. */
  changed?: string[] | undefined;
}

export interface ProbeSectionModel {
  /** The worst of its addresses. */
  status: ProbeStatus;
  addresses: ProbeAddressModel[];
  /** A source's backup, as a link, while the source is unreachable. */
  backup?: string | undefined;
}

const SIGNAL_LABEL: Record<Signal, string> = { etag: 'ETag', last_modified: 'Last-Modified', content_length: 'size', sha256: 'SHA-256' };

/** A probe's time as a person reads it: `2026-12-03 05:17 UTC`. */
export const probeTime = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

const shortValue = (value: string | number) => (typeof value === 'string' && /^[0-9a-f]{64}$/.test(value) ? `${value.slice(0, 12)}…` : String(value));

function addressModel(l: LocationReport): ProbeAddressModel {
  return {
    url: l.url,
    status: l.status,
    reason: l.reason,
    at: l.at && probeTime(l.at),
    httpStatus: l.http_status,
    error: l.error,
    note: l.note,
    since: l.since && probeTime(l.since),
    failures: l.failures,
    changed: l.changed?.map((c) => `${SIGNAL_LABEL[c.signal]} ${shortValue(c.before)} → ${shortValue(c.after)}`),
  };
}

/**
 * The "Last probe" section of a source or dataset page. Undefined when there are no probe
 * results, or when none of the entry's addresses can be probed (an `s3://` location says
 * nothing more for having been skipped).
 */
export function probeSection(catalog: Catalog, probes: SiteProbes | undefined, id: string): ProbeSectionModel | undefined {
  const report = probes?.byId.get(id);
  if (!report || (report.kind !== 'source' && report.kind !== 'dataset')) return undefined;
  if (!report.locations.some((l) => l.reason === undefined || l.reason === 'not probed yet')) return undefined;
  return {
    status: report.status,
    addresses: report.locations.map(addressModel),
    backup: report.backup_source ? linksOf(catalog).ref(report.backup_source) : undefined,
  };
}

export interface ProbeHealthRow {
  ref: string;
  kind: string;
  owners: string[];
  /** The addresses with that status, and what the probe found. */
  addresses: ProbeAddressModel[];
  backup?: string | undefined;
}

export interface ProbeHealthModel {
  /** Whether there are probe results at all. */
  probed: boolean;
  /** Why a state file that exists shows nothing. */
  warning?: string | undefined;
  unreachable: ProbeHealthRow[];
  changed: ProbeHealthRow[];
}

/** The health page's list of sources and datasets that are unreachable or changed, with their owners. */
export function probeHealth(catalog: Catalog, probes: SiteProbes | undefined, warning?: string): ProbeHealthModel {
  const links = linksOf(catalog);
  const rows = (status: ProbeStatus): ProbeHealthRow[] =>
    [...(probes?.byId.values() ?? [])]
      .filter((e) => e.status === status && (e.kind === 'source' || e.kind === 'dataset'))
      .map((e) => ({
        ref: links.ref(e.id),
        kind: KINDS[e.kind].label,
        owners: e.owners.map((o) => links.ref(o.id)),
        addresses: e.locations.filter((l) => l.status === status).map(addressModel),
        backup: e.backup_source ? links.ref(e.backup_source) : undefined,
      }));
  return { probed: probes !== undefined, warning, unreachable: rows('unreachable'), changed: rows('changed') };
}
