/**
 * A Frictionless Data Package (v2) per dataset: one resource for the data, its columns as a
 * Table Schema (types, `required`, bounds and allowed values as constraints, the sample id
 * as primary key), the license, owners as contributors, the newest version. A dataset with
 * no location has no resource to describe (v2 requires `path` or `data`) and is not
 * exported. What the Data Package has no property for goes in a `cardcat` property (the
 * specification allows custom properties), which the importer reads back.
 */
import type { Column } from '../../../../schemas/dataset.ts';
import { classifyLicense } from '../../rights/licenses.ts';
import type { Catalog, Entry } from '../../types.ts';
import { formatInfo } from '../mime.ts';
import { asList, latestVersion, licenseReference, ownersOf, pageUrl } from './shared.ts';

export const DATA_PACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';

/** Front-matter fields the package carries as they are; the rest go in its `cardcat` property. */
const NATIVE = ['title', 'description', 'tags'];

/** Catalog column types as Table Schema v2 field types. */
export const TABLE_SCHEMA_TYPE_OF: Readonly<Record<Column['type'], string>> = {
  string: 'string',
  text: 'string',
  categorical: 'string',
  integer: 'integer',
  float: 'number',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
  array: 'array',
  struct: 'object',
  binary: 'string',
  image: 'string',
  audio: 'string',
};

/** One Table Schema field: constraints only of the kinds the field's type allows. */
function fieldOf(column: Column): Record<string, unknown> {
  const type = TABLE_SCHEMA_TYPE_OF[column.type] ?? 'any';
  const constraints: Record<string, unknown> = {};
  if (column.nullable === false) constraints['required'] = true;
  const numeric = type === 'number' || (type === 'integer' && column.range?.every(Number.isInteger));
  if (column.range && numeric) Object.assign(constraints, { minimum: column.range[0], maximum: column.range[1] });
  // `enum` must hold values of the field's type: strings for strings, numbers for numbers.
  const values = column.values?.filter((v) => (type === 'string' ? typeof v === 'string' : type === 'number' || type === 'integer' ? typeof v === 'number' : type === 'boolean' ? typeof v === 'boolean' : false));
  if (values?.length && values.length === column.values?.length && new Set(values).size === values.length) constraints['enum'] = values;
  return {
    name: column.name,
    type,
    ...(column.type === 'binary' ? { format: 'binary' } : {}),
    ...(column.description ? { description: column.description } : {}),
    ...(Object.keys(constraints).length ? { constraints } : {}),
  };
}

/** The package's license: an SPDX id by name and URL; a catalog license by its URL or page. */
function licensesOf(catalog: Catalog, license: string): Record<string, unknown>[] {
  const ref = classifyLicense(license);
  const url = licenseReference(catalog, license);
  const entry = ref.type === 'entry' ? catalog.byId.get(ref.id) : undefined;
  const path = /^https?:\/\//.test(url) ? url : entry ? pageUrl(catalog, entry) : undefined;
  const name = /^[-a-zA-Z0-9._]+$/.test(license) ? license : undefined;
  if (!name && !path) return [];
  return [{ ...(name ? { name } : {}), ...(path ? { path } : {}), ...(entry ? { title: entry.data.title } : {}) }];
}

export function dataPackageOf(catalog: Catalog, entry: Entry<'dataset'>): Record<string, unknown> | undefined {
  const d = entry.data;
  const uris = asList(d.location?.uri);
  if (uris.length === 0) return undefined;
  const version = latestVersion(entry);
  const url = pageUrl(catalog, entry);
  const owners = ownersOf(catalog, entry);
  const info = formatInfo(d.location?.format);
  const sha256 = asList(d.location?.sha256);
  const md5 = asList(d.location?.md5);
  // `hash` is one file's: only for a single URI.
  const hash = uris.length === 1 ? (sha256[0] ? `sha256:${sha256[0]}` : md5[0]) : undefined;
  const licenses = d.rights ? licensesOf(catalog, d.rights.license) : [];
  const resource = {
    name: entry.id,
    type: 'table',
    path: uris.length === 1 ? uris[0] : uris,
    ...(d.location?.format ? { format: d.location.format } : {}),
    ...(info ? { mediatype: info.mime } : {}),
    ...(d.size?.bytes !== undefined && uris.length === 1 ? { bytes: d.size.bytes } : {}),
    ...(hash ? { hash } : {}),
    ...(d.schema?.length
      ? { schema: { fields: d.schema.map(fieldOf), ...(d.sample_id && d.schema.some((c) => c.name === d.sample_id) ? { primaryKey: [d.sample_id] } : {}) } }
      : {}),
  };
  return {
    $schema: DATA_PACKAGE_PROFILE,
    name: entry.id,
    title: d.title,
    description: d.description,
    ...(url ? { homepage: url } : {}),
    ...(version ? { version: version.version, ...(version.date ? { created: `${version.date}T00:00:00Z` } : {}) } : {}),
    ...(d.tags?.length ? { keywords: d.tags } : {}),
    ...(owners.length ? { contributors: owners.map((o) => ({ title: o.name, ...(o.email ? { email: o.email } : {}), roles: ['maintainer'] })) } : {}),
    ...(licenses.length ? { licenses } : {}),
    resources: [resource],
    cardcat: {
      fields: Object.fromEntries(Object.entries(d).filter(([key, value]) => !NATIVE.includes(key) && value !== undefined)),
      ...(entry.body.trim() ? { body: entry.body.replace(/^\s*\n/, '') } : {}),
    },
  };
}
