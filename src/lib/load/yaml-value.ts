/**
 * The value of a file's YAML, and its problems, as `parseYaml` gives them, but quickly.
 * `parseYaml` keeps a position for every node so that problems can be placed, and that costs
 * about twenty times what js-yaml takes to build the plain value. Nearly every file in a
 * catalog is well formed, so js-yaml reads it first; `parseYaml` reads only a file that
 * js-yaml refuses, or one where the two could disagree or `parseYaml` enforces a limit.
 *
 * A differential test holds the two to the same results on the demo, the corpus, the
 * fixtures and seeded mutations of them (`tests/core/yaml-value.test.ts`).
 */
import { FAILSAFE_SCHEMA, load, Type, type LoadOptions } from 'js-yaml';
import { isScalar, Schema, type ScalarTag } from 'yaml';
import { MAX_DEPTH, parseYaml, type YamlProblem } from './yaml.ts';

export interface YamlValue {
  value: unknown;
  problems: YamlProblem[];
}

/**
 * Text the two libraries read differently, or that `parseYaml` holds to limits: an anchor
 * (`&a`), a tag (`!x`), a directive (`%YAML`), a line starting `---` or `...` and more, even
 * a no-break space (js-yaml takes it for a document marker), a tab in indentation, a comment
 * that touches a quote, bracket or comma (`"x"#c`), an empty list item (after which js-yaml
 * lets the next item be less indented), a line ending in a lone carriage return, a byte order
 * mark. Prose can match too (`R&D` does not, `a &b` does); such a file only takes the slower
 * road.
 */
const NOT_PLAIN = /(?:^|[\s[\]{},])[&!]|^%|^(?:---|\.\.\.)(?![ \t\r\n]|$)|^ *\t|["'[\]{},]#|^ *-[ \t]*(?:#.*)?$|\r(?!\n)|\ufeff/m;

/**
 * Plain scalars (`1e3`, `-0`, `~`, `0o17`) typed by the `yaml` package's own core-schema tags,
 * in its order, so a value is the same number, boolean or null whichever road it took.
 */
const CORE_SCALARS = (new Schema({ schema: 'core' }).tags as ScalarTag[]).filter((tag) => tag.test);
const coreScalar = (text: string): unknown => {
  const tag = CORE_SCALARS.find((t) => t.test!.test(text))!;
  const value = tag.resolve(text, () => {}, { intAsBigInt: false } as never);
  return isScalar(value) ? value.value : value;
};
const SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [
    new Type('tag:yaml.org,2002:core', {
      kind: 'scalar',
      resolve: (text: string) => CORE_SCALARS.some((t) => t.test!.test(text)),
      construct: coreScalar,
    }),
  ],
});

export function readYamlValue(text: string): YamlValue {
  const value = fastYamlValue(text);
  if (value !== undefined) return { value, problems: [] };
  const parsed = parseYaml(text);
  return { value: parsed.value, problems: parsed.problems };
}

/** The value js-yaml reads from a plain, well-formed text (null for an empty one); otherwise undefined. */
export function fastYamlValue(text: string): unknown {
  if (NOT_PLAIN.test(text)) return undefined;
  // A node nested in a block list item is closed twice, so collections are counted by identity.
  const collections = new Set<object>();
  let value: unknown;
  try {
    value = load(text, {
      schema: SCHEMA,
      // Deeper than `parseYaml` allows is refused there, with its own message.
      maxDepth: MAX_DEPTH + 2,
      onWarning: (warning) => {
        throw warning;
      },
      listener: (event, state) => {
        if (event === 'close' && typeof state.result === 'object' && state.result !== null) collections.add(state.result);
      },
    } as LoadOptions & { maxDepth: number }); // js-yaml 4.3's option, not yet in @types/js-yaml
  } catch {
    return undefined;
  }
  // An empty document is null to the `yaml` package and undefined to js-yaml.
  value ??= null;
  return isPlain(value, collections) ? value : undefined;
}

/**
 * The `yaml` package refuses a key written over 1,024 characters, and an escape such as
 * `\U0001F600` writes one character in ten, so longer keys than this are left to it.
 */
const LONG_KEY = 100;

/**
 * True when `parseYaml` would find no problem in `value` and name its keys alike: no reserved
 * key, no excessive depth, no null or very long key, and no list or mapping used as a key.
 * js-yaml turns such a key into text, so it is a collection composed but not in the value.
 */
function isPlain(value: unknown, composed: ReadonlySet<object>): boolean {
  let found = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (composed.has(node)) found++;
    if (depth >= MAX_DEPTH) return false;
    if (Array.isArray(node)) {
      for (const item of node) stack.push([item, depth + 1]);
      continue;
    }
    for (const [key, item] of Object.entries(node)) {
      // js-yaml names a null key `null`, where the `yaml` package names it with the empty string.
      if (key === '__proto__' || key === 'null' || key.length > LONG_KEY) return false;
      stack.push([item, depth + 1]);
    }
  }
  return found === composed.size;
}
