import { describe, expect, it } from 'vitest';
import { parseYaml, MAX_ALIASES, MAX_DEPTH } from '../../src/lib/load/yaml.ts';
import { DATASET, hostile, report } from './helpers.ts';

describe('bad YAML', () => {
  it('reports a syntax error where the unclosed bracket opens', () => {
    expect(report({ 'datasets/a.yaml': 'title: A\ndescription: A.\nowners: [data-team\n' })).toMatchInlineSnapshot(`
      "content/datasets/a.yaml:3:9 error [yaml] Flow sequence in block collection must be sufficiently indented and end with a ]
        hint: Close every \`[\` and \`{\` that opens here, and indent nested lines more than their parent."
    `);
  });

  it('reports a tab used as indentation', () => {
    expect(report({ 'datasets/a.yaml': DATASET + 'location:\n\turi: s3://x\n' })).toMatchInlineSnapshot(`
      "content/datasets/a.yaml:6:1 error [yaml] Tabs are not allowed as indentation
        hint: YAML indents with spaces only; replace the tab."
    `);
  });

  it('reports a duplicate key at the second one, points at the first, and does not guess which wins', () => {
    const { catalog } = hostile({ 'datasets/a.yaml': DATASET + 'domain: one\ndomain: two\n' });
    expect(report({ 'datasets/a.yaml': DATASET + 'domain: one\ndomain: two\n' })).toMatchInlineSnapshot(`
      "content/datasets/a.yaml:6:1 error [yaml] Duplicate key \`domain\`: each key may appear once in a mapping
        hint: Each key may appear once per mapping; remove or merge the repeated one.
        see: content/datasets/a.yaml:5:1 \`domain\` is first set here"
    `);
    expect(catalog.byId.has('a')).toBe(false);
  });

  it('reports duplicate keys in nested and flow mappings', () => {
    expect(report({ 'datasets/a.yaml': DATASET + 'size: { rows: 1, rows: 2 }\nlocation:\n  uri: x\n  uri: y\n' })).toMatchInlineSnapshot(`
      "content/datasets/a.yaml:5:18 error [yaml] Duplicate key \`rows\`: each key may appear once in a mapping
        hint: Each key may appear once per mapping; remove or merge the repeated one.
        see: content/datasets/a.yaml:5:9 \`rows\` is first set here
      content/datasets/a.yaml:8:3 error [yaml] Duplicate key \`uri\`: each key may appear once in a mapping
        hint: Each key may appear once per mapping; remove or merge the repeated one.
        see: content/datasets/a.yaml:7:3 \`uri\` is first set here"
    `);
  });

  it('reports unclosed double and single quotes where they open', () => {
    expect(
      report({
        'datasets/a.yaml': 'title: "A\ndescription: A.\nowners: [data-team]\n',
        'datasets/b.md': "---\ntitle: B\ndescription: 'B.\nowners: [data-team]\n---\n# Body\n",
      }),
    ).toMatchInlineSnapshot(`
      "content/datasets/a.yaml:1:8 error [yaml] Missing closing "quote
        hint: Quote values that contain \`:\`, \`#\`, \`[\` or start with a special character.
      content/datasets/b.md:3:14 error [yaml] Missing closing 'quote
        hint: Quote values that contain \`:\`, \`#\`, \`[\` or start with a special character."
    `);
  });

  it('reports an unclosed flow mapping and a block that never ends', () => {
    expect(
      report({
        'datasets/a.yaml': DATASET + 'size: { rows: 1\n',
        'datasets/b.yaml': DATASET + 'schema:\n  - name: x\n    type: string\n  -\n - name: y\n',
      }),
    ).toMatchInlineSnapshot(`
      "content/datasets/a.yaml:5:7 error [yaml] Flow map in block collection must be sufficiently indented and end with a }
        hint: Close every \`[\` and \`{\` that opens here, and indent nested lines more than their parent.
      content/datasets/b.yaml:8:4 error [yaml] A block sequence may not be used as an implicit map key
      content/datasets/b.yaml:9:2 error [yaml] Implicit keys need to be on a single line
      content/datasets/b.yaml:9:2 error [yaml] Implicit map keys need to be followed by map values
        hint: Quote values that contain \`:\`, \`#\`, \`[\` or start with a special character."
    `);
  });

  it('reports values of the wrong type at the value', () => {
    expect(report({ 'datasets/a.yaml': 'title: [1, 2]\ndescription: { a: 1 }\nowners: data-team\nsize: { rows: many }\n' })).toMatchInlineSnapshot(`
      "content/datasets/a.yaml:1:8 error [schema] Expected text for \`title\`, found a list
      content/datasets/a.yaml:2:14 error [schema] Expected text for \`description\`, found a mapping
      content/datasets/a.yaml:3:9 error [schema] Expected a list for \`owners\`, found \`data-team\`
      content/datasets/a.yaml:4:15 error [schema] Expected a number for \`rows\`, found \`many\`"
    `);
  });

  it('refuses a "billion laughs" alias bomb quickly, at the first alias', () => {
    const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 9; i++) {
      const name = String.fromCharCode(97 + i);
      const previous = String.fromCharCode(96 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const bomb = `${DATASET}${levels.join('\n')}\n`;
    const before = process.memoryUsage().heapUsed;
    expect(report({ 'datasets/a.yaml': bomb })).toMatchInlineSnapshot(`
      "content/datasets/a.yaml:6:8 error [yaml] Aliases expand to too many values: refusing a possible "billion laughs" expansion
        hint: Anchors and aliases are limited so a file cannot expand without bound; write the values out."
    `);
    // Nothing was expanded: the heap grew by far less than 9^9 strings would take.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50_000_000);
  });

  it('refuses more aliases than the limit before composing the document', () => {
    const many = `${DATASET}x: &x 1\ny: [${Array(MAX_ALIASES + 1).fill('*x').join(', ')}]\n`;
    const parsed = parseYaml(many);
    // The 101st alias, in document order, is the first one refused.
    expect(parsed.value).toBeUndefined();
    expect(parsed.problems).toEqual([{ offset: many.lastIndexOf('*x'), message: `More than ${MAX_ALIASES} aliases; refusing to expand them`, code: 'ALIAS_COUNT' }]);
  });

  it('reports an alias with no anchor and an alias inside its own anchor', () => {
    expect(
      report({
        'datasets/a.yaml': DATASET + 'tags: [*nothing]\n',
        'models/b.yaml': 'title: B\ndescription: B.\nowners: [data-team]\nhyperparameters: &h { self: *h }\n',
      }),
    ).toMatchInlineSnapshot(`
      "content/datasets/a.yaml:5:8 error [yaml] Unknown alias \`*nothing\`: no anchor \`&nothing\` is set before it
        hint: Set the anchor (\`&name\`) on a value before the alias (\`*name\`) that repeats it, and never inside it.
      content/models/b.yaml:4:29 error [yaml] Alias \`*h\` refers to a collection that contains it, which would never end
        hint: Set the anchor (\`&name\`) on a value before the alias (\`*name\`) that repeats it, and never inside it."
    `);
  });

  it(`refuses nesting deeper than ${MAX_DEPTH} levels, flow or block, without overflowing the stack`, () => {
    const flow = `${DATASET}tags: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
    const block = DATASET + Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    expect(report({ 'datasets/a.yaml': flow, 'datasets/b.yaml': block })).toMatchInlineSnapshot(`
      "content/datasets/a.yaml:5:70 error [yaml] Nesting is deeper than 64 levels; refusing to read further
        hint: Entries need a few levels of nesting at most; check for an unclosed \`[\` or \`{\`, or flatten the structure.
      content/datasets/b.yaml:69:65 error [yaml] Nesting is deeper than 64 levels; refusing to read further
        hint: Entries need a few levels of nesting at most; check for an unclosed \`[\` or \`{\`, or flatten the structure."
    `);
  });

  it('reads nesting up to the limit', () => {
    const nested = `${'['.repeat(MAX_DEPTH)}1${']'.repeat(MAX_DEPTH)}`;
    expect(parseYaml(nested).problems).toEqual([]);
    expect(parseYaml(`[${nested}]`).problems.map((p) => p.code)).toEqual(['TOO_DEEP']);
  });

  it('reads a mapping of 100,000 keys in linear time (the yaml package checks duplicates in quadratic time)', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `k${i}: ${i}`).join('\n');
    const parsed = parseYaml(`${keys}\nk5: again\n`);
    expect(parsed.problems.map((p) => `${p.code} ${p.message}`)).toEqual(['DUPLICATE_KEY Duplicate key `k5`: each key may appear once in a mapping']);
  });

  it('reports __proto__, constructor and prototype keys as unknown fields and pollutes no prototype', () => {
    const text = `${DATASET}__proto__: { polluted: yes }\nconstructor: { prototype: { polluted: yes } }\nprototype: 1\nlocation: { __proto__: { polluted: yes }, uri: x }\nsplits:\n  method: random\n  parts:\n    - { name: train, classes: { __proto__: 5, "yes": 3 } }\n`;
    const { catalog } = hostile({ 'datasets/a.yaml': text, 'models/b.yaml': 'title: B\ndescription: B.\nowners: [data-team]\nhyperparameters: { __proto__: { polluted: yes }, depth: 3 }\n' });
    expect(report({ 'datasets/a.yaml': text })).toMatchInlineSnapshot(`
      "content/datasets/a.yaml:5:1 error [yaml] Unexpected key \`__proto__\`: it is reserved and is never read
        hint: Rename the key.
      content/datasets/a.yaml:5:1 error [schema] Unknown field \`__proto__\`
        hint: Fields allowed here: \`title\`, \`description\`, \`owners\`, \`status\`, \`replaced_by\`, \`tags\`, \`domain\`, \`reviewed\`, \`review_every\`, \`links\`, \`location\`, \`size\`, \`versions\`, \`sources\`, \`derived_from\`, \`sample_id\`, \`schema\`, \`splits\`, \`rights\`.
      content/datasets/a.yaml:6:1 error [schema] Unknown field \`constructor\`
        hint: Fields allowed here: \`title\`, \`description\`, \`owners\`, \`status\`, \`replaced_by\`, \`tags\`, \`domain\`, \`reviewed\`, \`review_every\`, \`links\`, \`location\`, \`size\`, \`versions\`, \`sources\`, \`derived_from\`, \`sample_id\`, \`schema\`, \`splits\`, \`rights\`.
      content/datasets/a.yaml:7:1 error [schema] Unknown field \`prototype\`
        hint: Fields allowed here: \`title\`, \`description\`, \`owners\`, \`status\`, \`replaced_by\`, \`tags\`, \`domain\`, \`reviewed\`, \`review_every\`, \`links\`, \`location\`, \`size\`, \`versions\`, \`sources\`, \`derived_from\`, \`sample_id\`, \`schema\`, \`splits\`, \`rights\`.
      content/datasets/a.yaml:8:13 error [yaml] Unexpected key \`__proto__\`: it is reserved and is never read
        hint: Rename the key.
      content/datasets/a.yaml:8:13 error [schema] Unknown field \`__proto__\` in \`location\`
        hint: Fields allowed here: \`uri\`, \`format\`, \`backup\`, \`sha256\`, \`md5\`.
      content/datasets/a.yaml:12:33 error [yaml] Unexpected key \`__proto__\`: it is reserved and is never read
        hint: Rename the key."
    `);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const parsed = parseYaml(text).value as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(parsed)).toContain('__proto__');
    expect(catalog.byId.has('b')).toBe(true);
    const model = catalog.byId.get('b')!;
    expect(model.kind === 'model' && Object.getPrototypeOf(model.data.hyperparameters)).toBe(Object.prototype);
  });

  it('reports numbers too large to hold, and values that are not a number', () => {
    expect(report({ 'datasets/a.yaml': DATASET + 'size: { rows: 1e400, bytes: 123456789012345678901234567890 }\nversions: [{ version: "1", rows: .nan }]\nsplits: { method: random, seed: 0x7fffffffffffffffff, parts: [{ name: all }] }\n' })).toMatchInlineSnapshot(`
      "content/datasets/a.yaml:5:15 error [schema] Expected a number for \`rows\`, found a number too large to hold
      content/datasets/a.yaml:5:29 error [schema] Expected at most 9007199254740991 for \`bytes\`, found \`1.2345678901234568e+29\`
      content/datasets/a.yaml:6:34 error [schema] Expected a number for \`rows\`, found \`.nan\`, not a number
      content/datasets/a.yaml:7:33 error [schema] Expected at most 9007199254740991 for \`seed\`, found \`2.3611832414348226e+21\`"
    `);
  });

  it('reports dates that are not dates, including ones YAML 1.1 would have read as timestamps', () => {
    expect(
      report({
        'datasets/a.yaml': DATASET.replace('reviewed: 2026-11-01', 'reviewed: 2026-02-30') + 'versions:\n  - { version: "1", date: yesterday }\n  - { version: "2", date: 2026-13-01T00:00:00Z }\n  - { version: "3", date: 20261001 }\n',
      }),
    ).toMatchInlineSnapshot(`
      "content/datasets/a.yaml:4:11 error [schema] Expected a date written YYYY-MM-DD, such as \`2026-10-01\`, found \`2026-02-30\`
      content/datasets/a.yaml:6:27 error [schema] Expected a date written YYYY-MM-DD, such as \`2026-10-01\`, found \`yesterday\`
      content/datasets/a.yaml:7:27 error [schema] Expected a date written YYYY-MM-DD, such as \`2026-10-01\`, found \`2026-13-01T00:00:00Z\`
      content/datasets/a.yaml:8:27 error [schema] Expected text for \`date\`, found \`20261001\`"
    `);
  });

  it('reports tags, a second document and keys that are not text', () => {
    expect(
      report({
        'datasets/a.yaml': DATASET + 'domain: !!js/function "function () { return 1 }"\n',
        'datasets/b.yaml': DATASET + '---\ntitle: Again\n',
        'datasets/c.yaml': DATASET + '? [a, b]\n: 1\n',
      }),
    ).toMatchInlineSnapshot(`
      "content/datasets/a.yaml:5:9 error [yaml] Unresolved tag: tag:yaml.org,2002:js/function
        hint: Remove the \`!tag\`: entries hold plain text, numbers, booleans, lists and mappings.
      content/datasets/b.yaml:5:1 error [yaml] Unexpected second document: a file holds one entry, so \`---\` may not start another
        hint: Put each entry in its own file; in Markdown, the front matter ends at the second \`---\`.
      content/datasets/c.yaml:5:3 error [yaml] Unexpected key that is a list, mapping or alias: keys are plain text
        hint: Write keys as plain text, such as \`name:\`."
    `);
  });

  it('reports front matter that is a list or a single value', () => {
    expect(report({ 'datasets/a.md': '---\n- title: A\n---\n', 'datasets/b.yaml': 'just text\n' })).toMatchInlineSnapshot(`
      "content/datasets/a.md:2:1 error [yaml] Expected the front matter to be a mapping of fields, found a list
        hint: Write one \`field: value\` per line, starting with \`title:\`.
      content/datasets/b.yaml:1:1 error [yaml] Expected the file to be a mapping of fields, found \`just text\`
        hint: Write one \`field: value\` per line, starting with \`title:\`."
    `);
  });

  it('reports links that would run script when followed, in every field that holds an address', () => {
    expect(
      report({
        'datasets/a.yaml': DATASET + "links:\n  - { title: Docs, url: \"javascript:alert('x')\" }\n  - { title: Data, url: 'data:text/html,<script>alert(1)</script>' }\n  - { title: Ok, url: https://example.com/docs }\n",
        'models/b.yaml': "title: B\ndescription: B.\nowners: [data-team]\nexperiment: { url: \"JaVaScRiPt:alert('x')\" }\n",
        'licenses/c.yaml': 'title: C\ndescription: C.\nowners: [data-team]\nurl: vbscript:msgbox(1)\n',
      }),
    ).toMatchInlineSnapshot(`
      "content/datasets/a.yaml:6:25 error [schema] Expected a web address starting with \`https://\` or \`http://\`, found \`javascript:alert('x')\`
      content/datasets/a.yaml:7:25 error [schema] Expected a web address starting with \`https://\` or \`http://\`, found \`data:text/html,<script>alert(1)</script>\`
      content/licenses/c.yaml:4:6 error [schema] Expected a web address starting with \`https://\` or \`http://\`, found \`vbscript:msgbox(1)\`
      content/models/b.yaml:4:20 error [schema] Expected a web address starting with \`https://\` or \`http://\`, found \`JaVaScRiPt:alert('x')\`"
    `);
  });
});
