/** One part of the published catalog manifest, gzipped (see `src/lib/pages/catalog-manifest.ts`). */
import type { GetStaticPaths } from 'astro';
import { gzippedJsonArray } from '../../astro/gzipped-json.ts';
import { catalogPartPaths } from '../../astro/pages.ts';

export const getStaticPaths = (() => catalogPartPaths()) satisfies GetStaticPaths;

export function GET({ props }: { props: { model: () => Iterable<unknown> } }): Promise<Response> {
  return gzippedJsonArray(props.model());
}
