import { describe, expect, it } from 'vitest';
import { diagnose, file } from './helpers.ts';

const events = file`
  ---
  title: Events
  description: Labelled events.
  owners: [data-team]
  schema:
    - { name: region, type: string, values: [EU, NA, APAC] }
    - { name: device_type, type: categorical }
  splits:
    method: random
    parts:
      - { name: train }
      - { name: validation }
      - { name: test }
      - { name: tuning, training: true }
  ---
`;

const model = (metrics: string, extra = '') =>
  `---\ntitle: Churn\ndescription: Predicts churn.\nowners: [data-team]\ntraining: [{ dataset: events, split: train }]\n${extra}metrics:\n${metrics}---\n`;

describe('metric-integrity', () => {
  it('reports metrics without a dataset or split, on an unknown split, or on a training split', () => {
    const text = diagnose('metric-integrity', {
      'datasets/events.md': events,
      'models/churn.md': model(
        '  - { name: auc, value: 0.9 }\n' +
          '  - { name: recall, value: 0.8, dataset: events }\n' +
          '  - { name: recall, value: 0.8, dataset: events, split: tset }\n' +
          '  - { name: recall, value: 0.9, dataset: events, split: train }\n' +
          '  - { name: recall, value: 0.9, dataset: events, split: tuning }\n',
      ),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/models/churn.md:7:5 error Metric \`auc\` cites no dataset
        hint: Add \`dataset:\` and \`split:\` naming the held-out data it was measured on.
      content/models/churn.md:8:5 error Metric \`recall\` names no split of \`events\`
        hint: Its splits: \`train\`, \`validation\`, \`test\`, \`tuning\`.
      content/models/churn.md:9:57 error Unknown split \`tset\` of \`events\`
        hint: Did you mean \`test\`?
      content/models/churn.md:10:57 error Metric \`recall\` is measured on the training split \`train\` of \`events\`
        hint: Report results on a held-out split, such as \`test\`.
      content/models/churn.md:11:57 error Metric \`recall\` is measured on the training split \`tuning\` of \`events\`
        hint: Report results on a held-out split, such as \`test\`."
    `);
  });

  it('reports slices over undeclared columns or values, and factors without sliced results', () => {
    const text = diagnose('metric-integrity', {
      'datasets/events.md': events,
      'models/churn.md': model(
        '  - { name: recall, value: 0.8, dataset: events, split: test, slice: "regoin=EU" }\n' +
          '  - { name: recall, value: 0.8, dataset: events, split: test, slice: "region=LATAM" }\n',
        'factors: [region, device_type]\n',
      ),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/models/churn.md:6:19 error Factor \`device_type\` has no sliced results
        hint: Add a metric with \`slice: "device_type=<value>"\` for the groups that matter.
      content/models/churn.md:8:70 error Slice \`regoin=EU\` is over \`regoin\`, which \`events\` does not declare
        hint: Did you mean \`region\`?
      content/models/churn.md:9:70 error Slice \`region=LATAM\`: \`LATAM\` is not a value of \`events.region\`
        hint: Its values: \`EU\`, \`NA\`, \`APAC\`."
    `);
  });

  it('accepts metrics on held-out splits with valid slices, citing the only evaluation dataset by default', () => {
    const text = diagnose('metric-integrity', {
      'datasets/events.md': events,
      'models/churn.md': model(
        '  - { name: recall, value: 0.8, split: test }\n' +
          '  - { name: recall, value: 0.8, dataset: events, split: validation, slice: "region=EU" }\n' +
          '  - { name: recall, value: 0.8, dataset: events, split: test, slice: "device_type=tv" }\n',
        'evaluation: [{ dataset: events, split: test }]\nfactors: [region, device_type]\n',
      ),
    });
    expect(text).toBe('');
  });
});
