import { describe, expect, it } from 'vitest';
import { diagnose, file } from './helpers.ts';

const labelled = file`
  ---
  title: Labelled events
  description: Training rows.
  owners: [data-team]
  schema:
    - { name: tenure_days, type: integer, range: [0, 3650] }
    - { name: region, type: categorical, values: [EU, NA] }
    - { name: plan, type: categorical }
    - { name: watched_seconds, type: integer, unit: s, range: [0, 86400] }
  ---
`;
const feature = '---\ntitle: Watch time\ndescription: Seconds watched.\nowners: [data-team]\ntraining: labelled.watched_seconds\n---\n';
const model = (domain: string) =>
  `---\ntitle: Churn\ndescription: Predicts churn.\nowners: [data-team]\ntraining: [{ dataset: labelled }]\nfeatures: [tenure_days, region, plan, watch-time]\ncertified_domain: ${domain}\n---\n`;

describe('certified-domain', () => {
  it('reports a bound on no feature, a range beyond the training range, also through a feature entry, and values training never saw', () => {
    const text = diagnose('certified-domain', {
      'datasets/labelled.md': labelled,
      'features/watch-time.md': feature,
      'models/churn.md': model('{ tenure: [0, 10], tenure_days: [30, 5000], region: [EU, APAC], watch-time: [-1, 100] }'),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/models/churn.md:7:21 error Certified domain names \`tenure\`, which is not a feature of the model
        hint: Its features: \`tenure_days\`, \`region\`, \`plan\`, \`watch-time\`.
      content/models/churn.md:7:51 error Certified range \`[30, 5000]\` of \`tenure_days\` reaches outside its training data, \`labelled.tenure_days\` \`[0, 3650]\`
        hint: Certify within \`[30, 3650]\`, or train on data that covers the rest.
        see: content/datasets/labelled.md:6:48 the range of \`labelled.tenure_days\`
      content/models/churn.md:7:71 error Certified domain of \`region\` holds a value its training data \`labelled.region\` never takes: \`APAC\`
        hint: Certify only values the training data holds: \`EU\`, \`NA\`.
        see: content/datasets/labelled.md:7:48 the values of \`labelled.region\`
      content/models/churn.md:7:95 error Certified range \`[-1, 100]\` of \`watch-time\` reaches outside its training data, \`labelled.watched_seconds\` \`[0, 86400]\`
        hint: Certify within \`[0, 100]\`, or train on data that covers the rest.
        see: content/datasets/labelled.md:9:61 the range of \`labelled.watched_seconds\`"
    `);
  });

  it('accepts bounds within the training data, and columns that declare no range or values', () => {
    const text = diagnose('certified-domain', {
      'datasets/labelled.md': labelled,
      'features/watch-time.md': feature,
      'models/churn.md': model('{ tenure_days: [30, 3650], region: [EU], plan: [basic, premium], watch-time: [0, 86400] }'),
    });
    expect(text).toBe('');
  });
});
