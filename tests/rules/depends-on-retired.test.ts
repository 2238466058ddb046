import { describe, expect, it } from 'vitest';
import { diagnose } from './helpers.ts';

const entry = (title: string, lines = '') => `---\ntitle: ${title}\ndescription: ${title}.\nowners: [data-team]\n${lines}---\n`;

describe('depends-on-retired', () => {
  it('reports an active dataset and model that depend on a retired entry, once per upstream, with its replacement', () => {
    const text = diagnose('depends-on-retired', {
      'datasets/old-events.md': entry('Old events', 'status: retired\nreplaced_by: events\n'),
      'datasets/events.md': entry('Events'),
      'datasets/sessions.md': entry('Sessions', 'derived_from: [{ dataset: old-events }]\nschema: [{ name: a, type: string, derived_from: old-events.a }]\n'),
      'models/old-ranker.md': entry('Old ranker', 'status: retired\n'),
      'models/ranker.md': entry('Ranker', 'stage: production\nfallback: old-ranker\ntraining: [{ dataset: old-events }]\n'),
    });
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/sessions.md:5:27 error Derived from \`old-events\`, which is retired
        hint: Move to \`events\`, which replaces it.
        see: content/datasets/old-events.md:5:9 \`old-events\` is retired
      content/models/ranker.md:6:11 error Falls back to \`old-ranker\`, which is retired
        hint: Ask the owners of \`old-ranker\` what replaces it.
        see: content/models/old-ranker.md:5:9 \`old-ranker\` is retired
      content/models/ranker.md:7:23 error Trained on \`old-events\`, which is retired
        hint: Move to \`events\`, which replaces it.
        see: content/datasets/old-events.md:5:9 \`old-events\` is retired"
    `);
  });

  it('leaves entries that are themselves draft, deprecated, retired or a retired model alone', () => {
    const text = diagnose('depends-on-retired', {
      'datasets/old-events.md': entry('Old events', 'status: retired\n'),
      'datasets/draft.md': entry('Draft', 'status: draft\nderived_from: [{ dataset: old-events }]\n'),
      'datasets/also-old.md': entry('Also old', 'status: deprecated\nreplaced_by: draft\nderived_from: [{ dataset: old-events }]\n'),
      'models/archived.md': entry('Archived', 'stage: retired\ntraining: [{ dataset: old-events }]\n'),
    });
    expect(text).toBe('');
  });

  it('does not count ownership or glossary terms as dependencies', () => {
    const text = diagnose('depends-on-retired', {
      'teams/old-team.yaml': 'title: Old team\nstatus: retired\n',
      'glossary/old-term.yaml': 'title: Old term\ndescription: Gone.\nowners: [data-team]\nstatus: retired\n',
      'datasets/events.md': '---\ntitle: Events\ndescription: E.\nowners: [data-team, old-team]\nschema: [{ name: a, type: string, term: old-term }]\n---\n',
    });
    expect(text).toBe('');
  });
});
