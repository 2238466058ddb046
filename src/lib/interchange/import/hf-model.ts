/**
 * A Hugging Face model card as a Cardcat model: license, `base_model` → `inputs`,
 * `datasets` → `training`, `model-index` results → metrics with dataset, split and task,
 * `pipeline_tag` → `task`, and the card's prose as the body. A result can only become a
 * metric when its dataset is catalogued (the metric rules demand a traceable dataset and
 * held-out split); every other result is tabled in the body with its figures as written.
 */
import { describe, firstProse, hubIdentity, hubUrl, importedBase, isRecord, resolve, strings, withCardcatBlock } from '../common.ts';
import { CardError, readCard } from '../front-matter.ts';
import { titleFromId } from '../ids.ts';
import { mapLicense } from '../licenses.ts';
import type { DraftEntry, ImportContext, ImportNote, ImportResult } from '../model.ts';
import { importedMetadataSection } from '../render.ts';

const MAPPED = new Set(['license', 'base_model', 'datasets', 'model-index', 'model_index', 'pipeline_tag', 'tags', 'model_name', 'cardcat']);

export interface Result {
  task?: string;
  datasetName?: string;
  datasetType?: string;
  split?: string;
  config?: string;
  metric: string;
  /** `column=value`, from a label Cardcat's export writes as `recall (region=EU)`. */
  slice?: string;
  value: unknown;
}

/** Every result of a `model-index` (or the legacy `model_index` with singular `metric`). */
export function modelIndexResults(index: unknown): Result[] {
  const models = Array.isArray(index) ? index : isRecord(index) ? [index] : [];
  const out: Result[] = [];
  for (const model of models.filter(isRecord)) {
    const results = Array.isArray(model['results']) ? model['results'] : isRecord(model['results']) ? [model['results']] : [];
    for (const result of results.filter(isRecord)) {
      const task = isRecord(result['task']) ? result['task'] : {};
      const dataset = isRecord(result['dataset']) ? result['dataset'] : {};
      const metrics = Array.isArray(result['metrics']) ? result['metrics'] : isRecord(result['metric']) ? [result['metric']] : isRecord(result['metrics']) ? [result['metrics']] : [];
      for (const metric of metrics.filter(isRecord)) {
        // `type` is the metric's id, `name` its label; ROUGE-1, -2 and -L share the type `rouge`.
        const type = String(metric['type'] ?? metric['name'] ?? 'metric');
        const label = typeof metric['name'] === 'string' && metric['name'].toLowerCase() !== type.toLowerCase() ? metric['name'] : undefined;
        const sliced = label ? /^(.+) \(([^=\s()]+=[^()]+)\)$/.exec(label) : null;
        const r: Result = sliced && sliced[1] === type ? { metric: type, slice: sliced[2]!, value: metric['value'] } : { metric: label ?? type, value: metric['value'] };
        const taskType = task['type'] ?? task['name'];
        if (typeof taskType === 'string') r.task = taskType;
        if (typeof dataset['name'] === 'string') r.datasetName = dataset['name'];
        if (typeof dataset['type'] === 'string') r.datasetType = dataset['type'];
        if (typeof dataset['split'] === 'string') r.split = dataset['split'];
        if (typeof dataset['config'] === 'string') r.config = dataset['config'];
        out.push(r);
      }
    }
  }
  return out;
}

/** A table cell: text as written; values that are not numbers as JSON, so `"70%"` shows it was text. */
const cell = (value: unknown) => (value === undefined ? '' : typeof value === 'string' ? value : String(value)).replace(/\|/g, '\\|');
const valueCell = (value: unknown) => cell(typeof value === 'number' ? String(value) : JSON.stringify(value));

function resultsTable(results: Result[]): string {
  const lines = ['| task | dataset | config | split | metric | value |', '| --- | --- | --- | --- | --- | --- |'];
  for (const r of results) {
    lines.push(`| ${cell(r.task)} | ${cell(r.datasetType ?? r.datasetName)} | ${cell(r.config)} | ${cell(r.split)} | ${cell(r.slice ? `${r.metric} (${r.slice})` : r.metric)} | ${valueCell(r.value)} |`);
  }
  return `${lines.join('\n')}\n`;
}

