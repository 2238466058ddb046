/**
 * Model Card Toolkit JSON (schema v0.0.2) for a model: details, owners, version, license,
 * training and evaluation data, metrics with their slices, and considerations.
 */
import { parseRef } from '../../ids.ts';
import type { Catalog, Entry } from '../../types.ts';
import { ownersOf, pageUrl } from './shared.ts';

export const MCT_SCHEMA_VERSION = '0.0.2';

export function mctOf(catalog: Catalog, entry: Entry<'model'>): Record<string, unknown> {
  const d = entry.data;
  const url = pageUrl(catalog, entry);
  const datasets = new Map<string, string[]>();
  for (const [use, refs] of [['training', d.training ?? []], ['evaluation', d.evaluation ?? []]] as const) {
    for (const ref of refs) {
      const id = parseRef(ref.dataset).id;
      const uses = datasets.get(id) ?? [];
      uses.push(`${use}${ref.split ? ` (split \`${ref.split}\`)` : ''}`);
      datasets.set(id, uses);
    }
  }
  const references = [url, ...(d.links ?? []).map((l) => l.url), d.experiment?.url].filter((u): u is string => u !== undefined);
  const considerations: Record<string, unknown> = {};
  if (d.intended_use?.length) considerations['use_cases'] = d.intended_use.map((u) => ({ description: catalog.config.uses[u]?.description ? `${u}: ${catalog.config.uses[u]!.description}` : u }));
  const limitations = [...(d.limitations ?? []), ...(d.out_of_scope ?? []).map((o) => `Out of scope: ${o}`)];
  if (limitations.length) considerations['limitations'] = limitations.map((description) => ({ description }));
  if (d.ethical_considerations?.length) considerations['ethical_considerations'] = d.ethical_considerations.map((name) => ({ name }));
  return {
    schema_version: MCT_SCHEMA_VERSION,
    model_details: {
      name: d.title,
      overview: d.description,
      owners: ownersOf(catalog, entry).map((o) => ({ name: o.name, ...(o.email ? { contact: o.email } : {}) })),
      ...(d.version ? { version: { name: d.version } } : {}),
      ...(d.license ? { licenses: [{ identifier: d.license }] } : {}),
      ...(references.length ? { references: [...new Set(references)].map((reference) => ({ reference })) } : {}),
    },
    model_parameters: {
      ...(d.algorithm ? { model_architecture: d.algorithm } : {}),
      data: [...datasets].map(([id, uses]) => {
        const dataset = catalog.byId.get(id);
        const link = dataset ? pageUrl(catalog, dataset) : undefined;
        return { name: dataset?.data.title ?? id, ...(link ? { link } : {}), description: `Used for ${uses.join(' and ')}.` };
      }),
      ...(d.features?.length ? { input_format: d.features.join(', ') } : {}),
    },
    quantitative_analysis: {
      performance_metrics: (d.metrics ?? []).map((m) => ({
        type: m.name,
        value: String(m.value),
        ...metricSlice(m),
      })),
    },
    considerations,
  };
}

/**
 * MCT has one free-text `slice` per metric and no dataset or split fields, so the place a
 * metric was measured is written into it: `dataset:split`, then the slice, `play-events:test
 * region=EU`. A sliced metric written as its slice alone would lose where it was measured.
 */
function metricSlice(m: { dataset?: string | undefined; split?: string | undefined; slice?: string | undefined }): { slice?: string } {
  const where = m.split ? `${m.dataset ? `${m.dataset}:` : ''}${m.split}` : (m.dataset ?? '');
  const slice = [where, m.slice ?? ''].filter(Boolean).join(' ');
  return slice ? { slice } : {};
}
