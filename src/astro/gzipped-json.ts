/**
 * A JSON file stored gzipped, for the files the site publishes for scripts and tools rather
 * than for reading (deeper lineage views, the catalog manifest's parts). Static hosts count
 * stored bytes against their limits and do not compress on disk; these files shrink about
 * tenfold. Readers unzip them (`DecompressionStream('gzip')` in browsers, any gzip tool).
 */
import { once } from 'node:events';
import { createGzip, gzipSync } from 'node:zlib';

const HEADERS = { 'Content-Type': 'application/gzip' };

export function gzippedJson(value: unknown): Response {
  return new Response(gzipSync(JSON.stringify(value)), { headers: HEADERS });
}

/**
 * A JSON array written item by item into the gzip stream: the same text as `gzippedJson`
 * of the whole array, but never held whole. A manifest part holds every entry of a kind,
 * columns and bodies included; at 50,000 entries its text alone was several hundred MB,
 * and making it was the site build's memory peak.
 */
export async function gzippedJsonArray(items: Iterable<unknown>): Promise<Response> {
  const gzip = createGzip();
  const chunks: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = once(gzip, 'end');
  let separator = '[';
  for (const item of items) {
    const written = gzip.write(separator + JSON.stringify(item));
    separator = ',';
    if (!written) await once(gzip, 'drain');
  }
  gzip.end(separator === '[' ? '[]' : ']');
  await ended;
  return new Response(Buffer.concat(chunks), { headers: HEADERS });
}
