import type { Column } from '../../../schemas/dataset.ts';
import { columnAt, compareColumns, type ColumnPlace } from '../features.ts';
import type { Rule } from './rule.ts';

const show = (value: unknown) => `\`${Array.isArray(value) ? `[${value.join(', ')}]` : String(value)}\``;

interface Mismatch {
  property: keyof Column;
  message: string;
  hint: string;
}

/** What differs between the column a feature is trained on and the one it is served from; a property either side leaves out is not compared. */
function mismatches(trained: Column, served: Column): Mismatch[] {
  return compareColumns(trained, served).flatMap((c): Mismatch[] => {
    if (c.result !== 'differ') return [];
    switch (c.property) {
      case 'type':
        return [{ property: 'type', message: `is trained as ${show(trained.type)} but served as ${show(served.type)}`, hint: 'Serve the type the model was trained on, or retrain on the served column.' }];
      case 'unit':
        return [{ property: 'unit', message: `is trained in ${show(trained.unit)} but served in ${show(served.unit)}`, hint: 'Convert one side, or correct the unit the column declares.' }];
      case 'range':
        return [{
          property: 'range',
          message: `is served over ${show(served.range)}, outside its training range ${show(trained.range)}`,
          hint: 'Clip or reject served values outside the training range, or retrain on data that covers them.',
        }];
      case 'values': {
        const unseen = c.unseen ?? [];
        return [{
          property: 'values',
          message: `is served with ${unseen.length === 1 ? 'a value' : 'values'} training never saw: ${unseen.map(show).join(', ')}`,
          hint: 'Map the new values to ones the model knows, or retrain with them.',
        }];
      }
    }
  });
}

const where = (place: ColumnPlace) => `${place.dataset.id}.${place.column.name}`;

export const featureSkew: Rule = {
  id: 'feature-skew',
  severity: 'warning',
  doc: "A feature whose training column and serving column are both catalogued has them agree: the same `type` and `unit`, a served `range` within the training range, and no served `values` the training column lacks; a feature that declares a `unit` has it on both columns. Otherwise the model answers on inputs unlike those it learned from (seconds trained, milliseconds served; a category served that training never saw), and nothing fails loudly. Fix the pipeline, or the column that is described wrongly. A property either column leaves out is not compared.",
  check({ catalog, report }) {
    for (const entry of catalog.entries) {
      if (entry.kind !== 'feature') continue;
      // An unknown dataset or column is the references rule's to report.
      const trained = entry.data.training ? columnAt(catalog, entry.data.training) : undefined;
      const served = entry.data.serving?.column ? columnAt(catalog, entry.data.serving.column) : undefined;
      const unit = entry.data.unit;
      for (const [place, path, role] of [[trained, ['training'], 'training'], [served, ['serving', 'column'], 'serving']] as const) {
        if (!place || unit === undefined || place.column.unit === undefined || place.column.unit === unit) continue;
        report({
          entry,
          path: ['unit'],
          message: `Feature \`${entry.id}\` is defined in \`${unit}\` but its ${role} column \`${where(place)}\` holds \`${place.column.unit}\``,
          hint: 'Correct the unit on one side, or convert the values where the feature is computed.',
          related: [
            { entry, path, message: `the ${role} column` },
            { entry: place.dataset, path: ['schema', place.index, 'unit'], message: `the unit of \`${where(place)}\`` },
          ],
        });
      }
      if (!trained || !served) continue;
      for (const m of mismatches(trained.column, served.column)) {
        report({
          entry,
          path: ['serving', 'column'],
          message: `Training/serving skew: \`${entry.id}\` ${m.message}`,
          hint: m.hint,
          related: [
            { entry: trained.dataset, path: ['schema', trained.index, m.property], message: `trained on \`${where(trained)}\`` },
            { entry: served.dataset, path: ['schema', served.index, m.property], message: `served from \`${where(served)}\`` },
          ],
        });
      }
    }
  },
};
