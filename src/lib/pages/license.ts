/** A data-use agreement's page: what it permits, requires and forbids, and when it expires. */
import { termSentence, type TermList } from '../rights/license-terms.ts';
import { renderMarkdown, type RenderedBody } from '../view/markdown.ts';
import type { Catalog, Entry } from '../types.ts';
import { lineageSection, type LineageModel } from './lineage.ts';

export interface LicenseBody {
  kind: 'license';
  /** Each list of terms under its label, each term as a plain sentence; empty when the license names none. */
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
  const lists: [string, TermList, readonly string[] | undefined][] = [['Permits', 'permissions', d.permissions], ['Requires', 'conditions', d.conditions], ['Limits', 'limitations', d.limitations]];
  const uses = catalog.config.uses;
  const prohibited = (d.prohibited_uses ?? []).map((use) => `Must not be used for ${use}${uses[use]?.description ? ` (${uses[use]!.description!.charAt(0).toLowerCase()}${uses[use]!.description!.slice(1)})` : ''}.`);
  return {
    kind: 'license',
    terms: [...lists.map(([label, list, items]) => ({ label, items: (items ?? []).map((t) => termSentence(list, t)) })), { label: 'Prohibited uses', items: prohibited }],
    expires: d.expires,
    expired: d.expires !== undefined && d.expires < catalog.today,
    url: d.url,
    text: body.html.trim() ? body : undefined,
    lineage: lineageSection(catalog, entry),
  };
}
