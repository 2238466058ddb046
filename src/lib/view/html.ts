/**
 * HTML written as strings, for the rows a page repeats hundreds of times (closure lists,
 * rights origins): one string per row instead of an Astro component per link. Every
 * value goes through `escapeHtml`.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const SPECIAL = /[&<>"']/;

// Most text has nothing to escape, and testing is cheaper than replacing.
export const escapeHtml = (text: string): string => (SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => ENTITIES[c]!) : text);

export interface RefTarget {
  title: string;
  description?: string | undefined;
  url: string;
}

/**
 * A link to an entry by its title, with its description as the tooltip when `tooltip`
 * is set; a plain `<code>` id for an entry the catalog does not hold.
 */
export function refHtml(id: string, target: RefTarget | undefined, tooltip = true): string {
  if (!target) return `<code>${escapeHtml(id)}</code>`;
  const title = tooltip ? ` title="${escapeHtml(target.description ?? target.title)}"` : '';
  return `<a href="${escapeHtml(target.url)}"${title}>${escapeHtml(target.title)}</a>`;
}

/** A status or stage as a badge, styled by its value (`badge status-deprecated`). */
export function badgeHtml(value: string, kind: 'status' | 'stage' = 'status'): string {
  return `<span class="badge ${kind}-${escapeHtml(value)}">${escapeHtml(value)}</span>`;
}
