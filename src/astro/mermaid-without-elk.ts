/**
 * A Vite plugin that leaves Mermaid's ELK layout out of the site's bundle. Mermaid 12
 * registers ELK (elkjs, about 1.5 MB, 460 KB compressed) beside dagre and makes it the
 * default layout, so every page that draws a graph downloaded it. Cardcat's graphs are
 * drawn with dagre (src/components/mermaid-client.ts sets `layout: 'dagre'`); a diagram in
 * an entry's Markdown that asks for `layout: elk` falls back to dagre, as Mermaid does for
 * any layout that is not registered. Unregistered, ELK's loader is unused and its dynamic
 * import is dropped, with elkjs.
 *
 * The build fails when the registration is not found, so a Mermaid upgrade that moves it
 * is noticed rather than silently shipping ELK again.
 */
import type { Plugin } from 'vite';

/** The spread that adds ELK's loaders to Mermaid's default layouts (rendering-util/render.ts). */
const REGISTRATION = /\.\.\.elkLayoutLoaders\(\)/;

export function mermaidWithoutElk(): Plugin {
  let found = false;
  return {
    name: 'cardcat:mermaid-without-elk',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]mermaid[\\/]dist[\\/]/.test(id) || !code.includes('elkLayoutLoaders')) return undefined;
      if (!REGISTRATION.test(code)) return undefined;
      found = true;
      return { code: code.replace(REGISTRATION, '/* ELK left out by Cardcat: see src/astro/mermaid-without-elk.ts */'), map: null };
    },
    buildEnd(error) {
      // Only the client build bundles Mermaid; the server build never reads it.
      if (!error && this.getModuleIds && [...this.getModuleIds()].some((id) => /[\\/]node_modules[\\/]mermaid[\\/]dist[\\/]mermaid\.core\.mjs$/.test(id)) && !found) {
        this.error("Mermaid's ELK layout registration (`...elkLayoutLoaders()`) was not found: Mermaid changed; update src/astro/mermaid-without-elk.ts so that ELK stays out of the bundle.");
      }
    },
  };
}
