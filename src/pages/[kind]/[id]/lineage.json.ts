/** An entry's deeper lineage views, which its page fetches when the reader asks for one (see `src/lib/pages/lineage.ts`). */
import type { GetStaticPaths } from 'astro';
import { lineageFilePaths } from '../../../site/pages.ts';

export const getStaticPaths = (() => lineageFilePaths()) satisfies GetStaticPaths;

export function GET({ props }: { props: { model: () => unknown } }): Response {
  return new Response(JSON.stringify(props.model()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
