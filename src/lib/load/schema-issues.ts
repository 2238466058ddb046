/**
 * Turns Zod issues into problems people can act on: the field, what was expected, what
 * was found, and a did-you-mean hint for unknown keys and misspelt enum values.
 */
import type * as z from 'zod';
import type { Problem } from './reporter.ts';
import { closest, didYouMean } from '../suggest.ts';
import type { PathKey } from './yaml.ts';

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  innerType?: AnySchema;
  in?: AnySchema;
  options?: AnySchema[];
  valueType?: AnySchema;
  items?: AnySchema[];
}

function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  for (;;) {
    const def = s._zod.def as unknown as Def;
    const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!inner) return s;
    s = inner;
  }
}

/** The schema at `path` within `root`, following objects, arrays, records and unions. */
export function schemaAt(root: AnySchema, path: readonly PathKey[]): AnySchema | undefined {
  let current: AnySchema | undefined = root;
  for (const segment of path) {
    if (!current) return undefined;
    current = child(unwrap(current), segment);
  }
  return current && unwrap(current);
}

function child(schema: AnySchema, segment: PathKey): AnySchema | undefined {
  const def = schema._zod.def as unknown as Def;
  switch (def.type) {
    case 'object':
      return def.shape?.[String(segment)];
    case 'array':
      return def.element;
    case 'record':
      return def.valueType;
    case 'tuple':
      return def.items?.[Number(segment)];
    case 'union':
      for (const option of def.options ?? []) {
        const found = child(unwrap(option), segment);
        if (found) return found;
      }
      return undefined;
    default:
      return undefined;
  }
}

function shapeKeys(schema: AnySchema | undefined): string[] {
  if (!schema) return [];
  const def = unwrap(schema)._zod.def as unknown as Def;
  if (def.type === 'object') return Object.keys(def.shape ?? {});
  if (def.type === 'union') return (def.options ?? []).flatMap((o) => shapeKeys(o));
  if (def.type === 'array' && def.element) return shapeKeys(def.element);
  return [];
}

/** Whether `text` would be read as the `expected` type were it not quoted. */
function quotedScalar(text: string, expected: string): boolean {
  const trimmed = text.trim();
  if (expected === 'number' || expected === 'int') return /^[-+]?(\d[\d_]*)(\.\d+)?([eE][-+]?\d+)?$/.test(trimmed);
  if (expected === 'boolean') return /^(true|false)$/i.test(trimmed);
  return false;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `\`${value.length > 60 ? `${value.slice(0, 57)}…` : value}\``;
  // YAML reads `1e400` as Infinity and `.nan` as NaN; neither means anything to a reader.
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? '`.nan`, not a number' : 'a number too large to hold';
  return `\`${String(value)}\``;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: '`true` or `false`',
  array: 'a list',
  object: 'a mapping',
  tuple: 'a list',
  record: 'a mapping',
};

function fieldName(path: readonly PathKey[]): string {
  const named = [...path].reverse().find((p) => typeof p === 'string');
  return named === undefined ? 'the entry' : `\`${String(named)}\``;
}

