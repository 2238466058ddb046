import { Graph, type ClosureMember } from '../graph/graph.ts';
import { parseRef } from '../ids.ts';
import type { RelationType } from '../graph/relations.ts';
import type { Entry } from '../types.ts';
import type { Rule, RuleCatalog } from './rule.ts';

const DATA_LINEAGE = new Set<RelationType>(['derived_from', 'column_from']);

/** The split of `upstream` that `child` declares it was derived from, if it says. */
function derivedSplit(catalog: RuleCatalog, child: string, upstream: string): string | undefined {
  const entry = catalog.byId.get(child);
  if (entry?.kind !== 'dataset') return undefined;
  return entry.data.derived_from?.find((d) => d.dataset && parseRef(d.dataset).id === upstream)?.split;
}

/** How `downstream` derives from `upstream` through lineage, or undefined when it does not. */
function lineagePath(catalog: RuleCatalog, downstream: string, upstream: string): { path: string[]; split?: string } | undefined {
  const closure = new Map<string, ClosureMember>(
    catalog.graph.closure(downstream, 'up', { follow: (t) => DATA_LINEAGE.has(t) }).map((m) => [m.id, m]),
  );
  if (!closure.has(upstream)) return undefined;
  const path = Graph.path(downstream, upstream, closure, 'up');
  const split = derivedSplit(catalog, path[path.length - 2]!, upstream);
  return split === undefined ? { path } : { path, split };
}

const show = (path: readonly string[]) => path.map((id) => `\`${id}\``).join(' → ');

export const leakage: Rule = {
  id: 'leakage',
  severity: 'error',
  doc: "A model's evaluation data is neither its training data nor derived from it (nor the other way round), checked through lineage; the same dataset may serve both only as distinct declared splits. Evaluating on what a model has seen inflates every metric. Evaluate on a held-out split, or declare the split each derived dataset came from (`derived_from: [{ dataset, split }]`).",
  check({ catalog, report }) {
    for (const entry of catalog.entries) {
      if (entry.kind !== 'model') continue;
      const training = entry.data.training ?? [];
      (entry.data.evaluation ?? []).forEach((evaluation, i) => {
        const evalId = parseRef(evaluation.dataset).id;
        training.forEach((train, j) => {
          const trainId = parseRef(train.dataset).id;
          const related = [{ entry: entry as Entry, path: ['training', j], message: `trained on \`${trainId}\`${train.split ? ` split \`${train.split}\`` : ''}` }];
          if (evalId === trainId) {
            if (evaluation.split !== undefined && train.split !== undefined && evaluation.split !== train.split) return;
            report({
              entry,
              path: ['evaluation', i],
              message: evaluation.split !== undefined && evaluation.split === train.split
                ? `Evaluated on split \`${evaluation.split}\` of \`${evalId}\`, the split it is trained on`
                : `Evaluated on \`${evalId}\`, which it is also trained on, without distinct splits`,
              hint: 'Name distinct splits for training and evaluation, such as `train` and `test`.',
              related,
            });
            return;
          }
          const down = lineagePath(catalog, evalId, trainId);
          if (down && !(down.split !== undefined && train.split !== undefined && down.split !== train.split)) {
            const child = down.path[down.path.length - 2];
            report({
              entry,
              path: ['evaluation', i, 'dataset'],
              message: down.split === undefined
                ? `Evaluation data \`${evalId}\` is derived from training data \`${trainId}\`: ${show(down.path)}`
                : train.split === undefined
                  ? `Evaluation data \`${evalId}\` is derived from split \`${down.split}\` of training data \`${trainId}\`, which it trains on whole: ${show(down.path)}`
                  : `Evaluation data \`${evalId}\` is derived from split \`${down.split}\` of training data \`${trainId}\`, the split it is trained on: ${show(down.path)}`,
              hint: down.split === undefined
                ? `If \`${child}\` comes from a held-out split of \`${trainId}\`, declare it: \`derived_from: [{ dataset: ${trainId}, split: test }]\`.`
                : train.split === undefined
                  ? `Name the split of \`${trainId}\` it trains on, such as \`split: train\`.`
                  : `Train on another split of \`${trainId}\` than the one \`${child}\` was built from.`,
              related,
            });
            return;
          }
          const up = lineagePath(catalog, trainId, evalId);
          if (up && !(up.split !== undefined && evaluation.split !== undefined && up.split !== evaluation.split)) {
            report({
              entry,
              path: ['evaluation', i, 'dataset'],
              message: up.split === undefined
                ? `Training data \`${trainId}\` is derived from evaluation data \`${evalId}\`: ${show(up.path)}`
                : evaluation.split === undefined
                  ? `Training data \`${trainId}\` is derived from split \`${up.split}\` of evaluation data \`${evalId}\`, which it is evaluated on whole: ${show(up.path)}`
                  : `Training data \`${trainId}\` is derived from split \`${up.split}\` of evaluation data \`${evalId}\`, the split it is evaluated on: ${show(up.path)}`,
              hint: up.split === undefined
                ? `Evaluate on data the training set was not built from, or declare the split \`${up.path[up.path.length - 2]}\` was derived from.`
                : evaluation.split === undefined
                  ? `Name the split of \`${evalId}\` it is evaluated on, such as \`split: test\`.`
                  : `Evaluate on another split of \`${evalId}\` than the one \`${up.path[up.path.length - 2]}\` was built from.`,
              related,
            });
          }
        });
      });
    }
  },
};
