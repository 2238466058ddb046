import { describe, expect, it } from 'vitest';
import { catalogOf, OWNERS } from '../helpers/catalog.ts';
import { file, show } from '../rules/helpers.ts';

/** Every diagnostic of the load and schema stages, as reviewers read them. */
const load = (content: Record<string, string>) =>
  catalogOf({ ...OWNERS, ...content })
    .diagnostics.filter((d) => ['layout', 'parse', 'id', 'yaml', 'schema'].includes(d.rule))
    .map((d) => `[${d.rule}] ${show(d)}`)
    .join('\n');

describe('schema diagnostics', () => {
  it('reports an unknown key at the key, with a did-you-mean', () => {
    const text = load({
      'datasets/events.md': file`
        ---
        title: Events
        description: Play events.
        owners: [data-team]
        rights:
          licence: CC-BY-4.0
        ---
      `,
    });
    expect(text).toMatchInlineSnapshot(`
      "[schema] content/datasets/events.md:6:3 error Unknown field \`licence\` in \`rights\`
        hint: Did you mean \`license\`?"
    `);
  });

  it('lists the allowed fields when an unknown key is close to none', () => {
    expect(load({ 'teams/ops.yaml': 'title: Ops\nmembers:\n  - { name: Ann, phone: 123 }\n' })).toMatchInlineSnapshot(`
      "[schema] content/teams/ops.yaml:3:18 error Unknown field \`phone\` in \`members\`
        hint: Fields allowed here: \`name\`, \`email\`, \`role\`, \`person\`."
    `);
  });

  it('reports a wrong type at the value', () => {
    const text = load({
      'datasets/events.md': file`
        ---
        title: Events
        description: Play events.
        owners: data-team
        size: { rows: "many" }
        tags: events
        ---
      `,
    });
    expect(text).toMatchInlineSnapshot(`
      "[schema] content/datasets/events.md:4:9 error Expected a list for \`owners\`, found \`data-team\`
      [schema] content/datasets/events.md:5:15 error Expected a number for \`rows\`, found \`many\`
      [schema] content/datasets/events.md:6:7 error Expected a list for \`tags\`, found \`events\`"
    `);
  });

  it('reports a missing required field at the mapping that lacks it', () => {
    const text = load({
      'sources/api.yaml': 'title: API\nowners: [data-team]\n',
      'datasets/events.md': '---\ntitle: Events\ndescription: E.\nowners: [data-team]\nschema:\n  - { name: user_id }\n---\n',
    });
    expect(text).toMatchInlineSnapshot(`
      "[schema] content/datasets/events.md:6:5 error Missing required field \`type\`
        hint: Expected one of \`string\`, \`integer\`, \`float\`, \`boolean\`, \`date\`, \`datetime\`, \`categorical\`, \`text\`, \`array\`, \`struct\`, \`binary\`, \`image\`, \`audio\`.
      [schema] content/sources/api.yaml:1:1 error Missing required field \`type\`
        hint: Expected one of \`api\`, \`database\`, \`vendor\`, \`sensor\`, \`manual\`, \`web\`, \`file\`."
    `);
  });

  it('reports a value outside an enum, with a did-you-mean', () => {
    const text = load({
      'models/churn.md': '---\ntitle: Churn\ndescription: C.\nowners: [data-team]\nstage: prodution\n---\n',
      'datasets/events.md': '---\ntitle: Events\ndescription: E.\nowners: [data-team]\nstatus: active-ish\n---\n',
    });
    expect(text).toMatchInlineSnapshot(`
      "[schema] content/datasets/events.md:5:9 error Unexpected \`active-ish\` for \`status\`, expected one of \`draft\`, \`active\`, \`deprecated\`, \`retired\`
      [schema] content/models/churn.md:5:8 error Unexpected \`prodution\` for \`stage\`, expected one of \`development\`, \`staging\`, \`shadow\`, \`canary\`, \`production\`, \`retired\`
        hint: Did you mean \`production\`?"
    `);
  });

  it('reports a misspelt license with the SPDX id it most likely means', () => {
    const text = load({
      'datasets/events.md': '---\ntitle: Events\ndescription: E.\nowners: [data-team]\nrights:\n  license: CC-BY-4\n---\n',
      'models/churn.md': '---\ntitle: Churn\ndescription: C.\nowners: [data-team]\nlicense: Apache 2\n---\n',
    });
    expect(text).toMatchInlineSnapshot(`
      "[schema] content/datasets/events.md:6:12 error Unexpected license \`CC-BY-4\`, expected an SPDX id such as \`CC-BY-4.0\`
      [schema] content/models/churn.md:5:10 error Unexpected license \`Apache 2\`, expected an SPDX id such as \`Apache-2.0\`"
    `);
  });

  it('points into nested lists: a column inside schema, a part of a split', () => {
    const text = load({
      'datasets/events.md': file`
        ---
        title: Events
        description: E.
        owners: [data-team]
        schema:
          - { name: user_id, type: string }
          - { name: watched, type: intger, range: [0, "max"] }
        splits:
          method: random
          parts:
            - { name: train, rows: 10 }
            - { name: test, rows: -1, fraction: 1.5 }
        ---
      `,
    });
    expect(text).toMatchInlineSnapshot(`
      "[schema] content/datasets/events.md:7:28 error Unexpected \`intger\` for \`type\`, expected one of \`string\`, \`integer\`, \`float\`, \`boolean\`, \`date\`, \`datetime\`, \`categorical\`, \`text\`, \`array\`, \`struct\`, \`binary\`, \`image\`, \`audio\`
        hint: Did you mean \`integer\`?
      [schema] content/datasets/events.md:7:47 error Expected a number for \`range\`, found \`max\`
      [schema] content/datasets/events.md:12:27 error Expected at least 0 for \`rows\`, found \`-1\`
      [schema] content/datasets/events.md:12:41 error Expected at most 1 for \`fraction\`, found \`1.5\`"
    `);
  });

  it('says how long a list or text is when it is too short', () => {
    const text = load({
      'datasets/events.md': '---\ntitle: Events\ndescription: E.\nowners: [data-team]\nsplits: { method: random, parts: [] }\nschema:\n  - { name: x, type: integer, range: [1] }\n---\n',
      'glossary/churn.yaml': 'title: ""\ndescription: C.\nowners: [data-team]\n',
    });
    expect(text).toMatchInlineSnapshot(`
      "[schema] content/datasets/events.md:5:34 error Expected at least 1 item for \`parts\`, found 0 items
      [schema] content/datasets/events.md:7:38 error Expected at least 2 items for \`range\`, found 1 item
      [schema] content/glossary/churn.yaml:1:8 error Expected at least 1 character for \`title\`, found an empty value"
    `);
  });

  it('reports bad dates, durations, ids in references and a derivation naming both a dataset and a model', () => {
    const text = load({
      'datasets/events.md': file`
        ---
        title: Events
        description: E.
        owners: [Data Team]
        reviewed: 2026-13-01
        review_every: 6 months
        derived_from:
          - { dataset: raw, model: ranker }
        ---
      `,
    });
    expect(text).toMatchInlineSnapshot(`
      "[schema] content/datasets/events.md:4:10 error Expected an entry id such as \`raw-play-events\`, optionally pinned as \`raw-play-events@2026-09\`, found \`Data Team\`
      [schema] content/datasets/events.md:5:11 error Expected a date written YYYY-MM-DD, such as \`2026-10-01\`, found \`2026-13-01\`
      [schema] content/datasets/events.md:6:15 error Expected a duration such as \`180d\`, \`12w\`, \`6m\` or \`2y\`, found \`6 months\`
      [schema] content/datasets/events.md:8:5 error Expected exactly one of \`dataset\` or \`model\`"
    `);
  });

  it('reports every problem of a file in one run, in file order', () => {
    const text = load({
      'models/churn.md': file`
        ---
        title: Churn
        descripton: Predicts churn.
        owners: [data-team]
        stage: live
        metrics:
          - { name: recall, value: high }
        fallback: 42
        ---
      `,
    });
    expect(text.split('\n').filter((l) => l.startsWith('['))).toMatchInlineSnapshot(`
      [
        "[schema] content/models/churn.md:3:1 error Unknown field \`descripton\`",
        "[schema] content/models/churn.md:5:8 error Unexpected \`live\` for \`stage\`, expected one of \`development\`, \`staging\`, \`shadow\`, \`canary\`, \`production\`, \`retired\`",
        "[schema] content/models/churn.md:7:28 error Expected a number for \`value\`, found \`high\`",
        "[schema] content/models/churn.md:8:11 error Expected text for \`fallback\`, found \`42\`",
      ]
    `);
  });

  it('takes the id from the file name, and rejects names that are not kebab-case', () => {
    const catalog = catalogOf({ ...OWNERS, 'datasets/play-events.md': '---\ntitle: Play\ndescription: P.\nowners: [data-team]\n---\n' });
    expect(catalog.byId.get('play-events')?.kind).toBe('dataset');
    expect(catalog.byId.get('play-events')?.path).toBe('datasets/play-events.md');
    expect(
      load({
        'datasets/Play Events.md': '---\ntitle: Play\ndescription: P.\nowners: [data-team]\n---\n',
        'glossary/churn_rate.yaml': 'title: Churn rate\ndescription: C.\nowners: [data-team]\n',
      }),
    ).toMatchInlineSnapshot(`
      "[id] content/datasets/Play Events.md:1:1 error Unexpected file name \`Play Events.md\`: an id must be lowercase kebab-case
        hint: Rename it to \`play-events.md\`.
      [id] content/glossary/churn_rate.yaml:1:1 error Unexpected file name \`churn_rate.yaml\`: an id must be lowercase kebab-case
        hint: Rename it to \`churn-rate.yaml\`."
    `);
  });

  it('keeps valid entries when another file is broken', () => {
    const catalog = catalogOf({ ...OWNERS, 'datasets/bad.md': '---\ntitle: [\n---\n', 'datasets/good.md': '---\ntitle: G\ndescription: G.\nowners: [data-team]\n---\n' });
    expect(catalog.entries.map((e) => e.id)).toEqual(['good', 'data-team', 'dee-ata']);
    expect(catalog.diagnostics.map((d) => `${d.file}:${d.line} ${d.rule}`)).toEqual(['content/datasets/bad.md:2 yaml', 'content/datasets/good.md:2 staleness']);
  });
});
