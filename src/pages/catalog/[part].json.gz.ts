/** One part of the published catalog manifest, gzipped (see `src/lib/pages/catalog-manifest.ts`). */
import type { GetStaticPaths } from 'astro';
import { gzippedJson } from '../../site/gzipped-json.ts';
import { catalogPartPaths } from '../../site/pages.ts';

export const getStaticPaths = (() => catalogPartPaths()) satisfies GetStaticPaths;

export function GET({ props }: { props: { model: () => unknown[] } }): Response {
  return gzippedJson(props.model());
}
