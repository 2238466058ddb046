/** The Rights panel keeps its weight bounded: a few origins per restriction, and long paths shortened. */
import { describe, expect, it } from 'vitest';
import { MAX_ORIGINS, MAX_PATH_STEPS, rightsPanel, shortPathHtml } from '../../src/lib/pages/rights.ts';
import { catalogOf } from '../helpers/catalog.ts';

const TEAM = 'title: T\ndescription: A team.\nmembers:\n  - { name: A }\n';
const files: Record<string, string> = { 'teams/t.yaml': TEAM };
// Four non-commercial sources feed `joined`, and a chain of five steps leads from it to `end`.
for (let i = 0; i < 4; i++) files[`datasets/nc-${i}.yaml`] = `title: NC ${i}\ndescription: d\nowners: [t]\nrights: { license: CC-BY-NC-4.0 }\n`;
files['datasets/joined.yaml'] = `title: Joined\ndescription: d\nowners: [t]\nderived_from:\n${Array.from({ length: 4 }, (_, i) => `  - { dataset: nc-${i} }\n`).join('')}`;
for (let i = 1; i <= 5; i++) {
  files[`datasets/step-${i}.yaml`] = `title: Step ${i}\ndescription: d\nowners: [t]\nderived_from: [{ dataset: ${i === 1 ? 'joined' : `step-${i - 1}`} }]\n`;
}
// An agreement with an expiry to come, a ban on sharing and a condition of its own, held by `held` and passed to `below`.
files['licenses/deal.yaml'] = 'title: Deal\ndescription: A deal.\nowners: [t]\nconditions: [attribution, no-redistribution]\nexpires: 2030-01-01\n';
files['datasets/held.yaml'] = 'title: Held\ndescription: d\nowners: [t]\nrights: { license: deal, allowed_uses: [research] }\n';
files['datasets/below.yaml'] = 'title: Below\ndescription: d\nowners: [t]\nderived_from: [{ dataset: held }]\n';
const catalog = catalogOf(files, { today: '2026-11-23', config: 'uses:\n  research: { description: Research and publication }\n  redistribution: {}\n' });
const panel = (id: string) => rightsPanel(catalog, catalog.byId.get(id) as Parameters<typeof rightsPanel>[1]);

describe('the Rights panel', () => {
  it('names the nearest origins of a restriction and counts the others', () => {
    const [row] = panel('joined').restrictions;
    expect(row!.from).toHaveLength(MAX_ORIGINS);
    expect(row!.from[0]).toContain('>NC 0</a>');
    expect(row!.more).toBe(4 - MAX_ORIGINS);
    // Links without the description as tooltip, which every row repeated.
    expect(row!.from.join('')).not.toContain('title=');
  });

  it('shortens a long path to its first steps and its last, saying how many it leaves out', () => {
    const [row] = panel('step-5').restrictions;
    // step-5 › step-4 › step-3 › step-2 › step-1 › joined › nc-0: five entries between.
    const through = row!.from[0]!;
    expect(through).toContain('>NC 0</a><span class="path"> through ');
    expect(through).toContain('>Step 4</a> › <a');
    expect(through).toContain(`<span class="more">… ${5 - MAX_PATH_STEPS - 1} more …</span> › <a`);
    expect(through).toContain('>Joined</a></span>');
    expect(through).not.toContain('>Step 2</a>');
  });

  it('keeps a path that fits whole', () => {
    const ref = (id: string) => `[${id}]`;
    const ids = Array.from({ length: MAX_PATH_STEPS + 1 }, (_, i) => `e${i}`);
    expect(shortPathHtml(ids, ref)).toBe(ids.map(ref).join(' › '));
    expect(shortPathHtml([...ids, 'last'], ref)).toBe(`${ids.slice(0, MAX_PATH_STEPS).map(ref).join(' › ')} › <span class="more">… 1 more …</span> › [last]`);
  });

  it('puts the restrictions that come from the same origins in one row', () => {
    const rows = panel('below').restrictions;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.from).toEqual([expect.stringContaining('>Held</a>')]);
    expect(rows[0]!.items.map((i) => i.html)).toEqual(['Agreement <code>deal</code> expires on 2030-01-01', 'No sharing outside the organisation (license <code>deal</code>)']);
  });

  it('marks the restrictions that are conditions of "Only if" answers, and lists apart only the conditions that are no restriction', () => {
    const held = panel('held');
    expect(held.answers.find((g) => g.uses.some((u) => u.use === 'research'))!.answer).toBe('Only if');
    const items = held.restrictions.flatMap((r) => r.items);
    expect(items.find((i) => i.html.startsWith('Agreement'))!.condition).toBe(true);
    expect(items.find((i) => i.html.startsWith('No sharing'))!.condition).toBe(false);
    expect(held.conditional).toBe(true);
    // The expiry is said once, in the restrictions; the agreement's own condition has no row there.
    expect(held.conditions).toEqual(['Credit the source wherever the data is shown or published (agreement <code>deal</code>).']);
  });

  it("gives a declared use's description only where no answer gives it", () => {
    const held = panel('held');
    expect(held.allowedUses).toEqual([{ use: 'research', label: undefined }]);
    expect(held.answers.flatMap((g) => g.uses).find((u) => u.use === 'research')!.description).toBe('Research and publication');
  });
});
