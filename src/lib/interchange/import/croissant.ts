/**
 * An MLCommons Croissant file (JSON-LD) as a Cardcat dataset: name, description, license,
 * url, distribution → location, the main record set's fields → schema, a `cr:Split`
 * record set → split parts, and the Responsible-AI properties as datasheet sections.
 * Drafts and 0.8 files (no `conformsTo`, `ml:` prefixes) are read by the same rules.
 */
import { describe, httpUrl, importedBase, isoDate, isRecord, resolve, strings } from '../common.ts';
import { CardError, readJson } from '../front-matter.ts';
import { idFromFileName, titleFromId, toId } from '../ids.ts';
import { mapLicense } from '../licenses.ts';
import { formatOfMime } from '../mime.ts';
import type { DraftEntry, ImportContext, ImportNote, ImportResult } from '../model.ts';
import { importedMetadataSection } from '../render.ts';

/** Keys read into fields (or that only describe the file format); the rest is kept verbatim. */
const MAPPED = new Set([
  '@context', '@type', 'conformsTo', 'dct:conformsTo', 'name', 'description', 'license', 'url', 'distribution', 'recordSet',
  'version', 'datePublished', 'keywords', 'prov:wasDerivedFrom', 'sameAs', 'creator', 'conditionsOfAccess',
  // Written by Cardcat's export from fields the extension below carries whole.
  'citeAs', 'isBasedOn', 'isLiveDataset',
]);

/** `cardcat:<field>` keys: front-matter fields Croissant has no property for, as Cardcat's export writes them. */
const EXTENSION = /^cardcat:([a-z_]+)$/;

/** Responsible-AI properties and the datasheet section each belongs to. */
export const RAI_SECTIONS: Record<string, { section: string; label: string }> = {
  'rai:dataCollection': { section: 'Collection process', label: 'Data collection' },
  'rai:dataCollectionType': { section: 'Collection process', label: 'Collection type' },
  'rai:dataCollectionRawData': { section: 'Collection process', label: 'Raw data' },
  'rai:dataCollectionMissingData': { section: 'Collection process', label: 'Missing data' },
  'rai:dataCollectionTimeframe': { section: 'Collection process', label: 'Timeframe' },
  'rai:personalSensitiveInformation': { section: 'Composition', label: 'Personal and sensitive information' },
  'rai:dataPreprocessingProtocol': { section: 'Preprocessing', label: 'Preprocessing protocol' },
  'rai:dataAnnotationProtocol': { section: 'Preprocessing', label: 'Annotation protocol' },
  'rai:dataAnnotationPlatform': { section: 'Preprocessing', label: 'Annotation platform' },
  'rai:dataAnnotationAnalysis': { section: 'Preprocessing', label: 'Annotation analysis' },
  'rai:annotationsPerItem': { section: 'Preprocessing', label: 'Annotations per item' },
  'rai:annotatorDemographics': { section: 'Preprocessing', label: 'Annotator demographics' },
  'rai:machineAnnotationTools': { section: 'Preprocessing', label: 'Machine annotation tools' },
  'rai:dataUseCases': { section: 'Uses', label: 'Use cases' },
  'rai:dataBiases': { section: 'Uses', label: 'Biases' },
  'rai:dataLimitations': { section: 'Uses', label: 'Limitations' },
  'rai:dataSocialImpact': { section: 'Uses', label: 'Social impact' },
  'rai:dataReleaseMaintenancePlan': { section: 'Maintenance', label: 'Release and maintenance plan' },
};

/** The short name of a JSON-LD type or data type, whatever prefix the version used. */
export function localName(value: unknown): string {
  const text = typeof value === 'string' ? value : '';
  return text.replace(/^(https?:\/\/schema\.org\/|http:\/\/mlcommons\.org\/croissant\/|sc:|cr:|ml:|schema:)/, '');
}

