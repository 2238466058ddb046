import { didYouMean } from '../suggest.ts';
import type { Rule } from './rule.ts';

export const splitTemporal: Rule = {
  id: 'split-temporal',
  severity: 'error',
  doc: 'A temporal split gives every part a `from` and `to` date (with `from` not after `to`) and no two parts overlap in time. Overlapping periods let a model train on the future it is tested on, and its test results flatter it. Fix the dates so each part covers its own period.',
  check({ catalog, report }) {
    for (const entry of catalog.entries) {
      if (entry.kind !== 'dataset' || entry.data.splits?.method !== 'temporal') continue;
      const splits = entry.data.splits;
      if (splits.time_column && entry.data.schema && !entry.data.schema.some((c) => c.name === splits.time_column)) {
        report({
          entry,
          path: ['splits', 'time_column'],
          message: `Unknown column \`${splits.time_column}\` in \`time_column\``,
          hint: didYouMean(splits.time_column, entry.data.schema.map((c) => c.name)) ?? 'Name the column declared under `schema` that orders rows in time.',
        });
      }
      const dated: { name: string; from: string; to: string; index: number }[] = [];
      splits.parts.forEach((part, index) => {
        if (!part.from || !part.to) {
          report({ entry, path: ['splits', 'parts', index], message: `Split \`${part.name}\` of a temporal split has no ${!part.from ? '`from`' : '`to`'} date`, hint: 'Give every part the period it covers: `from: 2025-01-01`, `to: 2025-12-31`.' });
        } else if (part.from > part.to) {
          report({ entry, path: ['splits', 'parts', index, 'from'], message: `Split \`${part.name}\` starts on ${part.from}, after it ends on ${part.to}`, hint: 'Swap `from` and `to`: both days are inclusive.' });
        } else {
          dated.push({ name: part.name, from: part.from, to: part.to, index });
        }
      });
      dated.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
      // Compare each part with the one reaching latest so far, not only its neighbour:
      // a short part can sit inside a long one that started earlier.
      let latest = dated[0];
      for (let i = 1; i < dated.length; i++) {
        const previous = latest!;
        const part = dated[i]!;
        if (part.to > previous.to) latest = part;
        if (part.from <= previous.to) {
          report({
            entry,
            path: ['splits', 'parts', part.index, 'from'],
            message: `Split \`${part.name}\` (${part.from} to ${part.to}) overlaps split \`${previous.name}\` (${previous.from} to ${previous.to})`,
            hint: `Start \`${part.name}\` after ${previous.to}, or end \`${previous.name}\` before ${part.from}.`,
            related: [{ entry, path: ['splits', 'parts', previous.index, 'to'], message: `\`${previous.name}\` ends here` }],
          });
        }
      }
    }
  },
};
