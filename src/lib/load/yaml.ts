/**
 * The one place YAML is parsed. The `yaml` package keeps source ranges, so every
 * diagnostic can point at the offending key or value, not at line 1.
 *
 * Entries are written by many hands, so parsing is defensive: the concrete syntax tree
 * (built without recursion) is measured before anything recursive touches it, and the
 * checks that the `yaml` package does in quadratic time are done here in linear time.
 */
import {
  Composer,
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  Parser,
  YAMLParseError,
  type CST,
  type Document,
  type Node,
} from 'yaml';

export type PathKey = string | number;

export interface YamlProblem {
  offset: number;
  message: string;
  code: string;
  /** Another place that matters, such as the first of two duplicate keys. */
  related?: { offset: number; message: string };
}

export interface ParsedYaml {
  doc: Document.Parsed;
  value: unknown;
  problems: YamlProblem[];
}

/**
 * Collections nested deeper than this are refused before composing: the composer, `toJS`
 * and schema validation all recurse, and a line of `[` would otherwise overflow the stack.
 * Real cards nest a handful of levels.
 */
export const MAX_DEPTH = 64;

/**
 * Aliases beyond this are refused. Besides the "billion laughs" expansion that `toJS`'s
 * `maxAliasCount` guards against, the `yaml` package resolves each alias anchor by walking
 * the whole document, so thousands of aliases would cost quadratic time.
 */
export const MAX_ALIASES = 100;

const OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true, schema: 'core' } as const;

export function parseYaml(text: string): ParsedYaml {
  let tokens: CST.Token[];
  let doc: Document.Parsed;
  let shape: Shape;
  try {
    // The parser and composer recurse, and some damage nests them deep enough to overflow
    // the stack: a long file whose lines end in `\r\r\n` (CRLF converted twice) does.
    tokens = [...new Parser().parse(text)];
    shape = measure(tokens);
    if (shape.refused) return refuse(shape.refused);
    doc = composeOne(tokens, text.length);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const cr = text.search(/\r(?!\n)/);
    return refuse(
      cr >= 0
        ? { offset: cr, code: 'LONE_CR', message: 'Line ends in a carriage return alone (`\\r` without `\\n`), which leaves the YAML nested too deeply to read' }
        : { offset: 0, code: 'TOO_DEEP', message: 'The YAML is nested too deeply to read' },
    );
  }

  const problems: YamlProblem[] = [...doc.errors, ...doc.warnings].map((e) => {
    const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    // An unclosed quote or bracket is found at the end of the file; point at where it opens.
    const opener = /closing|end with a|Missing , or :/.test(message) ? lastBefore(shape.unclosed, e.pos[0]) : undefined;
    return { offset: opener ?? e.pos[0], message, code: e.code };
  });
  if (doc.errors.length > 0) return { doc, value: undefined, problems };

  problems.push(...structureProblems(doc));
  // Which of two duplicate keys wins is a guess, so such a file is not read as an entry;
  // a reserved key alone still is, so the schema can report it as unknown too.
  if (problems.some((p) => p.code !== 'RESERVED_KEY')) return { doc, value: undefined, problems };
  try {
    return { doc, value: doc.toJS({ maxAliasCount: MAX_ALIASES }), problems };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const excessive = message.startsWith('Excessive alias count');
    return {
      doc,
      value: undefined,
      problems: [
        ...problems,
        {
          offset: firstAliasOffset(doc) ?? 0,
          message: excessive ? 'Aliases expand to too many values: refusing a possible "billion laughs" expansion' : message,
          code: excessive ? 'ALIAS_COUNT' : 'ALIAS',
        },
      ],
    };
  }
}

function refuse(problem: YamlProblem): ParsedYaml {
  return { doc: parseDocument('', OPTIONS), value: undefined, problems: [problem] };
}

/** Composes the first document; a second one is an error, as in `parseDocument`. */
function composeOne(tokens: CST.Token[], length: number): Document.Parsed {
  let doc: Document.Parsed | undefined;
  for (const next of new Composer(OPTIONS).compose(tokens, true, length)) {
    if (!doc) {
      doc = next;
      continue;
    }
    const at = next.range[0];
    doc.errors.push(new YAMLParseError([at, at + 3], 'MULTIPLE_DOCS', 'Unexpected second document: a file holds one entry, so `---` may not start another'));
    break;
  }
  return doc ?? parseDocument('', OPTIONS);
}

interface Shape {
  refused?: YamlProblem;
  /** Offsets of quotes and brackets that open and never close, in order. */
  unclosed: number[];
}

