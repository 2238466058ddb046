import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HttpResult } from '../../src/lib/probe/http.ts';
import { dueAddresses, runProbes } from '../../src/lib/probe/run.ts';
import { emptyState, isDue, nextDue, parseState, ProbeStateError, readState, recordResult, serializeState, writeState } from '../../src/lib/probe/state.ts';
import type { Target } from '../../src/lib/probe/targets.ts';
import { writeProject } from '../helpers/catalog.ts';

const up = (extra: Partial<HttpResult> = {}): HttpResult => ({ ok: true, method: 'HEAD', status: 200, etag: '"a"', content_length: 3, ...extra });
const down: HttpResult = { ok: false, method: 'HEAD', error: 'connection refused' };

const target = (id: string, url: string, every = '1d'): Target => ({
  id,
  kind: 'source',
  file: `content/sources/${id}.yaml`,
  title: id,
  owners: [{ id: 'data-team', kind: 'team' }],
  every,
  every_from: 'checked.every',
  locations: [{ url, field: 'url' }],
});

describe('recording results', () => {
  it('names the signals that changed since the last successful probe', () => {
    const first = recordResult(undefined, up({ sha256: 'a'.repeat(64) }), '2026-12-01T06:00:00Z', 5);
    expect(first.latest.changed).toBeUndefined();
    const second = recordResult(first, up({ etag: '"b"', sha256: 'b'.repeat(64) }), '2026-12-02T06:00:00Z', 5);
    expect(second.latest.changed).toEqual(['etag', 'sha256']);
    expect(second.history).toEqual([first.latest]);
  });

  it('does not count a header that a server stopped sending as a change', () => {
    const first = recordResult(undefined, up({ last_modified: 'Tue, 01 Dec 2026 10:00:00 GMT' }), '2026-12-01T06:00:00Z', 5);
    const second = recordResult(first, up(), '2026-12-02T06:00:00Z', 5);
    expect(second.latest.changed).toBeUndefined();
  });

  it('counts failures in a row from the first one, and compares with the last good result once back', () => {
    const good = recordResult(undefined, up(), '2026-12-01T06:00:00Z', 5);
    const fail1 = recordResult(good, down, '2026-12-02T06:00:00Z', 5);
    const fail2 = recordResult(fail1, down, '2026-12-03T06:00:00Z', 5);
    expect([fail1.down_since, fail1.failures]).toEqual(['2026-12-02T06:00:00Z', 1]);
    expect([fail2.down_since, fail2.failures]).toEqual(['2026-12-02T06:00:00Z', 2]);
    const back = recordResult(fail2, up({ etag: '"new"' }), '2026-12-04T06:00:00Z', 5);
    expect(back.down_since).toBeUndefined();
    expect(back.failures).toBeUndefined();
    expect(back.latest.changed).toEqual(['etag']);
  });

  it('keeps only the configured number of earlier results', () => {
    let state = recordResult(undefined, up(), '2026-12-01T00:00:00Z', 2);
    for (const day of ['02', '03', '04', '05']) state = recordResult(state, up(), `2026-12-${day}T00:00:00Z`, 2);
    expect(state.latest.at).toBe('2026-12-05T00:00:00Z');
    expect(state.history.map((r) => r.at)).toEqual(['2026-12-04T00:00:00Z', '2026-12-03T00:00:00Z']);
  });
});

describe('the state file', () => {
  const sample = () => {
    const state = emptyState();
    const a = recordResult(undefined, up({ sha256: 'c'.repeat(64) }), '2026-12-01T06:00:00Z', 3);
    state.locations['https://z.example/data.csv'] = recordResult(a, up({ etag: '"b"', sha256: 'c'.repeat(64) }), '2026-12-02T06:00:00Z', 3);
    state.locations['https://a.example/api'] = recordResult(recordResult(undefined, down, '2026-12-01T06:00:00Z', 3), down, '2026-12-02T06:00:00Z', 3);
    return state;
  };

  it('reads back what it wrote, and writes the same text again', () => {
    const root = writeProject({});
    const file = path.join(root, 'probes.yaml');
    writeState(file, sample());
    const text = readFileSync(file, 'utf8');
    const read = readState(file);
    expect(read).toEqual(sample());
    expect(serializeState(read)).toBe(text);
  });

  it('sorts addresses and puts each result on one line, so a diff shows one line per change', () => {
    expect(serializeState(sample()).split('\n').filter((l) => !l.startsWith('#')).join('\n')).toMatchInlineSnapshot(`
      "version: 1
      locations:
        https://a.example/api:
          latest: { at: 2026-12-02T06:00:00Z, ok: false, method: HEAD, error: connection refused }
          down_since: 2026-12-01T06:00:00Z
          failures: 2
          history:
            - { at: 2026-12-01T06:00:00Z, ok: false, method: HEAD, error: connection refused }
        https://z.example/data.csv:
          latest: { at: 2026-12-02T06:00:00Z, ok: true, method: HEAD, status: 200, etag: '"b"', content_length: 3, sha256: cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc, changed: [ etag ] }
          history:
            - { at: 2026-12-01T06:00:00Z, ok: true, method: HEAD, status: 200, etag: '"a"', content_length: 3, sha256: cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc }
      "
    `);
  });

  it('reads a missing file as an empty state', () => {
    expect(readState(path.join(writeProject({}), 'probes.yaml'))).toEqual(emptyState());
  });

  it('reports a malformed file at its line and column, and says it can be deleted', () => {
    const text = 'version: 1\nlocations:\n  https://a.example/:\n    latest: { at: yesterday, ok: true, method: HEAD }\n    history: []\n';
    expect(() => parseState(text, 'probes.yaml')).toThrow(ProbeStateError);
    expect(() => parseState(text, 'probes.yaml')).toThrow(/^probes\.yaml:4:\d+: .* at `locations\.https:\/\/a\.example\/\.latest\.at`\. Fix the file, or delete it/);
    expect(() => parseState('version: 1\nversion: 2\n', 'probes.yaml')).toThrow(/^probes\.yaml:2:1: /);
  });
});

