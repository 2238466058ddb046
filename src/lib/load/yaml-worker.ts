/**
 * A worker of `yaml-pool.ts`: parses its share of the YAML texts and posts the values and
 * problems back. Its flag says it started (1) and then that it is done (2), on failure too,
 * with the error: the pool waits on the flag and cannot otherwise hear of a worker's death.
 */
import { workerData, type MessagePort } from 'node:worker_threads';

const { texts, port, flag } = workerData as { texts: string[]; port: MessagePort; flag: Int32Array };
Atomics.store(flag, 0, 1);
Atomics.notify(flag, 0);

try {
  const { readYamlValue } = await import('./yaml-value.ts');
  port.postMessage({ results: texts.map(readYamlValue) });
} catch (error) {
  port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
} finally {
  Atomics.store(flag, 0, 2);
  Atomics.notify(flag, 0);
}
