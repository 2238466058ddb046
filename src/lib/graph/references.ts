/**
 * Every reference an entry makes, with the relation it stands for and where it is
 * written. The graph is built from these, and the references rule checks them: one
 * reading of the fields, two uses.
 */
import { classifyLicense } from '../rights/licenses.ts';
import { ID_PATTERN, parseRef } from '../ids.ts';
import { RELATIONS, type RelationType } from './relations.ts';
import type { Entry, Kind, PathKey } from '../types.ts';

export interface Reference {
  type: RelationType;
  /** The named id, without any `@version`. */
  to: string;
  /** A pinned version, from `id@version` or a `version:` beside the reference. */
  version?: string;
  /** Where the reference is written in the declaring file. */
  path: PathKey[];
  /** Column-level lineage: the upstream column named. */
  column?: string;
  /**
   * A name that is a reference only if an entry of the target kind has it: a model's
   * feature names a `features/` entry first, else a column (the feature-columns rule).
   */
  tentative?: true;
}

/** Whether a reference counts: a tentative one only when it names an entry of its target kind. */
export function resolves(ref: Reference, target: Entry | undefined): boolean {
  return !ref.tentative || (target !== undefined && (RELATIONS[ref.type].targets as readonly Kind[]).includes(target.kind));
}

const asList = <T>(value: T | readonly T[] | undefined): readonly T[] =>
  value === undefined ? [] : Array.isArray(value) ? (value as readonly T[]) : [value as T];

// The graph and several rules each read every entry's references; entries never change.
const memo = new WeakMap<Entry, readonly Reference[]>();

export function referencesOf(entry: Entry): readonly Reference[] {
  let refs = memo.get(entry);
  if (!refs) memo.set(entry, (refs = readReferences(entry)));
  return refs;
}

function readReferences(entry: Entry): Reference[] {
  const out: Reference[] = [];
  const add = (type: RelationType, value: string, path: PathKey[], version?: string | number) => {
    const { id, version: pinned } = parseRef(value);
    const v = pinned ?? (version === undefined ? undefined : String(version));
    out.push(v === undefined ? { type, to: id, path } : { type, to: id, version: v, path });
  };

  const d = entry.data;
  d.owners?.forEach((o, i) => add('owned_by', o, ['owners', i]));
  if (d.replaced_by) add('replaced_by', d.replaced_by, ['replaced_by']);

  switch (entry.kind) {
    case 'dataset': {
      const data = entry.data;
      const sources = data.sources;
      if (sources) {
        const primary = asList(sources.primary);
        primary.forEach((s, i) => add('source', s, Array.isArray(sources.primary) ? ['sources', 'primary', i] : ['sources', 'primary']));
        const secondary = asList(sources.secondary);
        secondary.forEach((s, i) =>
          add('secondary_source', s, Array.isArray(sources.secondary) ? ['sources', 'secondary', i] : ['sources', 'secondary']),
        );
      }
      data.derived_from?.forEach((dv, i) => {
        if (dv.dataset) add('derived_from', dv.dataset, ['derived_from', i, 'dataset'], dv.version);
        if (dv.model) add('predictions_of', dv.model, ['derived_from', i, 'model'], dv.version);
      });
      data.schema?.forEach((column, i) => {
        if (column.term) add('uses_term', column.term, ['schema', i, 'term']);
        if (column.derived_from) {
          const dot = column.derived_from.indexOf('.');
          out.push({
            type: 'column_from',
            to: column.derived_from.slice(0, dot),
            column: column.derived_from.slice(dot + 1),
            path: ['schema', i, 'derived_from'],
          });
        }
      });
      if (data.rights) {
        const license = classifyLicense(data.rights.license);
        if (license.type === 'entry') add('licensed_under', license.id, ['rights', 'license']);
      }
      break;
    }
    case 'model': {
      const data = entry.data;
      data.training?.forEach((t, i) => add('trained_on', t.dataset, ['training', i, 'dataset'], t.version));
      data.evaluation?.forEach((t, i) => add('evaluated_on', t.dataset, ['evaluation', i, 'dataset'], t.version));
      data.inputs?.forEach((input, i) => add('input', input.model, ['inputs', i, 'model']));
      // Only a name that could be an id may name a feature entry; `watched_seconds` is a column.
      data.features?.forEach((name, i) => {
        if (ID_PATTERN.test(name)) out.push({ type: 'uses_feature', to: name, path: ['features', i], tentative: true });
      });
      if (data.fallback) add('fallback', data.fallback, ['fallback']);
      data.metrics?.forEach((m, i) => {
        if (m.dataset) add('measured_on', m.dataset, ['metrics', i, 'dataset']);
      });
      if (data.license) {
        const license = classifyLicense(data.license);
        if (license.type === 'entry') add('licensed_under', license.id, ['license']);
      }
      break;
    }
    case 'feature': {
      const data = entry.data;
      const column = (type: RelationType, value: string, path: PathKey[]) => {
        const dot = value.indexOf('.');
        out.push({ type, to: value.slice(0, dot), column: value.slice(dot + 1), path });
      };
      if (data.training) column('computed_from', data.training, ['training']);
      if (data.serving?.column) column('served_from', data.serving.column, ['serving', 'column']);
      if (data.serving?.source) add('served_by', data.serving.source, ['serving', 'source']);
      if (data.term) add('uses_term', data.term, ['term']);
      break;
    }
    case 'source':
      if (entry.data.backup_source) add('backup_source', entry.data.backup_source, ['backup_source']);
      break;
    case 'person':
      entry.data.teams?.forEach((t, i) => add('member_of', t, ['teams', i]));
      break;
    case 'glossary':
      entry.data.related?.forEach((r, i) => add('related_term', r, ['related', i]));
      break;
    case 'team':
    case 'license':
      break;
  }
  return out;
}
