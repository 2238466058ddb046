/**
 * A Hugging Face card (README.md with the Hub's YAML metadata) for a dataset or model, so
 * it can be published to the Hub from the catalog. Models carry `model-index` with their
 * metrics grouped by dataset and split, the form the Hub's leaderboards read.
 */
import { stringify } from 'yaml';
import { classifyLicense } from '../../licenses.ts';
import { parseRef } from '../../ids.ts';
import type { Catalog, Entry } from '../../types.ts';

const DTYPES: Record<string, string> = {
  string: 'string',
  text: 'string',
  integer: 'int64',
  float: 'float64',
  boolean: 'bool',
  date: 'date32',
  datetime: 'timestamp[s]',
  binary: 'binary',
  image: 'image',
  audio: 'audio',
};

/** The Hub's license field: a lowercase SPDX-like id, or `other` with the name beside it. */
function hubLicense(license: string): Record<string, string> {
  const ref = classifyLicense(license);
  if (ref.type === 'spdx' && !/\s/.test(license)) return { license: license.toLowerCase() };
  return { license: 'other', license_name: license };
}

function feature(column: NonNullable<Entry<'dataset'>['data']['schema']>[number]): Record<string, unknown> {
  if (column.type === 'categorical' && column.values?.length) {
    return { name: column.name, dtype: { class_label: { names: Object.fromEntries(column.values.map((v, i) => [String(i), String(v)])) } } };
  }
  if (column.type === 'array') return { name: column.name, sequence: 'string' };
  if (column.type === 'struct' || column.type === 'categorical') return { name: column.name, dtype: 'string' };
  return { name: column.name, dtype: DTYPES[column.type] ?? 'string' };
}

function card(meta: Record<string, unknown>, body: string): string {
  return `---\n${stringify(meta, { lineWidth: 0 })}---\n\n${body.replace(/^\n+/, '').replace(/\s*$/, '\n')}`;
}

export function hfDatasetCard(_catalog: Catalog, entry: Entry<'dataset'>): string {
  const d = entry.data;
  const meta: Record<string, unknown> = { pretty_name: d.title };
  if (d.rights) Object.assign(meta, hubLicense(d.rights.license));
  if (d.tags?.length) meta['tags'] = d.tags;
  const upstream = (d.derived_from ?? []).flatMap((dv) => (dv.dataset ? [parseRef(dv.dataset).id] : []));
  meta['source_datasets'] = upstream.length ? upstream.map((u) => `extended|${u}`) : ['original'];
  const info: Record<string, unknown> = {};
  if (d.schema?.length) info['features'] = d.schema.map(feature);
  if (d.splits) info['splits'] = d.splits.parts.map((p) => ({ name: p.name, ...(p.rows !== undefined ? { num_examples: p.rows } : {}) }));
  if (d.size?.bytes !== undefined) info['dataset_size'] = d.size.bytes;
  if (Object.keys(info).length) meta['dataset_info'] = info;
  const body = entry.body.trim() ? entry.body : `# ${d.title}\n\n${d.description}\n`;
  return card(meta, body);
}

export function hfModelCard(catalog: Catalog, entry: Entry<'model'>): string {
  const d = entry.data;
  const meta: Record<string, unknown> = {};
  if (d.license) Object.assign(meta, hubLicense(d.license));
  if (d.tags?.length) meta['tags'] = d.tags;
  if (d.task) meta['pipeline_tag'] = d.task;
  const training = (d.training ?? []).map((t) => parseRef(t.dataset).id);
  if (training.length) meta['datasets'] = [...new Set(training)];
  const inputs = (d.inputs ?? []).map((i) => parseRef(i.model).id);
  if (inputs.length) meta['base_model'] = inputs.length === 1 ? inputs[0] : inputs;
  const groups = new Map<string, { dataset: string; split?: string; metrics: { type: string; value: number; name?: string }[] }>();
  for (const metric of d.metrics ?? []) {
    const dataset = metric.dataset ? parseRef(metric.dataset).id : (d.evaluation?.[0] ? parseRef(d.evaluation[0].dataset).id : undefined);
    if (!dataset) continue;
    const key = `${dataset}\0${metric.split ?? ''}`;
    const group = groups.get(key) ?? { dataset, ...(metric.split ? { split: metric.split } : {}), metrics: [] };
    group.metrics.push({ type: metric.name, value: metric.value, ...(metric.slice ? { name: `${metric.name} (${metric.slice})` } : {}) });
    groups.set(key, group);
  }
  if (groups.size) {
    meta['model-index'] = [
      {
        name: entry.id,
        results: [...groups.values()].map((g) => ({
          ...(d.task ? { task: { type: d.task } } : {}),
          dataset: { name: catalog.byId.get(g.dataset)?.data.title ?? g.dataset, type: g.dataset, ...(g.split ? { split: g.split } : {}) },
          metrics: g.metrics,
        })),
      },
    ];
  }
  const body = entry.body.trim() ? entry.body : `# ${d.title}\n\n${d.description}\n`;
  return card(meta, body);
}
