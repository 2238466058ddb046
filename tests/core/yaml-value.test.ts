/**
 * `readYamlValue` takes js-yaml's road for plain files and `parseYaml`'s for the rest; either
 * way it must give what `parseYaml` gives. Held against every YAML text we have, scalar forms
 * the two libraries could read differently, and seeded mutations of all of them.
 *
 *   YAML_DIFF_CASES=100000 npx vitest run tests/core/yaml-value.test.ts
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { synthesize } from '../../src/lib/synth/generate.ts';
import { fastYamlValue, readYamlValue } from '../../src/lib/load/yaml-value.ts';
import { MAX_DEPTH, parseYaml } from '../../src/lib/load/yaml.ts';
import { mutate, random } from '../hostile/mutate.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = path.join(repoRoot, '..', 'shared', 'corpus');
const CASES = Number(process.env['YAML_DIFF_CASES'] ?? 3000);

/** The YAML of a file as the loader sees it: a Markdown file's front matter, any other file whole. */
const yamlOf = (name: string, text: string): string => {
  if (!name.endsWith('.md')) return text;
  const end = text.indexOf('\n---', 3);
  return text.startsWith('---') && end > 0 ? text.slice(4, end + 1) : '';
};

function textsUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const abs = path.join(dir, name);
    if (statSync(abs).isDirectory()) out.push(...textsUnder(abs));
    else if (/\.(md|ya?ml|json)$/.test(name)) out.push(yamlOf(name, readFileSync(abs, 'utf8')));
  }
  return out;
}

const DEMO = textsUnder(path.join(repoRoot, 'content'));
const SYNTH = synthesize({ entries: 60, seed: 3 }).map((f) => yamlOf(f.path, f.text));
const KNOWN = [...DEMO, ...SYNTH, ...textsUnder(path.join(repoRoot, 'tests', 'fixtures')), ...textsUnder(corpus)];

const expectSame = (text: string, label: string) => {
  const { value, problems } = parseYaml(text);
  expect(readYamlValue(text), label).toEqual({ value, problems });
};

describe('reading YAML values quickly', () => {
  it('takes the quick road for plain files', () => {
    const quick = [...DEMO, ...SYNTH].filter((t) => fastYamlValue(t) !== undefined);
    // Those that fall back use an anchor, a tag or the like somewhere, if only in their prose.
    expect(quick.length).toBeGreaterThan(0.9 * (DEMO.length + SYNTH.length));
  });

  it('gives what parseYaml gives for every file we have', () => {
    if (!existsSync(corpus)) console.log(`Corpus not found at ${corpus}: reading the demo, fixtures and synthetic files only.`);
    KNOWN.forEach((text, i) => expectSame(text, `text ${i}`));
  });

  it('reads scalars, keys and empty documents as parseYaml does', () => {
    const scalars = [
      '', '~', 'null', 'Null', 'NULL', 'true', 'True', 'FALSE', 'yes', 'no', 'on', 'off', 'y', 'n', '0', '-0', '-00', '-0.0', '-.0', '-0e0', '+0', '-0x0', '-0o0', '+1', '007', '0o17', '0O17',
      '0x1F', '0xff', '0b101', '1_000', '1,000', '1e3', '1E-3', '.5', '5.', '-.5', '1.5e+300', '1e400', '.inf', '-.Inf', '+.INF', '.nan', '.NaN',
      '12345678901234567890', '2026-02-30', '2026-11-23T10:00:00Z', '12:30', '1:2:3', "'quoted'", '"dq \\t \\u00e9 \\x41"', '"a\\\nb"',
      "'it''s'", 'a b  c', 'multi\n  line', '|\n  block\n  text\n', '>\n  folded\n  text\n\n  para\n', '|-\n  kept\n', '>+\n  x\n\n',
      '""', "''", '[]', '{}', '[a, b, [c]]', '{a: 1, b: [2]}', '- x', '=', '<<', '"<<"', '@at', '`tick`', 'a # comment', 'a#b', '"x"#c',
    ];
    for (const s of scalars) {
      expectSame(`key: ${s}\n`, `value ${JSON.stringify(s)}`);
      expectSame(`- ${s}\n`, `item ${JSON.stringify(s)}`);
      if (!s.includes('\n')) expectSame(`${s}: value\nother: 1\n`, `key ${JSON.stringify(s)}`);
    }
    const structures = [
      'a:\n  - x\n  -\n - y\n', 'a:\n  - x\n  - # none\n - y\n', 'a:\n  - x\n - y\n', 'a:\n- x\n  - y\n', '- a\n-\n- b\n', 'a: 1\n b: 2\n',
      'a:\n  b: 1\n   c: 2\n', 'a:\n    b: 1\n  c: 2\n', 'a: value\n  continued\n', 'a: b: c\n', 'a: "x" y\n', 'a: [b, c]d\n', 'a: {b: c}, d\n',
      'a: [b, {c: d}, [e]]\n', 'a: [b: c, d]\n', 'a: {b, c: }\n', '? a\n: b\n', '? [a]\n: b\n', 'a:\n  - b: 1\n    c: 2\n  - d\n',
      'a: |\n  text\n   more\n b: 1\n', 'a: >-\n\n  x\n', 'a: \'multi\n  line\'\n', 'a: "multi\n\n  line"\n', 'a:\n  # comment\n  b: 1\n',
    ];
    for (const text of structures) expectSame(text, `structure ${JSON.stringify(text)}`);
    for (const doc of ['', '\n', '# only a comment\n', '---\n', '---\n...\n', '...\n', 'a: 1\n...\n', 'a: 1\n---\nb: 2\n', '- 1\n- 2\n']) {
      expectSame(doc, `document ${JSON.stringify(doc)}`);
    }
  });

  it('leaves limits and reserved keys to parseYaml', () => {
    const deep = (n: number) => 'a: ' + '['.repeat(n - 1) + ']'.repeat(n - 1) + '\n';
    for (const text of [deep(MAX_DEPTH), deep(MAX_DEPTH + 1), deep(5000), '__proto__: x\n', 'a:\n  __proto__: {b: 1}\n', '"__proto__": 1\n', 'a: 1\na: 2\n', '1: a\n"1": b\n']) {
      expectSame(text, JSON.stringify(text.slice(0, 40)));
    }
    expect(fastYamlValue(deep(MAX_DEPTH + 1))).toBeUndefined();
    expect(fastYamlValue('__proto__: x\n')).toBeUndefined();
  });

  it(`gives what parseYaml gives for ${CASES} mutated files`, () => {
    const rng = random(20261123);
    const encoder = new TextEncoder();
    const decoder = new TextDecoder();
    for (let i = 0; i < CASES; i++) {
      const source = KNOWN[Math.floor(rng() * KNOWN.length)]!;
      const { bytes, applied } = mutate(encoder.encode(source), rng);
      expectSame(decoder.decode(bytes), `case ${i} (${applied.join(', ')})`);
    }
    // A correctness test of many cases, not a timing: about 10 s alone, far more on a busy machine.
  }, 180_000);
});
