/**
 * The one place YAML is parsed. The `yaml` package keeps source ranges, so every
 * diagnostic can point at the offending key or value, not at line 1.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';

export type PathKey = string | number;

export interface YamlProblem {
  offset: number;
  message: string;
  code: string;
}

export interface ParsedYaml {
  doc: Document.Parsed;
  value: unknown;
  problems: YamlProblem[];
}

/** Aliases beyond this are refused, so a "billion laughs" file cannot exhaust memory. */
const MAX_ALIASES = 100;

export function parseYaml(text: string): ParsedYaml {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true, schema: 'core' });
  const problems: YamlProblem[] = [...doc.errors, ...doc.warnings].map((e) => ({
    offset: e.pos[0],
    message: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
    code: e.code,
  }));
  if (doc.errors.length > 0) return { doc, value: undefined, problems };
  try {
    return { doc, value: doc.toJS({ maxAliasCount: MAX_ALIASES }), problems };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { doc, value: undefined, problems: [...problems, { offset: 0, message, code: 'ALIAS_COUNT' }] };
  }
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
