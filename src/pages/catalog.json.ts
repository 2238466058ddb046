/** `catalog.json`: the whole catalog as one manifest, published beside the pages for other tools. */
import { catalogManifest } from '../lib/interchange/export/catalog-json.ts';
import { getCatalog } from '../site/catalog.ts';

export function GET(): Response {
  // Compact, unlike `npm run export -- catalog`'s copy, which people read and diff: indented,
  // it was 98 MB at 10,000 entries, and the build held it several times over at its peak.
  return new Response(JSON.stringify(catalogManifest(getCatalog())), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
