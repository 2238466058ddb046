/**
 * Seeded mutations of a file's bytes, for the fuzzer: the kinds of damage a hurried edit,
 * a bad merge or a broken tool does to a card. The same seed always gives the same file.
 */

/** mulberry32: small, fast, and good enough to spread mutations evenly. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

const pick = <T>(rng: Random, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const below = (rng: Random, n: number) => Math.floor(rng() * n);

/** Fragments that mean something to YAML, Markdown front matter or the decoder. */
const SPECIAL = [
  ':', ': ', '- ', '-', '[', ']', '{', '}', ',', '#', '&a ', '*a', '&a', '*b ', '!', '!!str ', '!!binary ', '!!js/function ',
  '|', '>', '|-', "'", '"', '`', '%YAML 1.1\n', '%TAG ! tag:x,2000:\n', '? ', '---\n', '...\n', '---', '\t', '\r', '\r\n',
  '\ufeff', '\u0000', '\u2028', '\u00a0', '<<: *a\n', '__proto__: ', 'constructor: ', '~', 'null', '.nan', '0x1F', '1e400',
  '2026-02-30', '@', '\\', '\\u', '"\\x', 'ID@', '\n  ', '\n', ' ',
];

type Mutation = (bytes: Uint8Array, rng: Random) => Uint8Array;

const lines = (bytes: Uint8Array): Uint8Array[] => {
  const out: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      out.push(bytes.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < bytes.length) out.push(bytes.subarray(start));
  return out;
};

const join = (parts: readonly Uint8Array[]): Uint8Array => Buffer.concat(parts);
const encoder = new TextEncoder();

/** Mutations, each named so a failing case says what was done. */
export const MUTATIONS: Record<string, Mutation> = {
  'flip a byte': (bytes, rng) => {
    if (bytes.length === 0) return bytes;
    const out = Uint8Array.from(bytes);
    out[below(rng, out.length)] = below(rng, 256);
    return out;
  },
  'flip a bit': (bytes, rng) => {
    if (bytes.length === 0) return bytes;
    const out = Uint8Array.from(bytes);
    const i = below(rng, out.length);
    out[i] = out[i]! ^ (1 << below(rng, 8));
    return out;
  },
  'delete a line': (bytes, rng) => {
    const all = lines(bytes);
    if (all.length === 0) return bytes;
    all.splice(below(rng, all.length), 1);
    return join(all);
  },
  'duplicate a line': (bytes, rng) => {
    const all = lines(bytes);
    if (all.length === 0) return bytes;
    const i = below(rng, all.length);
    all.splice(i, 0, all[i]!);
    return join(all);
  },
  'swap two lines': (bytes, rng) => {
    const all = lines(bytes);
    if (all.length < 2) return bytes;
    const i = below(rng, all.length);
    const j = below(rng, all.length);
    [all[i], all[j]] = [all[j]!, all[i]!];
    return join(all);
  },
  'change indentation': (bytes, rng) => {
    const all = lines(bytes);
    if (all.length === 0) return bytes;
    const i = below(rng, all.length);
    const line = all[i]!;
    const change = below(rng, 4);
    if (change === 0) all[i] = join([encoder.encode(' '.repeat(1 + below(rng, 4))), line]);
    else if (change === 1) all[i] = join([encoder.encode('\t'), line]);
    else all[i] = line.subarray(Math.min(line.length, 1 + below(rng, 4)));
    return join(all);
  },
  truncate: (bytes, rng) => bytes.subarray(0, below(rng, bytes.length + 1)),
  'insert a YAML special character': (bytes, rng) => {
    const at = below(rng, bytes.length + 1);
    return join([bytes.subarray(0, at), encoder.encode(pick(rng, SPECIAL)), bytes.subarray(at)]);
  },
  'replace a span with a YAML special character': (bytes, rng) => {
    const at = below(rng, bytes.length + 1);
    const end = Math.min(bytes.length, at + 1 + below(rng, 8));
    return join([bytes.subarray(0, at), encoder.encode(pick(rng, SPECIAL)), bytes.subarray(end)]);
  },
  'switch line ends': (bytes, rng) => {
    const text = Buffer.from(bytes).toString('latin1');
    return Buffer.from(rng() < 0.5 ? text.replaceAll('\n', '\r\n') : text.replaceAll('\r\n', '\n').replaceAll('\n', '\r'), 'latin1');
  },
};

const NAMES = Object.keys(MUTATIONS);

/** One to three mutations of `bytes`, and their names. */
export function mutate(bytes: Uint8Array, rng: Random): { bytes: Uint8Array; applied: string[] } {
  let out = bytes;
  const applied: string[] = [];
  const count = 1 + below(rng, 3);
  for (let i = 0; i < count; i++) {
    const name = pick(rng, NAMES);
    out = MUTATIONS[name]!(out, rng);
    applied.push(name);
  }
  return { bytes: out, applied };
}

const KIND_FOLDERS = ['datasets', 'models', 'sources', 'teams', 'people', 'glossary', 'licenses'];

/**
 * Another place for a file (a path relative to the content folder): a name that is not an
 * id, another extension, another kind's folder, a folder that is not a kind, a subfolder.
 */
export function relocate(file: string, rng: Random): { file: string; applied: string } {
  const parts = file.split('/');
  const name = parts.pop()!;
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  const folder = parts.join('/');
  const moves: [string, () => string][] = [
    ['upper-case the name', () => `${folder}/${stem.toUpperCase()}${ext}`],
    ['put a space in the name', () => `${folder}/${stem.replace('-', ' ')} copy${ext}`],
    ['change the extension', () => `${folder}/${stem}${pick(rng, ['.txt', '.MD', '.yml', '.json', '', '.md.bak'])}`],
    ['move to another kind', () => `${pick(rng, KIND_FOLDERS)}/${name}`],
    ['move to a folder that is not a kind', () => `${pick(rng, ['misc', 'Datasets', 'dataset', '_drafts'])}/${name}`],
    ['move into a subfolder', () => `${folder}/${pick(rng, ['archive', 'old', 'a/b/c'])}/${name}`],
  ];
  const [applied, move] = pick(rng, moves);
  return { file: move(), applied };
}
