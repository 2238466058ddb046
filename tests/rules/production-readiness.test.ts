import { describe, expect, it } from 'vitest';
import { diagnose, file } from './helpers.ts';

const heuristic = '---\ntitle: Heuristic\ndescription: A rule of thumb.\nowners: [data-team]\n---\n';

describe('production-readiness', () => {
  it('reports a production model without a fallback or metrics', () => {
    const text = diagnose('production-readiness', {
      'models/churn.md': '---\ntitle: Churn\ndescription: Predicts churn.\nowners: [data-team]\nstage: production\n---\n',
    });
    expect(text).toMatchInlineSnapshot(`
      "content/models/churn.md:5:8 error Production model without a \`fallback\`
        hint: Name the model or rule that answers when this one is down (\`fallback: <model-id>\`), or, if this model is that last resort, say why with \`last_resort: <why>\`.
      content/models/churn.md:5:8 error Production model without \`metrics\`
        hint: Report at least one metric with the objective it must meet."
    `);
  });

  it('reports each metric of a production model that has no objective', () => {
    const text = diagnose('production-readiness', {
      'models/heuristic.md': heuristic,
      'models/churn.md': file`
        ---
        title: Churn
        description: Predicts churn.
        owners: [data-team]
        stage: production
        fallback: heuristic
        metrics:
          - { name: recall, value: 0.81, objective: { min: 0.75 } }
          - { name: precision, value: 0.64 }
        ---
      `,
    });
    expect(text).toMatchInlineSnapshot(`
      "content/models/churn.md:9:5 error Metric \`precision\` of a production model has no objective
        hint: Add the service level it must meet, such as \`objective: { min: 0.75 }\`."
    `);
  });

  it('accepts a ready production model, and models in other stages without any of it', () => {
    const text = diagnose('production-readiness', {
      'models/heuristic.md': heuristic,
      'models/churn.md': '---\ntitle: Churn\ndescription: C.\nowners: [data-team]\nstage: production\nfallback: heuristic\nmetrics: [{ name: auc, value: 0.9, objective: { min: 0.8 } }]\n---\n',
      'models/candidate.md': '---\ntitle: Candidate\ndescription: C.\nowners: [data-team]\nstage: staging\nmetrics: [{ name: auc, value: 0.9 }]\n---\n',
    });
    expect(text).toBe('');
  });

  it('accepts a production model that is the last resort by design, with no fallback', () => {
    const text = diagnose('production-readiness', {
      'models/popularity-rule.md': file`
        ---
        title: Popularity rule
        description: Recommends the week's most watched titles.
        owners: [data-team]
        stage: production
        last_resort: A fixed ranking that answers when every learned recommender is down.
        metrics: [{ name: coverage, value: 1, objective: { min: 0.99 } }]
        ---
      `,
    });
    expect(text).toBe('');
  });

  it('reports a model that sets both a fallback and a last resort, whatever its stage', () => {
    const text = diagnose('production-readiness', {
      'models/heuristic.md': heuristic,
      'models/churn.md': file`
        ---
        title: Churn
        description: Predicts churn.
        owners: [data-team]
        stage: staging
        fallback: heuristic
        last_resort: Nothing else answers.
        ---
      `,
    });
    expect(text).toMatchInlineSnapshot(`
      "content/models/churn.md:7:1 error Model sets both \`fallback\` and \`last_resort\`
        hint: A last resort has nothing to fall back to: remove \`last_resort\`, or remove \`fallback\` if this model is what answers when the others are down.
        see: content/models/churn.md:6:11 The fallback it names"
    `);
  });
});
