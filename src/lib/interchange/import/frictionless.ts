/**
 * A Frictionless Data Package (`datapackage.json`) as Cardcat datasets, one per resource:
 * Table Schema fields → columns (constraints → nullable, range and allowed values),
 * licenses → rights, sources → links, inline data → row counts.
 */
import { describe, httpUrl, importedBase, isoDate, isRecord } from '../common.ts';
import { CardError, readJson } from '../front-matter.ts';
import { idFromFileName, titleFromId, toId } from '../ids.ts';
import { mapLicense } from '../licenses.ts';
import type { DraftEntry, ImportContext, ImportNote, ImportResult } from '../model.ts';
import { importedMetadataSection } from '../render.ts';

const PACKAGE_MAPPED = new Set(['name', 'title', 'description', 'resources', 'licenses', 'license', 'keywords', 'sources', 'homepage', 'version', 'created', 'cardcat']);
const RESOURCE_MAPPED = new Set(['name', 'title', 'description', 'path', 'format', 'schema', 'licenses', 'sources', 'data', 'bytes', 'mediatype']);

const TYPES: Record<string, string> = {
  string: 'string',
  integer: 'integer',
  number: 'float',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
  array: 'array',
  object: 'struct',
  geojson: 'struct',
  list: 'array',
};

interface Field {
  name: string;
  type: string;
  description?: string;
  nullable?: boolean;
  range?: [number, number];
  values?: (string | number | boolean)[];
}

function fieldToColumn(field: Record<string, unknown>): Field {
  const source = typeof field['type'] === 'string' ? field['type'] : 'any';
  const type = TYPES[source] ?? (source === 'year' ? 'integer' : 'string');
  const notes: string[] = [];
  const description = typeof field['description'] === 'string' ? field['description'].trim() : typeof field['title'] === 'string' ? field['title'] : '';
  if (description) notes.push(description);
  if (!TYPES[source] || source === 'geojson' || source === 'object') notes.push(`Frictionless type \`${source}\``);
  if (typeof field['format'] === 'string' && field['format'] !== 'default') notes.push(`format \`${field['format']}\``);
  const column: Field = { name: String(field['name']), type };
  const constraints = isRecord(field['constraints']) ? field['constraints'] : {};
  if (constraints['required'] === true) column.nullable = false;
  const { minimum, maximum } = constraints;
  if (typeof minimum === 'number' && typeof maximum === 'number') column.range = [minimum, maximum];
  else if (minimum !== undefined || maximum !== undefined) notes.push(`bounds ${JSON.stringify({ minimum, maximum })}`);
  if (Array.isArray(constraints['enum']) && constraints['enum'].every((v) => ['string', 'number', 'boolean'].includes(typeof v))) {
    column.values = constraints['enum'] as (string | number | boolean)[];
  }
  for (const key of ['unique', 'pattern', 'minLength', 'maxLength']) {
    if (constraints[key] !== undefined) notes.push(`${key} ${JSON.stringify(constraints[key])}`);
  }
  for (const [key, value] of Object.entries(field)) {
    if (!['name', 'type', 'description', 'title', 'format', 'constraints'].includes(key)) notes.push(`${key} ${JSON.stringify(value)}`);
  }
  if (notes.length) column.description = notes.join('; ');
  return column;
}

/** Rows of inline data: a header row then arrays, or one object per row. */
function inlineRows(data: unknown): number | undefined {
  if (!Array.isArray(data)) return undefined;
  if (data.length > 0 && Array.isArray(data[0])) return data.length - 1;
  return data.length;
}

