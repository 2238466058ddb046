/** Diagnostic and rights messages mark values with backticks; on a page those become `<code>`. */

import { escapeHtml } from './html.ts';

/** Escaped HTML with each `backticked` span as code; an unpaired backtick stays literal. */
export function inlineCode(text: string): string {
  const parts = text.split('`');
  if (parts.length % 2 === 0) return escapeHtml(text);
  return parts.map((part, i) => (i % 2 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part))).join('');
}
