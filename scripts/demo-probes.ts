#!/usr/bin/env node
/**
 * Writes the demo catalog's probes.yaml: three probe runs (20 November, 1 and 3 December
 * 2026) of the demo's addresses, answered by a server on 127.0.0.1 that plays their hosts,
 * since the demo's `.example` hosts do not exist. Between runs the OpenReel download page
 * changes and the Playback API goes down, so the file shows a change, an outage and a
 * history. The results are real probes of real HTTP answers, written by the probe's own
 * code: only the host is swapped.
 *
 *   node scripts/demo-probes.ts [--content DIR]
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCatalog } from '../src/lib/catalog.ts';
import { probeUrl } from '../src/lib/probe/http.ts';
import { runProbes } from '../src/lib/probe/run.ts';
import { emptyState, stateFileFor, writeState } from '../src/lib/probe/state.ts';
import { probeTargets } from '../src/lib/probe/targets.ts';

const RUNS = ['2026-11-20T05:17:00Z', '2026-12-01T05:17:00Z', '2026-12-03T05:17:00Z'];

/** What each demo address answers in run `run` (0, 1, 2). */
function answer(run: number, url: string, req: IncomingMessage, res: ServerResponse): void {
  const head = req.method === 'HEAD';
  const send = (status: number, body: string, headers: Record<string, string> = {}) =>
    res.writeHead(status, { 'content-length': String(Buffer.byteLength(body)), ...headers }).end(head ? undefined : body);
  switch (url) {
    case 'https://openreel.example.org/downloads': {
      const release = run < 2 ? '3.0' : '3.1';
      return void send(200, `<h1>OpenReel downloads</h1><p>Release ${release}</p>`, { etag: `"openreel-${release}"`, 'last-modified': run < 2 ? 'Fri, 14 Mar 2025 09:00:00 GMT' : 'Tue, 02 Dec 2026 16:40:00 GMT' });
    }
    case 'https://openreel.example.org/downloads/openreel-3.0.zip':
      // Too large to hash: compared by its headers alone.
      return void res.writeHead(200, { 'content-length': '58720256', etag: '"3.0-zip"', 'last-modified': 'Fri, 14 Mar 2025 09:00:00 GMT' }).end();
    case 'https://playback-api.lumen.example/v2/info':
      if (run === 0) return void send(200, '{"service":"playback","schema":"play_event v7"}', { 'content-type': 'application/json' });
      return void send(503, 'upstream unavailable');
    case 'https://telemetry.lumen.example/v1/beacon-schema.json':
      return void send(200, '{"$id":"beacon-v1","fields":["startup_ms","bitrate","buffer_s","rebuffers","network","device"]}', { etag: '"beacon-v1"', 'last-modified': 'Mon, 02 Sep 2024 08:00:00 GMT' });
    case 'https://wiki.lumen.example/legal/studio-metadata-terms':
      // A wiki that refuses HEAD: probed with a one-byte ranged GET.
      if (head) return void res.writeHead(405, { allow: 'GET' }).end();
      return void send(200, 'Studio metadata terms: summary of the delivery agreements.');
    default:
      return void send(404, 'not found');
  }
}

const { values } = parseArgs({ args: process.argv.slice(2), options: { content: { type: 'string', default: 'content' } } });
const content = path.resolve(values.content);
const catalog = buildCatalog(content);
const targets = probeTargets(catalog, catalog.config.probe.every);

let run = 0;
const server = createServer((req, res) => answer(run, decodeURIComponent(req.url!.slice(1)), req, res));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

let state = emptyState();
for (; run < RUNS.length; run++) {
  ({ state } = await runProbes(targets, state, {
    now: new Date(RUNS[run]!),
    all: true,
    history: catalog.config.probe.history,
    probe: (url, options) => probeUrl(local + encodeURIComponent(url), options),
  }));
}
server.closeAllConnections();
server.close();
const file = stateFileFor(content);
writeState(file, state);
console.log(`Wrote ${path.relative(process.cwd(), file)}: ${Object.keys(state.locations).length} addresses, ${RUNS.length} runs.`);
