import { own } from '../own.ts';
import { RESTRICTIONS } from '../rights/licenses.ts';
import { declaredUses, inheritedRights, type InheritedRight } from '../rights/rights.ts';
import { parseRef } from '../ids.ts';
import { referencesOf } from '../graph/references.ts';
import type { Entry, PathKey } from '../types.ts';
import type { Rule, RuleReport } from './rule.ts';

/** The path to a distant origin, shortened in the middle when it is too long to read. */
const via = (r: InheritedRight) => {
  if (r.depth <= 1) return '';
  const ids = r.path.map((id) => `\`${id}\``);
  const shown = ids.length > 7 ? [...ids.slice(0, 3), `… ${ids.length - 5} more …`, ...ids.slice(-2)] : ids;
  return ` (through ${shown.join(' → ')})`;
};

/** The `expires` line of a license entry, for an expired agreement's related places. */
const agreementOf = (license: Entry | undefined): NonNullable<RuleReport['related']> =>
  license?.kind === 'license' ? [{ entry: license, path: ['expires'], message: `\`${license.id}\` expires here` }] : [];

/** Where a right inherited from upstream enters the entry: its reference to the first step of the path. */
function entryPoint(entry: Entry, r: InheritedRight): PathKey[] {
  if (r.origin === entry) return [];
  return referencesOf(entry).find((ref) => ref.to === r.path[1])?.path ?? [];
}