/** A text value, or the English (else first) string of a language map. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isRecord(value)) {
    const en = value['en'] ?? value['@value'];
    if (typeof en === 'string') return en;
    const first = Object.values(value).find((v) => typeof v === 'string');
    return first as string | undefined;
  }
  if (Array.isArray(value)) return text(value[0]);
  return undefined;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);

const DATA_TYPES: Record<string, string> = {
  Text: 'string',
  URL: 'string',
  Integer: 'integer',
  Float: 'float',
  Number: 'float',
  Boolean: 'boolean',
  Date: 'date',
  DateTime: 'datetime',
  Time: 'string',
  ImageObject: 'image',
  AudioObject: 'audio',
  VideoObject: 'binary',
  BoundingBox: 'array',
  StructuredValue: 'struct',
  MediaObject: 'binary',
};

export interface CroissantColumn {
  name: string;
  type: string;
  description?: string;
}

function fieldToColumn(field: Record<string, unknown>, prefix: string): CroissantColumn {
  const rawName = text(field['name']) ?? text(field['@id']) ?? 'field';
  const name = rawName.startsWith(`${prefix}/`) ? rawName.slice(prefix.length + 1) : rawName;
  const dataTypes = list(field['dataType']).map(localName);
  const known = dataTypes.map((t) => DATA_TYPES[t]).find(Boolean);
  let type = known ?? (field['subField'] ? 'struct' : 'string');
  const notes: string[] = [];
  if (field['repeated'] === true || field['isArray'] === true) type = 'array';
  if (!known && dataTypes.length) notes.push(`Croissant data type ${dataTypes.map((t) => `\`${t}\``).join(', ')}`);
  const description = [text(field['description'])?.trim(), ...notes].filter(Boolean).join('; ');
  // Cardcat's export keeps the column's own type and details, which Croissant has no term for.
  const details = isRecord(field['cardcat:column']) ? field['cardcat:column'] : {};
  return { name, type, ...(description ? { description } : {}), ...details } as CroissantColumn;
}

function isSplitSet(rs: Record<string, unknown>): boolean {
  return list(rs['dataType']).some((t) => localName(t) === 'Split') || /(^|_)splits$/.test(text(rs['@id']) ?? text(rs['name']) ?? '');
}

/** Split names and counts from a split record set's inline data. */
function splitParts(rs: Record<string, unknown>): { name: string; rows?: number }[] {
  const parts: { name: string; rows?: number }[] = [];
  for (const row of list(rs['data']).filter(isRecord)) {
    let name: string | undefined;
    let rows: number | undefined;
    for (const [key, value] of Object.entries(row)) {
      const short = key.split('/').at(-1)!.replace(/^cr:/, '');
      if (typeof value === 'string' && /name$/i.test(short) && name === undefined) name = value;
      if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && /(num_examples|rows|count)$/i.test(short)) rows = value;
    }
    if (name) parts.push(rows === undefined ? { name } : { name, rows });
  }
  return parts;
}

