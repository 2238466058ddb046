/**
 * A model card, in the order of "Model Cards for Model Reporting": the structured fields of
 * each section and the author's prose for it, each body rendered once.
 */
import { MODEL_CARD_SECTIONS } from '../sections.ts';
import { matchSections } from '../view/card-sections.ts';
import { meetsObjective, type ObjectiveResult } from '../view/health.ts';
import { renderMarkdown, slugify, type RenderedBody } from '../view/markdown.ts';
import { entryPath } from '../view/urls.ts';
import type { Catalog, Entry } from '../types.ts';
import { lineageSection, type LineageModel } from './lineage.ts';
import { linksOf } from './links.ts';
import { domainCharts, earlierVersions, featureLinks, metricHistory, type DomainChart, type EarlierVersion, type FeatureLink, type MetricHistory } from './model-features.ts';
import { rightsPanel, type RightsModel } from './rights.ts';

/** A dataset a model was trained or evaluated on, with its exact split and version. */
export interface DataRefRow {
  ref: string;
  split?: string | undefined;
  /** The dataset's splits, when the catalog holds it. */
  splitUrl?: string | undefined;
  version?: string | undefined;
  /** False for a version the dataset does not list. */
  known: boolean;
  rows?: string | undefined;
}

export interface MetricRow {
  name: string;
  slice?: string | undefined;
  value: number;
  /** `≥ 0.8 and ≤ 0.95`, or `—` without an objective. */
  objective: string;
  result: ObjectiveResult;
  dataset?: string | undefined;
  split?: string | undefined;
}

export interface ModelBody {
  kind: 'model';
  /** Prose before the first heading. */
  intro?: RenderedBody | undefined;
  /** The author's prose for each template section that has some, by section title. */
  prose: Record<string, RenderedBody>;
  details: {
    version?: string | undefined;
    task?: string | undefined;
    algorithm?: string | undefined;
    stage: string;
    /** `batch, canary rollout`. */
    deployment?: string | undefined;
    inputs?: string[] | undefined;
    fallback: { ref: string } | { missing: boolean };
    /** Why the model has no fallback by design: it is the last resort. */
    lastResort?: string | undefined;
    license?: string | undefined;
    experiment?: { url?: string | undefined; text: string } | undefined;
    /** Each feature linked to the column or feature entry it names. */
    features?: FeatureLink[] | undefined;
    hyperparameters?: [string, string][] | undefined;
  };
  intendedUse: {
    intendedFor?: { use: string; label?: string | undefined }[] | undefined;
    outOfScope?: string[] | undefined;
    certifiedDomain?: [string, string][] | undefined;
    /** Each certified range whose training column declares a range, drawn against it. */
    domainCharts?: DomainChart[] | undefined;
  };
  factors?: string[] | undefined;
  metrics: {
    rows: MetricRow[];
    failing: number;
    allMet: boolean;
    /** Each metric across the model's versions, when it has earlier ones. */
    history?: MetricHistory | undefined;
  };
  evaluation?: DataRefRow[] | undefined;
  training?: DataRefRow[] | undefined;
  ethicalConsiderations?: string[] | undefined;
  limitations?: string[] | undefined;
  /** Parts whose heading matches no section, in their order. */
  rest: { id: string; heading: string; body: RenderedBody }[];
  /** Earlier versions, newest first. */
  versions?: EarlierVersion[] | undefined;
  operations?: {
    monitoring?: { signal: string; threshold?: string | undefined; alert?: string | undefined }[] | undefined;
    retraining?: { cadence?: string | undefined; triggers?: string | undefined } | undefined;
  } | undefined;
  rights: RightsModel;
  lineage: LineageModel;
}

/** An objective as text: `≥ 0.8`, `≥ 0.8 and ≤ 0.95`, or `—`. */
export function objectiveText(o: { min?: number | undefined; max?: number | undefined } | undefined): string {
  return !o ? '—' : [o.min !== undefined ? `≥ ${o.min}` : '', o.max !== undefined ? `≤ ${o.max}` : ''].filter(Boolean).join(' and ');
}

function dataRefs(catalog: Catalog, refs: readonly { dataset: string; split?: string | undefined; version?: string | undefined }[]): DataRefRow[] {
  const links = linksOf(catalog);
  return refs.map((r) => {
    const [id, pinned] = r.dataset.split('@') as [string, string | undefined];
    const version = r.version ?? pinned;
    const dataset = catalog.byId.get(id);
    const data = dataset?.kind === 'dataset' ? dataset.data : undefined;
    const part = data?.splits?.parts.find((p) => p.name === r.split);
    return {
      ref: links.ref(id),
      split: r.split,
      splitUrl: dataset ? links.link(`${entryPath(dataset.kind, dataset.id)}#splits`) : undefined,
      version,
      known: version === undefined || data?.versions?.some((v) => v.version === version) === true,
      rows: part?.rows?.toLocaleString('en'),
    };
  });
}

