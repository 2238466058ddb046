import { describe, expect, it } from 'vitest';
import { diagnose, file } from './helpers.ts';

const dataset = (title: string, derived = '') =>
  `---\ntitle: ${title}\ndescription: ${title}.\nowners: [data-team]\n${derived}splits:\n  method: random\n  parts: [{ name: train }, { name: test }]\n---\n`;

const model = (training: string, evaluation: string) => file`
  ---
  title: Churn model
  description: Predicts churn.
  owners: [data-team]
  training:
    - ${training}
  evaluation:
    - ${evaluation}
  ---
`;

describe('leakage', () => {
  it('reports evaluating on the training dataset without distinct splits', () => {
    const text = diagnose('leakage', {
      'datasets/events.md': dataset('Events'),
      'models/churn.md': model('{ dataset: events }', '{ dataset: events, split: test }'),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/models/churn.md:8:5 error Evaluated on \`events\`, which it is also trained on, without distinct splits
        hint: Name distinct splits for training and evaluation, such as \`train\` and \`test\`.
        see: content/models/churn.md:6:5 trained on \`events\`"
    `);
  });

  it('reports evaluating on the very split the model trains on', () => {
    const text = diagnose('leakage', {
      'datasets/events.md': dataset('Events'),
      'models/churn.md': model('{ dataset: events, split: train }', '{ dataset: events, split: train }'),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/models/churn.md:8:5 error Evaluated on split \`train\` of \`events\`, the split it is trained on
        hint: Name distinct splits for training and evaluation, such as \`train\` and \`test\`.
        see: content/models/churn.md:6:5 trained on \`events\` split \`train\`"
    `);
  });

  it('accepts one dataset used through distinct declared splits', () => {
    const text = diagnose('leakage', {
      'datasets/events.md': dataset('Events'),
      'models/churn.md': model('{ dataset: events, split: train }', '{ dataset: events, split: test }'),
    });
    expect(text).toBe('');
  });

  it('reports evaluation data derived from the training data through lineage, with the path', () => {
    const text = diagnose('leakage', {
      'datasets/events.md': dataset('Events'),
      'datasets/sessions.md': dataset('Sessions', 'derived_from: [{ dataset: events }]\n'),
      'datasets/holdout.md': dataset('Holdout', 'derived_from: [{ dataset: sessions }]\n'),
      'models/churn.md': model('{ dataset: events, split: train }', '{ dataset: holdout, split: test }'),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/models/churn.md:8:16 error Evaluation data \`holdout\` is derived from training data \`events\`: \`holdout\` → \`sessions\` → \`events\`
        hint: If \`sessions\` comes from a held-out split of \`events\`, declare it: \`derived_from: [{ dataset: events, split: test }]\`.
        see: content/models/churn.md:6:5 trained on \`events\` split \`train\`"
    `);
  });

  it('reports leakage through column-level lineage alone', () => {
    const text = diagnose('leakage', {
      'datasets/events.md': '---\ntitle: Events\ndescription: E.\nowners: [data-team]\nschema: [{ name: label, type: boolean }]\n---\n',
      'datasets/holdout.md': '---\ntitle: Holdout\ndescription: H.\nowners: [data-team]\nschema: [{ name: label, type: boolean, derived_from: events.label }]\n---\n',
      'models/churn.md': model('{ dataset: events }', '{ dataset: holdout }'),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/models/churn.md:8:16 error Evaluation data \`holdout\` is derived from training data \`events\`: \`holdout\` → \`events\`
        hint: If \`holdout\` comes from a held-out split of \`events\`, declare it: \`derived_from: [{ dataset: events, split: test }]\`.
        see: content/models/churn.md:6:5 trained on \`events\`"
    `);
  });

  it('accepts evaluation data declared as built from a held-out split of the training data', () => {
    const text = diagnose('leakage', {
      'datasets/events.md': dataset('Events'),
      'datasets/holdout.md': dataset('Holdout', 'derived_from: [{ dataset: events, split: test }]\n'),
      'models/churn.md': model('{ dataset: events, split: train }', '{ dataset: holdout, split: test }'),
    });
    expect(text).toBe('');
  });

  it('reports evaluation data built from the very split the model trains on', () => {
    const text = diagnose('leakage', {
      'datasets/events.md': dataset('Events'),
      'datasets/holdout.md': dataset('Holdout', 'derived_from: [{ dataset: events, split: test }]\n'),
      'models/churn.md': model('{ dataset: events, split: test }', '{ dataset: holdout, split: test }'),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/models/churn.md:8:16 error Evaluation data \`holdout\` is derived from split \`test\` of training data \`events\`, the split it is trained on: \`holdout\` → \`events\`
        hint: Train on another split of \`events\` than the one \`holdout\` was built from.
        see: content/models/churn.md:6:5 trained on \`events\` split \`test\`"
    `);
  });

  it('reports evaluation data built from a held-out split when the model trains on the whole dataset', () => {
    const text = diagnose('leakage', {
      'datasets/events.md': dataset('Events'),
      'datasets/holdout.md': dataset('Holdout', 'derived_from: [{ dataset: events, split: test }]\n'),
      'models/churn.md': model('{ dataset: events }', '{ dataset: holdout, split: test }'),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/models/churn.md:8:16 error Evaluation data \`holdout\` is derived from split \`test\` of training data \`events\`, which it trains on whole: \`holdout\` → \`events\`
        hint: Name the split of \`events\` it trains on, such as \`split: train\`.
        see: content/models/churn.md:6:5 trained on \`events\`"
    `);
  });

  it('reports training data derived from the evaluation data', () => {
    const text = diagnose('leakage', {
      'datasets/events.md': dataset('Events'),
      'datasets/augmented.md': dataset('Augmented', 'derived_from: [{ dataset: events }]\n'),
      'models/churn.md': model('{ dataset: augmented, split: train }', '{ dataset: events, split: test }'),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/models/churn.md:8:16 error Training data \`augmented\` is derived from evaluation data \`events\`: \`augmented\` → \`events\`
        hint: Evaluate on data the training set was not built from, or declare the split \`augmented\` was derived from.
        see: content/models/churn.md:6:5 trained on \`augmented\` split \`train\`"
    `);
  });

  it('accepts unrelated training and evaluation data', () => {
    const text = diagnose('leakage', {
      'datasets/events.md': dataset('Events'),
      'datasets/survey.md': dataset('Survey'),
      'models/churn.md': model('{ dataset: events, split: train }', '{ dataset: survey, split: test }'),
    });
    expect(text).toBe('');
  });
});
