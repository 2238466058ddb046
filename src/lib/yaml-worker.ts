/**
 * A worker of `yaml-pool.ts`: parses its share of the YAML texts and posts the values and
 * problems back, then raises its flag. It raises the flag on failure too (with the error),
 * since the pool waits on the flag and cannot hear of a worker that died silently.
 */
import { workerData, type MessagePort } from 'node:worker_threads';

const { texts, port, done } = workerData as { texts: string[]; port: MessagePort; done: Int32Array };

try {
  const { parseYaml } = await import('./yaml.ts');
  port.postMessage({
    results: texts.map((text) => {
      const { value, problems } = parseYaml(text);
      return { value, problems };
    }),
  });
} catch (error) {
  port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
} finally {
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
}