export const rights: Rule = {
  id: 'rights',
  severity: 'error',
  doc: "Restrictions flow down the lineage: a non-commercial license upstream forbids commercial uses downstream; a use prohibited upstream stays prohibited; no-derivatives forbids derived datasets; share-alike makes derived data keep the license; no-redistribution and personal data forbid public access; an expired agreement forbids further use; a model may only train on data that allows `model-training`. Each error names the upstream entry and the path. Change the declared use, or the data the entry depends on.",
  check({ catalog, report }) {
    const uses = catalog.config.uses;
    const isCommercial = (use: string) => own(uses, use)?.commercial === true;
    for (const entry of catalog.entries) {
      if ((entry.kind !== 'dataset' && entry.kind !== 'model') || entry.data.status === 'retired') continue;
      const rights = inheritedRights(catalog, entry);
      if (rights.length === 0 && entry.kind !== 'model') continue;
      const { uses: declared, field } = declaredUses(entry);
      // The nearest origin of a conflict is the one worth reading; farther ones repeat it.
      // A declared use gets one conflict, however many restrictions forbid it.
      const reported = new Set<string>();
      const once = (key: string) => !reported.has(key) && !!reported.add(key);
      const related = (r: InheritedRight): RuleReport['related'] =>
        r.origin === entry ? [] : [{ entry: r.origin, path: r.origin.kind === 'dataset' ? ['rights'] : ['license'], message: `declared on \`${r.origin.id}\`` }];

      for (const r of rights) {
        const right = r.right;
        if (right.type === 'restriction' && right.restriction === 'non-commercial') {
          declared.forEach((use, i) => {
            if (!isCommercial(use) || !once(`use:${i}`)) return;
            report({
              entry, path: [...field, i],
              message: r.origin === entry
                ? `Commercial use \`${use}\` conflicts with its own non-commercial license \`${right.license}\``
                : `Commercial use \`${use}\` conflicts with the non-commercial license \`${right.license}\` of upstream \`${r.origin.id}\`${via(r)}`,
              hint: r.origin === entry ? 'Remove the use: the license forbids commercial use.' : 'Remove the use, or replace the non-commercial data upstream.',
              related: related(r),
            });
          });
        } else if (right.type === 'prohibited-use') {
          declared.forEach((use, i) => {
            if (use !== right.use || !once(`use:${i}`)) return;
            report({
              entry, path: [...field, i],
              message: r.origin === entry
                ? `Use \`${use}\` is both allowed and prohibited`
                : `Use \`${use}\` is prohibited by upstream \`${r.origin.id}\`${via(r)}`,
              hint: r.origin === entry ? 'Remove it from one of the two lists.' : 'A use prohibited upstream stays prohibited for everything derived from it.',
              related: related(r),
            });
          });
        } else if (right.type === 'expires' && right.date < catalog.today && entry.data.status === 'active' && once(`expires:${right.license}`)) {
          report({
            entry, path: r.origin === entry ? (entry.kind === 'dataset' ? ['rights', 'license'] : ['license']) : entryPoint(entry, r),
            message: r.origin === entry
              ? `Its agreement \`${right.license}\` expired on ${right.date}`
              : `The agreement \`${right.license}\` of upstream \`${r.origin.id}\` expired on ${right.date}${via(r)}`,
            hint: 'Renew the agreement, or deprecate the entries that depend on it.',
            related: [...(related(r) ?? []), ...agreementOf(catalog.byId.get(right.license))],
          });
        }
        if (entry.kind !== 'dataset' || r.origin === entry) continue;
        const rightsOf = entry.data.rights;
        const direct = r.depth === 1;
        if (right.type === 'restriction' && right.restriction === 'no-derivatives' && direct) {
          report({
            entry, path: derivationPath(entry, r.origin.id),
            message: `Derived from \`${r.origin.id}\`, whose license \`${right.license}\` forbids derivatives (${RESTRICTIONS['no-derivatives']})`,
            hint: `Use \`${r.origin.id}\` unchanged, or record the licensor's permission in a \`licenses/\` entry.`,
            related: related(r),
          });
        } else if (right.type === 'restriction' && right.restriction === 'share-alike' && direct && rightsOf?.license !== right.license) {
          report({
            entry, path: rightsOf ? ['rights', 'license'] : derivationPath(entry, r.origin.id),
            message: `Derived from \`${r.origin.id}\` under share-alike \`${right.license}\`, so it must keep that license${rightsOf ? `, not \`${rightsOf.license}\`` : ''}`,
            hint: `Set \`rights.license: ${right.license}\`.`,
            related: related(r),
          });
        } else if (right.type === 'restriction' && right.restriction === 'no-redistribution') {
          if (rightsOf?.access === 'public' && once('public')) {
            report({
              entry, path: ['rights', 'access'],
              message: `Public access conflicts with the no-redistribution terms \`${right.license}\` of upstream \`${r.origin.id}\`${via(r)}`,
              hint: 'Restrict `access` to `internal` or narrower, or build this from data that may be shared.',
              related: related(r),
            });
          }
          declared.forEach((use, i) => {
            if (use !== 'redistribution' || !once(`use:${i}`)) return;
            report({
              entry, path: [...field, i],
              message: `Use \`redistribution\` conflicts with the no-redistribution terms \`${right.license}\` of upstream \`${r.origin.id}\`${via(r)}`,
              hint: 'Remove the use: the upstream terms forbid sharing the data outside the organisation.',
              related: related(r),
            });
          });
        } else if (right.type === 'personal-data' && rightsOf?.access === 'public' && rightsOf.personal_data !== false && once('personal')) {
          report({
            entry, path: ['rights', 'access'],
            message: `Public access to data derived from personal data in \`${r.origin.id}\`${via(r)}`,
            hint: 'If the personal data was removed or anonymised, declare `personal_data: false`; otherwise restrict access.',
            related: related(r),
          });
        }
      }

      if (entry.kind === 'model') {
        entry.data.training?.forEach((t, i) => {
          const dataset = catalog.byId.get(parseRef(t.dataset).id);
          if (dataset?.kind !== 'dataset') return;
          const allowed = dataset.data.rights?.allowed_uses;
          if (allowed && allowed.length > 0 && !allowed.includes('model-training')) {
            report({
              entry, path: ['training', i, 'dataset'],
              message: `Trained on \`${dataset.id}\`, whose allowed uses do not include \`model-training\``,
              hint: `Its allowed uses: ${allowed.map((u) => `\`${u}\``).join(', ')}.`,
              related: [{ entry: dataset, path: ['rights', 'allowed_uses'], message: `allowed uses of \`${dataset.id}\`` }],
            });
          }
        });
      }
    }
  },
};

function derivationPath(entry: Entry<'dataset'>, upstream: string): PathKey[] {
  const i = entry.data.derived_from?.findIndex((d) => (d.dataset ?? d.model) && parseRef((d.dataset ?? d.model)!).id === upstream) ?? -1;
  return i >= 0 ? ['derived_from', i] : [];
}
