/** The heap's used bytes after full collections: for tests of what a structure keeps alive. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export function heapAfterGc(): number {
  // `gc` exists only with --expose-gc; set now, a fresh context gets it.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