export function importHfModel(text: string, context: ImportContext): ImportResult {
  const card = readCard(text);
  const meta = card.data;
  const notes: ImportNote[] = card.warnings.map((w) => ({ severity: 'warning', message: `YAML at line ${w.line}, column ${w.column}: ${w.message}` }));
  if (!card.hasFrontMatter) notes.push({ severity: 'warning', message: 'The card has no YAML metadata; only its prose was imported' });
  if (!text.trim()) throw new CardError({ line: 1, column: 1, message: 'The file is empty: there is no card to import' });

  const index = meta['model-index'] ?? meta['model_index'];
  const indexName = (Array.isArray(index) ? index[0] : index) as unknown;
  const declaredName = isRecord(indexName) && typeof indexName['name'] === 'string' ? indexName['name'] : typeof meta['model_name'] === 'string' ? meta['model_name'] : undefined;
  const { id, link } = hubIdentity(context, 'model');
  if (!id) throw new CardError({ line: 1, column: 1, message: `Cannot derive an id from the file name \`${context.fileName}\``, hint: 'Pass --id.' });

  const { data, placeholders } = importedBase();
  const heading = /^#\s+(.+?)\s*$/m.exec(card.body)?.[1];
  data['title'] = declaredName ?? (heading && !/[[{]/.test(heading) ? heading.replace(/`/g, '') : titleFromId(id));
  describe(data, placeholders, [firstProse(card.body)]);
  if (link) data['links'] = [link];
  // No prototype: a foreign key such as `__proto__` must be kept as a key, not set the prototype.
  const unmapped: Record<string, unknown> = Object.create(null);
  for (const [key, value] of Object.entries(meta)) if (!MAPPED.has(key)) unmapped[key] = value;
  if (typeof meta['model_name'] === 'string' && meta['model_name'] !== data['title']) unmapped['model_name'] = meta['model_name'];
  for (const typo of ['licence', 'liscence']) {
    if (typo in meta) notes.push({ severity: 'warning', message: `Key \`${typo}\` is a misspelling of \`license\`; it is kept in the body, not read as the license` });
  }

  const tags = strings(meta['tags']);
  if (tags.length) data['tags'] = tags;
  if (typeof meta['pipeline_tag'] === 'string') data['task'] = meta['pipeline_tag'];

  if (meta['license'] !== undefined && meta['license'] !== null) {
    const license = mapLicense(meta['license']);
    if (license.spdx) data['license'] = license.spdx;
    else {
      unmapped['license'] = meta['license'];
      if (license.original.length) notes.push({ severity: 'warning', message: `License ${license.original.map((l) => `\`${l}\``).join(', ')} is not an SPDX id; it is kept in the body` });
    }
  }

  const inputs: { model: string }[] = [];
  const unresolvedBase: string[] = [];
  for (const base of strings(meta['base_model'])) {
    const upstream = resolve(context, 'model', base, [hubUrl('model', base)]);
    if (upstream && upstream !== id) inputs.push({ model: upstream });
    else unresolvedBase.push(base);
  }
  if (inputs.length) data['inputs'] = inputs;
  if (unresolvedBase.length) {
    unmapped['base_model'] = meta['base_model'];
    notes.push({ severity: 'info', message: `Base models not in the catalog, kept in the body: ${unresolvedBase.map((b) => `\`${b}\``).join(', ')}` });
  }

  const training: { dataset: string }[] = [];
  const unresolvedData: string[] = [];
  for (const name of strings(meta['datasets'])) {
    const dataset = resolve(context, 'dataset', name, [hubUrl('dataset', name)]);
    if (dataset) training.push({ dataset });
    else unresolvedData.push(name);
  }
  if (training.length) data['training'] = training;
  if (unresolvedData.length) {
    unmapped['datasets'] = meta['datasets'];
    notes.push({ severity: 'info', message: `Training datasets not in the catalog, kept in the body: ${unresolvedData.map((d) => `\`${d}\``).join(', ')}` });
  }

  const results = modelIndexResults(index);
  const metrics: Record<string, unknown>[] = [];
  const evaluation = new Map<string, { dataset: string; split?: string }>();
  const tabled: Result[] = [];
  for (const result of results) {
    const name = result.datasetType ?? result.datasetName;
    const dataset = name ? resolve(context, 'dataset', name, [hubUrl('dataset', name)]) : undefined;
    const splits = dataset ? (context.known.get(dataset)?.splits ?? []) : [];
    const splitOk = result.split === undefined ? splits.length === 0 : splits.includes(result.split) && !/^train(ing)?$/i.test(result.split);
    if (dataset && splitOk && typeof result.value === 'number' && Number.isFinite(result.value)) {
      metrics.push({ name: result.metric, value: result.value, dataset, ...(result.split ? { split: result.split } : {}), ...(result.slice ? { slice: result.slice } : {}) });
      evaluation.set(`${dataset}\0${result.split ?? ''}`, { dataset, ...(result.split ? { split: result.split } : {}) });
    } else tabled.push(result);
  }
  if (metrics.length) {
    data['metrics'] = metrics;
    data['evaluation'] = [...evaluation.values()];
    // A card lists training datasets without splits; evaluated on one of their other splits,
    // the model must name its training split or the leakage rule cannot tell them apart.
    training.forEach((t, i) => {
      const splits = context.known.get(t.dataset)?.splits ?? [];
      const evaluated = [...evaluation.values()].some((e) => e.dataset === t.dataset);
      if (evaluated && splits.includes('train')) {
        (t as { dataset: string; split?: string }).split = 'train';
        placeholders.push({ path: ['training', i, 'split'], reason: 'the card does not name the training split; `train` is assumed' });
      }
    });
  }
  if (!data['task']) {
    const task = results.find((r) => r.task)?.task;
    if (task) data['task'] = task;
  }
  const extra: string[] = [];
  if (tabled.length) {
    const reasons = new Set<string>();
    for (const r of tabled) {
      if (typeof r.value !== 'number') reasons.add(`values that are not numbers (${valueCell(r.value)})`);
      else if (!Number.isFinite(r.value)) reasons.add('NaN or infinite values');
      else if (!(r.datasetType ?? r.datasetName)) reasons.add('results with no dataset');
      else {
        const name = (r.datasetType ?? r.datasetName)!;
        const dataset = resolve(context, 'dataset', name, [hubUrl('dataset', name)]);
        const splits = dataset ? (context.known.get(dataset)?.splits ?? []) : [];
        if (!dataset) reasons.add('datasets that are not in the catalog');
        else if (r.split === undefined) reasons.add(`results that name no split of \`${dataset}\`, which declares splits`);
        else if (!splits.includes(r.split)) reasons.add(`split \`${r.split}\`, which \`${dataset}\` does not declare`);
        else reasons.add(`results on the training split \`${r.split}\``);
      }
    }
    notes.push({ severity: 'info', message: `${tabled.length} of ${results.length} evaluation results tabled in the body, not in \`metrics\`: ${[...reasons].slice(0, 3).join('; ')}` });
    extra.push('## Evaluation results\n', 'Results from the card\'s `model-index`, as written there. Results whose dataset is catalogued become `metrics`.\n', resultsTable(tabled));
  }
  if (tabled.length || results.length === 0) {
    if (index !== undefined) unmapped[meta['model-index'] !== undefined ? 'model-index' : 'model_index'] = index;
  }

  const body = [card.body.trim() ? card.body : `# ${data['title']}\n`, ...extra, importedMetadataSection('Hugging Face card', unmapped)].join('\n');
  const entry: DraftEntry = { kind: 'model', id, data, body, placeholders };
  return withCardcatBlock({ entries: [entry], notes, unmapped: Object.keys(unmapped) }, meta, card.body, ['tags']);
}
