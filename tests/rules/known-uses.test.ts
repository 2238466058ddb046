import { describe, expect, it } from 'vitest';
import { diagnose, file } from './helpers.ts';

const config = file`
  uses:
    model-training: { description: Training models }
    advertising: { commercial: true }
    research: {}
`;

describe('known-uses', () => {
  it('reports uses missing from the vocabulary, with the closest one', () => {
    const text = diagnose(
      'known-uses',
      {
        'datasets/events.md': file`
          ---
          title: Events
          description: Play events.
          owners: [data-team]
          rights:
            license: CC-BY-4.0
            allowed_uses: [model-trainng, research]
            prohibited_uses: [advertisng]
          ---
        `,
        'models/ranker.md': '---\ntitle: Ranker\ndescription: Ranks.\nowners: [data-team]\nintended_use: [ranking]\n---\n',
        'licenses/vendor-terms.yaml': 'title: Vendor terms\nowners: [data-team]\nprohibited_uses: [resale]\n',
      },
      { config },
    );
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/events.md:7:18 error Unknown use \`model-trainng\`
        hint: Did you mean \`model-training\`?
      content/datasets/events.md:8:21 error Unknown use \`advertisng\`
        hint: Did you mean \`advertising\`?
      content/licenses/vendor-terms.yaml:3:19 error Unknown use \`resale\`
        hint: Uses in the vocabulary: \`model-training\`, \`advertising\`, \`research\`; or add it under \`uses\` in cardcat.config.yaml.
      content/models/ranker.md:5:16 error Unknown use \`ranking\`
        hint: Uses in the vocabulary: \`model-training\`, \`advertising\`, \`research\`; or add it under \`uses\` in cardcat.config.yaml."
    `);
  });

  it('says where to add a use when the vocabulary is empty', () => {
    expect(
      diagnose('known-uses', { 'models/ranker.md': '---\ntitle: Ranker\ndescription: Ranks.\nowners: [data-team]\nintended_use: [ranking]\n---\n' }),
    ).toMatchInlineSnapshot(`
      "content/models/ranker.md:5:16 error Unknown use \`ranking\`
        hint: Add it under \`uses\` in cardcat.config.yaml, beside the content folder."
    `);
  });

  it('accepts uses from the vocabulary', () => {
    const text = diagnose(
      'known-uses',
      {
        'datasets/events.md': '---\ntitle: Events\ndescription: Play events.\nowners: [data-team]\nrights: { license: MIT, allowed_uses: [research], prohibited_uses: [advertising] }\n---\n',
        'models/ranker.md': '---\ntitle: Ranker\ndescription: Ranks.\nowners: [data-team]\nintended_use: [research]\n---\n',
      },
      { config },
    );
    expect(text).toBe('');
  });
});
