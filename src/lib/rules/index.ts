/** Every cross-entry rule, in the order their diagnostics are most useful to read. */
import { busFactor } from './bus-factor.ts';
import { certifiedDomain } from './certified-domain.ts';
import { completeness } from './completeness.ts';
import { dependsOnDeprecated } from './depends-on-deprecated.ts';
import { dependsOnRetired } from './depends-on-retired.ts';
import { featureColumns } from './feature-columns.ts';
import { featureSkew } from './feature-skew.ts';
import { feedbackLoop } from './feedback-loop.ts';
import { knownUses } from './known-uses.ts';
import { leakage } from './leakage.ts';
import { lineageAcyclic } from './lineage-acyclic.ts';
import { metricIntegrity } from './metric-integrity.ts';
import { objectiveMet } from './objective-met.ts';
import { pinnedData } from './pinned-data.ts';
import { pinnedVersions } from './pinned-versions.ts';
import { productionReadiness } from './production-readiness.ts';
import { references } from './references.ts';
import { replacedBy } from './replaced-by.ts';
import { rights } from './rights.ts';
import type { Rule } from './rule.ts';
import { splitArithmetic } from './split-arithmetic.ts';
import { splitStratification } from './split-stratification.ts';
import { splitTemporal } from './split-temporal.ts';
import { staleness } from './staleness.ts';
import { uniqueIds } from './unique-ids.ts';

export type { Rule } from './rule.ts';

export const RULES: readonly Rule[] = [
  uniqueIds,
  references,
  pinnedVersions,
  knownUses,
  lineageAcyclic,
  feedbackLoop,
  splitArithmetic,
  splitStratification,
  splitTemporal,
  leakage,
  rights,
  dependsOnRetired,
  dependsOnDeprecated,
  replacedBy,
  staleness,
  busFactor,
  productionReadiness,
  pinnedData,
  objectiveMet,
  metricIntegrity,
  featureColumns,
  featureSkew,
  certifiedDomain,
  completeness,
];

/** Diagnostics that come from loading and schemas rather than from a rule module. */
export const BUILT_IN_CHECKS: Record<string, string> = {
  layout: 'Files and folders are where the catalog expects them: one folder per kind, entries as `.md`, `.yaml` or `.yml`, no links outside the content folder.',
  parse: 'A file can be read: UTF-8 text, under the size limit, with front matter opened and closed by `---` lines.',
  id: 'A file name is a lowercase kebab-case id.',
  yaml: 'The YAML is well formed: no syntax errors, tabs or duplicate keys, and a mapping of fields at the top.',
  schema: "The fields match the kind's schema: known keys only, the right types and values.",
  config: '`cardcat.config.yaml` is valid.',
};
