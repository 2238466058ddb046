/** `catalog.json`: the whole catalog as one manifest, published beside the pages for other tools. */
import { catalogManifest } from '../lib/interchange/export/catalog-json.ts';
import { getCatalog } from '../site/catalog.ts';

export function GET(): Response {
  return new Response(JSON.stringify(catalogManifest(getCatalog()), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
