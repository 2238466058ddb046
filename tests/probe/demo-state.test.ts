/** The demo's committed probes.yaml: what the probe writes, for the addresses the demo names. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { probeReport } from '../../src/lib/probe/report.ts';
import { parseState, serializeState, stateFileFor } from '../../src/lib/probe/state.ts';
import { probeTargets } from '../../src/lib/probe/targets.ts';

const content = path.resolve(import.meta.dirname, '..', '..', 'content');
const file = stateFileFor(content);
const text = readFileSync(file, 'utf8');
const state = parseState(text, 'probes.yaml');
const catalog = buildCatalog(content, { today: '2026-12-04' });
const targets = probeTargets(catalog, catalog.config.probe.every);

describe('the demo catalog’s probe state', () => {
  it('is exactly what the probe writes: reading and writing it again changes nothing', () => {
    expect(serializeState(state)).toBe(text);
  });

  it('holds a result for every http(s) address of the demo, and no other', () => {
    const addresses = targets.flatMap((t) => t.locations.filter((l) => !l.skipped).map((l) => l.url));
    expect(Object.keys(state.locations).sort()).toEqual([...new Set(addresses)].sort());
  });

  it('shows each case the report knows: unreachable with a backup, changed, reachable, and not probed for a reason', () => {
    const probed = new Set(Object.keys(state.locations));
    const report = probeReport(targets, state, probed, '2026-12-03T05:17:00Z');
    const status = Object.fromEntries(report.entries.map((e) => [e.id, e.status]));
    expect(status).toMatchObject({
      'playback-api': 'unreachable',
      'openreel-site': 'changed',
      'device-telemetry': 'reachable',
      'studio-metadata-terms': 'reachable',
      'openreel-ratings': 'reachable',
      'cdn-logs': 'not-probed',
      'billing-db': 'not-probed',
      'studio-delivery-sheets': 'not-probed',
    });
    expect(report.entries.find((e) => e.id === 'playback-api')!.backup_source).toBe('cdn-logs');
  });
});
