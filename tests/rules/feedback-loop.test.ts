import { describe, expect, it } from 'vitest';
import { diagnose, file } from './helpers.ts';

const ranker = file`
  ---
  title: Ranker
  description: Ranks titles.
  owners: [data-team]
  training:
    - { dataset: training-set, split: train }
  ---
`;

describe('feedback-loop', () => {
  it('warns about a model trained on data built from its own logged predictions, naming the path', () => {
    const text = diagnose('feedback-loop', {
      'models/ranker.md': ranker,
      'datasets/impressions.md': file`
        ---
        title: Impressions
        description: What the ranker showed.
        owners: [data-team]
        derived_from:
          - { model: ranker, transform: "logged served rankings" }
        ---
      `,
      'datasets/training-set.md': '---\ntitle: Training set\ndescription: Labelled impressions.\nowners: [data-team]\nderived_from: [{ dataset: impressions }]\n---\n',
    });
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/impressions.md:6:14 warning Feedback loop: \`impressions\` → \`ranker\` → \`training-set\` → \`impressions\`
        hint: Model outputs feed its own training data. If intended, say in the model card how the loop is controlled."
    `);
  });

  it('warns about a loop closed through a composite model that consumes another', () => {
    const text = diagnose('feedback-loop', {
      'models/embeddings.md': '---\ntitle: Embeddings\ndescription: Vectors.\nowners: [data-team]\ntraining: [{ dataset: clicks }]\n---\n',
      'models/ranker.md': '---\ntitle: Ranker\ndescription: Ranks.\nowners: [data-team]\ninputs: [{ model: embeddings }]\n---\n',
      'datasets/clicks.md': '---\ntitle: Clicks\ndescription: Clicks on ranked rows.\nowners: [data-team]\nderived_from: [{ model: ranker }]\n---\n',
    });
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/clicks.md:5:25 warning Feedback loop: \`clicks\` → \`ranker\` → \`embeddings\` → \`clicks\`
        hint: Model outputs feed its own training data. If intended, say in the model card how the loop is controlled."
    `);
  });

  it('is off when the config says so', () => {
    const content = {
      'models/ranker.md': ranker,
      'datasets/training-set.md': '---\ntitle: Training set\ndescription: Logged.\nowners: [data-team]\nderived_from: [{ model: ranker }]\n---\n',
    };
    expect(diagnose('feedback-loop', content)).not.toBe('');
    expect(diagnose('feedback-loop', content, { config: 'rules:\n  feedback-loop: off\n' })).toBe('');
  });

  it('accepts a model whose predictions feed data it is not trained on', () => {
    const text = diagnose('feedback-loop', {
      'models/ranker.md': ranker,
      'datasets/training-set.md': '---\ntitle: Training set\ndescription: Labelled.\nowners: [data-team]\n---\n',
      'datasets/impressions.md': '---\ntitle: Impressions\ndescription: Logged.\nowners: [data-team]\nderived_from: [{ model: ranker }]\n---\n',
    });
    expect(text).toBe('');
  });

  it('leaves a cycle of datasets alone to lineage-acyclic', () => {
    const text = diagnose('feedback-loop', {
      'datasets/a.md': '---\ntitle: A\ndescription: A.\nowners: [data-team]\nderived_from: [{ dataset: b }]\n---\n',
      'datasets/b.md': '---\ntitle: B\ndescription: B.\nowners: [data-team]\nderived_from: [{ dataset: a }]\n---\n',
    });
    expect(text).toBe('');
  });
});
