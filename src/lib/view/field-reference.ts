/**
 * The field reference, generated from the kinds' Zod schemas: each field's path, type,
 * whether it is required, its default, its allowed values and the `.describe()` text the
 * schema gives it. The schema is the one source; this page cannot drift from it.
 */
import * as z from 'zod';
import { KIND_NAMES, KINDS, type Kind } from '../../../schemas/index.ts';

export interface FieldDoc {
  /** Dotted path; `[]` marks the items of a list: `schema[].name`. */
  path: string;
  depth: number;
  type: string;
  required: boolean;
  default?: string;
  values?: string[];
  description?: string;
}

export interface KindReference {
  kind: Kind;
  label: string;
  folder: string;
  description?: string;
  fields: FieldDoc[];
}

type Json = {
  type?: string | string[];
  description?: string;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  properties?: Record<string, Json>;
  required?: string[];
  items?: Json | Json[];
  prefixItems?: Json[];
  additionalProperties?: Json | boolean;
  anyOf?: Json[];
  oneOf?: Json[];
  allOf?: Json[];
};

const FORMATS: Record<string, string> = { date: 'date (YYYY-MM-DD)', uri: 'URL', email: 'email' };

/** Patterns named by a value they accept, so the page says "entry id", not a regular expression. */
const PATTERN_NAMES: [sample: string, name: string][] = [
  ['raw-play-events@2026-09', 'entry id, or id@version'],
  ['raw-play-events', 'entry id'],
  ['180d', 'duration (180d, 12w, 6m, 2y)'],
  ['churn-labels.cancelled', 'dataset-id.column'],
  ['region=EU', 'column=value'],
];

function patternName(pattern: string): string {
  const re = new RegExp(pattern);
  return PATTERN_NAMES.find(([sample]) => re.test(sample))?.[1] ?? `text matching \`${pattern}\``;
}

/** A short, human name for a JSON Schema type. */
export function typeName(s: Json): string {
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return [...new Set(alternatives.map(typeName))].join(' or ');
  if (s.enum) return 'one of';
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.prefixItems) return `[${s.prefixItems.map(typeName).join(', ')}]`;
  const type = Array.isArray(s.type) ? s.type.join(' or ') : s.type;
  if (type === 'array') return `list of ${s.items && !Array.isArray(s.items) ? typeName(s.items) : 'values'}`;
  if (type === 'object') {
    if (s.properties) return 'object';
    if (s.additionalProperties && typeof s.additionalProperties === 'object') return `map of name → ${typeName(s.additionalProperties)}`;
    return 'map';
  }
  if (type === 'string' && s.format && FORMATS[s.format]) return FORMATS[s.format]!;
  if (type === 'string' && s.pattern) return patternName(s.pattern);
  return type ?? 'any';
}

function enumOf(s: Json): string[] | undefined {
  if (s.enum) return s.enum.map(String);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) {
    const values = alternatives.flatMap((a) => enumOf(a) ?? []);
    return values.length ? values : undefined;
  }
  if (s.items && !Array.isArray(s.items)) return enumOf(s.items);
  return undefined;
}

/** The object schemas a field's value may take, to document nested fields. */
function objectsWithin(s: Json): Json[] {
  if (s.properties) return [s];
  const alternatives = s.anyOf ?? s.oneOf ?? s.allOf;
  if (alternatives) return alternatives.flatMap(objectsWithin);
  if (s.items && !Array.isArray(s.items)) return objectsWithin(s.items);
  return [];
}

function walk(s: Json, prefix: string, depth: number, out: FieldDoc[]): void {
  for (const object of objectsWithin(s)) {
    const required = new Set(object.required ?? []);
    for (const [name, field] of Object.entries(object.properties ?? {})) {
      const isList = (Array.isArray(field.type) ? field.type.includes('array') : field.type === 'array') && !field.prefixItems;
      const path = `${prefix}${name}`;
      const doc: FieldDoc = { path, depth, type: typeName(field), required: required.has(name) && field.default === undefined };
      const values = enumOf(field);
      if (values) doc.values = values;
      if (field.default !== undefined && !(typeof field.default === 'object' && field.default !== null && Object.keys(field.default).length === 0)) {
        doc.default = JSON.stringify(field.default);
      }
      const description = field.description ?? (field.items && !Array.isArray(field.items) ? field.items.description : undefined);
      if (description) doc.description = description;
      out.push(doc);
      walk(field, `${path}${isList ? '[]' : ''}.`, depth + 1, out);
    }
  }
}

/** The documented fields of one schema, parents before their children. */
export function fieldsOf(schema: z.ZodType): { description?: string; fields: FieldDoc[] } {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  const fields: FieldDoc[] = [];
  walk(json, '', 0, fields);
  return json.description === undefined ? { fields } : { description: json.description, fields };
}

export function fieldReference(): KindReference[] {
  return KIND_NAMES.map((kind) => {
    const { folder, label, schema } = KINDS[kind];
    const { description, fields } = fieldsOf(schema);
    return description === undefined ? { kind, label, folder, fields } : { kind, label, folder, description, fields };
  });
}
