/** The gzipped JSON files the site publishes for tools: an array written item by item reads back as the whole array would. */
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzippedJson, gzippedJsonArray } from '../../src/astro/gzipped-json.ts';

const unzipped = async (response: Response) => gunzipSync(Buffer.from(await response.arrayBuffer())).toString('utf8');

describe('a gzipped JSON array', () => {
  it('holds the same text as the whole array stringified, empty, short or long', async () => {
    // Long enough that the gzip stream asks the writer to wait for it to drain.
    const many = Array.from({ length: 20_000 }, (_, i) => ({ id: `entry-${i}`, title: `Entry ${i} — “quoted”`, columns: [{ name: 'a', type: 'string' }] }));
    for (const items of [[], [{ only: true }], many]) {
      expect(await unzipped(await gzippedJsonArray(items))).toBe(JSON.stringify(items));
    }
  });

  it('takes its items from any iterable, a generator included', async () => {
    let made = 0;
    function* items() {
      for (let i = 0; i < 3; i++) {
        made++;
        yield { i };
      }
    }
    const response = await gzippedJsonArray(items());
    expect(made).toBe(3);
    expect(response.headers.get('Content-Type')).toBe('application/gzip');
    expect(JSON.parse(await unzipped(response))).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }]);
    expect(await unzipped(gzippedJson({ a: [1] }))).toBe('{"a":[1]}');
  });
});
