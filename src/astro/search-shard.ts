/**
 * One shard of the search index, in a process of its own (see `search-index.ts`): it takes
 * `{ outDir, glob, outputPath }` from its parent, indexes, answers `{ pages }` or `{ error }`
 * and exits, returning Pagefind's memory.
 */
import { indexPages } from './search-index.ts';

process.once('message', async (message: { outDir: string; glob: string; outputPath: string }) => {
  try {
    process.send!({ pages: await indexPages(message.outDir, message.glob, message.outputPath) });
  } catch (error) {
    process.send!({ error: error instanceof Error ? error.message : String(error) });
  } finally {
    process.disconnect();
  }
});
