/** `catalog.json`: the index of the catalog manifest published beside the pages for other tools; its parts are gzipped beside it. */
import { catalogJsonModel } from '../astro/pages.ts';

export function GET(): Response {
  return new Response(`${JSON.stringify(catalogJsonModel(), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
