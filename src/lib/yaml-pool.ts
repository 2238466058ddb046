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
import { parseYaml, type YamlProblem } from './yaml.ts';

/** What a file's YAML holds; the document itself stays behind (see `Reporter.position`). */
export interface YamlValue {
  value: unknown;
  problems: YamlProblem[];
}

/** Below this many texts, starting a worker (about 0.2 s) costs more than it saves. */
export const PARALLEL_FROM = 500;
/** A worker that has not answered by then has died without a word. */
const WAIT_MS = 10 * 60_000;

// Next to this file when it runs from source; when bundled (the site's page chunks), it is
// not, and parsing stays on this thread.
export const YAML_WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'yaml-worker.ts');

const parseOne = (text: string): YamlValue => {
  const { value, problems } = parseYaml(text);
  return { value, problems };
};

export function parseAllYaml(texts: readonly string[], threads = availableParallelism()): YamlValue[] {
  const workers = Math.min(threads, 8) - 1;
  if (texts.length < PARALLEL_FROM || workers < 1 || !existsSync(YAML_WORKER)) return texts.map(parseOne);

  // Equal shares in order; this thread takes the first while the workers start.
  const share = Math.ceil(texts.length / (workers + 1));
  const started = Array.from({ length: workers }, (_, i) => {
    const { port1, port2 } = new MessageChannel();
    const done = new Int32Array(new SharedArrayBuffer(4));
    const chunk = texts.slice((i + 1) * share, (i + 2) * share);
    const worker = new Worker(YAML_WORKER, { workerData: { texts: chunk, port: port2, done }, transferList: [port2] });
    worker.unref();
    return { worker, port: port1, done };
  });
  const results = texts.slice(0, share).map(parseOne);
  for (const { worker, port, done } of started) {
    const answered = Atomics.wait(done, 0, 0, WAIT_MS) !== 'timed-out';
    const message = answered ? (receiveMessageOnPort(port)?.message as { results?: YamlValue[]; error?: string } | undefined) : undefined;
    port.close();
    void worker.terminate();
    if (!message?.results) throw new Error(`A YAML worker failed: ${message?.error ?? 'it did not answer'}`);
    results.push(...message.results);
  }
  return results;
}
