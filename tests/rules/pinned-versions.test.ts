import { describe, expect, it } from 'vitest';
import { diagnose, file } from './helpers.ts';

const events = file`
  ---
  title: Play events
  description: Every play event.
  owners: [data-team]
  versions:
    - { version: "2026-08", rows: 10 }
    - { version: "2026-09", rows: 12 }
  ---
`;
const embeddings = file`
  ---
  title: User embeddings
  description: One vector per user.
  owners: [data-team]
  version: 2.0.0
  ---
`;

describe('pinned-versions', () => {
  it('reports pins to versions the upstream never recorded, in both spellings', () => {
    const text = diagnose('pinned-versions', {
      'datasets/play-events.md': events,
      'models/user-embeddings.md': embeddings,
      'datasets/features.md': file`
        ---
        title: Features
        description: Per-user features.
        owners: [data-team]
        derived_from:
          - { dataset: play-events@2026-10, transform: aggregate }
          - { model: user-embeddings, version: 1.0.0, transform: "logged vectors" }
        ---
      `,
      'models/ranker.md': file`
        ---
        title: Ranker
        description: Ranks titles.
        owners: [data-team]
        training:
          - { dataset: play-events, split: train, version: "2026-07" }
        ---
      `,
    });
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/features.md:6:16 error Unknown version \`2026-10\` of \`play-events\`
        hint: Known versions: \`2026-08\`, \`2026-09\`.
        see: content/datasets/play-events.md:6:3 versions of \`play-events\`
      content/datasets/features.md:7:14 error Unknown version \`1.0.0\` of \`user-embeddings\`
        hint: Known versions: \`2.0.0\`.
        see: content/models/user-embeddings.md:5:10 versions of \`user-embeddings\`
      content/models/ranker.md:6:16 error Unknown version \`2026-07\` of \`play-events\`
        hint: Known versions: \`2026-08\`, \`2026-09\`.
        see: content/datasets/play-events.md:6:3 versions of \`play-events\`"
    `);
  });

  it('reports a pin to a dataset that lists no versions', () => {
    const text = diagnose('pinned-versions', {
      'datasets/play-events.md': '---\ntitle: Play events\ndescription: Every play event.\nowners: [data-team]\n---\n',
      'models/ranker.md': '---\ntitle: Ranker\ndescription: Ranks.\nowners: [data-team]\ntraining: [{ dataset: play-events@2026-09 }]\n---\n',
    });
    expect(text).toMatchInlineSnapshot(`
      "content/models/ranker.md:5:23 error Unknown version \`2026-09\` of \`play-events\`
        hint: \`play-events\` lists no versions; add them under \`versions\`.
        see: content/datasets/play-events.md:2:1 versions of \`play-events\`"
    `);
  });

  it('accepts pins to recorded versions, and numbers written without quotes', () => {
    const text = diagnose('pinned-versions', {
      'datasets/play-events.md': events,
      'models/user-embeddings.md': embeddings.replace('2.0.0', '2'),
      'datasets/features.md': file`
        ---
        title: Features
        description: Per-user features.
        owners: [data-team]
        derived_from:
          - { dataset: play-events@2026-09 }
          - { model: user-embeddings, version: 2 }
        ---
      `,
      'models/ranker.md': '---\ntitle: Ranker\ndescription: Ranks.\nowners: [data-team]\ntraining: [{ dataset: play-events, version: "2026-08" }]\n---\n',
    });
    expect(text).toBe('');
  });

  it('accepts a pin to an earlier version a model card lists under versions', () => {
    const text = diagnose('pinned-versions', {
      'models/user-embeddings.md': embeddings.replace('version: 2.0.0', 'version: 2.0.0\nversions: [{ version: 1.0.0, notes: First release. }]'),
      'datasets/logged.md': '---\ntitle: Logged\ndescription: L.\nowners: [data-team]\nderived_from: [{ model: user-embeddings, version: 1.0.0 }]\n---\n',
    });
    expect(text).toBe('');
  });
});
