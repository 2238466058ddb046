import { describe, expect, it } from 'vitest';
import { DATASHEET_SECTIONS, MODEL_CARD_SECTIONS } from '../../src/lib/sections.ts';
import { catalogOf, OWNERS } from '../helpers/catalog.ts';
import { diagnose, file } from './helpers.ts';

const config = 'completeness:\n  dataset: { active: 0.6, draft: 0 }\n  model: { production: 0.8 }\n';
const body = (titles: readonly string[]) => titles.map((t) => `# ${t}\n\nSome prose about ${t.toLowerCase()}.\n`).join('\n');

describe('completeness', () => {
  it('reports a datasheet below the minimum for its status, listing the missing sections at the body', () => {
    const text = diagnose(
      'completeness',
      {
        'datasets/events.md': file`
          ---
          title: Events
          description: Play events.
          owners: [data-team]
          ---
          # Motivation

          Why we collect play events.

          ## Composition

          ## Uses
          Ranking and churn.
        `,
      },
      { config },
    );
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/events.md:6:1 warning Covers 29% of the datasheet sections, below the 60% required at status \`active\`
        hint: Missing: Composition, Collection process, Preprocessing, Distribution, Maintenance."
    `);
  });

  it('reports a production model card below its stage minimum', () => {
    const covered = MODEL_CARD_SECTIONS.slice(0, 6).map((s) => s.title);
    const text = diagnose(
      'completeness',
      { 'models/churn.md': `---\ntitle: Churn\ndescription: C.\nowners: [data-team]\nstage: production\n---\n${body(covered)}` },
      { config },
    );
    expect(text).toMatchInlineSnapshot(`
      "content/models/churn.md:7:1 warning Covers 67% of the model card sections, below the 80% required at stage \`production\`
        hint: Missing: Quantitative analyses, Ethical considerations, Caveats and recommendations."
    `);
  });

  it('accepts complete bodies, aliases of section titles, drafts, and stages the config sets no minimum for', () => {
    const aliases = ['Purpose', 'Contents', 'Data collection', '1. Cleaning', 'Intended uses', 'Sharing', 'Updates'];
    const text = diagnose(
      'completeness',
      {
        'datasets/full.md': `---\ntitle: Full\ndescription: F.\nowners: [data-team]\n---\n${body(DATASHEET_SECTIONS.map((s) => s.title))}`,
        'datasets/aliased.md': `---\ntitle: Aliased\ndescription: A.\nowners: [data-team]\n---\n${body(aliases)}`,
        'datasets/draft.md': '---\ntitle: Draft\ndescription: D.\nowners: [data-team]\nstatus: draft\n---\n',
        'models/candidate.md': '---\ntitle: Candidate\ndescription: C.\nowners: [data-team]\nstage: staging\n---\n',
      },
      { config },
    );
    expect(text).toBe('');
  });

  it('scores the entries, in every one of the files read at once, and no file that failed its schema', () => {
    const files: Record<string, string> = { ...OWNERS, 'datasets/broken.md': '---\ntitle: Broken\n---\n# Motivation\n\nWhy.\n' };
    // Enough files that the YAML is parsed on worker threads while the bodies are scored.
    for (let i = 0; i < 600; i++) files[`datasets/d${i}.md`] = `---\ntitle: D${i}\ndescription: d\nowners: [data-team]\n---\n${body(DATASHEET_SECTIONS.slice(0, i % 2 ? 7 : 0).map((s) => s.title))}`;
    const catalog = catalogOf(files);
    expect(catalog.completeness.has('broken')).toBe(false);
    expect(catalog.completeness.get('d0')).toBe(0);
    expect(catalog.completeness.get('d599')).toBe(1);
    expect([...catalog.completeness.keys()].filter((id) => id.startsWith('d'))).toHaveLength(600);
  });

  it('does not count a heading inside fenced code', () => {
    const fenced = '```markdown\n# Composition\nrows\n```\n';
    const text = diagnose(
      'completeness',
      { 'datasets/events.md': `---\ntitle: Events\ndescription: E.\nowners: [data-team]\n---\n${body(DATASHEET_SECTIONS.slice(0, 4).map((s) => s.title).filter((t) => t !== 'Composition'))}${fenced}` },
      { config },
    );
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/events.md:6:1 warning Covers 43% of the datasheet sections, below the 60% required at status \`active\`
        hint: Missing: Composition, Uses, Distribution, Maintenance."
    `);
  });
});
