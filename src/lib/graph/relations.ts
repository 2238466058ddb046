/**
 * Every relation between entries, declared once with both of its names. An edge points
 * from the entry that declares it to the entry it names: downstream → upstream.
 */
import type { Kind } from '../../../schemas/index.ts';

export interface Relation {
  /** Read from the declaring entry: "churn-predictor trained on viewing-events". */
  forward: string;
  /** Read from the named entry: "viewing-events trains churn-predictor". */
  backward: string;
  /** Kinds the named entry may be. */
  targets: readonly Kind[];
  /** Part of "what this depends on" and "what a change hits". */
  dependency: boolean;
  /** Counted when looking for lineage cycles. */
  lineage: boolean;
}

export const RELATIONS = {
  derived_from: { forward: 'derived from', backward: 'feeds', targets: ['dataset'], dependency: true, lineage: true },
  predictions_of: { forward: 'built from predictions of', backward: 'predictions feed', targets: ['model'], dependency: true, lineage: true },
  column_from: { forward: 'has columns from', backward: 'has columns used by', targets: ['dataset'], dependency: true, lineage: true },
  source: { forward: 'collected from', backward: 'source of', targets: ['source'], dependency: true, lineage: true },
  secondary_source: { forward: 'falls back to source', backward: 'secondary source of', targets: ['source'], dependency: true, lineage: false },
  backup_source: { forward: 'backed up by', backward: 'backup for', targets: ['source'], dependency: true, lineage: false },
  trained_on: { forward: 'trained on', backward: 'trains', targets: ['dataset'], dependency: true, lineage: true },
  evaluated_on: { forward: 'evaluated on', backward: 'evaluates', targets: ['dataset'], dependency: true, lineage: true },
  input: { forward: 'consumes', backward: 'consumed by', targets: ['model'], dependency: true, lineage: true },
  uses_feature: { forward: 'uses feature', backward: 'used by', targets: ['feature'], dependency: true, lineage: true },
  computed_from: { forward: 'computed from', backward: 'computes', targets: ['dataset'], dependency: true, lineage: true },
  served_from: { forward: 'served from', backward: 'serves', targets: ['dataset'], dependency: true, lineage: false },
  served_by: { forward: 'served by', backward: 'serves', targets: ['source'], dependency: true, lineage: false },
  fallback: { forward: 'falls back to', backward: 'fallback for', targets: ['model'], dependency: true, lineage: false },
  measured_on: { forward: 'measured on', backward: 'measures', targets: ['dataset'], dependency: true, lineage: false },
  licensed_under: { forward: 'licensed under', backward: 'licenses', targets: ['license'], dependency: true, lineage: false },
  owned_by: { forward: 'owned by', backward: 'owns', targets: ['team', 'person'], dependency: false, lineage: false },
  member_of: { forward: 'member of', backward: 'has member', targets: ['team'], dependency: false, lineage: false },
  uses_term: { forward: 'uses term', backward: 'used by', targets: ['glossary'], dependency: false, lineage: false },
  related_term: { forward: 'related to', backward: 'related to', targets: ['glossary'], dependency: false, lineage: false },
  replaced_by: {
    forward: 'replaced by',
    backward: 'replaces',
    targets: ['dataset', 'model', 'feature', 'source', 'team', 'person', 'glossary', 'license'],
    dependency: false,
    lineage: false,
  },
} as const satisfies Record<string, Relation>;

export type RelationType = keyof typeof RELATIONS;
