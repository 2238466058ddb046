/**
 * Croissant 1.0 JSON-LD for a dataset: the specification's required properties
 * (`@context`, `conformsTo`, name, description, license, url, distribution, recordSet
 * with fields), split parts as a `cr:Split` record set with their example counts, and
 * rights as `conditionsOfAccess`. Importing the output gives back the same entry fields,
 * so export → import → export is stable.
 */
import type { Catalog, Entry } from '../../types.ts';
import { asList, latestVersion, licenseReference, ownersOf, pageUrl, sourceUrl } from './shared.ts';

export const CROISSANT_CONFORMS_TO = 'http://mlcommons.org/croissant/1.0';

/** The 1.0 context, as the specification publishes it. */
export const CROISSANT_CONTEXT = {
  '@language': 'en',
  '@vocab': 'https://schema.org/',
  citeAs: 'cr:citeAs',
  column: 'cr:column',
  conformsTo: 'dct:conformsTo',
  cr: 'http://mlcommons.org/croissant/',
  rai: 'http://mlcommons.org/croissant/RAI/',
  data: { '@id': 'cr:data', '@type': '@json' },
  dataType: { '@id': 'cr:dataType', '@type': '@vocab' },
  dct: 'http://purl.org/dc/terms/',
  examples: { '@id': 'cr:examples', '@type': '@json' },
  extract: 'cr:extract',
  field: 'cr:field',
  fileProperty: 'cr:fileProperty',
  fileObject: 'cr:fileObject',
  fileSet: 'cr:fileSet',
  format: 'cr:format',
  includes: 'cr:includes',
  isLiveDataset: 'cr:isLiveDataset',
  jsonPath: 'cr:jsonPath',
  key: 'cr:key',
  md5: 'cr:md5',
  parentField: 'cr:parentField',
  path: 'cr:path',
  recordSet: 'cr:recordSet',
  references: 'cr:references',
  regex: 'cr:regex',
  repeated: 'cr:repeated',
  replace: 'cr:replace',
  sc: 'https://schema.org/',
  separator: 'cr:separator',
  source: 'cr:source',
  subField: 'cr:subField',
  transform: 'cr:transform',
} as const;

const DATA_TYPES: Record<string, string> = {
  string: 'sc:Text',
  text: 'sc:Text',
  categorical: 'sc:Text',
  integer: 'sc:Integer',
  float: 'sc:Float',
  boolean: 'sc:Boolean',
  date: 'sc:Date',
  datetime: 'sc:DateTime',
  image: 'sc:ImageObject',
  audio: 'sc:AudioObject',
  binary: 'sc:MediaObject',
  struct: 'sc:StructuredValue',
  array: 'sc:Text',
};

/** `a.csv` for `s3://bucket/a.csv`; an index when the URI has no usable last segment. */
function fileId(uri: string, index: number): string {
  const last = uri.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').at(-1);
  return last && !last.includes(':') ? last : `file-${index + 1}`;
}

/** Rights beyond the license, in a fixed form that the Croissant importer reads back. */
export function conditionsOfAccess(rights: NonNullable<Entry<'dataset'>['data']['rights']>): string | undefined {
  const parts: string[] = [];
  if (rights.access) parts.push(`Access: ${rights.access}.`);
  if (rights.personal_data !== undefined) parts.push(`Personal data: ${rights.personal_data ? 'yes' : 'no'}.`);
  if (rights.consent) parts.push(`Consent: ${rights.consent}.`);
  if (rights.retention) parts.push(`Retention: ${rights.retention}.`);
  if (rights.allowed_uses?.length) parts.push(`Allowed uses: ${rights.allowed_uses.join(', ')}.`);
  if (rights.prohibited_uses?.length) parts.push(`Prohibited uses: ${rights.prohibited_uses.join(', ')}.`);
  return parts.length ? parts.join(' ') : undefined;
}

export function croissantOf(catalog: Catalog, entry: Entry<'dataset'>): Record<string, unknown> {
  const d = entry.data;
  // The specification requires a url: the page, else the entry's own link, else its source file.
  const url = pageUrl(catalog, entry) ?? d.links?.[0]?.url ?? sourceUrl(catalog, entry);
  const version = latestVersion(entry);
  const uris = asList(d.location?.uri);
  const ids = uris.map((uri, i) => fileId(uri, i));
  const uniqueIds = ids.map((id, i) => (ids.indexOf(id) === i ? id : `${id}-${i + 1}`));
  const distribution = uris.map((uri, i) => ({
    '@type': 'cr:FileObject',
    '@id': uniqueIds[i],
    name: uniqueIds[i],
    contentUrl: uri,
    ...(d.location?.format ? { encodingFormat: d.location.format } : {}),
  }));
  const recordSet: Record<string, unknown>[] = [];
  if (d.schema?.length) {
    recordSet.push({
      '@type': 'cr:RecordSet',
      '@id': entry.id,
      name: entry.id,
      field: d.schema.map((c) => ({
        '@type': 'cr:Field',
        '@id': `${entry.id}/${c.name}`,
        name: c.name,
        ...(c.description ? { description: c.description } : {}),
        dataType: DATA_TYPES[c.type] ?? 'sc:Text',
        ...(c.type === 'array' ? { repeated: true } : {}),
        ...(distribution.length === 1 ? { source: { fileObject: { '@id': uniqueIds[0] }, extract: { column: c.name } } } : {}),
      })),
    });
  }
  if (d.splits) {
    const set = `${entry.id}_splits`;
    recordSet.push({
      '@type': 'cr:RecordSet',
      '@id': set,
      name: set,
      dataType: 'cr:Split',
      key: { '@id': `${set}/name` },
      field: [
        { '@type': 'cr:Field', '@id': `${set}/name`, name: 'name', dataType: 'sc:Text' },
        { '@type': 'cr:Field', '@id': `${set}/num_examples`, name: 'num_examples', dataType: 'sc:Integer' },
      ],
      data: d.splits.parts.map((p) => ({ [`${set}/name`]: p.name, ...(p.rows !== undefined ? { [`${set}/num_examples`]: p.rows } : {}) })),
    });
  }
  const owners = ownersOf(catalog, entry);
  const conditions = d.rights ? conditionsOfAccess(d.rights) : undefined;
  return {
    '@context': CROISSANT_CONTEXT,
    '@type': 'sc:Dataset',
    conformsTo: CROISSANT_CONFORMS_TO,
    name: d.title,
    description: d.description,
    ...(d.rights ? { license: licenseReference(catalog, d.rights.license) } : {}),
    ...(conditions ? { conditionsOfAccess: conditions } : {}),
    ...(url ? { url } : {}),
    ...(version ? { version: version.version, ...(version.date ? { datePublished: version.date } : {}) } : {}),
    ...(d.tags?.length ? { keywords: d.tags } : {}),
    ...(owners.length ? { creator: owners.map((o) => ({ '@type': o.kind === 'person' ? 'sc:Person' : 'sc:Organization', name: o.name })) } : {}),
    distribution,
    recordSet,
  };
}
