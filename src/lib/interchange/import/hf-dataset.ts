/**
 * A Hugging Face dataset card (README.md with YAML metadata), or a legacy
 * `dataset_infos.json`, as a Cardcat dataset. Features become columns, splits become
 * parts with their example counts, `source_datasets` become lineage where the upstream is
 * catalogued, and the card's prose becomes the datasheet body.
 */
import { describe, firstProse, hubIdentity, hubUrl, importedBase, isRecord, resolve, strings, withCardcatBlock } from '../common.ts';
import { readCard, readJson, CardError } from '../front-matter.ts';
import { titleFromId } from '../ids.ts';
import { mapLicense } from '../licenses.ts';
import type { DraftEntry, ImportContext, ImportNote, ImportResult } from '../model.ts';
import { importedMetadataSection } from '../render.ts';
import { featuresToColumns, type Column } from './hf-features.ts';

/** Keys read into fields; everything else is kept verbatim in the body. */
const MAPPED = new Set(['pretty_name', 'license', 'licenses', 'tags', 'task_categories', 'task_ids', 'dataset_info', 'source_datasets', 'cardcat']);

interface Config {
  name: string;
  columns: Column[];
  unknownFeatures: string[];
  splits: { name: string; rows?: number; bytes?: number }[];
  bytes?: number;
  /** Split entries that were not objects (glob strings, say), kept verbatim. */
  odd: unknown[];
}

function readConfig(info: Record<string, unknown>, fallbackName: string): Config {
  const { columns, unknown } = featuresToColumns(info['features']);
  const rawSplits = info['splits'];
  const list: unknown[] = Array.isArray(rawSplits) ? rawSplits : isRecord(rawSplits) ? Object.entries(rawSplits).map(([name, s]) => (isRecord(s) ? { name, ...s } : s)) : [];
  const splits: Config['splits'] = [];
  const odd: unknown[] = [];
  for (const split of list) {
    if (!isRecord(split) || typeof split['name'] !== 'string') {
      odd.push(split);
      continue;
    }
    const rows = split['num_examples'];
    const bytes = split['num_bytes'];
    splits.push({
      name: split['name'],
      ...(Number.isInteger(rows) && (rows as number) >= 0 ? { rows: rows as number } : {}),
      ...(Number.isInteger(bytes) && (bytes as number) >= 0 ? { bytes: bytes as number } : {}),
    });
  }
  const size = info['dataset_size'];
  return {
    name: typeof info['config_name'] === 'string' ? info['config_name'] : fallbackName,
    columns,
    unknownFeatures: unknown,
    splits,
    odd,
    ...(Number.isInteger(size) && (size as number) >= 0 ? { bytes: size as number } : {}),
  };
}

function configTable(config: Config): string {
  const lines = [`### Configuration \`${config.name}\``, ''];
  if (config.columns.length) {
    lines.push('| column | type | values |', '| --- | --- | --- |');
    for (const c of config.columns) lines.push(`| ${c.name} | ${c.description?.replace(/^Hugging Face feature type /, '') ?? c.type} | ${(c.values ?? []).join(', ').replace(/\|/g, '\\|')} |`);
    lines.push('');
  }
  if (config.splits.length) {
    lines.push('| split | examples | bytes |', '| --- | --- | --- |');
    for (const s of config.splits) lines.push(`| ${s.name} | ${s.rows ?? ''} | ${s.bytes ?? ''} |`);
    lines.push('');
  }
  return lines.join('\n');
}

export function importHfDataset(text: string, context: ImportContext): ImportResult {
  const isJson = /\.json$/i.test(context.fileName);
  return isJson ? fromDatasetInfos(text, context) : fromCard(text, context);
}

