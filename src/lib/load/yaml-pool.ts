/**
 * Parses many YAML texts at once, on every core. Parsing is most of the time it takes to
 * read a catalog, and files do not depend on each other. The call stays synchronous, as
 * `buildCatalog` is: this thread parses its share, then waits on each worker's flag and
 * takes its results from its port.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { readYamlValue, type YamlValue } from './yaml-value.ts';

/** Below this many texts, starting a worker (about 0.2 s) costs more than it saves. */
export const PARALLEL_FROM = 500;

// Next to this file when it runs from source; when bundled (the site's page chunks), it is
// not, and parsing stays on this thread.
export const YAML_WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'yaml-worker.ts');

export interface PoolOptions {
  /** Threads to use, this one included; by default every core. */
  threads?: number;
  worker?: string;
  /** How long a worker may take to start before its share is parsed here instead. */
  startupMs?: number;
  /**
   * Other work for this thread once its share is parsed, done while the workers finish
   * theirs (they start later, so they finish later); run in every case, once.
   */
  meanwhile?: () => void;
}

/**
 * A failed worker's share is parsed here; its error must not end the process. Declared out
 * here: a handler made inside `parseAllYaml` would hold its scope, and with it every text,
 * for as long as the worker object lives, which is past the call.
 */
const ignoreError = () => {};

/**
 * Values and problems of `texts`, in order. A worker that fails, or never starts (a Node
 * without TypeScript support, say), costs time, not results: its share is parsed here.
 */
export function parseAllYaml(texts: readonly string[], options: PoolOptions = {}): YamlValue[] {
  const { threads = availableParallelism(), worker: file = YAML_WORKER, startupMs = 30_000, meanwhile } = options;
  const workers = Math.min(threads, 8) - 1;
  if (texts.length < PARALLEL_FROM || workers < 1 || !existsSync(file)) {
    const results = texts.map(readDetached);
    meanwhile?.();
    return results;
  }

  // Equal shares in order; this thread takes the first while the workers start.
  const share = Math.ceil(texts.length / (workers + 1));
  const started = Array.from({ length: workers }, (_, i) => {
    const { port1, port2 } = new MessageChannel();
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const chunk = texts.slice((i + 1) * share, (i + 2) * share);
    const worker = new Worker(file, { workerData: { texts: chunk, port: port2, flag }, transferList: [port2] });
    worker.unref();
    worker.on('error', ignoreError);
    return { worker, port: port1, flag, chunk };
  });
  const results = texts.slice(0, share).map(readDetached);
  meanwhile?.();
  for (const { worker, port, flag, chunk } of started) {
    Atomics.wait(flag, 0, 0, startupMs);
    // Started workers always answer, but for a crash of the whole thread.
    if (Atomics.load(flag, 0) === 1) Atomics.wait(flag, 0, 1, 10 * 60_000);
    const message = receiveMessageOnPort(port)?.message as { results?: YamlValue[] } | undefined;
    port.close();
    void worker.terminate();
    results.push(...(message?.results ?? chunk.map(readDetached)));
  }
  return results;
}

/**
 * `readYamlValue` of `text`, holding none of it. js-yaml's strings are slices of the text it
 * read, and each slice keeps that whole text alive: for a catalog held in memory (a site
 * build's), that is every file's YAML over again. A worker's values come through a message
 * port as copies already; these are copied the same way.
 */
function readDetached(text: string): YamlValue {
  return structuredClone(readYamlValue(text));
}