/** Depth, alias count and unclosed openers, from the syntax tree, without recursion. */
function measure(tokens: readonly CST.Token[]): Shape {
  const unclosed: number[] = [];
  const aliases: number[] = [];
  let tooDeep: number | undefined;
  const stack: [CST.Token, number][] = tokens.map((t) => [t, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    switch (token.type) {
      case 'document':
        if (token.value) stack.push([token.value, depth]);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        const inner = depth + 1;
        if (inner > MAX_DEPTH) {
          if (tooDeep === undefined || token.offset < tooDeep) tooDeep = token.offset;
          break;
        }
        if (token.type === 'flow-collection' && !token.end.some((t) => t.type === 'flow-map-end' || t.type === 'flow-seq-end')) {
          unclosed.push(token.start.offset);
        }
        for (const item of token.items) {
          if ('key' in item && item.key) stack.push([item.key, inner]);
          if ('value' in item && item.value) stack.push([item.value, inner]);
        }
        break;
      }
      case 'alias':
        aliases.push(token.offset);
        break;
      case 'single-quoted-scalar':
      case 'double-quoted-scalar': {
        const quote = token.source[0]!;
        if (token.source.length < 2 || !token.source.endsWith(quote)) unclosed.push(token.offset);
        break;
      }
      default:
        break;
    }
  }
  unclosed.sort((a, b) => a - b);
  if (tooDeep !== undefined) {
    return { unclosed, refused: { offset: tooDeep, message: `Nesting is deeper than ${MAX_DEPTH} levels; refusing to read further`, code: 'TOO_DEEP' } };
  }
  if (aliases.length > MAX_ALIASES) {
    aliases.sort((a, b) => a - b);
    return { unclosed, refused: { offset: aliases[MAX_ALIASES]!, message: `More than ${MAX_ALIASES} aliases; refusing to expand them`, code: 'ALIAS_COUNT' } };
  }
  return { unclosed };
}

function lastBefore(sorted: readonly number[], offset: number): number | undefined {
  let found: number | undefined;
  for (const o of sorted) {
    if (o > offset) break;
    found = o;
  }
  return found;
}

/**
 * Duplicate keys (with a pointer to the first), keys that are not plain text, the
 * reserved `__proto__` key, and aliases that name nothing or their own ancestor.
 */
function structureProblems(doc: Document.Parsed): YamlProblem[] {
  const problems: YamlProblem[] = [];
  const stack: { node: unknown; ancestors: readonly unknown[] }[] = [{ node: doc.contents, ancestors: [] }];
  while (stack.length > 0) {
    const { node, ancestors } = stack.pop()!;
    if (isAlias(node)) {
      const target = node.resolve(doc);
      const offset = rangeStart(node) ?? 0;
      if (!target) {
        problems.push({ offset, message: `Unknown alias \`*${node.source}\`: no anchor \`&${node.source}\` is set before it`, code: 'ALIAS' });
      } else if (ancestors.includes(target)) {
        problems.push({ offset, message: `Alias \`*${node.source}\` refers to a collection that contains it, which would never end`, code: 'ALIAS' });
      }
      continue;
    }
    if (!isCollection(node)) continue;
    const inside = [...ancestors, node];
    const seen = new Map<string, number>();
    for (const item of node.items) {
      if (isPair(item)) {
        const key = item.key;
        const offset = rangeStart(key) ?? rangeStart(node) ?? 0;
        if (isMap(node) && isScalar(key)) {
          const name = String(key.value);
          const first = seen.get(name);
          if (first !== undefined) {
            problems.push({
              offset,
              message: `Duplicate key \`${name}\`: each key may appear once in a mapping`,
              code: 'DUPLICATE_KEY',
              related: { offset: first, message: `\`${name}\` is first set here` },
            });
          } else {
            seen.set(name, offset);
          }
          if (name === '__proto__') {
            problems.push({ offset, message: 'Unexpected key `__proto__`: it is reserved and is never read', code: 'RESERVED_KEY' });
          }
        } else if (key !== null && !isScalar(key)) {
          problems.push({ offset, message: 'Unexpected key that is a list, mapping or alias: keys are plain text', code: 'COMPLEX_KEY' });
          stack.push({ node: key, ancestors: inside });
        }
        stack.push({ node: item.value, ancestors: inside });
      } else {
        stack.push({ node: item, ancestors: inside });
      }
    }
  }
  return problems.sort((a, b) => a.offset - b.offset);
}

function firstAliasOffset(doc: Document.Parsed): number | undefined {
  const stack: unknown[] = [doc.contents];
  let first: number | undefined;
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      const offset = rangeStart(node);
      if (offset !== undefined && (first === undefined || offset < first)) first = offset;
    } else if (isSeq(node) || isMap(node)) {
      for (const item of node.items) {
        if (isPair(item)) stack.push(item.key, item.value);
        else stack.push(item);
      }
    }
  }
  return first;
}

/**
 * The source offset of the node at `path`, or of the deepest ancestor that exists
 * (a missing key is reported where its parent is). With `key`, the offset of the last
 * path segment's key rather than its value: an unknown key is reported at the key.
 */
export function offsetOf(doc: Document.Parsed, path: readonly PathKey[], key = false): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return offset;
      const keyStart = rangeStart(pair.key);
      if (last && key) return keyStart ?? offset;
      node = pair.value;
      offset = rangeStart(node) ?? keyStart ?? offset;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      if (node === undefined) return offset;
      offset = rangeStart(node) ?? offset;
    } else {
      return offset;
    }
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}
