/** A source's page: what it is, who to call, how it is checked, and what it feeds. */
import { renderMarkdown, type RenderedBody } from '../view/markdown.ts';
import type { Catalog, Entry } from '../types.ts';
import { lineageSection, type LineageModel } from './lineage.ts';
import { linksOf } from './links.ts';

export interface SourceBody {
  kind: 'source';
  type: string;
  contact?: string | undefined;
  /** Terms of use: a link when they are an address. */
  terms?: { text: string; url?: string | undefined } | undefined;
  backupSource?: string | undefined;
  checked?: { how: string; every?: string | undefined } | undefined;
  about?: RenderedBody | undefined;
  lineage: LineageModel;
}

export function sourceBody(catalog: Catalog, entry: Entry<'source'>): SourceBody {
  const d = entry.data;
  const body = renderMarkdown(entry.body, { headingBase: 3 });
  return {
    kind: 'source',
    type: d.type,
    contact: d.contact,
    terms: d.terms ? { text: d.terms, url: /^https?:/.test(d.terms) ? d.terms : undefined } : undefined,
    backupSource: d.backup_source ? linksOf(catalog).ref(d.backup_source) : undefined,
    checked: d.checked && { how: d.checked.how, every: d.checked.every },
    about: body.html.trim() ? body : undefined,
    lineage: lineageSection(catalog, entry),
  };
}
