import { describe, expect, it } from 'vitest';
import { diagnose, file } from './helpers.ts';

const events = '---\ntitle: Events\ndescription: E.\nowners: [data-team]\nversions: [{ version: "2026-08" }, { version: "2026-09" }]\n---\n';
const survey = '---\ntitle: Survey\ndescription: S.\nowners: [data-team]\n---\n';

describe('pinned-data', () => {
  it('warns about unpinned training and evaluation data of a production model, suggesting the latest version', () => {
    const text = diagnose('pinned-data', {
      'datasets/events.md': events,
      'datasets/survey.md': survey,
      'models/churn.md': file`
        ---
        title: Churn
        description: Predicts churn.
        owners: [data-team]
        stage: production
        training:
          - { dataset: events, split: train }
        evaluation:
          - { dataset: survey }
        ---
      `,
    });
    expect(text).toMatchInlineSnapshot(`
      "content/models/churn.md:7:5 warning Training data \`events\` is not pinned to a version
        hint: Pin the version the model was built from, such as \`version: "2026-09"\`.
      content/models/churn.md:9:5 warning Evaluation data \`survey\` is not pinned to a version
        hint: Pin the version the model was built from with \`version:\`."
    `);
  });

  it('accepts pins in both spellings, and unpinned data outside production', () => {
    const text = diagnose('pinned-data', {
      'datasets/events.md': events,
      'models/churn.md': '---\ntitle: Churn\ndescription: C.\nowners: [data-team]\nstage: production\ntraining: [{ dataset: events, version: "2026-09" }]\nevaluation: [{ dataset: events@2026-09 }]\n---\n',
      'models/candidate.md': '---\ntitle: Candidate\ndescription: C.\nowners: [data-team]\nstage: staging\ntraining: [{ dataset: events }]\n---\n',
    });
    expect(text).toBe('');
  });
});
