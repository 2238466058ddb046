/**
 * Names that are also members of every JavaScript object (`constructor`, `toString`,
 * `hasOwnProperty`, `__proto__`) are ordinary names in a catalog: a split class, a use in
 * the config's vocabulary, a license term. Looking them up must find only what the
 * catalog declares, never a built-in.
 */
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/lib/interchange/import/index.ts';
import { hubLicenseId, hubPipeline } from '../../src/lib/interchange/hub.ts';
import { formatInfo } from '../../src/lib/interchange/mime.ts';
import { termSentence } from '../../src/lib/rights/license-terms.ts';
import { restrictionsOfTerms } from '../../src/lib/rights/licenses.ts';
import type { DatasetBody } from '../../src/lib/pages/dataset.ts';
import { entryPage } from '../../src/lib/pages/entry.ts';
import { own } from '../../src/lib/own.ts';
import { classBalanceSvg } from '../../src/lib/view/balance-chart.ts';
import { hostile, show } from './helpers.ts';

const MEMBERS = ['constructor', 'toString', 'hasOwnProperty', 'valueOf'];

const stratified = (train: string, test: string) =>
  `title: A\ndescription: D.\nowners: [data-team]\nreviewed: 2026-11-01\nschema:\n  - { name: label, type: string }\nsplits:\n  method: stratified\n  stratify_by: label\n  parts:\n    - { name: train, rows: 10, classes: { ${train} } }\n    - { name: test, rows: 10, classes: { ${test} } }\n`;

describe('names that are object members', () => {
  it('finds only own properties', () => {
    expect(MEMBERS.map((m) => own({ a: 1 }, m))).toEqual([undefined, undefined, undefined, undefined]);
    expect(own({ constructor: 3 }, 'constructor')).toBe(3);
  });

  it('counts split classes named like object members as classes, with shares and no NaN', () => {
    const { catalog } = hostile({ 'datasets/a.yaml': stratified('constructor: 5, toString: 5', 'yes: 5, no: 5') });
    const text = show(catalog.diagnostics.filter((d) => d.rule === 'split-stratification'));
    expect(text).not.toContain('NaN');
    expect(text).toContain('Class `constructor` is 0.00% of split `test` but 25.00% overall');
    expect(text).toContain('Class `constructor` is 50.00% of split `train` but 25.00% overall');
  });

  it('draws the balance of classes named like object members without NaN', () => {
    const { catalog } = hostile({ 'datasets/a.yaml': stratified('constructor: 5, toString: 5', 'hasOwnProperty: 5, valueOf: 5') });
    const entry = catalog.byId.get('a');
    expect(entry?.kind).toBe('dataset');
    if (entry?.kind !== 'dataset') return;
    const svg = classBalanceSvg(entry.data.splits!) ?? '';
    expect(svg).not.toContain('NaN');
    expect(svg).toContain('constructor');
  });

  it('reads a `uses` vocabulary of object-member names from the config, and none it does not declare', () => {
    const config = 'uses:\n  constructor: { description: Built for sale, commercial: true }\n  research: { description: Research }\n';
    const dataset = (uses: string, license = 'CC-BY-NC-4.0') =>
      `title: A\ndescription: D.\nowners: [data-team]\nreviewed: 2026-11-01\nrights:\n  license: ${license}\n  allowed_uses: [${uses}]\n`;
    const { catalog } = hostile({ 'datasets/sold.yaml': dataset('constructor') }, config);
    const relevant = (c: typeof catalog) => show(c.diagnostics.filter((d) => ['rights', 'known-uses', 'config'].includes(d.rule)));
    // A declared commercial use named `constructor` is read as declared.
    expect(relevant(catalog)).toBe(
      'content/datasets/sold.yaml:7:18 error [rights] Commercial use `constructor` conflicts with its own non-commercial license `CC-BY-NC-4.0`\n  hint: Remove the use: the license forbids commercial use.',
    );
    // A vocabulary that does not declare it knows no such use, though every object answers to the name.
    const undeclared = hostile({ 'datasets/sold.yaml': dataset('constructor') }, 'uses:\n  research: { description: Research }\n').catalog;
    expect(relevant(undeclared)).toContain('content/datasets/sold.yaml:7:18 error [known-uses] Unknown use `constructor`');
    expect(relevant(undeclared)).not.toContain('[rights]');
  });

  it("reads no restriction into a license's condition named like an object member", () => {
    expect([...restrictionsOfTerms([...MEMBERS, 'non-commercial'])]).toEqual(['non-commercial']);
  });

  it('counts on the dataset page no class that a split does not declare, though every object answers to its name', () => {
    const { catalog } = hostile({ 'datasets/a.yaml': stratified('constructor: 5, toString: 5', 'yes: 5, no: 5') });
    const splits = (entryPage(catalog, 'a').body as DatasetBody).splits!;
    const test = splits.parts.find((p) => p.name === 'test')!;
    expect(splits.classes).toEqual(['constructor', 'toString', 'yes', 'no']);
    expect(test.classes.slice(0, 2)).toEqual([undefined, undefined]);
    expect(JSON.stringify(splits)).not.toContain('NaN');
  });

  it('keeps foreign Croissant keys named `__proto__` or `constructor` as imported metadata', () => {
    // Written as text: an object literal's `__proto__` would set its prototype, not a key.
    const raw = '{"__proto__": {"polluted": true}, "constructor": "x", "toString": "y", "@context": {"@vocab": "https://schema.org/"}, "@type": "sc:Dataset", "name": "A", "description": "D."}';
    const result = importText('croissant', raw, { known: new Map(), fileName: 'a.json' });
    expect(result.unmapped).toEqual(expect.arrayContaining(['__proto__', 'constructor', 'toString']));
    expect(result.entries[0]!.text).toContain('polluted');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('maps no format, task, license or license term named like an object member to a built-in', () => {
    for (const name of MEMBERS) {
      expect(formatInfo(name), name).toBeUndefined();
      expect(hubPipeline(name), name).toBeUndefined();
      expect(typeof hubLicenseId(name), name).not.toBe('function');
      expect(typeof termSentence('limitations', name), name).toBe('string');
    }
    expect(termSentence('limitations', 'constructor')).toBe('Constructor.');
  });
});
