/**
 * The checks `mlcroissant validate` runs on a Croissant 1.x file, encoded from its source
 * (mlcommons/croissant, `python/mlcroissant/mlcroissant/_src/structure_graph/`), so every
 * export is held to them without Python. It reads documents in compact form with the
 * Croissant context (as Cardcat writes them and as the specification's examples are):
 * `cr:`/`sc:` prefixes or bare terms, nested `{ "@id": … }` references.
 *
 * Each check names the upstream file and the call it mirrors. Errors are what mlcroissant
 * reports as errors (the file fails); warnings are its warnings.
 */
import { MIME_PATTERN } from './mime.ts';

export interface CroissantIssue {
  /** Where: a readable path such as `distribution[0] (location-1)`. */
  at: string;
  message: string;
}

export interface CroissantReport {
  errors: CroissantIssue[];
  warnings: CroissantIssue[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
/** A property under its bare term or its prefixed name (`source` or `cr:source`). */
const get = (node: Json, term: string, prefix = 'cr'): unknown => node[term] ?? node[`${prefix}:${term}`];
const present = (v: unknown): boolean => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
const typeName = (v: unknown): string => (typeof v === 'string' ? v.replace(/^(https?:\/\/schema\.org\/|http:\/\/mlcommons\.org\/croissant\/|sc:|cr:|schema:)/, '') : '');
const refId = (v: unknown): string | undefined => (isObject(v) && typeof v['@id'] === 'string' ? v['@id'] : typeof v === 'string' ? v : undefined);

/**
 * Data types a field may declare: `_src/core/data_types.py` `EXPECTED_DATA_TYPES` (those
 * map to Python types) plus the ML semantic types `field.py` `Field.data_type` accepts
 * (`sc:ImageObject`, `cr:BoundingBox`). Anything else, with no sub-fields to carry the
 * type, is the error "The field does not specify a valid dataType".
 */
export const CROISSANT_DATA_TYPES = new Set(['Boolean', 'Date', 'DateTime', 'Float', 'Integer', 'Number', 'Text', 'URL', 'Time', 'ImageObject', 'BoundingBox']);

/** `_src/structure_graph/nodes/croissant_version.py`: the versions `conformsTo` may name. */
const CONFORMS_TO = /^http:\/\/mlcommons\.org\/croissant\/1\.[01]$/;

export function checkCroissant(doc: unknown): CroissantReport {
  const errors: CroissantIssue[] = [];
  const warnings: CroissantIssue[] = [];
  const error = (at: string, message: string): void => void errors.push({ at, message });
  const warn = (at: string, message: string): void => void warnings.push({ at, message });
  if (!isObject(doc)) {
    error('(root)', 'Expected a JSON-LD object');
    return { errors, warnings };
  }

  // Every node's `@id`, for "ids are unique" and "references resolve" below. In 1.0 nodes are
  // keyed by `@id` (`base_node.py` `Node.uuid`): two nodes with one id collapse into one.
  const ids = new Map<string, string>();
  const references: { at: string; id: string | undefined; what: string }[] = [];
  const identify = (node: Json, at: string): void => {
    const id = node['@id'];
    // `base_node.py` `Node.__post_init__`: `assert_has_mandatory_properties("id")` in 1.0.
    if (typeof id !== 'string' || !id) return error(at, 'Property "@id" is mandatory, but does not exist.');
    const first = ids.get(id);
    if (first) error(at, `\`@id\` \`${id}\` is also the id of ${first}: ids must be unique`);
    else ids.set(id, at);
  };
  const mandatory = (node: Json, at: string, ...terms: [string, string?][]) => {
    for (const [term, prefix] of terms) if (!present(get(node, term, prefix))) error(at, `Property "${prefix ?? 'cr'}:${term}" is mandatory, but does not exist.`);
  };
  const recommended = (node: Json, at: string, ...terms: [string, string?][]) => {
    for (const [term, prefix] of terms) if (!present(get(node, term, prefix))) warn(at, `Property "${prefix ?? 'cr'}:${term}" is recommended, but does not exist.`);
  };

  // metadata.py `Metadata.from_jsonld`: `check_expected_type(..., SCHEMA_ORG_DATASET)`.
  if (typeName(doc['@type']) !== 'Dataset') error('(root)', `Expected "@type": "sc:Dataset", found ${JSON.stringify(doc['@type'])}`);
  // metadata.py `__post_init__`: `assert_has_mandatory_properties("name")`.
  mandatory(doc, '(root)', ['name', 'sc']);
  // metadata.py `__post_init__`: `assert_has_optional_properties("cite_as", "license", "version")`.
  recommended(doc, '(root)', ['citeAs'], ['license', 'sc'], ['version', 'sc']);
  // croissant_version.py `CroissantVersion.from_jsonld`: an unknown version is an error.
  const conforms = get(doc, 'conformsTo', 'dct');
  if (conforms !== undefined && !(typeof conforms === 'string' && CONFORMS_TO.test(conforms))) error('(root)', `Unknown \`conformsTo\` ${JSON.stringify(conforms)}`);
  // The specification (docs/croissant-spec.md, "Dataset-level information") requires these;
  // mlcroissant does not fail without them, so they are warnings here as well.
  recommended(doc, '(root)', ['description', 'sc'], ['url', 'sc'], ['conformsTo', 'dct']);
  // metadata.py `validate_version`: Semantic Versioning 2.0.0 `MAJOR.MINOR.PATCH`. Releases
  // up to 1.0.x raise it as an error, later ones as a warning; Cardcat only writes semver.
  const version = doc['version'];
  if (version !== undefined) {
    if (typeof version !== 'string') error('(root)', `The version should be a string. Got: ${typeof version}.`);
    else if (!/^\d+\.\d+\.\d+$/.test(version)) warn('(root)', `Version doesn't follow MAJOR.MINOR.PATCH: ${version}.`);
  }
  const live = get(doc, 'isLiveDataset') === true;

  // metadata.py `from_jsonld`: each distribution is a FileObject or a FileSet.
  list(doc['distribution']).forEach((node, i): void => {
    if (!isObject(node)) return error(`distribution[${i}]`, 'Expected an object');
    const at = `distribution[${i}] (${String(node['@id'] ?? node['name'] ?? '?')})`;
    identify(node, at);
    const kind = typeName(node['@type']);
    const format = get(node, 'encodingFormat', 'sc');
    const containedIn = list(get(node, 'containedIn', 'sc'));
    for (const parent of containedIn) references.push({ at, id: refId(parent), what: 'containedIn' });
    if (kind === 'FileObject') {
      // file_object.py `__post_init__`: encodingFormat, name and id are mandatory; contentUrl
      // and one of md5/sha256 unless the file is inside another or the dataset is live.
      mandatory(node, at, ['encodingFormat', 'sc'], ['name', 'sc']);
      if (!containedIn.length) {
        mandatory(node, at, ['contentUrl', 'sc']);
        if (!live && !present(get(node, 'md5')) && !present(get(node, 'sha256', 'sc'))) error(at, "At least one of these properties should be defined: ['md5', 'sha256'].");
      }
    } else if (kind === 'FileSet') {
      // file_set.py `__post_init__`: includes, encodingFormat and name are mandatory.
      mandatory(node, at, ['includes'], ['encodingFormat', 'sc'], ['name', 'sc']);
    } else {
      error(at, `Expected "@type": "cr:FileObject" or "cr:FileSet", found ${JSON.stringify(node['@type'])}`);
    }
    // Records load through `_src/operation_graph/operations/read.py`, which dispatches on the
    // MIME type: a format name such as `parquet` reads nothing.
    if (typeof format === 'string' && !MIME_PATTERN.test(format)) error(at, `\`encodingFormat\` \`${format}\` is not a MIME type such as \`text/csv\``);
  });

  list(get(doc, 'recordSet')).forEach((rs, i): void => {
    if (!isObject(rs)) return error(`recordSet[${i}]`, 'Expected an object');
    const at = `recordSet[${i}] (${String(rs['@id'] ?? rs['name'] ?? '?')})`;
    identify(rs, at);
    // record_set.py `from_jsonld`: `check_expected_type(..., ML_COMMONS_RECORD_SET_TYPE)`.
    if (typeName(rs['@type']) !== 'RecordSet') error(at, `Expected "@type": "cr:RecordSet", found ${JSON.stringify(rs['@type'])}`);
    // record_set.py `__post_init__`: name mandatory, description recommended.
    mandatory(rs, at, ['name', 'sc']);
    recommended(rs, at, ['description', 'sc']);
    for (const key of list(get(rs, 'key'))) references.push({ at, id: refId(key), what: 'key' });
    const data = get(rs, 'data');
    const fields = list(get(rs, 'field')).filter(isObject);
    // record_set.py `__post_init__`: inline data is a non-empty list of objects whose keys are
    // exactly the fields (by `@id` in 1.0, by name in 0.8).
    if (data !== undefined) {
      if (!Array.isArray(data) || data.length === 0) error(at, '`data` should declare a non empty list.');
      else {
        const expected = new Set(fields.map((f) => String(f['@id'] ?? f['name'])));
        data.forEach((row, r): void => {
          if (!isObject(row)) return error(at, '`data` should declare a list of dict.');
          const keys = Object.keys(row);
          if (keys.length !== expected.size || keys.some((k) => !expected.has(k))) error(at, `Line #${r} doesn't have the expected columns. Expected: ${[...expected].join(', ')}. Got: ${keys.join(', ')}.`);
        });
      }
    }
    // record_set.py `check_joins_in_fields`: fields read from two files or sets need a join
    // (`references`) between them.
    const parents = new Set<string>();
    let joined = false;
    fields.forEach((field, f) => checkField(field, `${at} > field[${f}] (${String(field['@id'] ?? field['name'] ?? '?')})`, data !== undefined, (p) => parents.add(p), () => (joined = true)));
    if (parents.size > 1 && !joined) error(at, `Fields read from ${[...parents].join(', ')} without a join: declare \`references\` between them`);
  });

  function checkField(field: Json, at: string, inline: boolean, parent: (id: string) => void, join: () => void): void {
    identify(field, at);
    // field.py `from_jsonld`: `check_expected_type(..., ML_COMMONS_FIELD_TYPE)`.
    if (typeName(field['@type']) !== 'Field') error(at, `Expected "@type": "cr:Field", found ${JSON.stringify(field['@type'])}`);
    // field.py `__post_init__`: name mandatory, description recommended.
    mandatory(field, at, ['name', 'sc']);
    recommended(field, at, ['description', 'sc']);
    const subFields = list(get(field, 'subField')).filter(isObject);
    // field.py `Field.data_type`: a leaf field needs a data type mlcroissant can read.
    const types = list(get(field, 'dataType')).map(typeName);
    if (!subFields.length && !types.some((t) => CROISSANT_DATA_TYPES.has(t))) error(at, `The field does not specify a valid dataType. Got: ${types.join(', ') || 'none'}`);
    // A field's values come from a source or from its record set's inline data, one or the
    // other (Croissant spec, "RecordSet" and "Field"; mlcroissant reads nothing for a field
    // with neither, and inline data ignores a source).
    const source = get(field, 'source');
    if (!subFields.length && source === undefined && !inline) error(at, 'The field has neither a `source` nor inline `data` in its record set');
    if (source !== undefined && inline) error(at, 'The field has a `source` and its record set has inline `data`: give one');
    if (source !== undefined) checkSource(source, at, 'source', parent);
    const refs = get(field, 'references');
    if (refs !== undefined) {
      checkSource(refs, at, 'references', () => undefined);
      join();
    }
    subFields.forEach((sub, s) => checkField(sub, `${at} > subField[${s}]`, inline, parent, join));
  }

  // source.py `Source.from_jsonld`: exactly one of fileObject, fileSet, field; `extract` with
  // at most one key; each reference must name a node of the document.
  function checkSource(value: unknown, at: string, what: string, parent: (id: string) => void): void {
    const source = Array.isArray(value) && value.length === 1 ? value[0] : value;
    if (!isObject(source)) return error(at, `\`${what}\` has wrong type: ${JSON.stringify(value)}`);
    const choices = (['fileObject', 'fileSet', 'field'] as const).filter((k) => get(source, k) !== undefined);
    if (choices.length !== 1) return error(at, `Every cr:${what} should declare either cr:field or cr:fileObject or cr:fileSet`);
    const id = refId(get(source, choices[0]!));
    references.push({ at, id, what: `${what}.${choices[0]}` });
    if (id) parent(choices[0] === 'field' ? id.split('/')[0]! : id);
    const extract = get(source, 'extract');
    if (extract !== undefined && (!isObject(extract) || Object.keys(extract).filter((k) => k !== '@id').length > 1)) error(at, `cr:extract should have exactly one of column, fileProperty, jsonPath`);
  }

  // graph.py `from_nodes_to_graph` looks every reference up by id: one that names no node
  // breaks the structure graph.
  for (const ref of references) {
    if (!ref.id) error(ref.at, `\`${ref.what}\` names no \`@id\``);
    else if (!ids.has(ref.id)) error(ref.at, `\`${ref.what}\` refers to \`${ref.id}\`, which no node of the file has as \`@id\``);
  }
  return { errors, warnings };
}
