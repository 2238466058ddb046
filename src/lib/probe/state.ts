/**
 * The probe's state file, `probes.yaml` beside the content folder: the newest result per
 * address and a few earlier ones, committed with the catalog so that a pull request shows
 * what changed. Written with a fixed key order, addresses sorted, one result per line, so
 * a run that finds nothing new changes only the timestamps.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, parseDocument, stringify } from 'yaml';
import * as z from 'zod';
import { replaceFile } from '../safe-write.ts';
import type { HttpResult } from './http.ts';

export const STATE_FILE = 'probes.yaml';

/** The signals compared between two probes of one address, in the order they are reported. */
export const SIGNALS = ['etag', 'last_modified', 'content_length', 'sha256'] as const;
export type Signal = (typeof SIGNALS)[number];

const result = z.strictObject({
  at: z.iso.datetime().describe('When the probe ran, UTC.'),
  ok: z.boolean().describe('Whether the address answered with a 2xx status.'),
  method: z.enum(['HEAD', 'GET']).describe('HEAD, or GET when the server refused HEAD.'),
  status: z.number().int().optional(),
  final_url: z.string().optional(),
  redirects: z.number().int().optional(),
  etag: z.string().optional(),
  last_modified: z.string().optional(),
  content_length: z.number().int().nonnegative().optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  error: z.string().optional(),
  note: z.string().optional(),
  changed: z.array(z.enum(SIGNALS)).optional().describe('Signals that differ from the last successful probe before this one.'),
});

const location = z.strictObject({
  latest: result,
  down_since: z.iso.datetime().optional().describe('The first of the consecutive failed probes, while the address is unreachable.'),
  failures: z.number().int().positive().optional().describe('How many probes in a row have failed.'),
  history: z.array(result).default([]).describe('Earlier results, newest first.'),
});

export const probeState = z.strictObject({
  version: z.literal(1),
  locations: z.record(z.string(), location).default({}),
});

export type ProbeResult = z.output<typeof result>;
export type LocationState = z.output<typeof location>;
export type ProbeState = z.output<typeof probeState>;

export const emptyState = (): ProbeState => ({ version: 1, locations: {} });

/** The state file is malformed: say where, so it can be fixed or deleted (it is rebuilt). */
export class ProbeStateError extends Error {}

/** The state file beside a content folder. */
export function stateFileFor(contentRoot: string): string {
  return path.join(path.dirname(path.resolve(contentRoot)), STATE_FILE);
}

/** Parses state file text; `display` names the file in errors. */
export function parseState(text: string, display: string): ProbeState {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const [line, column] = e.linePos?.[0] ? [e.linePos[0].line, e.linePos[0].col] : [1, 1];
    throw new ProbeStateError(`${display}:${line}:${column}: ${e.message.split('\n')[0]}. Fix the file, or delete it: the next probe writes a new one.`);
  }
  if (doc.contents === null) return emptyState();
  const parsed = probeState.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const node = doc.getIn(issue.path as (string | number)[], true) as { range?: [number, number] } | undefined;
    const offset = node && (isMap(node) || isSeq(node) || node.range) ? (node.range?.[0] ?? 0) : 0;
    const before = text.slice(0, offset).split('\n');
    throw new ProbeStateError(
      `${display}:${before.length}:${before.at(-1)!.length + 1}: ${issue.message} at \`${issue.path.join('.')}\`. Fix the file, or delete it: the next probe writes a new one.`,
    );
  }
  return parsed.data;
}

export function readState(file: string, display = file): ProbeState {
  return existsSync(file) ? parseState(readFileSync(file, 'utf8'), display) : emptyState();
}

/** What the site knows of the state file: its results, or why it shows none. */
export interface SiteProbeState {
  /** The file read, as given. */
  file: string;
  /** Undefined when there is no state file (nothing was probed yet) or it is malformed. */
  state?: ProbeState;
  /** Why a state file that exists shows no results, in a sentence for the build log and the health page. */
  warning?: string;
}

/**
 * The state file beside a content folder, for the site. A site shows what it can: no file
 * means nothing was probed yet, and a malformed one is a warning rather than a failed
 * build, since a probe result is never worth more than the rest of the catalog's pages.
 */
export function readSiteState(contentRoot: string, display: (abs: string) => string = (abs) => abs): SiteProbeState {
  const file = stateFileFor(contentRoot);
  try {
    if (!existsSync(file)) return { file };
    return { file, state: parseState(readFileSync(file, 'utf8'), display(file)) };
  } catch (error) {
    const message = error instanceof ProbeStateError ? error.message : `${display(file)}: ${(error as Error).message}.`;
    return { file, warning: `${message} The site shows no probe results until then.` };
  }
}

