/**
 * A JSON file stored gzipped, for the files the site publishes for scripts and tools rather
 * than for reading (deeper lineage views, the catalog manifest's parts). Static hosts count
 * stored bytes against their limits and do not compress on disk; these files shrink about
 * tenfold. Readers unzip them (`DecompressionStream('gzip')` in browsers, any gzip tool).
 */
import { gzipSync } from 'node:zlib';

export function gzippedJson(value: unknown): Response {
  return new Response(gzipSync(JSON.stringify(value)), { headers: { 'Content-Type': 'application/gzip' } });
}
