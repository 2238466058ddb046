import { describe, expect, it } from 'vitest';
import { catalogOf, OWNERS } from '../helpers/catalog.ts';
import { diagnose, file } from './helpers.ts';

const upstream = file`
  ---
  title: Raw play events
  description: Every play event.
  owners: [data-team]
  schema:
    - { name: event_id, type: string }
    - { name: user_id, type: string }
  ---
`;

describe('references', () => {
  it('reports an unknown id with the closest id of the expected kind', () => {
    const text = diagnose('references', {
      'datasets/raw-play-events.md': upstream,
      'datasets/play-events-clean.md': file`
        ---
        title: Clean play events
        description: Deduplicated play events.
        owners: [data-tem]
        derived_from:
          - { dataset: raw-play-event, transform: dedupe }
        ---
      `,
    });
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/play-events-clean.md:4:10 error Unknown team or person \`data-tem\`
        hint: Did you mean \`data-team\`?
      content/datasets/play-events-clean.md:6:16 error Unknown dataset \`raw-play-event\`
        hint: Did you mean \`raw-play-events\`?"
    `);
  });

  it('reports a reference to an entry of the wrong kind', () => {
    const text = diagnose('references', {
      'datasets/raw-play-events.md': upstream,
      'models/ranker.md': file`
        ---
        title: Ranker
        description: Ranks titles.
        owners: [data-team]
        training:
          - { dataset: data-team }
        fallback: raw-play-events
        ---
      `,
    });
    expect(text).toMatchInlineSnapshot(`
      "content/models/ranker.md:6:16 error Unexpected team \`data-team\`, expected a dataset
        see: content/teams/data-team.yaml:1:1 \`data-team\` is defined here
      content/models/ranker.md:7:11 error Unexpected dataset \`raw-play-events\`, expected a model
        see: content/datasets/raw-play-events.md:1:1 \`raw-play-events\` is defined here"
    `);
  });

  it('reports an entry that names itself as its own fallback, backup source or related term', () => {
    const text = diagnose('references', {
      'models/ranker.md': file`
        ---
        title: Ranker
        description: Ranks titles.
        owners: [data-team]
        fallback: ranker
        ---
      `,
      'sources/events-api.yaml': 'title: Events API\ntype: api\nowners: [data-team]\nbackup_source: events-api\n',
      'glossary/churn.yaml': 'title: Churn\ndescription: Leaving.\nowners: [data-team]\nrelated: [churn]\n',
    });
    expect(text).toMatchInlineSnapshot(`
      "content/glossary/churn.yaml:4:11 error Self-reference: \`churn\` related to itself
        hint: Name another entry, or remove the reference.
      content/models/ranker.md:5:11 error Self-reference: \`ranker\` falls back to itself
        hint: Name another entry, or remove the reference.
      content/sources/events-api.yaml:4:16 error Self-reference: \`events-api\` backed up by itself
        hint: Name another entry, or remove the reference."
    `);
  });

  it('reports column-level lineage naming a column the upstream does not declare', () => {
    const text = diagnose('references', {
      'datasets/raw-play-events.md': upstream,
      'datasets/play-events-clean.md': file`
        ---
        title: Clean play events
        description: Deduplicated play events.
        owners: [data-team]
        schema:
          - { name: user_id, type: string, derived_from: raw-play-events.usr_id }
        ---
      `,
    });
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/play-events-clean.md:6:50 error Unknown column \`usr_id\` in dataset \`raw-play-events\`
        hint: Did you mean \`user_id\`?
        see: content/datasets/raw-play-events.md:6:3 the schema of \`raw-play-events\`"
    `);
  });

  it('reports an unknown source, glossary term, team of a person, and replacement', () => {
    const text = diagnose('references', {
      'datasets/raw-play-events.md': file`
        ---
        title: Raw play events
        description: Every play event.
        owners: [data-team]
        status: deprecated
        replaced_by: raw-play-events-v2
        sources: { primary: playback-api }
        schema:
          - { name: user_id, type: string, term: customer }
        ---
      `,
      'people/ann.yaml': 'title: Ann\nemail: ann@example.com\nteams: [ml-team]\n',
    });
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/raw-play-events.md:6:14 error Unknown entry \`raw-play-events-v2\`
        hint: Did you mean \`raw-play-events\`?
      content/datasets/raw-play-events.md:7:21 error Unknown source \`playback-api\`
        hint: Add \`sources/playback-api.yaml\` or fix the id.
      content/datasets/raw-play-events.md:9:42 error Unknown glossary term \`customer\`
        hint: Add \`glossary/customer.yaml\` or fix the id.
      content/people/ann.yaml:3:9 error Unknown team \`ml-team\`
        hint: Add \`teams/ml-team.yaml\` or fix the id."
    `);
  });

  it('suggests the SPDX id for a lowercase license that reads as a licenses/ entry', () => {
    const text = diagnose('references', {
      'datasets/events.md': '---\ntitle: Events\ndescription: E.\nowners: [data-team]\nrights: { license: mit }\n---\n',
      'models/ranker.md': '---\ntitle: Ranker\ndescription: R.\nowners: [data-team]\nlicense: internal-terms\n---\n',
    });
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/events.md:5:20 error Unknown license \`mit\`
        hint: Did you mean the SPDX id \`MIT\`? SPDX ids are case-sensitive.
      content/models/ranker.md:5:10 error Unknown license \`internal-terms\`
        hint: Add \`licenses/internal-terms.yaml\` or fix the id."
    `);
  });

  it('leaves a reference to a file that failed its own schema to that file\'s diagnostics', () => {
    const text = diagnose('references', {
      'datasets/play-events-clean.md': '---\ntitle: Clean\ndescription: C.\nowners: [data-team]\nderived_from: [{ dataset: raw-play-events }]\n---\n',
    });
    expect(text).toContain('Unknown dataset `raw-play-events`');
    const catalog = catalogOf({
      ...OWNERS,
      'datasets/raw-play-events.md': '---\ntitle: Raw\ndescription: R.\nowners: [data-team]\nsize: lots\n---\n',
      'datasets/play-events-clean.md': '---\ntitle: Clean\ndescription: C.\nowners: [data-team]\nderived_from: [{ dataset: raw-play-events }]\n---\n',
    });
    expect(catalog.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file} ${d.rule}`)).toEqual(['content/datasets/raw-play-events.md schema']);
  });

  it('accepts references that resolve to entries of the expected kind', () => {
    const text = diagnose('references', {
      'datasets/raw-play-events.md': upstream,
      'sources/playback-api.yaml': 'title: Playback API\nowners: [data-team]\ntype: api\n',
      'glossary/customer.yaml': 'title: Customer\ndescription: A subscriber.\nowners: [dee-ata]\n',
      'datasets/play-events-clean.md': file`
        ---
        title: Clean play events
        description: Deduplicated play events.
        owners: [data-team, dee-ata]
        sources: { primary: [playback-api] }
        derived_from:
          - { dataset: raw-play-events, transform: dedupe }
        schema:
          - { name: user_id, type: string, term: customer, derived_from: raw-play-events.user_id }
        ---
      `,
    });
    expect(text).toBe('');
  });
});
