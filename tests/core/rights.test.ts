import { describe, expect, it } from 'vitest';
import { inheritedRights } from '../../src/lib/rights/rights.ts';
import { build, diagnose } from '../rules/helpers.ts';

const dataset = (id: string, lines: string) => ({ [`datasets/${id}.md`]: `---\ntitle: ${id}\ndescription: ${id}.\nowners: [data-team]\n${lines}---\n` });
const summary = (rights: ReturnType<typeof inheritedRights>) =>
  rights.map((r) => `${r.right.type}${'restriction' in r.right ? `:${r.right.restriction}` : ''}${'use' in r.right ? `:${r.right.use}` : ''} from ${r.origin.id} at ${r.depth} via ${r.path.join('>')}`);

describe('inherited rights', () => {
  it('lists its own rights first, then each upstream entry by its shortest distance', () => {
    const catalog = build({
      ...dataset('top', 'rights: { license: CC-BY-NC-4.0, prohibited_uses: [advertising] }\n'),
      ...dataset('left', 'derived_from: [{ dataset: top }]\n'),
      ...dataset('long', 'derived_from: [{ dataset: left }]\n'),
      ...dataset('bottom', 'derived_from: [{ dataset: long }, { dataset: top }]\nrights: { license: ODbL-1.0, personal_data: true }\n'),
    }, { config: 'uses: { advertising: { commercial: true } }\n' });
    expect(summary(inheritedRights(catalog, catalog.byId.get('bottom')!))).toEqual([
      'restriction:share-alike from bottom at 0 via bottom',
      'personal-data from bottom at 0 via bottom',
      'restriction:non-commercial from top at 1 via bottom>top',
      'prohibited-use:advertising from top at 1 via bottom>top',
    ]);
    expect(summary(inheritedRights(catalog, catalog.byId.get('long')!))).toEqual([
      'restriction:non-commercial from top at 2 via long>left>top',
      'prohibited-use:advertising from top at 2 via long>left>top',
    ]);
  });

  it('gives the same answer for entries below a lineage cycle', () => {
    const catalog = build({
      ...dataset('top', 'rights: { license: CC-BY-NC-4.0 }\n'),
      ...dataset('a', 'derived_from: [{ dataset: top }, { dataset: b }]\n'),
      ...dataset('b', 'derived_from: [{ dataset: a }]\n'),
      ...dataset('c', 'derived_from: [{ dataset: b }]\n'),
    });
    expect(summary(inheritedRights(catalog, catalog.byId.get('c')!))).toEqual(['restriction:non-commercial from top at 3 via c>b>a>top']);
  });

  it('carries a right down a 2,000-deep chain, and the rule names the path in short', () => {
    const n = 2_000;
    const content: Record<string, string> = {};
    for (let i = 0; i < n; i++) {
      Object.assign(content, dataset(`d${i}`, i === 0 ? 'rights: { license: CC-BY-NC-4.0 }\n' : `derived_from: [{ dataset: d${i - 1} }]\n${i === n - 1 ? 'rights: { license: MIT, allowed_uses: [advertising] }\n' : ''}`));
    }
    const text = diagnose('rights', content, { config: 'uses: { advertising: { commercial: true } }\n' });
    expect(text).toMatchInlineSnapshot(`
      "content/datasets/d1999.md:6:40 error Commercial use \`advertising\` conflicts with the non-commercial license \`CC-BY-NC-4.0\` of upstream \`d0\` (through \`d1999\` → \`d1998\` → \`d1997\` → … 1995 more … → \`d1\` → \`d0\`)
        hint: Remove the use, or replace the non-commercial data upstream.
        see: content/datasets/d0.md:5:9 declared on \`d0\`"
    `);
  });
});
