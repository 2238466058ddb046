/**
 * Mermaid, loaded only when a diagram scrolls into view (a dynamic import, so pages
 * without diagrams never fetch it). `securityLevel: 'strict'` keeps labels encoded and
 * disables click callbacks; node links are plain `href` links.
 */
import type { Mermaid } from 'mermaid';

let instance: Promise<Mermaid> | undefined;
let counter = 0;

function loadMermaid(): Promise<Mermaid> {
  instance ??= import('mermaid').then(({ default: mermaid }) => {
    const dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      suppressErrorRendering: true,
      // dagre: the site's bundle leaves ELK out (src/astro/mermaid-without-elk.ts).
      layout: 'dagre',
      theme: dark ? 'dark' : 'default',
      // The dark theme's edge labels are #ccc on #585858 (4.43:1); the page's own colours pass AA.
      ...(dark ? { themeVariables: { edgeLabelBackground: '#161b22', tertiaryTextColor: '#e6edf3' } } : {}),
      // Natural size: the graph scrolls in its box rather than shrinking its labels to fit.
      flowchart: { useMaxWidth: false },
    });
    return mermaid;
  });
  return instance;
}

export async function renderInto(target: Element, text: string): Promise<SVGSVGElement | null> {
  const mermaid = await loadMermaid();
  const { svg, bindFunctions } = await mermaid.render(`cardcat-diagram-${++counter}`, text);
  target.innerHTML = svg;
  bindFunctions?.(target);
  return target.querySelector('svg');
}

export function whenVisible(element: Element, callback: () => void): void {
  if (!('IntersectionObserver' in window)) return callback();
  const observer = new IntersectionObserver(
    (records) => {
      if (records.some((r) => r.isIntersecting)) {
        observer.disconnect();
        callback();
      }
    },
    { rootMargin: '200px' },
  );
  observer.observe(element);
}