export function importCroissant(raw: string, context: ImportContext): ImportResult {
  const doc = readJson(raw);
  if (!isRecord(doc)) throw new CardError({ line: 1, column: 1, message: 'Expected a Croissant JSON-LD object, found a list or a value' });
  const type = localName(doc['@type']);
  if (type !== 'Dataset') {
    throw new CardError({ line: 1, column: 1, message: `Expected \`"@type": "sc:Dataset"\`, found ${doc['@type'] === undefined ? 'no @type' : `\`${JSON.stringify(doc['@type'])}\``}` });
  }
  const notes: ImportNote[] = [];
  const conforms = strings(doc['conformsTo'] ?? doc['dct:conformsTo']);
  if (!conforms.some((c) => /croissant\/1\.\d/.test(c))) {
    notes.push({ severity: 'info', message: conforms.length ? `Conforms to ${conforms.join(', ')}: read as Croissant 1.x` : 'No `conformsTo`: a Croissant 0.8 file or earlier draft, read by the 1.x rules' });
  }
  const name = text(doc['name']);
  // The file name first: an exported catalog names each file by its entry's id, so a round trip keeps ids.
  const id = context.id ?? idFromFileName(context.fileName) ?? (name ? toId(name) : undefined);
  if (!id) throw new CardError({ line: 1, column: 1, message: `Cannot derive an id from the name or file name \`${context.fileName}\``, hint: 'Pass --id.' });

  const { data, placeholders } = importedBase();
  data['title'] = name?.trim() || titleFromId(id);
  const fullDescription = text(doc['description'])?.trim();
  describe(data, placeholders, [fullDescription?.split(/\n\s*\n|\n/)[0]]);
  // No prototype: a foreign key such as `__proto__` must be kept as a key, not set the prototype.
  const unmapped: Record<string, unknown> = Object.create(null);
  for (const [key, value] of Object.entries(doc)) if (!MAPPED.has(key) && !Object.hasOwn(RAI_SECTIONS, key)) unmapped[key] = value;
  // Language maps keep every language verbatim; the fields take the English text.
  if (isRecord(doc['name'])) unmapped['name'] = doc['name'];
  if (isRecord(doc['description'])) unmapped['description'] = doc['description'];

  const keywords = strings(doc['keywords']).filter((k) => !/^https?:/.test(k));
  if (keywords.length) data['tags'] = keywords;
  const url = httpUrl(doc['url']);
  if (url) data['links'] = [{ title: 'Homepage', url }];
  else if (doc['url'] !== undefined) unmapped['url'] = doc['url'];
  for (const same of list(doc['sameAs'])) {
    const sameUrl = httpUrl(same);
    if (sameUrl) data['links'] = [...((data['links'] as unknown[]) ?? []), { title: 'Same dataset elsewhere', url: sameUrl }];
  }

  const version = typeof doc['version'] === 'string' || typeof doc['version'] === 'number' ? String(doc['version']) : undefined;
  const published = isoDate(doc['datePublished']);
  if (version) data['versions'] = [{ version, ...(published ? { date: published } : {}) }];
  else if (doc['datePublished'] !== undefined) unmapped['datePublished'] = doc['datePublished'];

  const owners = ownersByName(doc['creator'], context);
  if (owners) {
    data['owners'] = owners;
    placeholders.splice(placeholders.findIndex((p) => p.path[0] === 'owners'), 1);
  } else if (doc['creator'] !== undefined) unmapped['creator'] = doc['creator'];

  if (doc['conditionsOfAccess'] !== undefined) unmapped['conditionsOfAccess'] = doc['conditionsOfAccess'];
  if (doc['license'] !== undefined) {
    const license = mapLicense(doc['license']);
    if (license.spdx) {
      const conditions = readConditions(doc['conditionsOfAccess'], context.uses ?? []);
      data['rights'] = { license: license.spdx, ...(conditions ?? {}) };
      if (conditions) delete unmapped['conditionsOfAccess'];
    } else {
      unmapped['license'] = doc['license'];
      notes.push({ severity: 'warning', message: `License ${license.original.map((l) => `\`${l}\``).join(', ') || '(empty)'} is not an SPDX id; it is kept in the body and \`rights\` is left out` });
    }
  }

  // Distribution: FileObjects are where the data is; FileSets are globs inside them.
  const distribution = list(doc['distribution']).filter(isRecord);
  const uris: string[] = [];
  const formats = new Set<string>();
  for (const file of distribution) {
    const kind = localName(file['@type']);
    // A folder exported as `prefix/**/*.ext` comes back as the folder.
    const where = kind === 'FileSet' ? strings(file['includes']).map((glob) => glob.replace(/\*\*\/\*(\.[\w.]+)?$/, '')).join(', ') : text(file['contentUrl']);
    if (where) uris.push(where);
    const format = text(file['encodingFormat']);
    if (format) formats.add(formatOfMime(format) ?? format);
  }
  // Checksums map to `location.sha256`/`md5` when every file has a well-formed one, in order.
  const sums = (key: 'sha256' | 'md5', pattern: RegExp) => {
    const values = distribution.map((f) => text(f[key]) ?? text(f[`cr:${key}`]));
    return values.length && values.every((v) => v !== undefined && pattern.test(v)) ? (values as string[]) : undefined;
  };
  const sha256 = sums('sha256', /^[0-9a-f]{64}$/);
  const md5 = sums('md5', /^[0-9a-f]{32}$/);
  if (uris.length) {
    data['location'] = {
      uri: uris.length === 1 ? uris[0]! : uris,
      ...(formats.size ? { format: [...formats].join(', ') } : {}),
      ...(sha256 && sha256.length === uris.length ? { sha256: sha256.length === 1 ? sha256[0] : sha256 } : {}),
      ...(md5 && md5.length === uris.length ? { md5: md5.length === 1 ? md5[0] : md5 } : {}),
    };
  }
  const mappedKeys = ['@type', '@id', 'name', 'contentUrl', 'encodingFormat', 'includes', ...(sha256 ? ['sha256'] : []), ...(md5 ? ['md5'] : [])];
  const distributionDetail = distribution.some((f) => Object.keys(f).some((k) => !mappedKeys.includes(k)));
  if (distributionDetail) unmapped['distribution'] = doc['distribution'];

  // Record sets: the split set gives split parts; the largest other set gives the schema.
  const recordSets = list(doc['recordSet']).filter(isRecord);
  const splitSet = recordSets.find(isSplitSet);
  const candidates = recordSets.filter((rs) => rs !== splitSet && !list(rs['dataType']).some((t) => localName(t) === 'Enumeration'));
  const main = [...(candidates.length ? candidates : recordSets.filter((rs) => rs !== splitSet))].sort((a, b) => list(b['field']).length - list(a['field']).length)[0];
  if (main) {
    const prefix = text(main['@id']) ?? text(main['name']) ?? '';
    const columns = list(main['field']).filter(isRecord).map((f) => fieldToColumn(f, prefix));
    const seen = new Set<string>();
    const unique = columns.filter((c) => !seen.has(c.name) && seen.add(c.name));
    if (unique.length) data['schema'] = unique;
    if (unique.length < columns.length) notes.push({ severity: 'warning', message: 'Duplicate field names in the record set; only the first of each was kept in the schema' });
  }
  if (splitSet) {
    const parts = splitParts(splitSet);
    if (parts.length) {
      data['splits'] = { method: 'random', parts };
      placeholders.push({ path: ['splits', 'method'], reason: 'Croissant does not say how rows were assigned to splits' });
    }
  }
  // Nothing to keep when every record set was mapped whole (as in Cardcat's own export).
  const mappedWhole = recordSets.every((rs) => (rs === main || rs === splitSet) && isSimpleRecordSet(rs));
  if (recordSets.length && !mappedWhole) {
    unmapped['recordSet'] = doc['recordSet'];
    if (main) notes.push({ severity: 'info', message: `Record set \`${text(main['@id']) ?? text(main['name']) ?? ''}\` gives the schema; all ${recordSets.length} record sets are kept verbatim in the body` });
  }

  const derived: Record<string, unknown>[] = [];
  for (const upstream of list(doc['prov:wasDerivedFrom'])) {
    const ref = isRecord(upstream) ? (text(upstream['@id']) ?? text(upstream['url']) ?? text(upstream['name'])) : text(upstream);
    const hub = ref && /huggingface\.co\/datasets\/(.+)$/.exec(ref)?.[1];
    const resolved = ref ? resolve(context, 'dataset', hub ?? ref, [ref]) : undefined;
    if (resolved && resolved !== id) derived.push({ dataset: resolved });
  }
  if (derived.length) data['derived_from'] = derived;
  if (doc['prov:wasDerivedFrom'] !== undefined && derived.length === 0) unmapped['prov:wasDerivedFrom'] = doc['prov:wasDerivedFrom'];

  // Cardcat's own extension last: it holds the fields whole, so it wins over what the
  // standard properties gave (a schema read from `cardcat:schema` replaces none, say).
  let extensionBody: string | undefined;
  for (const [key, value] of Object.entries(doc)) {
    const field = EXTENSION.exec(key)?.[1];
    if (!field) continue;
    delete unmapped[key];
    if (field === 'body') extensionBody = typeof value === 'string' ? value : undefined;
    else data[field] = value;
  }
  if (Object.keys(doc).some((k) => EXTENSION.test(k))) {
    // The extension says what the entry had: nothing else is a placeholder or a guess.
    for (const p of [...placeholders]) if (data[p.path[0] as string] !== undefined && doc[`cardcat:${p.path[0]}`] !== undefined) placeholders.splice(placeholders.indexOf(p), 1);
    for (const key of ['owners', 'status', 'links', 'versions', 'rights', 'derived_from', 'splits', 'location']) if (doc[`cardcat:${key}`] === undefined) delete data[key];
    // What Cardcat's export derived from those fields is not foreign metadata to keep.
    for (const key of ['license', 'conditionsOfAccess', 'recordSet', 'distribution', 'url', 'datePublished', 'creator', 'prov:wasDerivedFrom']) delete unmapped[key];
  }
  if (extensionBody !== undefined) {
    const entry: DraftEntry = { kind: 'dataset', id, data, body: `${extensionBody}${importedMetadataSection('Croissant', unmapped)}`, placeholders };
    return { entries: [entry], notes, unmapped: Object.keys(unmapped) };
  }

  const body: string[] = [];
  if (fullDescription) body.push(`# Motivation\n\n${fullDescription}\n`);
  const sections = new Map<string, string[]>();
  for (const [key, { section, label }] of Object.entries(RAI_SECTIONS)) {
    if (doc[key] === undefined) continue;
    const values = list(doc[key]).map((v) => text(v) ?? JSON.stringify(v));
    const lines = sections.get(section) ?? [];
    lines.push(`## ${label}\n\n${values.join('\n\n')}\n`);
    sections.set(section, lines);
  }
  for (const [section, lines] of sections) body.push(`# ${section}\n\n${lines.join('\n')}`);
  if (sections.size) notes.push({ severity: 'info', message: `Responsible-AI properties written as datasheet sections: ${[...sections.keys()].join(', ')}` });
  body.push(importedMetadataSection('Croissant', unmapped));

  const entry: DraftEntry = { kind: 'dataset', id, data, body: body.join('\n'), placeholders };
  return { entries: [entry], notes, unmapped: Object.keys(unmapped) };
}

