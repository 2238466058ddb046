/**
 * Croissant 1.0 JSON-LD for a dataset, which `mlcroissant validate` accepts (the checks it
 * runs are encoded in `../croissant-check.ts`, and the tests run them on every export):
 * files as `cr:FileObject` with their checksums (the dataset is marked live where the
 * catalog knows none), folders and globs as `cr:FileSet` with `includes`, MIME types for
 * `encodingFormat`, the schema as a record set whose every field reads from the data, split
 * parts as a `cr:Split` record set, `citeAs`, lineage as `isBasedOn` and
 * `prov:wasDerivedFrom`, rights as `conditionsOfAccess` and Responsible-AI properties.
 *
 * What Croissant has no property for is written under the `cardcat:` prefix (an extra
 * vocabulary, which JSON-LD readers keep and Croissant tools ignore): each front-matter
 * field as `cardcat:<field>`, each column's details as `cardcat:column`, the Markdown body
 * as `cardcat:body`. The importer reads them back, so a round trip loses nothing.
 */
import type { Catalog, Entry } from '../../types.ts';
import { formatInfo } from '../mime.ts';
import { asList, latestVersion, licenseValue, ownersOf, pageUrl, sourceUrl } from './shared.ts';

/** The IRI of Cardcat's extension vocabulary: a URN, so no one mistakes it for a page. */
export const CARDCAT_VOCABULARY = 'urn:cardcat:';

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
  // Beyond the 1.0 context: provenance (Croissant 1.1 adds it) and Cardcat's own terms.
  prov: 'http://www.w3.org/ns/prov#',
  cardcat: CARDCAT_VOCABULARY,
} as const;

/**
 * Column types as Croissant data types mlcroissant can read (`CROISSANT_DATA_TYPES` in
 * `../croissant-check.ts`); the types it has none for are text, and `cardcat:column`
 * keeps the catalog's own type.
 */
export const CROISSANT_TYPE_OF: Readonly<Record<string, string>> = {
  string: 'sc:Text',
  text: 'sc:Text',
  categorical: 'sc:Text',
  integer: 'sc:Integer',
  float: 'sc:Float',
  boolean: 'sc:Boolean',
  date: 'sc:Date',
  datetime: 'sc:DateTime',
  image: 'sc:ImageObject',
  audio: 'sc:Text',
  binary: 'sc:Text',
  struct: 'sc:Text',
  array: 'sc:Text',
};

/** Front-matter fields a standard Croissant property carries whole; the rest go under `cardcat:`. */
const NATIVE = new Set(['title', 'description', 'tags', 'schema']);

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