function fromCard(text: string, context: ImportContext): ImportResult {
  const card = readCard(text);
  const meta = card.data;
  const notes: ImportNote[] = card.warnings.map((w) => ({ severity: 'warning', message: `YAML at line ${w.line}, column ${w.column}: ${w.message}` }));
  if (!card.hasFrontMatter) notes.push({ severity: 'warning', message: 'The card has no YAML metadata; only its prose was imported' });
  if (['sdk', 'app_file'].some((k) => k in meta)) notes.push({ severity: 'warning', message: 'The metadata looks like a Space configuration (`sdk`, `app_file`), not a dataset card' });

  const infos = meta['dataset_info'];
  const configs = (Array.isArray(infos) ? infos : isRecord(infos) ? [infos] : []).filter(isRecord).map((info, i) => readConfig(info, `config-${i + 1}`));
  const heading = /^#\s+(?:Dataset Card for\s+)?(.+?)\s*$/m.exec(card.body)?.[1];
  const pretty = typeof meta['pretty_name'] === 'string' ? meta['pretty_name'] : undefined;
  return build({
    context,
    meta,
    body: card.body,
    configs,
    notes,
    title: pretty ?? (heading && !/[[{]/.test(heading) ? heading.replace(/`/g, '') : undefined),
    description: firstProse(card.body),
    mapped: MAPPED,
    format: 'Hugging Face card',
  });
}

function fromDatasetInfos(text: string, context: ImportContext): ImportResult {
  const value = readJson(text);
  if (!isRecord(value) || !Object.values(value).every(isRecord)) {
    throw new CardError({ line: 1, column: 1, message: 'Expected `dataset_infos.json` to map each configuration name to its info object' });
  }
  const configs = Object.entries(value).map(([name, info]) => readConfig(info as Record<string, unknown>, name));
  const first = Object.values(value)[0] as Record<string, unknown> | undefined;
  const meta: Record<string, unknown> = {};
  for (const key of ['license', 'homepage', 'citation']) if (first?.[key]) meta[key] = first[key];
  const description = typeof first?.['description'] === 'string' ? first['description'] : '';
  return build({
    context,
    meta,
    body: description ? `# Motivation\n\n${description.trim()}\n` : '',
    configs,
    notes: [],
    title: typeof first?.['builder_name'] === 'string' ? first['builder_name'] : undefined,
    description: description.split(/\n\s*\n/)[0],
    mapped: new Set(['license']),
    format: 'Hugging Face dataset_infos.json',
  });
}

interface BuildInput {
  context: ImportContext;
  meta: Record<string, unknown>;
  body: string;
  configs: Config[];
  notes: ImportNote[];
  title: string | undefined;
  description: string | undefined;
  mapped: ReadonlySet<string>;
  format: string;
}

function build(input: BuildInput): ImportResult {
  const { context, meta, configs, notes } = input;
  const { id, link } = hubIdentity(context, 'dataset');
  if (!id) throw new CardError({ line: 1, column: 1, message: `Cannot derive an id from the file name \`${context.fileName}\``, hint: 'Pass --id.' });
  const { data, placeholders } = importedBase();
  data['title'] = input.title?.trim() || titleFromId(id);
  describe(data, placeholders, [input.description]);
  if (link) data['links'] = [link];
  // No prototype: a foreign key such as `__proto__` must be kept as a key, not set the prototype.
  const unmapped: Record<string, unknown> = Object.create(null);
  for (const [key, value] of Object.entries(meta)) if (!input.mapped.has(key)) unmapped[key] = value;

  const tags = [...strings(meta['tags']), ...strings(meta['task_categories']), ...strings(meta['task_ids'])];
  if (tags.length) data['tags'] = [...new Set(tags)];

  const extraBody: string[] = [];
  const main = configs[0];
  if (main) {
    if (main.columns.length) data['schema'] = main.columns;
    if (main.unknownFeatures.length) {
      notes.push({ severity: 'warning', message: `Features of unknown type kept in the body, not the schema: ${main.unknownFeatures.map((f) => `\`${f}\``).join(', ')}` });
    }
    if (main.bytes !== undefined) data['size'] = { bytes: main.bytes };
    if (main.splits.length) {
      data['splits'] = { method: 'random', parts: main.splits.map(({ name, rows }) => (rows === undefined ? { name } : { name, rows })) };
      placeholders.push({ path: ['splits', 'method'], reason: 'the source does not say how rows were assigned to splits' });
    }
    if (configs.some((c) => c.odd.length)) notes.push({ severity: 'warning', message: 'Some splits are not `{name, num_examples}` objects; they are kept verbatim' });
    if (configs.length > 1) {
      notes.push({ severity: 'info', message: `${configs.length} configurations: \`${main.name}\` gives the schema and splits; every configuration is tabled in the body` });
      extraBody.push('## Configurations\n', `The source describes ${configs.length} configurations; the schema and splits above are those of \`${main.name}\`.\n`, ...configs.map(configTable));
    }
    // Kept whole: download sizes, bytes per split and the other configurations have no field.
    if (meta['dataset_info'] !== undefined) unmapped['dataset_info'] = meta['dataset_info'];
  }

  const licenseValue = meta['license'] ?? meta['licenses'];
  if (licenseValue !== undefined) {
    const license = mapLicense(licenseValue);
    if (license.spdx) data['rights'] = { license: license.spdx };
    else {
      if ('license' in meta) unmapped['license'] = meta['license'];
      if ('licenses' in meta) unmapped['licenses'] = meta['licenses'];
      if (license.original.length) notes.push({ severity: 'warning', message: `License ${license.original.map((l) => `\`${l}\``).join(', ')} is not an SPDX id; it is kept in the body and \`rights\` is left out` });
    }
  }

  const derived: Record<string, unknown>[] = [];
  const unresolved: string[] = [];
  for (const source of strings(meta['source_datasets'])) {
    if (source === 'original') continue;
    const name = source.replace(/^extended\|/, '');
    const upstream = resolve(context, 'dataset', name, [hubUrl('dataset', name)]);
    if (upstream && upstream !== id) derived.push({ dataset: upstream, transform: source.startsWith('extended|') ? 'extends the upstream dataset' : 'built from the upstream dataset' });
    else unresolved.push(source);
  }
  if (derived.length) data['derived_from'] = derived;
  if (unresolved.length) {
    unmapped['source_datasets'] = meta['source_datasets'];
    notes.push({ severity: 'info', message: `Source datasets not in the catalog, kept in the body: ${unresolved.map((s) => `\`${s}\``).join(', ')}` });
  }

  const body = [input.body.trim() ? input.body : `# ${data['title']}\n`, ...extraBody, importedMetadataSection(input.format, unmapped)].join('\n');
  const entry: DraftEntry = { kind: 'dataset', id, data, body, placeholders };
  return withCardcatBlock({ entries: [entry], notes, unmapped: Object.keys(unmapped) }, meta, input.body, ['title', 'tags']);
}

