import type { Rule } from './rule.ts';

export const busFactor: Rule = {
  id: 'bus-factor',
  severity: 'warning',
  doc: 'An entry owned by a single person and no team depends on that one person remembering it; when they leave, nobody knows what the data means or who may use it. Add the team that should carry it on to `owners`.',
  check({ catalog, report }) {
    for (const entry of catalog.entries) {
      const owners = entry.data.owners ?? [];
      if (owners.length !== 1) continue;
      const owner = catalog.byId.get(owners[0]!);
      if (owner?.kind !== 'person') continue;
      const teams = owner.data.teams ?? [];
      report({
        entry,
        path: ['owners'],
        message: `Owned by one person, \`${owner.id}\`, and no team`,
        hint: teams.length ? `Add their team: \`owners: [${teams[0]}, ${owner.id}]\`.` : 'Add a team to `owners` so the knowledge outlives one person.',
      });
    }
  },
};