const HEADER = `# Written by \`npm run probe\`: for each address the catalog names, the newest probe result
# and a few earlier ones (newest first). Commit it with the catalog; the site shows it.
# Deleting an address here only means it is probed again on the next run.
`;

/** One result with its keys in the schema's order and nothing undefined. */
function ordered(r: ProbeResult): ProbeResult {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(result.shape)) {
    const value = (r as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
  return out as ProbeResult;
}

/** The file's text: addresses sorted, keys in a fixed order, each result on one line. */
export function serializeState(state: ProbeState): string {
  const urls = Object.keys(state.locations).sort();
  const locations: Record<string, unknown> = {};
  for (const url of urls) {
    const l = state.locations[url]!;
    locations[url] = {
      latest: ordered(l.latest),
      ...(l.down_since ? { down_since: l.down_since } : {}),
      ...(l.failures ? { failures: l.failures } : {}),
      history: l.history.map(ordered),
    };
  }
  const body = stringify({ version: 1, locations }, { lineWidth: 0, flowCollectionPadding: true, collectionStyle: 'any' });
  // Results as one flow mapping per line: a changed ETag is one changed line in a diff.
  return HEADER + flowResults(body);
}

/** Rewrites each result mapping (under `latest:` and in `history:`) as a single flow line. */
function flowResults(text: string): string {
  const doc = parseDocument(text);
  const locations = doc.get('locations', true);
  if (isMap(locations)) {
    for (const pair of locations.items) {
      const value = pair.value;
      if (!isMap(value)) continue;
      const latest = value.get('latest', true);
      if (isMap(latest)) latest.flow = true;
      const history = value.get('history', true);
      if (isSeq(history)) for (const item of history.items) if (isMap(item)) item.flow = true;
    }
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

/** Writes the state file in one step (a killed run leaves the old file, never half of one). */
export function writeState(file: string, state: ProbeState): void {
  replaceFile(file, serializeState(state));
}

/** The newest successful result for an address, to compare a new one against. */
function lastGood(previous: LocationState | undefined): ProbeResult | undefined {
  if (!previous) return undefined;
  return [previous.latest, ...previous.history].find((r) => r.ok);
}

/** Which signals differ: only those both results have, so a header that comes and goes is not a change. */
export function changedSignals(before: ProbeResult | undefined, after: Pick<ProbeResult, Signal | 'ok'>): Signal[] {
  if (!before || !after.ok) return [];
  return SIGNALS.filter((s) => before[s] !== undefined && after[s] !== undefined && before[s] !== after[s]);
}

/** The location's state after one more probe at `at`: the new result first, `history` earlier ones kept. */
export function recordResult(previous: LocationState | undefined, probe: HttpResult, at: string, history: number): LocationState {
  const changed = changedSignals(lastGood(previous), probe);
  const latest: ProbeResult = ordered({ at, ...probe, ...(changed.length ? { changed } : {}) });
  const earlier = previous ? [previous.latest, ...previous.history].slice(0, history) : [];
  if (probe.ok) return { latest, history: earlier };
  const stillDown = previous !== undefined && !previous.latest.ok;
  return {
    latest,
    down_since: stillDown && previous.down_since ? previous.down_since : at,
    failures: (stillDown ? (previous.failures ?? 1) : 0) + 1,
    history: earlier,
  };
}

/** Leeway in deciding what is due, so a daily schedule that starts a few minutes late still probes. */
export const DUE_LEEWAY_MS = 60 * 60 * 1000;

/**
 * Whether an address is due at `now`: never probed, last probed at least `everyDays` ago
 * (less an hour of leeway), or unreachable last time, so that it is seen as back on the
 * next run rather than a whole interval later.
 */
export function isDue(previous: LocationState | undefined, everyDays: number, now: Date): boolean {
  if (!previous || !previous.latest.ok) return true;
  return now.getTime() >= Date.parse(previous.latest.at) + everyDays * 86_400_000 - DUE_LEEWAY_MS;
}

/** When an address next falls due, ISO. */
export function nextDue(previous: LocationState, everyDays: number): string {
  return new Date(Date.parse(previous.latest.at) + everyDays * 86_400_000).toISOString().replace('.000Z', 'Z');
}
