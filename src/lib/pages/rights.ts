/**
 * The Rights panel of a dataset or model: what it declares, and the restrictions it
 * inherits through lineage with where each comes from.
 */
import { inheritedRights } from '../rights.ts';
import { rightRows } from '../site/rights-view.ts';
import { inlineCode } from '../site/text.ts';
import type { Catalog, Entry } from '../types.ts';
import { linksOf } from './links.ts';

export interface RightsModel {
  /** Whether the entry declares rights or a license at all. */
  declared: boolean;
  /** The license: a link to its entry when the catalog holds one, else its id. */
  license?: { id: string; ref?: string | undefined } | undefined;
  access?: string | undefined;
  personalData?: boolean | undefined;
  consent?: string | undefined;
  retention?: string | undefined;
  allowedUses?: { use: string; label: string }[] | undefined;
  prohibitedUses?: { use: string; label: string }[] | undefined;
  restrictions: {
    /** The restriction as HTML, its backticked words as code. */
    html: string;
    expired: boolean;
    own: boolean;
    /** Each upstream origin and the entries its restriction passes through, as HTML. */
    from: string[];
    /** Further upstream origins not named. */
    more: number;
  }[];
}

export function rightsPanel(catalog: Catalog, entry: Entry<'dataset'> | Entry<'model'>): RightsModel {
  const links = linksOf(catalog);
  const rights = entry.kind === 'dataset' ? entry.data.rights : undefined;
  const license = entry.kind === 'dataset' ? entry.data.rights?.license : entry.data.license;
  const uses = (list: readonly string[] | undefined) => list?.map((use) => ({ use, label: catalog.config.uses[use]?.description ?? use }));
  // Written as strings, since a model below a hub lists dozens of these.
  const originHtml = (o: { id: string; path: readonly string[] }) =>
    links.ref(o.id) + (o.path.length > 2 ? `<span class="path"> through ${o.path.slice(1, -1).map((id) => links.ref(id, false)).join(' › ')}</span>` : '');
  return {
    declared: rights !== undefined || license !== undefined,
    license: license ? { id: license, ref: catalog.byId.has(license) ? links.ref(license) : undefined } : undefined,
    access: rights?.access,
    personalData: rights?.personal_data,
    consent: rights?.consent,
    retention: rights?.retention,
    allowedUses: uses(rights?.allowed_uses),
    prohibitedUses: uses(rights?.prohibited_uses),
    restrictions: rightRows(inheritedRights(catalog, entry), catalog.config.uses, catalog.today).map((r) => ({
      html: inlineCode(r.text),
      expired: r.expired,
      own: r.own,
      from: r.from.map(originHtml),
      more: r.more,
    })),
  };
}
