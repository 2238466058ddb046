/** One probe run: which addresses are due, probing them a few at a time, and the state that results. */
import { durationDays } from '../dates.ts';
import { DEFAULT_HTTP_OPTIONS, probeUrl, type HttpOptions, type HttpResult } from './http.ts';
import { isDue, recordResult, type ProbeState } from './state.ts';
import type { Target } from './targets.ts';

export interface RunOptions {
  now: Date;
  http?: HttpOptions;
  concurrency?: number;
  /** Earlier results kept per address. */
  history?: number;
  /** Probe every address, due or not. */
  all?: boolean;
  /** Called after each address, for a progress line. */
  onProgress?: (done: number, total: number, url: string) => void;
  /** The probe itself; tests and the demo may point it elsewhere. */
  probe?: (url: string, options: HttpOptions) => Promise<HttpResult>;
}

export interface RunResult {
  state: ProbeState;
  /** Addresses probed in this run. */
  probed: Set<string>;
}

/** The time a run is stamped with, to the second: `2026-12-04T05:17:00Z`. */
export function runStamp(now: Date): string {
  return new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Each probe-able address once, with the shortest interval of the entries that name it. */
export function dueAddresses(targets: readonly Target[], state: ProbeState, now: Date, all = false): { url: string; everyDays: number; due: boolean }[] {
  const every = new Map<string, number>();
  for (const target of targets) {
    const days = durationDays(target.every);
    for (const l of target.locations) if (!l.skipped) every.set(l.url, Math.min(every.get(l.url) ?? Infinity, days));
  }
  return [...every].map(([url, everyDays]) => ({ url, everyDays, due: all || isDue(state.locations[url], everyDays, now) }));
}

/** Runs `worker` over `items`, at most `limit` at a time, keeping the input order in the output. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, worker: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await worker(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

/**
 * Probes what is due and returns the new state: every result stamped with the run's start
 * (one timestamp per run keeps the file's diff small), addresses the catalog no longer
 * names dropped, the others kept as they were.
 */
export async function runProbes(targets: readonly Target[], previous: ProbeState, options: RunOptions): Promise<RunResult> {
  const at = runStamp(options.now);
  const http = options.http ?? DEFAULT_HTTP_OPTIONS;
  const probe = options.probe ?? probeUrl;
  const addresses = dueAddresses(targets, previous, options.now, options.all);
  const due = addresses.filter((a) => a.due).map((a) => a.url);
  let done = 0;
  const results = await mapLimit(due, options.concurrency ?? 8, async (url) => {
    const result = await probe(url, http);
    options.onProgress?.(++done, due.length, url);
    return result;
  });
  const state: ProbeState = { version: 1, locations: {} };
  for (const { url } of addresses) {
    const before = previous.locations[url];
    if (before) state.locations[url] = before;
  }
  due.forEach((url, i) => {
    state.locations[url] = recordResult(previous.locations[url], results[i]!, at, options.history ?? 10);
  });
  return { state, probed: new Set(due) };
}
