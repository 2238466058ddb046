/** `catalog.json`: the whole catalog as one manifest, published beside the pages for other tools. */
import { catalogJsonModel } from '../site/pages.ts';

export function GET(): Response {
  // Compact, unlike `npm run export -- catalog`'s copy, which people read and diff: indented,
  // it was 98 MB at 10,000 entries, and the build held it several times over at its peak.
  return new Response(JSON.stringify(catalogJsonModel()), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
