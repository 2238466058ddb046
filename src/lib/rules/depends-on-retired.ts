import { reportDependenciesWithStatus } from './deprecation.ts';
import type { Rule } from './rule.ts';

export const dependsOnRetired: Rule = {
  id: 'depends-on-retired',
  severity: 'error',
  doc: 'An active entry does not depend on a retired one: a retired dataset is no longer produced, a retired model no longer serves. Whatever still reads it is running on data or predictions that have stopped. Move to the replacement (`replaced_by`) or retire the dependent entry too.',
  check(context) {
    reportDependenciesWithStatus(context, 'retired');
  },
};
