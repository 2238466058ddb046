import { describe, expect, it } from 'vitest';
import { diagnose, file } from './helpers.ts';

describe('objective-met', () => {
  it('reports metrics below their minimum or above their maximum, naming the slice and split', () => {
    const text = diagnose('objective-met', {
      'models/churn.md': file`
        ---
        title: Churn
        description: Predicts churn.
        owners: [data-team]
        metrics:
          - { name: recall, value: 0.71, split: test, objective: { min: 0.75 } }
          - { name: latency-p99-ms, value: 140, objective: { max: 120 } }
          - { name: precision, value: 0.58, split: test, slice: "region=EU", objective: { min: 0.6, max: 0.9 } }
        ---
      `,
    });
    expect(text).toMatchInlineSnapshot(`
      "content/models/churn.md:6:28 error Metric \`recall\` of split \`test\` is 0.71, below its objective of at least 0.75
      content/models/churn.md:7:36 error Metric \`latency-p99-ms\` is 140, above its objective of at most 120
      content/models/churn.md:8:31 error Metric \`precision\` on slice \`region=EU\` of split \`test\` is 0.58, below its objective of at least 0.6"
    `);
  });

  it('accepts metrics on their bounds or within them, and ignores retired models', () => {
    const text = diagnose('objective-met', {
      'models/churn.md': '---\ntitle: Churn\ndescription: C.\nowners: [data-team]\nmetrics:\n  - { name: recall, value: 0.75, objective: { min: 0.75 } }\n  - { name: p99, value: 120, objective: { max: 120 } }\n  - { name: auc, value: 0.8 }\n---\n',
      'models/old.md': '---\ntitle: Old\ndescription: O.\nowners: [data-team]\nstage: retired\nmetrics: [{ name: recall, value: 0.1, objective: { min: 0.75 } }]\n---\n',
    });
    expect(text).toBe('');
  });
});
