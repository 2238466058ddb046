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
      "content/models/ranker.md:6:16 warning Feedback loop: \`ranker\` → \`training-set\` → \`impressions\` → \`ranker\`
        hint: The model's predictions come back as data it learns from or is measured on. If that is intended, say in the model card how the loop is controlled."
    `);
  });

  it('warns about a loop closed through a composite model that consumes another', () => {
    const text = diagnose('feedback-loop', {
      'models/embeddings.md': '---\ntitle: Embeddings\ndescription: Vectors.\nowners: [data-team]\ntraining: [{ dataset: clicks }]\n---\n',
      'models/ranker.md': '---\ntitle: Ranker\ndescription: Ranks.\nowners: [data-team]\ninputs: [{ model: embeddings }]\n---\n',
      'datasets/clicks.md': '---\ntitle: Clicks\ndescription: Clicks on ranked rows.\nowners: [data-team]\nderived_from: [{ model: ranker }]\n---\n',
    });
    expect(text).toMatchInlineSnapshot(`
      "content/models/embeddings.md:5:23 warning Feedback loop: \`embeddings\` → \`clicks\` → \`ranker\` → \`embeddings\`
        hint: The model's predictions come back as data it learns from or is measured on. If that is intended, say in the model card how the loop is controlled."
    `);
  });

  it('reports a loop and a dataset cycle that touch, each on its own', () => {
    const text = diagnose('feedback-loop', {
      'models/ranker.md': ranker,
      'datasets/training-set.md': '---\ntitle: Training set\ndescription: T.\nowners: [data-team]\nderived_from: [{ model: ranker }, { dataset: catalogue }]\n---\n',
      'datasets/catalogue.md': '---\ntitle: Catalogue\ndescription: C.\nowners: [data-team]\nderived_from: [{ dataset: training-set }]\n---\n',
    });
    expect(text).toMatchInlineSnapshot(`
      "content/models/ranker.md:6:16 warning Feedback loop: \`ranker\` → \`training-set\` → \`ranker\`
        hint: The model's predictions come back as data it learns from or is measured on. If that is intended, say in the model card how the loop is controlled."
    `);
  });

  it('reports one loop per model when two models share a tangle', () => {
    const text = diagnose('feedback-loop', {
      'models/ranker.md': ranker,
      'models/reranker.md': '---\ntitle: Reranker\ndescription: R.\nowners: [data-team]\ntraining: [{ dataset: training-set }]\n---\n',
      'datasets/training-set.md': '---\ntitle: Training set\ndescription: T.\nowners: [data-team]\nderived_from: [{ model: ranker }, { model: reranker }]\n---\n',
    });
    expect(text).toMatchInlineSnapshot(`
      "content/models/ranker.md:6:16 warning Feedback loop: \`ranker\` → \`training-set\` → \`ranker\`
        hint: The model's predictions come back as data it learns from or is measured on. If that is intended, say in the model card how the loop is controlled.
      content/models/reranker.md:5:23 warning Feedback loop: \`reranker\` → \`training-set\` → \`reranker\`
        hint: The model's predictions come back as data it learns from or is measured on. If that is intended, say in the model card how the loop is controlled."
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