describe('scheduling', () => {
  const now = new Date('2026-12-04T06:00:00Z');
  const probedAt = (at: string, ok = true) => recordResult(undefined, ok ? up() : down, at, 5);

  it('is due when never probed, or when the interval has passed', () => {
    expect(isDue(undefined, 1, now)).toBe(true);
    expect(isDue(probedAt('2026-12-03T06:00:00Z'), 1, now)).toBe(true);
    expect(isDue(probedAt('2026-12-03T06:00:00Z'), 7, now)).toBe(false);
    expect(isDue(probedAt('2026-11-27T06:00:00Z'), 7, now)).toBe(true);
  });

  it('still probes a daily address when yesterday’s run started a few minutes later', () => {
    expect(isDue(probedAt('2026-12-03T06:12:00Z'), 1, now)).toBe(true);
    expect(isDue(probedAt('2026-12-03T08:00:00Z'), 1, now)).toBe(false);
  });

  it('probes an unreachable address on every run, whatever its interval', () => {
    expect(isDue(probedAt('2026-12-04T05:00:00Z', false), 90, now)).toBe(true);
  });

  it('says when an address is next due, to the second', () => {
    expect(nextDue(probedAt('2026-12-03T06:12:00Z'), 7)).toBe('2026-12-10T06:12:00Z');
  });

  it('takes the shortest interval of the entries that share an address', () => {
    const state = emptyState();
    state.locations['https://x.example/'] = probedAt('2026-12-01T06:00:00Z');
    const targets = [target('weekly', 'https://x.example/', '1w'), target('twice-weekly', 'https://x.example/', '3d')];
    expect(dueAddresses(targets, state, now)).toEqual([{ url: 'https://x.example/', everyDays: 3, due: true }]);
    expect(dueAddresses([targets[0]!], state, now)).toEqual([{ url: 'https://x.example/', everyDays: 7, due: false }]);
  });

  it('probes only what is due, stamps one time for the run, and drops addresses no entry names', async () => {
    const state = emptyState();
    state.locations['https://fresh.example/'] = probedAt('2026-12-04T01:00:00Z');
    state.locations['https://stale.example/'] = probedAt('2026-12-01T01:00:00Z');
    state.locations['https://removed.example/'] = probedAt('2026-12-01T01:00:00Z');
    const seen: string[] = [];
    const { state: next, probed } = await runProbes([target('fresh', 'https://fresh.example/'), target('stale', 'https://stale.example/'), target('new', 'https://new.example/')], state, {
      now: new Date('2026-12-04T06:00:00.123Z'),
      probe: async (url) => (seen.push(url), up({ etag: '"z"' })),
    });
    expect(seen.sort()).toEqual(['https://new.example/', 'https://stale.example/']);
    expect([...probed].sort()).toEqual(seen);
    expect(Object.keys(next.locations).sort()).toEqual(['https://fresh.example/', 'https://new.example/', 'https://stale.example/']);
    expect(next.locations['https://fresh.example/']).toBe(state.locations['https://fresh.example/']);
    expect(next.locations['https://stale.example/']!.latest).toMatchObject({ at: '2026-12-04T06:00:00Z', changed: ['etag'] });
  });

  it('probes no more addresses at once than allowed', async () => {
    let running = 0;
    let peak = 0;
    const targets = Array.from({ length: 12 }, (_, i) => target(`s${i}`, `https://s${i}.example/`));
    await runProbes(targets, emptyState(), {
      now,
      concurrency: 3,
      probe: async () => {
        peak = Math.max(peak, ++running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        return up();
      },
    });
    expect(peak).toBe(3);
  });
});
