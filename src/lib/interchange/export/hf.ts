/**
 * A Hugging Face card (README.md with the Hub's YAML metadata) for a dataset or model, so
 * it can be published to the Hub from the catalog. Models carry `model-index` with their
 * metrics grouped by dataset and split, the form the Hub's leaderboards read. Values are
 * the Hub's own (`../hub.ts`): a pipeline type from its task list or none, a license id
 * from its list or `other` with a name and link, Hub ids only where the catalog records one.
 *
 * The Hub forms lose detail (several tasks share a pipeline type, a custom license becomes
 * `other`), so the catalog's own values go in a `cardcat:` block of the YAML, which the Hub
 * keeps and ignores and the importer reads back: every front-matter field but the title
 * and tags, which the card carries as they are.
 */
import { stringify } from 'yaml';
import { classifyLicense } from '../../rights/licenses.ts';
import { parseRef } from '../../ids.ts';
import type { Catalog, Entry } from '../../types.ts';
import { hubIdOf, hubLicenseFields, hubPipeline } from '../hub.ts';
import { licenseReference, pageUrl } from './shared.ts';

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

/** The Hub's license fields, with a link to the text: its URL, else the license's page in the catalog. */
function hubLicense(catalog: Catalog, license: string): Record<string, string> {
  const reference = licenseReference(catalog, license);
  const ref = classifyLicense(license);
  const entry = ref.type === 'entry' ? catalog.byId.get(ref.id) : undefined;
  const link = /^https?:\/\//.test(reference) ? reference : entry ? pageUrl(catalog, entry) : undefined;
  return hubLicenseFields(license, link);
}

/** The Hub id of a catalogued dataset or model, when the catalog records one. */
function hubId(catalog: Catalog, ref: string): string | undefined {
  const entry = catalog.byId.get(parseRef(ref).id);
  return entry ? hubIdOf(entry) : undefined;
}

/** The `cardcat:` block: every front-matter field the card does not carry as it is. */
function extension(entry: Entry, native: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry.data).filter(([key, value]) => !native.includes(key) && value !== undefined));
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

export function hfDatasetCard(catalog: Catalog, entry: Entry<'dataset'>): string {
  const d = entry.data;
  const meta: Record<string, unknown> = { pretty_name: d.title };
  if (d.rights) Object.assign(meta, hubLicense(catalog, d.rights.license));
  if (d.tags?.length) meta['tags'] = d.tags;
  // `extended|<Hub id>` names an upstream on the Hub; a catalog-only upstream is not one.
  const upstream = (d.derived_from ?? []).flatMap((dv) => (dv.dataset ? [hubId(catalog, dv.dataset)] : []));
  meta['source_datasets'] = upstream.length ? [...new Set(upstream.map((u) => (u ? `extended|${u}` : 'extended')))] : ['original'];
  const info: Record<string, unknown> = {};
  if (d.schema?.length) info['features'] = d.schema.map(feature);
  if (d.splits) info['splits'] = d.splits.parts.map((p) => ({ name: p.name, ...(p.rows !== undefined ? { num_examples: p.rows } : {}) }));
  if (d.size?.bytes !== undefined) info['dataset_size'] = d.size.bytes;
  if (Object.keys(info).length) meta['dataset_info'] = info;
  meta['cardcat'] = extension(entry, ['title', 'tags']);
  const body = entry.body.trim() ? entry.body : `# ${d.title}\n\n${d.description}\n`;
  return card(meta, body);
}

export function hfModelCard(catalog: Catalog, entry: Entry<'model'>): string {
  const d = entry.data;
  const meta: Record<string, unknown> = {};
  if (d.license) Object.assign(meta, hubLicense(catalog, d.license));
  if (d.tags?.length) meta['tags'] = d.tags;
  const pipeline = hubPipeline(d.task);
  if (pipeline) meta['pipeline_tag'] = pipeline;
  const training = (d.training ?? []).flatMap((t) => hubId(catalog, t.dataset) ?? []);
  if (training.length) meta['datasets'] = [...new Set(training)];
  const inputs = (d.inputs ?? []).flatMap((i) => hubId(catalog, i.model) ?? []);
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
        // The Hub requires a task type on every result: `other` where no pipeline type fits.
        // `dataset.type` is required too: the Hub id when known, else the catalog id.
        results: [...groups.values()].map((g) => ({
          task: { type: pipeline ?? 'other', ...(d.task ? { name: d.task } : {}) },
          dataset: { name: catalog.byId.get(g.dataset)?.data.title ?? g.dataset, type: hubId(catalog, g.dataset) ?? g.dataset, ...(g.split ? { split: g.split } : {}) },
          metrics: g.metrics,
        })),
      },
    ];
  }
  meta['cardcat'] = extension(entry, ['tags']);
  const body = entry.body.trim() ? entry.body : `# ${d.title}\n\n${d.description}\n`;
  return card(meta, body);
}
