import { describe, expect, it } from 'vitest';
import { diagnose, file } from './helpers.ts';

const sessions = file`
  ---
  title: Viewing sessions
  description: One row per session.
  owners: [data-team]
  schema:
    - { name: user_id, type: string }
    - { name: watched_seconds, type: integer, unit: s }
    - { name: device, type: categorical, values: [tv, phone] }
  ---
`;
const accounts = file`
  ---
  title: Accounts
  description: One row per account.
  owners: [data-team]
  schema:
    - { name: user_id, type: string }
    - { name: tenure_days, type: integer }
  ---
`;
const feature = '---\ntitle: Weekly watch time\ndescription: Seconds watched in the last seven days.\nowners: [data-team]\ntraining: viewing-sessions.watched_seconds\n---\n';
const model = (features: string, training = '[{ dataset: viewing-sessions }, { dataset: accounts }]') =>
  `---\ntitle: Churn\ndescription: Predicts churn.\nowners: [data-team]\ntraining: ${training}\nfeatures: ${features}\n---\n`;

describe('feature-columns', () => {
  it('reports an unknown feature with the closest name, an ambiguous one, and a dataset the model is not trained on', () => {
    const text = diagnose('feature-columns', {
      'datasets/viewing-sessions.md': sessions,
      'datasets/accounts.md': accounts,
      'datasets/payments.md': '---\ntitle: Payments\ndescription: P.\nowners: [data-team]\nschema: [{ name: amount, type: float }]\n---\n',
      'features/weekly-watch-time.md': feature,
      'models/churn.md': model('[watched_second, user_id, payments.amount, weekly-watch-tim]'),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/models/churn.md:6:12 warning Unknown feature \`watched_second\`: no feature entry, and no training dataset has such a column
        hint: Did you mean \`watched_seconds\`?
      content/models/churn.md:6:28 warning Feature \`user_id\` is a column of several training datasets: \`viewing-sessions\`, \`accounts\`
        hint: Name the one it is: \`viewing-sessions.user_id\` or \`accounts.user_id\`.
        see: content/datasets/viewing-sessions.md:6:5 \`user_id\` in \`viewing-sessions\`
        see: content/datasets/accounts.md:6:5 \`user_id\` in \`accounts\`
      content/models/churn.md:6:37 warning Feature \`payments.amount\` names \`payments\`, which the model is not trained on
        hint: Name a column of a training dataset (\`viewing-sessions\`, \`accounts\`), or add \`payments\` to \`training\`.
      content/models/churn.md:6:54 warning Unknown feature \`weekly-watch-tim\`: no feature entry, and no training dataset has such a column
        hint: Did you mean \`weekly-watch-time\`?"
    `);
  });

  it('accepts feature entries, unique columns, qualified columns, and models whose training data is not catalogued with a schema', () => {
    const text = diagnose('feature-columns', {
      'datasets/viewing-sessions.md': sessions,
      'datasets/accounts.md': accounts,
      'datasets/raw.md': '---\ntitle: Raw\ndescription: No schema yet.\nowners: [data-team]\n---\n',
      'features/weekly-watch-time.md': feature,
      'models/churn.md': model('[weekly-watch-time, watched_seconds, tenure_days, accounts.user_id, viewing-sessions.device]'),
      'models/draft.md': model('[anything_at_all]', '[{ dataset: raw }]'),
      'models/untrained.md': '---\ntitle: Untrained\ndescription: U.\nowners: [data-team]\nfeatures: [anything]\n---\n',
    });
    expect(text).toBe('');
  });

  it('leaves a feature name that is no entry out of the references rule', () => {
    const text = diagnose('references', {
      'datasets/viewing-sessions.md': sessions,
      'datasets/accounts.md': accounts,
      'models/churn.md': model('[watched-seconds, device]'),
    });
    expect(text).toBe('');
  });
});
