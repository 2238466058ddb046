/** Direct dependencies of active entries on deprecated or retired ones, shared by two rules. */
import { referencesOf, resolves } from '../graph/references.ts';
import { RELATIONS } from '../graph/relations.ts';
import type { RuleContext } from './rule.ts';

export function reportDependenciesWithStatus({ catalog, report }: RuleContext, status: 'deprecated' | 'retired'): void {
  // Few entries carry the status, and every reference of every entry is read: test against
  // those few first.
  const flagged = new Set([...catalog.byId.values()].filter((e) => e.data.status === status).map((e) => e.id));
  if (flagged.size === 0) return;
  for (const entry of catalog.entries) {
    if (entry.data.status !== 'active') continue;
    if (entry.kind === 'model' && entry.data.stage === 'retired') continue;
    const seen = new Set<string>();
    for (const ref of referencesOf(entry)) {
      if (!flagged.has(ref.to) || !RELATIONS[ref.type].dependency || seen.has(ref.to)) continue;
      const target = catalog.byId.get(ref.to)!;
      if (!resolves(ref, target)) continue;
      // One report per upstream entry, at its first reference: the rest say the same.
      seen.add(ref.to);
      const replacement = target.data.replaced_by;
      report({
        entry,
        path: ref.path,
        message: `${capitalize(RELATIONS[ref.type].forward)} \`${target.id}\`, which is ${status}`,
        hint: replacement ? `Move to \`${replacement}\`, which replaces it.` : `Ask the owners of \`${target.id}\` what replaces it.`,
        related: [{ entry: target, path: ['status'], message: `\`${target.id}\` is ${status}` }],
      });
    }
  }
}

const capitalize = (s: string) => s[0]!.toUpperCase() + s.slice(1);