/** Creators that are all catalogued teams or people (by title) become the owners. */
function ownersByName(creator: unknown, context: ImportContext): string[] | undefined {
  const names = list(creator).map((c) => (isRecord(c) ? text(c['name']) : text(c)));
  if (names.length === 0 || names.some((n) => n === undefined)) return undefined;
  const ids = names.map((name) => [...context.known].find(([, k]) => (k.kind === 'team' || k.kind === 'person') && k.title === name)?.[0]);
  return ids.every((id) => id !== undefined) ? (ids as string[]) : undefined;
}

const ACCESS = ['public', 'internal', 'restricted', 'confidential'];
const CONSENT = ['contract', 'consent', 'legitimate-interest', 'legal-obligation', 'public', 'not-applicable'];

/**
 * Rights from `conditionsOfAccess` in the form Cardcat's export writes
 * (`Access: internal. Allowed uses: a, b.`). Anything else is not guessed at: undefined.
 */
export function readConditions(value: unknown, uses: readonly string[]): Record<string, unknown> | undefined {
  if (typeof value !== 'string') return undefined;
  const out: Record<string, unknown> = {};
  for (const sentence of value.split(/(?<=\.)\s+/)) {
    const match = /^(Access|Personal data|Consent|Retention|Allowed uses|Prohibited uses): (.+)\.$/.exec(sentence.trim());
    if (!match) return undefined;
    const [, key, raw] = match as unknown as [string, string, string];
    if (key === 'Access' && ACCESS.includes(raw)) out['access'] = raw;
    else if (key === 'Personal data' && (raw === 'yes' || raw === 'no')) out['personal_data'] = raw === 'yes';
    else if (key === 'Consent' && CONSENT.includes(raw)) out['consent'] = raw;
    else if (key === 'Retention' && /^\d+[dwmy]$/.test(raw)) out['retention'] = raw;
    else if (key.endsWith('uses')) {
      const ids = raw.split(/,\s*/);
      if (!ids.every((u) => uses.includes(u))) return undefined;
      out[key === 'Allowed uses' ? 'allowed_uses' : 'prohibited_uses'] = ids;
    } else return undefined;
  }
  return out;
}

/** A record set Cardcat's export writes (plain fields, inline split data): nothing to keep beyond the schema. */
function isSimpleRecordSet(rs: Record<string, unknown>): boolean {
  const keys = new Set(['@type', '@id', 'name', 'description', 'field', 'key', 'dataType', 'data']);
  const fieldKeys = new Set(['@type', '@id', 'name', 'description', 'dataType', 'source', 'repeated', 'cardcat:column']);
  return Object.keys(rs).every((k) => keys.has(k)) && list(rs['field']).filter(isRecord).every((f) => Object.keys(f).every((k) => fieldKeys.has(k)));
}