export function modelBody(catalog: Catalog, entry: Entry<'model'>): ModelBody {
  const links = linksOf(catalog);
  const d = entry.data;
  const body = matchSections(entry.body, MODEL_CARD_SECTIONS);
  const prose: ModelBody['prose'] = {};
  for (const [title, part] of body.sections) {
    if (part.markdown) prose[title] = renderMarkdown(part.markdown, { idPrefix: `${slugify(title)}-`, headingBase: 3 });
  }
  // Most metrics are measured on one dataset: its description is the tooltip of its first row only.
  const measuredOn = new Set<string>();
  const metrics = (d.metrics ?? []).map((m): MetricRow => {
    const first = m.dataset !== undefined && !measuredOn.has(m.dataset);
    if (m.dataset !== undefined) measuredOn.add(m.dataset);
    return {
      name: m.name,
      slice: m.slice,
      value: m.value,
      objective: objectiveText(m.objective),
      result: meetsObjective(m.value, m.objective),
      dataset: m.dataset === undefined ? undefined : links.ref(m.dataset, first),
      split: m.split,
    };
  });
  return {
    kind: 'model',
    intro: body.intro ? renderMarkdown(body.intro, { headingBase: 3 }) : undefined,
    prose,
    details: {
      version: d.version === undefined ? undefined : String(d.version),
      task: d.task,
      algorithm: d.algorithm,
      stage: d.stage,
      deployment: d.deployment && [d.deployment.mode, d.deployment.strategy && `${d.deployment.strategy} rollout`].filter(Boolean).join(', '),
      inputs: d.inputs && d.inputs.length > 0 ? d.inputs.map((i) => links.ref(i.model)) : undefined,
      fallback: d.fallback ? { ref: links.ref(d.fallback) } : { missing: d.stage === 'production' && d.last_resort === undefined },
      lastResort: d.last_resort,
      license: d.license,
      experiment: d.experiment && {
        url: d.experiment.url,
        text: d.experiment.url ? (d.experiment.run_id ? `run ${d.experiment.run_id}` : 'tracking run') : (d.experiment.run_id ?? ''),
      },
      features: featureLinks(catalog, entry),
      hyperparameters: d.hyperparameters && Object.entries(d.hyperparameters).map(([k, v]): [string, string] => [k, typeof v === 'object' ? JSON.stringify(v) : String(v)]),
    },
    intendedUse: {
      intendedFor: d.intended_use?.map((use) => ({ use, label: catalog.config.uses[use]?.description })),
      outOfScope: d.out_of_scope && [...d.out_of_scope],
      certifiedDomain:
        d.certified_domain &&
        Object.entries(d.certified_domain).map(([k, v]): [string, string] => [k, v.length === 2 && v.every((x) => typeof x === 'number') ? `${v[0]} to ${v[1]}` : v.join(', ')]),
      domainCharts: domainCharts(catalog, entry),
    },
    factors: d.factors && [...d.factors],
    metrics: { rows: metrics, failing: metrics.filter((m) => m.result === 'fail').length, allMet: metrics.every((m) => m.result === 'pass'), history: metricHistory(d) },
    evaluation: d.evaluation && d.evaluation.length > 0 ? dataRefs(catalog, d.evaluation) : undefined,
    training: d.training && d.training.length > 0 ? dataRefs(catalog, d.training) : undefined,
    ethicalConsiderations: d.ethical_considerations && [...d.ethical_considerations],
    limitations: d.limitations && [...d.limitations],
    rest: body.rest.map((p) => {
      const heading = p.heading ?? 'Notes';
      return { id: slugify(heading), heading, body: renderMarkdown(p.markdown, { headingBase: 3 }) };
    }),
    versions: earlierVersions(catalog, d),
    operations:
      d.monitoring || d.retraining
        ? {
            monitoring: d.monitoring?.map((m) => ({ signal: m.signal, threshold: m.threshold, alert: m.alert })),
            retraining: d.retraining && { cadence: d.retraining.cadence, triggers: d.retraining.triggers?.join('; ') },
          }
        : undefined,
    rights: rightsPanel(catalog, entry),
    lineage: lineageSection(catalog, entry),
  };
}