/** A folder (`…/`) or a glob names many files: a FileSet. Anything else is one file or table. */
export const isFileSet = (uri: string): boolean => uri.endsWith('/') || /[*?[]/.test(uri);

/**
 * The distribution: one node per URI, `location-1`, `location-2`… (ids no field or record
 * set can take: theirs start with `records/` and `splits/`). Checksums come from
 * `location.sha256`/`md5` by position, else, for a single file, from the newest version.
 */
function distributionOf(entry: Entry<'dataset'>): { nodes: Record<string, unknown>[]; live: boolean } {
  const location = entry.data.location;
  const uris = asList(location?.uri);
  const sha256 = asList(location?.sha256);
  const md5 = asList(location?.md5);
  const latest = entry.data.versions?.at(-1);
  const info = formatInfo(location?.format);
  // No MIME type fits a warehouse table or an unknown format; Croissant requires one.
  const mime = info?.mime ?? 'application/octet-stream';
  let live = false;
  const nodes = uris.map((uri, i) => {
    const id = `location-${i + 1}`;
    const name = uri.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').at(-1) || id;
    if (isFileSet(uri)) {
      const includes = uri.endsWith('/') ? `${uri}**/*${info ? `.${info.extension}` : ''}` : uri;
      return { '@type': 'cr:FileSet', '@id': id, name, encodingFormat: mime, includes };
    }
    const sha = sha256[i] ?? (uris.length === 1 ? latest?.sha256 : undefined);
    const md = md5[i] ?? (uris.length === 1 ? latest?.md5 : undefined);
    if (!sha && !md) live = true;
    return { '@type': 'cr:FileObject', '@id': id, name, contentUrl: uri, encodingFormat: mime, ...(md ? { md5: md } : {}), ...(sha ? { sha256: sha } : {}) };
  });
  return { nodes, live };
}

/** A BibTeX entry for `citeAs`, from what the catalog knows. */
function citation(catalog: Catalog, entry: Entry<'dataset'>, url: string | undefined): string {
  const clean = (text: string) => text.replace(/[{}\\]/g, '');
  const version = latestVersion(entry);
  const authors = ownersOf(catalog, entry).map((o) => `{${clean(o.name)}}`);
  const lines = [
    `  title = {${clean(entry.data.title)}}`,
    ...(authors.length ? [`  author = {${authors.join(' and ')}}`] : []),
    ...(version?.date ? [`  year = {${version.date.slice(0, 4)}}`] : []),
    ...(version ? [`  version = {${clean(version.version)}}`] : []),
    ...(url ? [`  url = {${url}}`] : []),
  ];
  return `@misc{${entry.id},\n${lines.join(',\n')}\n}`;
}

/** Upstream datasets and models, as schema.org objects for `isBasedOn` and `prov:wasDerivedFrom`. */
function upstreamOf(catalog: Catalog, entry: Entry<'dataset'>): Record<string, unknown>[] {
  return (entry.data.derived_from ?? []).map((dv) => {
    const ref = (dv.dataset ?? dv.model)!;
    const id = ref.split('@')[0]!;
    const target = catalog.byId.get(id);
    const url = target ? pageUrl(catalog, target) : undefined;
    return {
      '@type': dv.dataset ? 'sc:Dataset' : 'sc:CreativeWork',
      name: target?.data.title ?? id,
      identifier: id,
      ...(url ? { url } : {}),
      ...(dv.version ?? ref.split('@')[1] ? { version: dv.version ?? ref.split('@')[1] } : {}),
    };
  });
}

/** Responsible-AI properties the rights and columns answer (the RAI vocabulary has no license or access terms). */
function raiOf(entry: Entry<'dataset'>): Record<string, string> {
  const d = entry.data;
  const rai: Record<string, string> = {};
  const personal = (d.schema ?? []).filter((c) => c.pii && c.pii !== 'none').map((c) => `${c.name} (${c.pii})`);
  if (d.rights?.personal_data !== undefined || personal.length) {
    rai['rai:personalSensitiveInformation'] = [
      ...(d.rights?.personal_data !== undefined ? [`Personal data: ${d.rights.personal_data ? 'yes' : 'no'}.`] : []),
      ...(d.rights?.consent ? [`Legal basis: ${d.rights.consent}.`] : []),
      ...(personal.length ? [`Personal-data columns: ${personal.join(', ')}.`] : []),
    ].join(' ');
  }
  const uses = [
    ...(d.rights?.allowed_uses?.length ? [`Allowed uses: ${d.rights.allowed_uses.join(', ')}.`] : []),
    ...(d.rights?.prohibited_uses?.length ? [`Prohibited uses, for this data and everything derived from it: ${d.rights.prohibited_uses.join(', ')}.`] : []),
  ];
  if (uses.length) rai['rai:dataUseCases'] = uses.join(' ');
  if (d.rights?.retention) rai['rai:dataReleaseMaintenancePlan'] = `Data may be kept for ${d.rights.retention}.`;
  return rai;
}

export function croissantOf(catalog: Catalog, entry: Entry<'dataset'>): Record<string, unknown> {
  const d = entry.data;
  // The specification requires a url: the page, else the entry's own link, else its source file.
  const url = pageUrl(catalog, entry) ?? d.links?.[0]?.url ?? sourceUrl(catalog, entry);
  const version = latestVersion(entry);
  const { nodes: distribution, live } = distributionOf(entry);
  const recordSet: Record<string, unknown>[] = [];
  // Fields must read from somewhere: without a location the columns stay in `cardcat:schema`.
  const schemaNative = Boolean(d.schema?.length && distribution.length);
  if (d.schema?.length && schemaNative) {
    // Croissant reads a record set from one source unless a join links them, and several
    // URIs are most often copies (a lake folder and its warehouse mirror): every field reads
    // from the first location, and the description names the others.
    const first = distribution[0];
    const from = { [first!['@type'] === 'cr:FileSet' ? 'fileSet' : 'fileObject']: { '@id': first!['@id'] } };
    const used = new Set<string>();
    recordSet.push({
      '@type': 'cr:RecordSet',
      '@id': 'records',
      name: entry.id,
      description: `Rows of ${d.title}${d.sample_id ? `, one per \`${d.sample_id}\`` : ''}.${distribution.length > 1 ? ` Read from \`${distribution[0]!['@id']}\`; ${distribution.slice(1).map((n) => `\`${n['@id']}\``).join(', ')} ${distribution.length === 2 ? 'holds' : 'hold'} the same columns.` : ''}`,
      ...(d.sample_id && d.schema.some((c) => c.name === d.sample_id) ? { key: { '@id': `records/${encodeURIComponent(d.sample_id)}` } } : {}),
      field: d.schema.map((c, i) => {
        let id = `records/${encodeURIComponent(c.name)}`;
        if (used.has(id)) id = `${id}~${i + 1}`;
        used.add(id);
        const { name, description, ...details } = c;
        return {
          '@type': 'cr:Field',
          '@id': id,
          name,
          ...(description ? { description } : {}),
          dataType: CROISSANT_TYPE_OF[c.type] ?? 'sc:Text',
          ...(c.type === 'array' ? { repeated: true } : {}),
          source: { ...from, extract: { column: name } },
          'cardcat:column': details,
        };
      }),
    });
  }
  if (d.splits) {
    // Inline data must give every field on every row: counts only when every part has one.
    const counted = d.splits.parts.every((p) => p.rows !== undefined);
    recordSet.push({
      '@type': 'cr:RecordSet',
      '@id': 'splits',
      name: `${entry.id}_splits`,
      description: `The parts of ${d.title} (${d.splits.method} split).`,
      dataType: 'cr:Split',
      key: { '@id': 'splits/name' },
      field: [
        { '@type': 'cr:Field', '@id': 'splits/name', name: 'name', description: 'Split name.', dataType: 'sc:Text' },
        ...(counted ? [{ '@type': 'cr:Field', '@id': 'splits/num_examples', name: 'num_examples', description: 'Rows in the split.', dataType: 'sc:Integer' }] : []),
      ],
      data: d.splits.parts.map((p) => ({ 'splits/name': p.name, ...(counted ? { 'splits/num_examples': p.rows } : {}) })),
    });
  }
  const owners = ownersOf(catalog, entry);
  const conditions = d.rights ? conditionsOfAccess(d.rights) : undefined;
  const upstream = upstreamOf(catalog, entry);
  const semver = version && /^\d+\.\d+\.\d+$/.test(version.version) ? version.version : undefined;
  const extension = Object.fromEntries(
    Object.entries(d)
      .filter(([key, value]) => !(NATIVE.has(key) && (key !== 'schema' || schemaNative)) && value !== undefined)
      .map(([key, value]) => [`cardcat:${key}`, value]),
  );
  // Extension values are JSON literals (`@json`, as the Croissant context makes `data`): a
  // JSON-LD processor keeps them whole instead of reading their keys as schema.org terms.
  const literal = { '@type': '@json' };
  const context = {
    ...CROISSANT_CONTEXT,
    ...Object.fromEntries([...Object.keys(extension), 'cardcat:column', 'cardcat:body'].map((key) => [key, { '@id': key, ...literal }])),
  };
  return {
    '@context': context,
    '@type': 'sc:Dataset',
    conformsTo: CROISSANT_CONFORMS_TO,
    name: d.title,
    description: d.description,
    ...(d.rights ? { license: licenseValue(catalog, d.rights.license, 'sc:') } : {}),
    ...(conditions ? { conditionsOfAccess: conditions } : {}),
    ...(url ? { url } : {}),
    // mlcroissant wants MAJOR.MINOR.PATCH; a date-like label such as `2026-11` stays in `cardcat:versions`.
    ...(semver ? { version: semver } : {}),
    ...(version?.date ? { datePublished: version.date } : {}),
    citeAs: citation(catalog, entry, url),
    ...(d.tags?.length ? { keywords: d.tags } : {}),
    ...(owners.length ? { creator: owners.map((o) => ({ '@type': o.kind === 'person' ? 'sc:Person' : 'sc:Organization', name: o.name })) } : {}),
    ...(upstream.length ? { isBasedOn: upstream, 'prov:wasDerivedFrom': upstream } : {}),
    ...raiOf(entry),
    ...(live ? { isLiveDataset: true } : {}),
    distribution,
    recordSet,
    ...extension,
    // Blank lines before the first heading are layout, not content: a round trip keeps the rest.
    ...(entry.body.trim() ? { 'cardcat:body': entry.body.replace(/^\s*\n/, '') } : {}),
  };
}
