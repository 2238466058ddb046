import type { Rule } from './rule.ts';

const TOLERANCE = 0.001;

export const splitArithmetic: Rule = {
  id: 'split-arithmetic',
  severity: 'error',
  doc: "A dataset's split parts add up: their rows to the dataset's `size.rows`, their fractions to 1, each fraction to its share of the rows, and each part's class counts to its rows; part names are unique. Counts that do not add up mean rows were lost or counted twice between the split and the card. Recount, or update the card after re-splitting.",
  check({ catalog, report }) {
    for (const entry of catalog.entries) {
      if (entry.kind !== 'dataset' || !entry.data.splits) continue;
      const { parts } = entry.data.splits;
      const total = entry.data.size?.rows;
      const seen = new Map<string, number>();
      parts.forEach((part, i) => {
        const first = seen.get(part.name);
        if (first === undefined) {
          seen.set(part.name, i);
          return;
        }
        report({
          entry,
          path: ['splits', 'parts', i, 'name'],
          message: `Duplicate split name \`${part.name}\``,
          hint: 'Give each part its own name: metrics and models name the split they use.',
          related: [{ entry, path: ['splits', 'parts', first, 'name'], message: `\`${part.name}\` is first named here` }],
        });
      });

      const rows = parts.map((p) => p.rows);
      if (total !== undefined && rows.every((r) => r !== undefined)) {
        const sum = rows.reduce((a, b) => a! + b!, 0)!;
        if (sum !== total) {
          report({
            entry,
            path: ['splits', 'parts'],
            message: `Split rows add up to ${sum.toLocaleString('en')}, but \`size.rows\` is ${total.toLocaleString('en')}`,
            hint: `Parts: ${parts.map((p) => `${p.name} ${p.rows!.toLocaleString('en')}`).join(' + ')}. ${sum > total ? 'Some rows are counted twice.' : `${(total - sum).toLocaleString('en')} rows are in no part.`}`,
            related: [{ entry, path: ['size', 'rows'], message: 'the dataset size' }],
          });
        }
      }

      const fractions = parts.map((p) => p.fraction);
      if (fractions.every((f) => f !== undefined)) {
        const sum = fractions.reduce((a, b) => a! + b!, 0)!;
        if (Math.abs(sum - 1) > TOLERANCE) {
          report({
            entry,
            path: ['splits', 'parts'],
            message: `Split fractions add up to ${round(sum)}, expected 1`,
            hint: `Fractions: ${parts.map((p) => `${p.name} ${p.fraction}`).join(' + ')}.`,
          });
        }
      }

      const rowSum = rows.every((r) => r !== undefined) ? rows.reduce((a, b) => a! + b!, 0)! : total;
      parts.forEach((part, i) => {
        if (part.fraction !== undefined && part.rows !== undefined && rowSum) {
          const actual = part.rows / rowSum;
          if (Math.abs(actual - part.fraction) > 0.005) {
            report({
              entry,
              path: ['splits', 'parts', i, 'fraction'],
              message: `Split \`${part.name}\` has fraction ${part.fraction}, but its ${part.rows.toLocaleString('en')} rows are ${round(actual)} of ${rowSum.toLocaleString('en')}`,
              hint: `Set \`fraction: ${round(actual)}\`, or correct its rows.`,
            });
          }
        }
        if (part.classes && part.rows !== undefined) {
          const classSum = Object.values(part.classes).reduce((a, b) => a + b, 0);
          if (classSum !== part.rows) {
            report({
              entry,
              path: ['splits', 'parts', i, 'classes'],
              message: `Class counts of split \`${part.name}\` add up to ${classSum.toLocaleString('en')}, but it has ${part.rows.toLocaleString('en')} rows`,
              hint: 'Every row belongs to exactly one class; recount the classes or correct `rows`.',
            });
          }
        }
      });
    }
  },
};

const round = (n: number) => Math.round(n * 10_000) / 10_000;
