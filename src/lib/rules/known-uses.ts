import { declaredUses } from '../rights/rights.ts';
import { didYouMean } from '../suggest.ts';
import type { PathKey } from '../types.ts';
import type { Rule } from './rule.ts';

export const knownUses: Rule = {
  id: 'known-uses',
  severity: 'error',
  doc: 'Every use named in `allowed_uses`, `prohibited_uses`, `intended_use` (and a license\'s `prohibited_uses`) comes from the `uses` vocabulary of `cardcat.config.yaml`. Rights can only be checked when everyone means the same thing by a use. Use an id from the vocabulary, or add the use there.',
  check({ catalog, report }) {
    const vocabulary = Object.keys(catalog.config.uses);
    for (const entry of catalog.entries) {
      const lists: [readonly string[], PathKey[]][] = [];
      const { uses, field } = declaredUses(entry);
      lists.push([uses, field]);
      if (entry.kind === 'dataset') lists.push([entry.data.rights?.prohibited_uses ?? [], ['rights', 'prohibited_uses']]);
      if (entry.kind === 'license') lists.push([entry.data.prohibited_uses ?? [], ['prohibited_uses']]);
      for (const [list, path] of lists) {
        list.forEach((use, i) => {
          if (vocabulary.includes(use)) return;
          report({
            entry,
            path: [...path, i],
            message: `Unknown use \`${use}\``,
            hint: didYouMean(use, vocabulary) ?? (vocabulary.length ? `Uses in the vocabulary: ${vocabulary.map((u) => `\`${u}\``).join(', ')}; or add it under \`uses\` in cardcat.config.yaml.` : 'Add it under `uses` in cardcat.config.yaml, beside the content folder.'),
          });
        });
      }
    }
  },
};
