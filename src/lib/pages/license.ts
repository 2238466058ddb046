/** A data-use agreement's page: what it permits, requires and forbids, and when it expires. */
import { renderMarkdown, type RenderedBody } from '../site/markdown.ts';
import type { Catalog, Entry } from '../types.ts';
import { lineageSection, type LineageModel } from './lineage.ts';

export interface LicenseBody {
  kind: 'license';
  /** Each list of terms under its label; empty when the license names none. */
  terms: { label: string; items: string[] }[];
  expires?: string | undefined;
  expired: boolean;
  url?: string | undefined;
  text?: RenderedBody | undefined;
  lineage: LineageModel;
}

export function licenseBody(catalog: Catalog, entry: Entry<'license'>): LicenseBody {
  const d = entry.data;
  const body = renderMarkdown(entry.body, { headingBase: 3 });
  const terms: [string, readonly string[] | undefined][] = [['Permits', d.permissions], ['Requires', d.conditions], ['Forbids', d.limitations], ['Prohibited uses', d.prohibited_uses]];
  return {
    kind: 'license',
    terms: terms.map(([label, items]) => ({ label, items: [...(items ?? [])] })),
    expires: d.expires,
    expired: d.expires !== undefined && d.expires < catalog.today,
    url: d.url,
    text: body.html.trim() ? body : undefined,
    lineage: lineageSection(catalog, entry),
  };
}
