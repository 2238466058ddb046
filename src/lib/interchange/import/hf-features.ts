/**
 * Hugging Face `datasets` features (the card's `dataset_info.features`, or the legacy
 * `dataset_infos.json` form) as Cardcat columns. A class label becomes a categorical
 * column with its names as values; anything the column type cannot say is kept in the
 * column's description, so no feature type is lost.
 */
import { isRecord } from '../common.ts';

export interface Column {
  name: string;
  type: string;
  description?: string;
  values?: string[];
}

const DTYPES: Record<string, string> = {
  string: 'string',
  large_string: 'string',
  bool: 'boolean',
  binary: 'binary',
  large_binary: 'binary',
  image: 'image',
  audio: 'audio',
  date32: 'date',
  date64: 'date',
  null: 'string',
};

function scalarType(dtype: string): string | undefined {
  if (DTYPES[dtype]) return DTYPES[dtype];
  if (/^u?int\d+$/.test(dtype)) return 'integer';
  if (/^float\d+$|^double$|^decimal/.test(dtype)) return 'float';
  if (/^timestamp/.test(dtype)) return 'datetime';
  if (/^(time|duration)/.test(dtype)) return 'string';
  return undefined;
}

interface Described {
  type: string;
  /** The feature type as the source wrote it, such as `sequence of class_label`. */
  source: string;
  values?: string[];
}

function classNames(value: unknown): string[] | undefined {
  if (!isRecord(value)) return undefined;
  const names = value['names'];
  if (Array.isArray(names)) return names.map(String);
  if (isRecord(names)) return Object.entries(names).sort(([a], [b]) => Number(a) - Number(b)).map(([, v]) => String(v));
  return undefined;
}

/** One feature of either form. Returns undefined for a shape it does not know. */
function describeFeature(feature: unknown): Described | undefined {
  if (typeof feature === 'string') {
    const type = scalarType(feature);
    return type ? { type, source: feature } : undefined;
  }
  if (Array.isArray(feature)) {
    // A list of named sub-features is a struct (inside a sequence: a list of structs).
    return { type: 'struct', source: `struct of ${feature.map((f) => (isRecord(f) ? String(f['name']) : '?')).join(', ')}` };
  }
  if (!isRecord(feature)) return undefined;
  // Legacy form: `_type` says which feature class.
  const legacy = feature['_type'];
  if (legacy === 'Value') return describeFeature(feature['dtype']);
  if (legacy === 'ClassLabel') {
    const values = classNames(feature);
    return values ? { type: 'categorical', source: 'class_label', values } : { type: 'categorical', source: 'class_label' };
  }
  if (legacy === 'Sequence') {
    const inner = describeFeature(feature['feature']);
    return inner ? { type: 'array', source: `sequence of ${inner.source}`, ...(inner.values ? { values: inner.values } : {}) } : { type: 'array', source: 'sequence' };
  }
  if (typeof legacy === 'string') {
    const type = scalarType(legacy.toLowerCase());
    return type ? { type, source: legacy } : undefined;
  }
  // Card form: exactly one of dtype / sequence / list / struct / class_label.
  if ('class_label' in feature) {
    const values = classNames(feature['class_label']);
    return values ? { type: 'categorical', source: 'class_label', values } : { type: 'categorical', source: 'class_label' };
  }
  for (const key of ['sequence', 'list', 'large_list']) {
    if (key in feature) {
      const inner = describeFeature(feature[key]);
      return inner ? { type: 'array', source: `${key} of ${inner.source}`, ...(inner.values ? { values: inner.values } : {}) } : { type: 'array', source: key };
    }
  }
  if ('struct' in feature) return describeFeature(feature['struct']);
  if ('dtype' in feature) return describeFeature(feature['dtype']);
  // A nested mapping of named features with no marker (legacy dict feature).
  const entries = Object.keys(feature);
  return entries.length ? { type: 'struct', source: `struct of ${entries.join(', ')}` } : undefined;
}

/** Columns of a features list or mapping, and the names of features it could not type. */
export function featuresToColumns(features: unknown): { columns: Column[]; unknown: string[] } {
  const named: [string, unknown][] = Array.isArray(features)
    ? features.filter(isRecord).map((f) => {
        const { name, ...rest } = f;
        return [String(name), rest];
      })
    : isRecord(features)
      ? Object.entries(features)
      : [];
  const columns: Column[] = [];
  const unknown: string[] = [];
  for (const [name, feature] of named) {
    const described = describeFeature(feature);
    if (!described) {
      unknown.push(name);
      continue;
    }
    const column: Column = { name, type: described.type };
    if (described.source !== described.type) column.description = `Hugging Face feature type \`${described.source}\``;
    if (described.values) column.values = described.values;
    columns.push(column);
  }
  return { columns, unknown };
}
