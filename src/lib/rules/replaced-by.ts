import type { Rule } from './rule.ts';

export const replacedBy: Rule = {
  id: 'replaced-by',
  severity: 'warning',
  doc: 'A deprecated entry names its replacement in `replaced_by`, and only deprecated or retired entries do. Without it, everyone downstream has to ask what to move to. Add `replaced_by: <id>`, or say in the body why there is no replacement.',
  check({ catalog, report }) {
    for (const entry of catalog.entries) {
      const { status, replaced_by } = entry.data;
      if (status === 'deprecated' && !replaced_by) {
        report({ entry, path: ['status'], message: `Deprecated \`${entry.id}\` names no replacement`, hint: 'Add `replaced_by: <id>` so dependents know where to move.' });
      } else if (replaced_by && status !== 'deprecated' && status !== 'retired') {
        report({ entry, path: ['replaced_by'], key: true, message: `\`replaced_by\` on an entry that is ${status}`, hint: 'Set `status: deprecated` (or `retired`), or remove `replaced_by`.' });
      }
    }
  },
};