/** Problems for every issue of one failed parse. `root` is the schema that was parsed. */
export function issuesToProblems(issues: readonly Issue[], root: AnySchema, file: string): Problem[] {
  const out: Problem[] = [];
  const add = (path: readonly PathKey[], message: string, hint?: string, key = false) =>
    out.push({ file, at: { path, key }, severity: 'error', rule: 'schema', message, hint });

  // A misspelt key (`licence`) also leaves its field (`license`) missing; the did-you-mean
  // on the unknown key says it all, so the missing field is not reported twice.
  const misspelt = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const path = issue.path as PathKey[];
    const known = shapeKeys(schemaAt(root, path));
    for (const key of issue.keys) {
      const match = closest(key, known);
      if (match) misspelt.add(JSON.stringify([...path, match]));
    }
  }
  const missing = (path: readonly PathKey[], hint: string | undefined) => {
    if (misspelt.has(JSON.stringify(path))) return;
    add(path.slice(0, -1), `Missing required field ${fieldName(path)}`, hint);
  };

  const visit = (issue: Issue, prefix: readonly PathKey[]) => {
    const path = [...prefix, ...(issue.path as PathKey[])];
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = shapeKeys(schemaAt(root, path));
        for (const key of issue.keys) {
          add(
            [...path, key],
            `Unknown field \`${key}\`${path.length ? ` in ${fieldName(path)}` : ''}`,
            didYouMean(key, known) ?? (known.length ? `Fields allowed here: ${known.map((k) => `\`${k}\``).join(', ')}.` : undefined),
            true,
          );
        }
        return;
      }
      case 'invalid_type': {
        if (issue.input === undefined) {
          const described = schemaAt(root, path) as { description?: string } | undefined;
          missing(path, described?.description);
          return;
        }
        const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
        // `rows: "2432"` looks like a number to a reader; say that the quotes make it text.
        if (typeof issue.input === 'string' && quotedScalar(issue.input, issue.expected)) {
          const key = path.at(-1);
          add(
            path,
            `Expected ${expected} for ${fieldName(path)}, found the quoted text \`"${issue.input}"\`: a string where ${expected} is expected`,
            `Remove the quotes${typeof key === 'string' ? `: \`${key}: ${issue.input.trim()}\`` : ''}.`,
          );
          return;
        }
        add(path, `Expected ${expected} for ${fieldName(path)}, found ${describe(issue.input)}`);
        return;
      }
      case 'invalid_value': {
        const values = issue.values.map((v) => `\`${String(v)}\``).join(', ');
        if (issue.input === undefined) {
          missing(path, `Expected ${issue.values.length > 1 ? 'one of ' : ''}${values}.`);
          return;
        }
        add(
          path,
          `Unexpected ${describe(issue.input)} for ${fieldName(path)}, expected ${issue.values.length > 1 ? 'one of ' : ''}${values}`,
          typeof issue.input === 'string' ? didYouMean(issue.input, issue.values.map(String)) : undefined,
        );
        return;
      }
      case 'invalid_union': {
        // When one alternative had the right shape, its own errors say more than "invalid input".
        const branches = issue.errors.filter((branch) => branch.some((i) => i.code !== 'invalid_type' || i.path.length > 0));
        if (branches.length > 0) {
          for (const i of branches[0]!) visit(i, path);
          return;
        }
        const expected = [...new Set(issue.errors.flat().map((i) => (i.code === 'invalid_type' ? (TYPE_NAMES[i.expected] ?? i.expected) : '')))]
          .filter(Boolean)
          .join(' or ');
        add(path, `Expected ${expected || 'another value'} for ${fieldName(path)}, found ${describe(issue.input)}`);
        return;
      }
      case 'too_small':
      case 'too_big': {
        const custom = !issue.message.startsWith('Too ') && !issue.message.startsWith('Invalid');
        if (custom) {
          add(path, issue.message);
          return;
        }
        const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
        const word = issue.code === 'too_small' ? 'at least' : 'at most';
        const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
        // For lists and text the bound is a length: say how long the value is, not what it is.
        const found =
          issue.origin === 'array' && Array.isArray(issue.input) ? count(issue.input.length, 'item')
          : issue.origin === 'string' && typeof issue.input === 'string' ? (issue.input.length ? count(issue.input.length, 'character') : 'an empty value')
          : describe(issue.input);
        const expected = issue.origin === 'array' ? count(bound, 'item') : issue.origin === 'string' ? count(bound, 'character') : String(bound);
        add(path, `Expected ${word} ${expected} for ${fieldName(path)}, found ${found}`);
        return;
      }
      case 'invalid_format': {
        add(path, issue.message.startsWith('Invalid') ? `Unexpected ${describe(issue.input)} for ${fieldName(path)}, expected a valid ${issue.format}` : `${issue.message}, found ${describe(issue.input)}`);
        return;
      }
      default:
        add(path, issue.message);
    }
  };

  for (const issue of issues) visit(issue, []);
  return out;
}
