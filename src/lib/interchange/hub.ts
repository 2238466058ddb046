/**
 * What the Hugging Face Hub accepts in a card's metadata: a pipeline type from its task
 * list, a license id from its license list, and Hub ids of datasets and models. Catalog
 * values are mapped to these where one fits; where none does, nothing is claimed.
 */
import { PIPELINE_TYPES_SET, type PipelineType } from '@huggingface/tasks';
import { classifyLicense } from '../rights/licenses.ts';
import type { Entry } from '../types.ts';
import { own } from '../own.ts';

/**
 * Catalog tasks as Hub pipeline types (`@huggingface/tasks` `PIPELINE_TYPES`). Catalog
 * tasks name what a model predicts, not from what: classification and regression are
 * read as tabular, the common case in a data catalog. Tasks with no Hub type (ranking for
 * recommendations, anomaly detection, clustering) are absent and get no `pipeline_tag`.
 */
export const HUB_PIPELINE_OF: Readonly<Record<string, PipelineType>> = {
  'binary-classification': 'tabular-classification',
  'multiclass-classification': 'tabular-classification',
  'multilabel-classification': 'tabular-classification',
  classification: 'tabular-classification',
  regression: 'tabular-regression',
  'rating-prediction': 'tabular-regression',
  forecasting: 'time-series-forecasting',
  embedding: 'feature-extraction',
  'representation-learning': 'feature-extraction',
  'sentiment-analysis': 'text-classification',
  'named-entity-recognition': 'token-classification',
  ner: 'token-classification',
  'speech-recognition': 'automatic-speech-recognition',
  'text-embedding': 'sentence-similarity',
};

/** The Hub pipeline type of a catalog task: the task itself when it is one, else the table's. */
export function hubPipeline(task: string | undefined): PipelineType | undefined {
  if (!task) return undefined;
  const id = task.trim().toLowerCase();
  if (PIPELINE_TYPES_SET.has(id as PipelineType)) return id as PipelineType;
  return own(HUB_PIPELINE_OF, id);
}

/**
 * License ids the Hub accepts in `license:`, from its documentation
 * (https://huggingface.co/docs/hub/repositories-licenses, the "Fullname / License
 * identifier" table). `@huggingface/tasks` does not ship this list.
 */
export const HUB_LICENSES: ReadonlySet<string> = new Set([
  'apache-2.0', 'mit', 'openrail', 'bigscience-openrail-m', 'creativeml-openrail-m', 'bigscience-bloom-rail-1.0', 'bigcode-openrail-m',
  'afl-3.0', 'artistic-2.0', 'bsl-1.0', 'bsd', 'bsd-2-clause', 'bsd-3-clause', 'bsd-3-clause-clear', 'c-uda', 'cc', 'cc0-1.0',
  'cc-by-2.0', 'cc-by-2.5', 'cc-by-3.0', 'cc-by-4.0', 'cc-by-sa-3.0', 'cc-by-sa-4.0', 'cc-by-nc-2.0', 'cc-by-nc-3.0', 'cc-by-nc-4.0',
  'cc-by-nd-4.0', 'cc-by-nc-nd-3.0', 'cc-by-nc-nd-4.0', 'cc-by-nc-sa-2.0', 'cc-by-nc-sa-3.0', 'cc-by-nc-sa-4.0',
  'cdla-sharing-1.0', 'cdla-permissive-1.0', 'cdla-permissive-2.0', 'wtfpl', 'ecl-2.0', 'epl-1.0', 'epl-2.0', 'etalab-2.0',
  'eupl-1.1', 'eupl-1.2', 'agpl-3.0', 'gfdl', 'gpl', 'gpl-2.0', 'gpl-3.0', 'lgpl', 'lgpl-2.1', 'lgpl-3.0', 'isc', 'h-research',
  'intel-research', 'lppl-1.3c', 'ms-pl', 'apple-ascl', 'apple-amlr', 'mpl-2.0', 'odc-by', 'odbl', 'openrail++', 'osl-3.0',
  'postgresql', 'ofl-1.1', 'ncsa', 'unlicense', 'zlib', 'pddl', 'lgpl-lr', 'deepfloyd-if-license', 'fair-noncommercial-research-license',
  'llama2', 'llama3', 'llama3.1', 'llama3.2', 'llama3.3', 'llama4', 'gemma', 'unknown', 'other',
]);

/** SPDX ids whose Hub id is not their lowercase form. */
const SPDX_ALIASES: Readonly<Record<string, string>> = { 'odbl-1.0': 'odbl', 'odc-by-1.0': 'odc-by', 'pddl-1.0': 'pddl' };

/** The Hub license id of an SPDX id, when the Hub lists it (`GPL-3.0-only` is `gpl-3.0`). */
export function hubLicenseId(spdx: string): string | undefined {
  const id = spdx.trim().toLowerCase().replace(/-(only|or-later)$/, '').replace(/^gfdl-1\.[123].*$/, 'gfdl');
  const hub = own(SPDX_ALIASES, id) ?? id;
  return HUB_LICENSES.has(hub) && hub !== 'other' && hub !== 'unknown' ? hub : undefined;
}

/**
 * The card's license fields: a Hub id when there is one; else `other` with `license_name`
 * (lowercase kebab-case, as the Hub requires) and `license_link` when a URL is known.
 */
export function hubLicenseFields(license: string, link: string | undefined): Record<string, string> {
  const ref = classifyLicense(license);
  const hub = ref.type === 'spdx' ? hubLicenseId(license) : undefined;
  if (hub) return { license: hub };
  const name = license.toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^-+|-+$/g, '') || 'custom';
  return { license: 'other', license_name: name, ...(link ? { license_link: link } : {}) };
}

/** The Hub id an entry is published under, when one of its links is its Hub page. */
export function hubIdOf(entry: Entry): string | undefined {
  const pattern = entry.kind === 'dataset' ? /^https:\/\/huggingface\.co\/datasets\/([\w.-]+(?:\/[\w.-]+)?)\/?$/ : /^https:\/\/huggingface\.co\/(?!datasets\/|spaces\/)([\w.-]+(?:\/[\w.-]+)?)\/?$/;
  for (const link of entry.data.links ?? []) {
    const match = pattern.exec(link.url);
    if (match) return match[1];
  }
  return undefined;
}
