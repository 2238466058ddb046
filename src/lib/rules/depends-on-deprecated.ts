import { reportDependenciesWithStatus } from './deprecation.ts';
import type { Rule } from './rule.ts';

export const dependsOnDeprecated: Rule = {
  id: 'depends-on-deprecated',
  severity: 'warning',
  doc: 'An active entry that depends on a deprecated one is warned: the upstream still exists but is on its way out, and someone must plan the move before it is retired (then this becomes a `depends-on-retired` error). Move to the replacement named by `replaced_by`.',
  check(context) {
    reportDependenciesWithStatus(context, 'deprecated');
  },
};
