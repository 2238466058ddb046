import { describe, expect, it } from 'vitest';
import { diagnose, file } from './helpers.ts';

const sessions = file`
  ---
  title: Viewing sessions
  description: Sessions, for training.
  owners: [data-team]
  schema:
    - { name: watched, type: integer, unit: s, range: [0, 86400] }
    - { name: device, type: categorical, values: [tv, phone] }
    - { name: rating, type: float }
  ---
`;
const online = file`
  ---
  title: Online store
  description: Served values.
  owners: [data-team]
  schema:
    - { name: watched, type: integer, unit: ms, range: [0, 86400000] }
    - { name: device, type: categorical, values: [tv, phone, console] }
    - { name: rating, type: string }
    - { name: watched_s, type: integer, unit: s, range: [0, 3600] }
    - { name: device_any, type: categorical }
    - { name: watched_wide, type: integer, unit: s, range: [0, 172800] }
  ---
`;
const feature = (id: string, training: string, serving: string) =>
  `---\ntitle: ${id}\ndescription: A feature.\nowners: [data-team]\ntraining: viewing-sessions.${training}\nserving: { column: online-store.${serving} }\n---\n`;

describe('feature-skew', () => {
  it('reports a unit (and not the range it scales), a range, a type and a served category that differ from training, pointing at both columns', () => {
    const text = diagnose('feature-skew', {
      'datasets/viewing-sessions.md': sessions,
      'datasets/online-store.md': online,
      'features/watch-time.md': feature('watch-time', 'watched', 'watched'),
      'features/device.md': feature('device', 'device', 'device'),
      'features/rating.md': feature('rating', 'rating', 'rating'),
      'features/watch-time-wide.md': feature('watch-time-wide', 'watched', 'watched_wide'),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/features/device.md:6:20 warning Training/serving skew: \`device\` is served with a value training never saw: \`console\`
        hint: Map the new values to ones the model knows, or retrain with them.
        see: content/datasets/viewing-sessions.md:7:48 trained on \`viewing-sessions.device\`
        see: content/datasets/online-store.md:7:48 served from \`online-store.device\`
      content/features/rating.md:6:20 warning Training/serving skew: \`rating\` is trained as \`float\` but served as \`string\`
        hint: Serve the type the model was trained on, or retrain on the served column.
        see: content/datasets/viewing-sessions.md:8:27 trained on \`viewing-sessions.rating\`
        see: content/datasets/online-store.md:8:27 served from \`online-store.rating\`
      content/features/watch-time-wide.md:6:20 warning Training/serving skew: \`watch-time-wide\` is served over \`[0, 172800]\`, outside its training range \`[0, 86400]\`
        hint: Clip or reject served values outside the training range, or retrain on data that covers them.
        see: content/datasets/viewing-sessions.md:6:53 trained on \`viewing-sessions.watched\`
        see: content/datasets/online-store.md:11:58 served from \`online-store.watched_wide\`
      content/features/watch-time.md:6:20 warning Training/serving skew: \`watch-time\` is trained in \`s\` but served in \`ms\`
        hint: Convert one side, or correct the unit the column declares.
        see: content/datasets/viewing-sessions.md:6:43 trained on \`viewing-sessions.watched\`
        see: content/datasets/online-store.md:6:43 served from \`online-store.watched\`"
    `);
  });

  it('reports a feature whose declared unit is not the unit of its training or serving column', () => {
    const text = diagnose('feature-skew', {
      'datasets/viewing-sessions.md': sessions,
      'datasets/online-store.md': online,
      'features/watch-time.md': '---\ntitle: Watch time\ndescription: W.\nowners: [data-team]\nunit: min\ntraining: viewing-sessions.watched\nserving: { column: online-store.watched_s }\n---\n',
    });
    expect(text).toMatchInlineSnapshot(`
      "content/features/watch-time.md:5:7 warning Feature \`watch-time\` is defined in \`min\` but its training column \`viewing-sessions.watched\` holds \`s\`
        hint: Correct the unit on one side, or convert the values where the feature is computed.
        see: content/features/watch-time.md:6:11 the training column
        see: content/datasets/viewing-sessions.md:6:43 the unit of \`viewing-sessions.watched\`
      content/features/watch-time.md:5:7 warning Feature \`watch-time\` is defined in \`min\` but its serving column \`online-store.watched_s\` holds \`s\`
        hint: Correct the unit on one side, or convert the values where the feature is computed.
        see: content/features/watch-time.md:7:20 the serving column
        see: content/datasets/online-store.md:9:45 the unit of \`online-store.watched_s\`"
    `);
  });

  it('accepts agreeing columns, a narrower served range, a property one side leaves out, and a feature served from a source', () => {
    const text = diagnose('feature-skew', {
      'datasets/viewing-sessions.md': sessions,
      'datasets/online-store.md': online,
      'sources/feature-server.yaml': 'title: Feature server\ndescription: Online store.\nowners: [data-team]\ntype: api\n',
      'features/watch-time.md': feature('watch-time', 'watched', 'watched_s'),
      'features/device.md': feature('device', 'device', 'device_any'),
      'features/served-elsewhere.md': '---\ntitle: Elsewhere\ndescription: D.\nowners: [data-team]\ntraining: viewing-sessions.device\nserving: { source: feature-server }\n---\n',
    });
    expect(text).toBe('');
  });
});
