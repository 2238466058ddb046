/**
 * schema.org JSON-LD for dataset pages (`Dataset`, which dataset search engines index)
 * and model pages (`SoftwareApplication`, the closest type schema.org has for a trained
 * model). Pure: the site embeds `datasetJsonLd` in a `<script type="application/ld+json">`.
 */
import type { Catalog, Entry } from '../../types.ts';
import { formatInfo } from '../mime.ts';
import { asList, latestVersion, licenseValue, ownersOf, pageUrl, type Party } from './shared.ts';

const party = (p: Party) => ({ '@type': p.kind === 'person' ? 'Person' : 'Organization', name: p.name, ...(p.email ? { email: p.email } : {}) });

export interface JsonLdOptions {
  /**
   * Columns by name only, as schema.org allows for `variableMeasured`: for an entry page,
   * whose column table holds each column's description, unit and range. In full they were
   * most of a dataset page's JSON-LD (5.3 KB on average at 2,000 synthetic entries).
   */
  columnNamesOnly?: boolean | undefined;
}

/** The schema.org `Dataset` object for one dataset entry. */
export function datasetJsonLd(catalog: Catalog, entry: Entry<'dataset'>, options: JsonLdOptions = {}): Record<string, unknown> {
  const d = entry.data;
  const url = pageUrl(catalog, entry);
  const version = latestVersion(entry);
  const owners = ownersOf(catalog, entry);
  const upstream = (d.derived_from ?? []).flatMap((dv) => {
    const id = dv.dataset ?? dv.model;
    const target = id ? catalog.byId.get(id.split('@')[0]!) : undefined;
    if (!target) return [];
    const targetUrl = pageUrl(catalog, target);
    return [{ '@type': target.kind === 'dataset' ? 'Dataset' : 'SoftwareApplication', name: target.data.title, identifier: target.id, ...(targetUrl ? { url: targetUrl } : {}) }];
  });
  const ld: Record<string, unknown> = {
    '@context': 'https://schema.org/',
    '@type': 'Dataset',
    '@id': url ?? `#${entry.id}`,
    identifier: entry.id,
    name: d.title,
    description: d.description,
    ...(url ? { url } : {}),
    ...(d.tags?.length ? { keywords: d.tags } : {}),
    // schema.org `license` is a URL or a CreativeWork, never bare text.
    ...(d.rights ? { license: licenseValue(catalog, d.rights.license) } : {}),
    ...(owners.length ? { creator: owners.map(party), maintainer: owners.map(party) } : {}),
    ...(version ? { version: version.version, ...(version.date ? { datePublished: version.date } : {}) } : {}),
    ...(d.reviewed ? { dateModified: d.reviewed } : {}),
    ...(d.rights?.access ? { isAccessibleForFree: d.rights.access === 'public', conditionsOfAccess: `Access: ${d.rights.access}` } : {}),
    // `contentSize` and `encodingFormat` (a MIME type) belong to `DataDownload`, not `Dataset`.
    // The size is the whole dataset's: it fits a download only when there is one.
    ...(d.location
      ? {
          distribution: asList(d.location.uri).map((uri) => {
            const mime = formatInfo(d.location?.format)?.mime;
            return { '@type': 'DataDownload', contentUrl: uri, ...(mime ? { encodingFormat: mime } : {}), ...(d.size?.bytes !== undefined && asList(d.location?.uri).length === 1 ? { contentSize: `${d.size.bytes} B` } : {}) };
          }),
        }
      : {}),
    ...(d.schema?.length
      ? {
          variableMeasured: options.columnNamesOnly ? d.schema.map((c) => c.name) : d.schema.map((c) => ({
            '@type': 'PropertyValue',
            name: c.name,
            ...(c.description ? { description: c.description } : {}),
            ...(c.unit ? { unitText: c.unit } : {}),
            ...(c.range ? { minValue: c.range[0], maxValue: c.range[1] } : {}),
          })),
        }
      : {}),
    ...(upstream.length ? { isBasedOn: upstream } : {}),
    ...(d.links?.length ? { sameAs: d.links.map((l) => l.url) } : {}),
  };
  return ld;
}

/** The schema.org object for one model entry. */
export function modelJsonLd(catalog: Catalog, entry: Entry<'model'>): Record<string, unknown> {
  const d = entry.data;
  const url = pageUrl(catalog, entry);
  const owners = ownersOf(catalog, entry);
  const training = (d.training ?? []).flatMap((t) => {
    const target = catalog.byId.get(t.dataset.split('@')[0]!);
    if (!target) return [];
    const targetUrl = pageUrl(catalog, target);
    return [{ '@type': 'Dataset', name: target.data.title, identifier: target.id, ...(targetUrl ? { url: targetUrl } : {}) }];
  });
  return {
    '@context': 'https://schema.org/',
    '@type': 'SoftwareApplication',
    '@id': url ?? `#${entry.id}`,
    identifier: entry.id,
    name: d.title,
    description: d.description,
    applicationCategory: 'Machine learning model',
    ...(url ? { url } : {}),
    ...(d.version ? { softwareVersion: d.version } : {}),
    ...(d.task ? { featureList: [d.task] } : {}),
    ...(d.tags?.length ? { keywords: d.tags } : {}),
    ...(d.license ? { license: licenseValue(catalog, d.license) } : {}),
    ...(owners.length ? { creator: owners.map(party), maintainer: owners.map(party) } : {}),
    ...(d.reviewed ? { dateModified: d.reviewed } : {}),
    ...(training.length ? { isBasedOn: training } : {}),
  };
}

/** JSON-LD for an entry page, when schema.org has a type for its kind. */
export function entryJsonLd(catalog: Catalog, entry: Entry, options: JsonLdOptions = {}): Record<string, unknown> | undefined {
  if (entry.kind === 'dataset') return datasetJsonLd(catalog, entry, options);
  if (entry.kind === 'model') return modelJsonLd(catalog, entry);
  return undefined;
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no value can close the script. */
export function jsonLdScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
