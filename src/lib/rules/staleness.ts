import { addDays, daysBetween, durationDays } from '../dates.ts';
import type { Rule } from './rule.ts';

export const staleness: Rule = {
  id: 'staleness',
  severity: 'warning',
  doc: "An entry's `reviewed` date is within its review interval (`review_every`, else the config's default). Catalogs rot quietly: a datasheet nobody has checked for years describes data that has since changed. Have an owner check the entry and update `reviewed`. Datasets and models that were never reviewed are warned too, as is a review dated after today; drafts and retired entries are not.",
  check({ catalog, report }) {
    for (const entry of catalog.entries) {
      const { status, reviewed, review_every } = entry.data;
      if (status === 'draft' || status === 'retired') continue;
      if (!reviewed) {
        if (entry.kind === 'dataset' || entry.kind === 'model') {
          report({ entry, path: [], message: `\`${entry.id}\` has never been reviewed`, hint: `Have an owner check it and add \`reviewed: ${catalog.today}\`.` });
        }
        continue;
      }
      if (reviewed > catalog.today) {
        // A review in the future is a typo (2062 for 2026) that would keep the entry fresh for decades.
        report({ entry, path: ['reviewed'], message: `Reviewed on ${reviewed}, which is after today (${catalog.today})`, hint: 'Set `reviewed` to the day an owner last checked the entry.' });
        continue;
      }
      const interval = review_every ?? catalog.config.review_every;
      const due = addDays(reviewed, durationDays(interval));
      if (due < catalog.today) {
        report({
          entry,
          path: ['reviewed'],
          message: `Last reviewed on ${reviewed}, ${daysBetween(reviewed, catalog.today)} days ago; reviews are due every ${interval}`,
          hint: `Have an owner check the entry and set \`reviewed: ${catalog.today}\`.`,
        });
      }
    }
  },
};
