import { describe, expect, it } from 'vitest';
import { termSentence } from '../../src/lib/rights/license-terms.ts';
import { useAnswers, type UseAnswer } from '../../src/lib/rights/rights-answers.ts';
import type { Entry } from '../../src/lib/types.ts';
import { build } from '../rules/helpers.ts';

const dataset = (id: string, lines: string) => ({ [`datasets/${id}.md`]: `---\ntitle: ${id}\ndescription: ${id}.\nowners: [data-team]\n${lines}---\n` });
const USES = 'uses:\n  research: { description: Research }\n  advertising: { description: Ads, commercial: true }\n  redistribution: { description: Sharing }\n  analytics: { description: Dashboards }\n';

const answersOf = (catalog: ReturnType<typeof build>, id: string) =>
  Object.fromEntries(useAnswers(catalog, catalog.byId.get(id) as Entry<'dataset'>).answers.map((a) => [a.use, a])) as Record<string, UseAnswer>;
const conditionsOf = (catalog: ReturnType<typeof build>, id: string) => useAnswers(catalog, catalog.byId.get(id) as Entry<'dataset'>).conditions.map((c) => c.text);

describe('rights answers per use', () => {
  it('answers no to a commercial use under an upstream non-commercial license, naming the license and the path', () => {
    const catalog = build({
      ...dataset('top', 'rights: { license: CC-BY-NC-4.0, allowed_uses: [research] }\n'),
      ...dataset('mid', 'derived_from: [{ dataset: top }]\n'),
      ...dataset('low', 'derived_from: [{ dataset: mid }]\nrights: { license: proprietary, allowed_uses: [research, advertising] }\n'),
    }, { config: USES });
    const answers = answersOf(catalog, 'low');
    expect(answers['advertising']).toMatchObject({ verdict: 'no', commercial: true });
    expect(answers['advertising']!.why).toEqual([{ text: 'A commercial use, and the license `CC-BY-NC-4.0` of upstream `top` forbids commercial use.', origin: 'top', path: ['low', 'mid', 'top'] }]);
    expect(answers['research']).toMatchObject({ verdict: 'yes', commercial: false, why: [{ text: 'This entry lists it in `rights.allowed_uses`.' }] });
    // proprietary: no sharing outside the organisation.
    expect(answers['redistribution']!.verdict).toBe('no');
    // Neither listed nor named by a license: nothing says.
    expect(answers['analytics']!.verdict).toBe('unknown');
  });

  it('answers unknown with "no license" for an entry with no license anywhere, and yes for what an open license allows', () => {
    const catalog = build({ ...dataset('bare', ''), ...dataset('open', 'rights: { license: CC-BY-4.0 }\n') }, { config: USES });
    const bare = answersOf(catalog, 'bare');
    expect(Object.values(bare).map((a) => a.verdict)).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
    expect(bare['research']!.why[0]!.text).toBe('No license is recorded, and the entry does not list this use.');
    const open = answersOf(catalog, 'open');
    expect(open['advertising']).toMatchObject({ verdict: 'yes', why: [{ text: 'The license `CC-BY-4.0` allows it.' }] });
    expect(conditionsOf(catalog, 'open')).toEqual([]);
  });

  it('answers "only if" with the conditions: personal data, share-alike, an agreement to expire and its conditions', () => {
    const catalog = build({
      'licenses/terms.yaml': 'title: Terms\ndescription: Terms.\nowners: [data-team]\nconditions: [attribution, delete-on-expiry]\nprohibited_uses: [advertising]\nexpires: 2030-01-01\n',
      ...dataset('held', 'rights: { license: terms, personal_data: true, consent: contract, allowed_uses: [analytics] }\n'),
      ...dataset('shared', 'rights: { license: ODbL-1.0 }\n'),
    }, { config: USES });
    const held = answersOf(catalog, 'held');
    expect(held['analytics']!.verdict).toBe('conditional');
    expect(conditionsOf(catalog, 'held')).toEqual([
      'Until 2030-01-01, when the agreement `terms` of this entry expires.',
      'It holds personal data (this entry): data-protection duties apply, on the legal basis `contract`.',
      'Credit the source wherever the data is shown or published (agreement `terms`).',
      'Delete the data when the agreement expires (agreement `terms`).',
    ]);
    expect(held['advertising']).toMatchObject({ verdict: 'no', why: [{ text: 'Its agreement `terms` prohibits it.' }] });
    expect(conditionsOf(catalog, 'shared')[0]).toBe('Data derived from it keeps the license `ODbL-1.0` (share-alike, from this entry).');
  });

  it('names a condition reached along several paths once, from its nearest origin', () => {
    const catalog = build({
      ...dataset('a', 'rights: { license: CC-BY-4.0, personal_data: true }\n'),
      ...dataset('b', 'derived_from: [{ dataset: a }]\nrights: { license: CC-BY-4.0, personal_data: true }\n'),
      ...dataset('c', 'derived_from: [{ dataset: b }, { dataset: a }]\nrights: { license: CC-BY-4.0 }\n'),
    }, { config: USES });
    const { conditions } = useAnswers(catalog, catalog.byId.get('c') as Entry<'dataset'>);
    expect(conditions).toEqual([{ text: 'It holds personal data (upstream `b`): data-protection duties apply.', restates: true, origin: 'b', path: ['c', 'b'] }]);
    expect(answersOf(catalog, 'c')['research']!.verdict).toBe('conditional');
  });

  it('answers no to every use once an agreement has expired', () => {
    const catalog = build({
      'licenses/old.yaml': 'title: Old\ndescription: Old.\nowners: [data-team]\nexpires: 2020-01-01\n',
      ...dataset('stale', 'rights: { license: old, allowed_uses: [research] }\n'),
    }, { config: USES });
    const answers = answersOf(catalog, 'stale');
    expect(answers['research']).toMatchObject({ verdict: 'no', why: [{ text: 'The agreement `old` of this entry expired on 2020-01-01.' }] });
  });
});

describe('license terms as sentences', () => {
  it('reads known terms as plain instructions and any other term as its words', () => {
    expect(termSentence('limitations', 'no-commercial-resale')).toBe('Do not sell the data, or access to it.');
    expect(termSentence('conditions', 'attribution')).toBe('Credit the source wherever the data is shown or published.');
    expect(termSentence('limitations', 'no-resale_abroad')).toBe('No resale abroad.');
  });
});
