import { parseRef } from '../ids.ts';
import type { Rule } from './rule.ts';

export const pinnedData: Rule = {
  id: 'pinned-data',
  severity: 'warning',
  doc: 'A production model pins the version of every dataset it was trained and evaluated on (`version:` or `id@version`). An unpinned reference is an unstable data dependency: when the dataset moves on, nobody can say which data the serving model saw, or reproduce it. Pin the version the model was built from.',
  check({ catalog, report }) {
    for (const entry of catalog.entries) {
      if (entry.kind !== 'model' || entry.data.stage !== 'production') continue;
      for (const field of ['training', 'evaluation'] as const) {
        entry.data[field]?.forEach((ref, i) => {
          if (ref.version !== undefined || parseRef(ref.dataset).version !== undefined) return;
          const dataset = catalog.byId.get(ref.dataset);
          const latest = dataset?.kind === 'dataset' ? dataset.data.versions?.at(-1)?.version : undefined;
          report({
            entry,
            path: [field, i],
            message: `${field === 'training' ? 'Training' : 'Evaluation'} data \`${ref.dataset}\` is not pinned to a version`,
            hint: latest ? `Pin the version the model was built from, such as \`version: "${latest}"\`.` : 'Pin the version the model was built from with `version:`.',
          });
        });
      }
    }
  },
};
