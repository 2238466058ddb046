import type { SourceFile } from '../types.ts';
import type { Rule } from './rule.ts';

export const uniqueIds: Rule = {
  id: 'unique-ids',
  severity: 'error',
  doc: 'Every id is used by one file only, across all kinds, so a reference names exactly one entry. Two files with the same name in different folders, or `x.md` beside `x.yaml`, make references ambiguous. Rename one of them.',
  check({ catalog, report }) {
    const first = new Map<string, SourceFile>();
    for (const file of catalog.files.values()) {
      const earlier = first.get(file.id);
      if (!earlier) {
        first.set(file.id, file);
        continue;
      }
      report({
        entry: file,
        message: `Duplicate id \`${file.id}\`: \`${earlier.file}\` already uses it`,
        hint: 'Ids are unique across all kinds; rename one of the files.',
        related: [{ entry: earlier, message: `\`${file.id}\` is first defined here` }],
      });
    }
  },
};
