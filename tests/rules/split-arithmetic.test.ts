import { describe, expect, it } from 'vitest';
import { diagnose } from './helpers.ts';

const withSplits = (splits: string, rows = 1000) =>
  `---\ntitle: Events\ndescription: Play events.\nowners: [data-team]\nsize: { rows: ${rows} }\nsplits:\n${splits}---\n`;

describe('split-arithmetic', () => {
  it('reports parts whose rows do not add up to the dataset rows, pointing at the size too', () => {
    const text = diagnose('split-arithmetic', {
      'datasets/events.md': withSplits('  method: random\n  parts:\n    - { name: train, rows: 800 }\n    - { name: test, rows: 150 }\n'),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/events.md:9:5 error Split rows add up to 950, but \`size.rows\` is 1,000
        hint: Parts: train 800 + test 150. 50 rows are in no part.
        see: content/datasets/events.md:5:15 the dataset size"
    `);
  });

  it('reports rows counted twice', () => {
    const text = diagnose('split-arithmetic', {
      'datasets/events.md': withSplits('  method: random\n  parts:\n    - { name: train, rows: 800 }\n    - { name: test, rows: 250 }\n'),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/events.md:9:5 error Split rows add up to 1,050, but \`size.rows\` is 1,000
        hint: Parts: train 800 + test 250. Some rows are counted twice.
        see: content/datasets/events.md:5:15 the dataset size"
    `);
  });

  it('reports fractions that do not add up to 1 and a fraction that disagrees with its rows', () => {
    const text = diagnose('split-arithmetic', {
      'datasets/events.md': withSplits(
        '  method: random\n  parts:\n    - { name: train, rows: 800, fraction: 0.7 }\n    - { name: test, rows: 200, fraction: 0.2 }\n',
      ),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/events.md:9:5 error Split fractions add up to 0.9, expected 1
        hint: Fractions: train 0.7 + test 0.2.
      content/datasets/events.md:9:43 error Split \`train\` has fraction 0.7, but its 800 rows are 0.8 of 1,000
        hint: Set \`fraction: 0.8\`, or correct its rows."
    `);
  });

  it('reports class counts that do not add up to the rows of their part, and duplicate part names', () => {
    const text = diagnose('split-arithmetic', {
      'datasets/events.md': withSplits(
        '  method: random\n  parts:\n    - { name: train, rows: 800, classes: { "yes": 40, "no": 750 } }\n    - { name: train, rows: 200 }\n',
      ),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/events.md:9:42 error Class counts of split \`train\` add up to 790, but it has 800 rows
        hint: Every row belongs to exactly one class; recount the classes or correct \`rows\`.
      content/datasets/events.md:10:15 error Duplicate split name \`train\`
        hint: Give each part its own name: metrics and models name the split they use.
        see: content/datasets/events.md:9:15 \`train\` is first named here"
    `);
  });

  it('accepts parts that add up, fractions within rounding, and parts without counts', () => {
    const text = diagnose('split-arithmetic', {
      'datasets/events.md': withSplits(
        '  method: random\n  parts:\n    - { name: train, rows: 667, fraction: 0.667, classes: { "yes": 7, "no": 660 } }\n    - { name: test, rows: 333, fraction: 0.333 }\n',
      ),
      'datasets/unsized.md': '---\ntitle: Unsized\ndescription: No counts.\nowners: [data-team]\nsplits: { method: random, parts: [{ name: train }, { name: test }] }\n---\n',
    });
    expect(text).toBe('');
  });
});
