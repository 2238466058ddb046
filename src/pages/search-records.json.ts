/** The records of the header search's names index, read and then removed by the search indexer (`src/site/search-index.ts`). */
import { searchRecordsModel } from '../site/pages.ts';

export function GET(): Response {
  return new Response(JSON.stringify(searchRecordsModel()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
