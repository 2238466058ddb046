import { own } from '../own.ts';
import { didYouMean } from '../suggest.ts';
import type { Rule } from './rule.ts';

const pct = (n: number) => `${(n * 100).toFixed(2)}%`;

export const splitStratification: Rule = {
  id: 'split-stratification',
  severity: 'error',
  doc: 'A stratified split names its `stratify_by` column (a declared column), gives class counts for every part (named by the column\'s values), and keeps each class\'s share in every part within tolerance of its share overall (`splits.tolerance`, else the config\'s `stratification_tolerance`, 2 percentage points by default). A rare class that is missing from the test part, or over-represented in it, makes every metric on that part misleading. Re-split with stratification or correct the counts.',
  check({ catalog, report }) {
    for (const entry of catalog.entries) {
      if (entry.kind !== 'dataset' || entry.data.splits?.method !== 'stratified') continue;
      const splits = entry.data.splits;
      if (!splits.stratify_by) {
        report({ entry, path: ['splits', 'method'], message: 'Stratified split without `stratify_by`', hint: 'Name the column whose class proportions every part keeps.' });
      } else if (entry.data.schema && !entry.data.schema.some((c) => c.name === splits.stratify_by)) {
        report({ entry, path: ['splits', 'stratify_by'], message: `Unknown column \`${splits.stratify_by}\` in \`stratify_by\``, hint: didYouMean(splits.stratify_by, entry.data.schema.map((c) => c.name)) ?? 'Stratify by a column declared under `schema`.' });
      }
      const missing = splits.parts.findIndex((p) => !p.classes);
      if (missing >= 0) {
        report({ entry, path: ['splits', 'parts', missing], message: `Split \`${splits.parts[missing]!.name}\` of a stratified split gives no class counts`, hint: 'Add `classes: { <class>: <rows>, … }` to every part.' });
        continue;
      }
      // Class names come from the column's values: a misspelt class (`ture`) is counted as a
      // class of its own and hides rows from the real one.
      const column = entry.data.schema?.find((c) => c.name === splits.stratify_by);
      const allowed = column?.values?.map(String) ?? (column?.type === 'boolean' ? ['true', 'false'] : undefined);
      if (allowed) {
        splits.parts.forEach((part, i) => {
          for (const name of Object.keys(part.classes!)) {
            if (allowed.includes(name)) continue;
            report({
              entry,
              path: ['splits', 'parts', i, 'classes', name],
              key: true,
              message: `Unknown class \`${name}\` of \`${column!.name}\` in split \`${part.name}\``,
              hint: didYouMean(name, allowed) ?? `Its values: ${allowed.map((v) => `\`${v}\``).join(', ')}.`,
            });
          }
        });
      }
      const tolerance = splits.tolerance ?? catalog.config.stratification_tolerance;
      const overall = new Map<string, number>();
      let total = 0;
      for (const part of splits.parts) {
        for (const [name, count] of Object.entries(part.classes!)) {
          overall.set(name, (overall.get(name) ?? 0) + count);
          total += count;
        }
      }
      if (total === 0) continue;
      splits.parts.forEach((part, i) => {
        const partTotal = Object.values(part.classes!).reduce((a, b) => a + b, 0);
        if (partTotal === 0) return;
        // One problem per part: in a two-class split both classes are off by the same amount,
        // so the class to name is the one furthest off, and of equals the rarer.
        let worst: { name: string; share: number; expected: number; off: number } | undefined;
        for (const [name, count] of overall) {
          const share = (own(part.classes, name) ?? 0) / partTotal;
          const expected = count / total;
          const off = Math.abs(share - expected);
          if (off <= tolerance) continue;
          if (!worst || off > worst.off + 1e-12 || (Math.abs(off - worst.off) <= 1e-12 && expected < worst.expected)) {
            worst = { name, share, expected, off };
          }
        }
        if (!worst) return;
        report({
          entry,
          path: ['splits', 'parts', i, 'classes'],
          message: `Class \`${worst.name}\` is ${pct(worst.share)} of split \`${part.name}\` but ${pct(worst.expected)} overall, beyond the ${pct(tolerance)} tolerance of a stratified split`,
          hint: (own(part.classes, worst.name) ?? 0) === 0 ? `Split \`${part.name}\` has no \`${worst.name}\` rows at all; re-split with stratification.` : 'Re-split with stratification, or correct the class counts.',
        });
      });
    }
  },
};
