/** A lineage file: the deeper lineage views of a few entries, gzipped, which their pages fetch when a reader asks for one (see `src/lib/pages/lineage.ts`). */
import type { GetStaticPaths } from 'astro';
import { gzippedJson } from '../../astro/gzipped-json.ts';
import { lineageFilePaths } from '../../astro/pages.ts';

export const getStaticPaths = (() => lineageFilePaths()) satisfies GetStaticPaths;

export function GET({ props }: { props: { model: () => unknown } }): Response {
  return gzippedJson(props.model());
}
