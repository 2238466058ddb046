import { KINDS } from '../../../schemas/index.ts';
import type { Rule } from './rule.ts';

export const replacedBy: Rule = {
  id: 'replaced-by',
  severity: 'warning',
  doc: 'A deprecated entry names its replacement in `replaced_by`, and only deprecated or retired entries do. The replacement is another entry of the same kind that is not itself deprecated or retired. Without it, everyone downstream has to ask what to move to, or moves to something on its way out too. Add `replaced_by: <id>`, or say in the body why there is no replacement.',
  check({ catalog, report }) {
    for (const entry of catalog.entries) {
      const { status, replaced_by } = entry.data;
      if (status === 'deprecated' && !replaced_by) {
        report({ entry, path: ['status'], message: `Deprecated \`${entry.id}\` names no replacement`, hint: 'Add `replaced_by: <id>` so dependents know where to move.' });
        continue;
      }
      if (!replaced_by) continue;
      if (status !== 'deprecated' && status !== 'retired') {
        report({ entry, path: ['replaced_by'], key: true, message: `\`replaced_by\` on an entry that is ${status}`, hint: 'Set `status: deprecated` (or `retired`), or remove `replaced_by`.' });
        continue;
      }
      const replacement = catalog.byId.get(replaced_by);
      if (!replacement) continue; // reported by `references`
      if (replacement === entry) {
        report({ entry, path: ['replaced_by'], message: `\`${entry.id}\` is replaced by itself`, hint: 'Name the entry that takes its place.' });
      } else if (replacement.kind !== entry.kind) {
        report({
          entry,
          path: ['replaced_by'],
          message: `Unexpected ${KINDS[replacement.kind].label.toLowerCase()} \`${replacement.id}\` as the replacement of a ${KINDS[entry.kind].label.toLowerCase()}`,
          hint: `Name the ${KINDS[entry.kind].label.toLowerCase()} that takes its place.`,
          related: [{ entry: replacement, message: `\`${replacement.id}\` is defined here` }],
        });
      } else if (replacement.data.status === 'deprecated' || replacement.data.status === 'retired') {
        report({
          entry,
          path: ['replaced_by'],
          message: `Replaced by \`${replacement.id}\`, which is ${replacement.data.status} too`,
          hint: replacement.data.replaced_by ? `Point at the current replacement, \`${replacement.data.replaced_by}\`.` : 'Point at an entry that is still active.',
          related: [{ entry: replacement, path: ['status'], message: `\`${replacement.id}\` is ${replacement.data.status}` }],
        });
      }
    }
  },
};