export function importFrictionless(raw: string, context: ImportContext): ImportResult {
  const pkg = readJson(raw);
  if (!isRecord(pkg)) throw new CardError({ line: 1, column: 1, message: 'Expected a Data Package object, found a list or a value' });
  if (!Array.isArray(pkg['resources']) || pkg['resources'].length === 0) {
    throw new CardError({ line: 1, column: 1, message: 'Expected a `resources` list with at least one resource: this is not a Data Package' });
  }
  const notes: ImportNote[] = [];
  const packageId = context.id ?? (typeof pkg['name'] === 'string' ? toId(pkg['name']) : undefined) ?? idFromFileName(context.fileName);
  if (!packageId) throw new CardError({ line: 1, column: 1, message: `Cannot derive an id from the package name or file name \`${context.fileName}\``, hint: 'Pass --id.' });
  const packageUnmapped: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(pkg)) if (!PACKAGE_MAPPED.has(key)) packageUnmapped[key] = value;
  if (pkg['created'] !== undefined && !isoDate(pkg['created'])) {
    packageUnmapped['created'] = pkg['created'];
    notes.push({ severity: 'warning', message: `\`created\` is \`${String(pkg['created'])}\`, not a date; it is kept in the body` });
  }

  const resources = pkg['resources'] as unknown[];
  const entries: DraftEntry[] = [];
  const unmappedKeys = new Set(Object.keys(packageUnmapped));
  const seen = new Set<string>();
  resources.forEach((resource, index) => {
    if (!isRecord(resource)) {
      notes.push({ severity: 'warning', message: `Resource ${index + 1} is not an object; skipped` });
      return;
    }
    const resourceName = typeof resource['name'] === 'string' ? resource['name'] : `resource-${index + 1}`;
    const id = resources.length === 1 ? packageId : toId(`${packageId}-${resourceName}`);
    if (!id || seen.has(id)) {
      notes.push({ severity: 'warning', message: `Resource ${index + 1} has the same name as an earlier one (\`${resourceName}\`); skipped` });
      return;
    }
    seen.add(id);
    const { data, placeholders } = importedBase();
    const title = resource['title'] ?? (resources.length === 1 ? pkg['title'] : undefined);
    data['title'] = typeof title === 'string' && title.trim() ? title.trim() : resources.length === 1 && typeof pkg['title'] === 'string' ? pkg['title'] : `${typeof pkg['title'] === 'string' ? pkg['title'] : titleFromId(packageId)}: ${resourceName}`;
    describe(data, placeholders, [resource['description'] as string | undefined, pkg['description'] as string | undefined].map((d) => (typeof d === 'string' ? d.split(/\n\s*\n|\n/)[0] : undefined)));
    const unmapped: Record<string, unknown> = { ...packageUnmapped };
    for (const [key, value] of Object.entries(resource)) if (!RESOURCE_MAPPED.has(key)) unmapped[`resources[${index}].${key}`] = value;

    const keywords = Array.isArray(pkg['keywords']) ? pkg['keywords'].filter((k): k is string => typeof k === 'string') : [];
    if (keywords.length) data['tags'] = keywords;
    const links: { title: string; url: string }[] = [];
    const homepage = httpUrl(pkg['homepage']);
    if (homepage) links.push({ title: 'Homepage', url: homepage });
    for (const source of [...(Array.isArray(pkg['sources']) ? pkg['sources'] : []), ...(Array.isArray(resource['sources']) ? resource['sources'] : [])]) {
      const url = isRecord(source) ? httpUrl(source['path'] ?? source['url'] ?? source['web']) : undefined;
      if (url && isRecord(source)) links.push({ title: `Source: ${typeof source['title'] === 'string' && source['title'] ? source['title'] : url}`, url });
      else if (isRecord(source) && Object.keys(source).length) unmapped['sources'] = pkg['sources'];
    }
    if (links.length) data['links'] = links;
    if (typeof pkg['version'] === 'string' || typeof pkg['version'] === 'number') {
      const date = isoDate(pkg['created']);
      data['versions'] = [{ version: String(pkg['version']), ...(date ? { date } : {}) }];
    } else if (pkg['created'] !== undefined && isoDate(pkg['created'])) unmapped['created'] = pkg['created'];

    const paths = typeof resource['path'] === 'string' ? [resource['path']] : Array.isArray(resource['path']) ? resource['path'].filter((p): p is string => typeof p === 'string') : [];
    if (paths.length) {
      const format = resource['format'] ?? resource['mediatype'];
      data['location'] = { uri: paths.length === 1 ? paths[0]! : paths, ...(typeof format === 'string' ? { format } : {}) };
    }
    if (resource['mediatype'] !== undefined && resource['format'] !== undefined) unmapped[`resources[${index}].mediatype`] = resource['mediatype'];
    const rows = inlineRows(resource['data']);
    const bytes = resource['bytes'];
    if (rows !== undefined || Number.isInteger(bytes)) data['size'] = { ...(rows !== undefined ? { rows } : {}), ...(Number.isInteger(bytes) ? { bytes } : {}) };
    if (resource['data'] !== undefined) unmapped[`resources[${index}].data`] = resource['data'];

    let schema = resource['schema'];
    if (typeof schema === 'string') {
      const text = context.readRelated?.(schema);
      if (text === undefined) {
        notes.push({ severity: 'warning', message: `Resource \`${resourceName}\` gives its schema as \`${schema}\`, which is not beside the package; no schema imported` });
        unmapped[`resources[${index}].schema`] = schema;
        schema = undefined;
      } else schema = readJson(text);
    }
    if (isRecord(schema)) {
      const fields = Array.isArray(schema['fields']) ? schema['fields'].filter(isRecord) : [];
      if (fields.length) data['schema'] = fields.map(fieldToColumn);
      const extra = Object.fromEntries(Object.entries(schema).filter(([k]) => k !== 'fields'));
      if (Object.keys(extra).length) unmapped[`resources[${index}].schema`] = extra;
      const pk = schema['primaryKey'];
      if (typeof pk === 'string') data['sample_id'] = pk;
      else if (Array.isArray(pk) && pk.length === 1 && typeof pk[0] === 'string') data['sample_id'] = pk[0];
    }

    const licenseValue = resource['licenses'] ?? pkg['licenses'] ?? pkg['license'];
    if (licenseValue !== undefined) {
      const license = mapLicense(licenseValue);
      if (license.spdx) data['rights'] = { license: license.spdx };
      else {
        unmapped['licenses'] = licenseValue;
        notes.push({ severity: 'warning', message: `License ${license.original.map((l) => `\`${l}\``).join(', ') || '(empty)'} is not an SPDX id; it is kept in the body and \`rights\` is left out` });
      }
    }

    const description = [resource['description'], pkg['description']].find((d): d is string => typeof d === 'string' && d.trim() !== '');
    const body = [`# Composition\n\n${description?.trim() ?? `Resource \`${resourceName}\` of the data package \`${typeof pkg['name'] === 'string' ? pkg['name'] : packageId}\`.`}\n`, importedMetadataSection('Data Package', unmapped)].join('\n');
    for (const key of Object.keys(unmapped)) unmappedKeys.add(key);
    entries.push({ kind: 'dataset', id, data, body, placeholders });
  });
  if (entries.length === 0) throw new CardError({ line: 1, column: 1, message: 'No resource could be imported' });
  // A package Cardcat exported holds one resource and the entry's own fields in `cardcat`:
  // those win, with the title, description and tags the package carries as they are.
  const block = pkg['cardcat'];
  if (isRecord(block) && isRecord(block['fields']) && entries.length === 1) {
    const entry = entries[0]!;
    const native = Object.fromEntries(['title', 'description', 'tags'].filter((k) => entry.data[k] !== undefined).map((k) => [k, entry.data[k]]));
    const body = typeof block['body'] === 'string' ? block['body'] : (entry.body ?? '');
    return { entries: [{ ...entry, data: { ...native, ...block['fields'] }, body, placeholders: [] }], notes: [{ severity: 'info', message: 'Fields read from the package\'s `cardcat` property, as Cardcat exported them' }], unmapped: [] };
  }
  return { entries, notes, unmapped: [...unmappedKeys] };
}
