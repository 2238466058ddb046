import { describe, expect, it } from 'vitest';
import { diagnose } from './helpers.ts';

const stratified = (parts: string, extra = '') =>
  `---\ntitle: Events\ndescription: Labelled events.\nowners: [data-team]\nschema:\n  - { name: churned, type: boolean }\nsplits:\n  method: stratified\n  stratify_by: churned\n${extra}  parts:\n${parts}---\n`;

// 3.45% churners overall, as in a real rare-event split.
const balanced =
  '    - { name: train, rows: 2432, classes: { "true": 84, "false": 2348 } }\n' +
  '    - { name: validation, rows: 486, classes: { "true": 17, "false": 469 } }\n' +
  '    - { name: test, rows: 324, classes: { "true": 11, "false": 313 } }\n';

describe('split-stratification', () => {
  it('accepts a rare class kept within tolerance in every part', () => {
    expect(diagnose('split-stratification', { 'datasets/events.md': stratified(balanced) })).toBe('');
  });

  it('reports a rare class missing from the test part', () => {
    const parts = balanced.replace('{ "true": 11, "false": 313 }', '{ "false": 324 }');
    expect(diagnose('split-stratification', { 'datasets/events.md': stratified(parts) })).toMatchInlineSnapshot(`
      "content/datasets/events.md:13:41 error Class \`true\` is 0.00% of split \`test\` but 3.12% overall, beyond the 2.00% tolerance of a stratified split
        hint: Split \`test\` has no \`true\` rows at all; re-split with stratification."
    `);
  });

  it('reports a class share beyond the tolerance, which the config or the split itself can widen', () => {
    // test: 30 of 324 churners is 9.26% against 4.04% overall.
    const parts = balanced.replace('{ "true": 11, "false": 313 }', '{ "true": 30, "false": 294 }');
    const content = { 'datasets/events.md': stratified(parts) };
    expect(diagnose('split-stratification', content)).toMatchInlineSnapshot(`
      "content/datasets/events.md:13:41 error Class \`true\` is 9.26% of split \`test\` but 4.04% overall, beyond the 2.00% tolerance of a stratified split
        hint: Re-split with stratification, or correct the class counts."
    `);
    expect(diagnose('split-stratification', content, { config: 'stratification_tolerance: 0.1\n' })).toBe('');
    expect(diagnose('split-stratification', { 'datasets/events.md': stratified(parts, '  tolerance: 0.1\n') })).toBe('');
  });

  it('reports a stratified split without its column or without class counts', () => {
    const text = diagnose('split-stratification', {
      'datasets/events.md': stratified(balanced.replace(', classes: { "true": 17, "false": 469 }', '')).replace('stratify_by: churned', 'stratify_by: churn'),
      'datasets/other.md': '---\ntitle: Other\ndescription: O.\nowners: [data-team]\nsplits:\n  method: stratified\n  parts: [{ name: train, classes: { a: 1 } }]\n---\n',
    });
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/events.md:9:16 error Unknown column \`churn\` in \`stratify_by\`
        hint: Did you mean \`churned\`?
      content/datasets/events.md:12:7 error Split \`validation\` of a stratified split gives no class counts
        hint: Add \`classes: { <class>: <rows>, … }\` to every part.
      content/datasets/other.md:6:11 error Stratified split without \`stratify_by\`
        hint: Name the column whose class proportions every part keeps."
    `);
  });

  it('names the rare class when a part has none of it, even when it is written as zero', () => {
    const parts = balanced.replace('{ "true": 11, "false": 313 }', '{ "false": 324, "true": 0 }');
    expect(diagnose('split-stratification', { 'datasets/events.md': stratified(parts) })).toMatchInlineSnapshot(`
      "content/datasets/events.md:13:41 error Class \`true\` is 0.00% of split \`test\` but 3.12% overall, beyond the 2.00% tolerance of a stratified split
        hint: Split \`test\` has no \`true\` rows at all; re-split with stratification."
    `);
  });

  it('reports a class that is not a value of the stratification column', () => {
    const parts = balanced.replace('{ "true": 17, "false": 469 }', '{ "ture": 17, "false": 469 }');
    const text = diagnose('split-stratification', { 'datasets/events.md': stratified(parts) });
    expect(text.split('\n').filter((l) => l.includes('Unknown class') || l.includes('hint: Did'))).toMatchInlineSnapshot(`
      [
        "content/datasets/events.md:12:49 error Unknown class \`ture\` of \`churned\` in split \`validation\`",
        "  hint: Did you mean \`true\`?",
      ]
    `);
  });

  it('ignores splits that are not stratified', () => {
    const parts = balanced.replace('{ "true": 11, "false": 313 }', '{ "false": 324 }');
    expect(diagnose('split-stratification', { 'datasets/events.md': stratified(parts).replace('method: stratified', 'method: random') })).toBe('');
  });
});
