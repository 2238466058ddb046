/** The records of the header search's names index, read and then removed by the search indexer (`src/astro/search-index.ts`). */
import { searchRecordsModel } from '../astro/pages.ts';

export function GET(): Response {
  return new Response(JSON.stringify(searchRecordsModel()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
