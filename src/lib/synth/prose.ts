/**
 * Markdown bodies of realistic length and shape: every section of the datasheet or model
 * card template, a few paragraphs each, with the odd table or list, as teams write them.
 */
import { DATASHEET_SECTIONS, MODEL_CARD_SECTIONS } from '../sections.ts';
import type { Random } from './random.ts';

export interface DatasetFacts {
  title: string;
  team: string;
  rows: number;
  columns: string[];
  parents: string[];
  sources: string[];
  cadence: string;
  personal: boolean;
  license: string;
  access: string;
  splits?: { name: string; rows: number }[];
  /** Lineage to draw as a small Mermaid flowchart, when the authors did. */
  diagram: boolean;
  id: string;
}

export interface ModelFacts {
  title: string;
  team: string;
  version: string;
  algorithm: string;
  task: string;
  training: string;
  inputs: string[];
  fallback?: string;
  factors: string[];
  metrics: { name: string; value: number; slice?: string; objective: string }[];
  stage: string;
}

const n = (value: number) => value.toLocaleString('en');

/** Sentences chosen and joined into paragraphs: variety without nonsense. */
function paragraphs(random: Random, bank: readonly string[], count: number): string {
  const out: string[] = [];
  const chosen = random.sample(bank, Math.min(bank.length, count * 3));
  for (let p = 0; p < count && chosen.length; p++) out.push(chosen.splice(0, random.int(2, 3)).join(' '));
  return out.join('\n\n');
}

const code = (id: string) => `\`${id}\``;
const list = (ids: readonly string[]) => ids.map(code).join(', ');

export function datasheetBody(random: Random, f: DatasetFacts): string {
  const long = random.int(1, 3);
  const parents = f.parents.length ? list(f.parents) : list(f.sources);
  const banks: Record<string, string[]> = {
    Motivation: [
      `${f.title} exists so that downstream teams stop re-deriving the same rows from ${parents}.`,
      `The ${f.team} built it when two dashboards disagreed about the same number and nobody could say which was right.`,
      `It is the agreed starting point for analyses and models that need ${f.columns.slice(0, 2).map(code).join(' and ')} at one row per event.`,
      `Before it existed, each team joined ${parents} in its own way, and the results drifted by a few percent.`,
      `Funding comes from the ${f.team}'s platform budget; requests for new columns go through its intake board.`,
      'The set answers one question well rather than many questions badly, and its scope is kept narrow on purpose.',
    ],
    Composition: [
      `${n(f.rows)} rows in the current version, with ${f.columns.length} columns; the first few are ${f.columns.slice(0, 4).map(code).join(', ')}.`,
      f.personal
        ? 'Rows describe the behaviour of identifiable subscribers through pseudonymous ids; direct identifiers are never stored here.'
        : 'Rows hold no personal data: identifiers were dropped or aggregated before this stage.',
      'Missing values are rare and explicit: nullable columns are marked in the schema, and everything else is checked on load.',
      'Regions are represented in proportion to the subscriber base, with APAC and LATAM the smallest groups.',
      'Test accounts, internal staff and known bots are excluded upstream and never appear here.',
      'Timestamps are in UTC; amounts are in euros at the daily reference rate of the European Central Bank.',
    ],
    'Collection process': [
      `Data arrives ${f.cadence} from ${parents}.`,
      'Collection is automatic; nothing is typed in by hand, and every load is idempotent so a rerun never duplicates rows.',
      f.personal
        ? 'Subscribers agree to this processing in the terms of service; the consent basis is recorded under rights.'
        : 'No consent is needed: the inputs carry no personal data by the time they reach this stage.',
      'Late events, up to 72 hours after the fact, are merged into the partition they belong to.',
      'The loader records row counts per partition, and a drop of more than 20% day over day pages the on-call engineer.',
    ],
    Preprocessing: [
      'Rows are deduplicated on their natural key, keeping the latest version of each.',
      'Free-text fields are trimmed and normalised to NFC; categorical values outside the declared list are mapped to `other`.',
      'Outliers beyond the declared ranges are capped rather than dropped, and the number capped is logged per run.',
      'The raw inputs are kept for 90 days so that any release can be rebuilt from scratch.',
      'Joins are left joins on the upstream keys; rows without a match are counted and reported, not silently lost.',
    ],
    Uses: [
      'Used for reporting, ad-hoc analyses and as training data for the models that list it.',
      'It should not be used to make decisions about individual subscribers without a human review.',
      'Rates computed from it are biased toward heavy viewers unless weighted per subscriber.',
      'The allowed and prohibited uses are declared under rights and are checked against everything derived from it.',
    ],
    Distribution: [
      `Access is ${f.access}; the data is licensed under ${code(f.license)}.`,
      'It is read from the lake through the warehouse; no copies are sent outside the company.',
      'Each version stays readable for a year after it is superseded, so models stay reproducible.',
      'Access requests go through the data access portal and are approved by an owner.',
    ],
    Maintenance: [
      `The ${f.team} maintains it and reviews this card at least twice a year.`,
      'Errors are reported in the team channel or as an issue in the catalog repository.',
      'Breaking changes are announced four weeks ahead, with a new version and a migration note.',
      'A data-quality suite runs after every load and blocks publication when a check fails.',
    ],
  };
  const out: string[] = [];
  for (const section of DATASHEET_SECTIONS) {
    out.push(`# ${section.title}\n\n${paragraphs(random, banks[section.title] ?? [], long)}`);
    if (section.title === 'Composition' && f.splits && random.chance(0.6)) {
      const rows = f.splits.map((s) => `| ${s.name} | ${n(s.rows)} | ${((s.rows / f.rows) * 100).toFixed(1)}% |`);
      out.push(['| part | rows | share |', '| --- | --- | --- |', ...rows].join('\n'));
    }
    if (section.title === 'Composition' && f.diagram && f.parents.length) {
      const lines = f.parents.map((p, i) => `  p${i}[${p}] --> self[${f.id}]`);
      out.push(['```mermaid', 'flowchart LR', ...lines, '```'].join('\n'));
    }
    if (section.title === 'Preprocessing' && random.chance(0.3)) {
      out.push(['Steps, in order:', '', '1. Deduplicate on the natural key.', '2. Drop rows from test accounts.', '3. Cap values to the declared ranges.', '4. Write the partition and its row count.'].join('\n'));
    }
  }
  return `${out.join('\n\n')}\n`;
}

export function modelCardBody(random: Random, f: ModelFacts): string {
  const long = random.int(1, 2);
  const banks: Record<string, string[]> = {
    'Model details': [
      `Version ${f.version}, a ${f.algorithm} for ${f.task.replace(/-/g, ' ')}, built and run by the ${f.team}.`,
      f.inputs.length ? `It consumes the outputs of ${list(f.inputs)} as features.` : 'It uses no other model as input.',
      f.fallback ? `When it is down or failing, ${code(f.fallback)} answers instead.` : 'It has no fallback; callers degrade to a static default.',
      `It is currently at stage \`${f.stage}\`; promotions follow the team's release checklist.`,
      'Questions go to the owning team channel; the on-call rota is linked from the team page.',
    ],
    'Intended use': [
      'Its intended uses are declared in the front matter and checked against the rights of its training data.',
      'It is not meant for decisions about individual people without a human in the loop.',
      'Consumers should read scores as rankings, not calibrated probabilities, unless stated otherwise.',
    ],
    Factors: [
      f.factors.length ? `Performance is reported per ${f.factors.map(code).join(' and ')}, where behaviour differs most.` : 'No factor showed a material difference in offline analysis.',
      'Device type and plan were examined and showed smaller differences than region.',
      'New markets have less history, so their results carry wider intervals.',
    ],
    Metrics: [
      `Reported metrics: ${[...new Set(f.metrics.map((m) => m.name))].map(code).join(', ')}, each against the objective it must meet.`,
      'Objectives were agreed with the product owner and are reviewed with every major version.',
      'Figures are means over 1,000 bootstrap resamples of the held-out split.',
    ],
    'Evaluation data': [
      `The held-out \`test\` split of ${code(f.training)}, at the pinned version.`,
      'The evaluation split is never used for tuning; the validation split serves that purpose.',
    ],
    'Training data': [
      `The \`train\` split of ${code(f.training)}, at the version pinned in the front matter.`,
      'Class imbalance is handled with example weights rather than resampling.',
    ],
    'Quantitative analyses': [
      'Every objective is met on the current version; the table below gives the figures.',
      'Sliced results are within the bootstrap interval of the overall figure.',
    ],
    'Ethical considerations': [
      'The model sees no direct identifiers and no special-category data.',
      'Uneven error rates across regions are reviewed quarterly with the product owner.',
      'Scores are never shown to subscribers, and no decision is fully automated.',
    ],
    'Caveats and recommendations': [
      'Retrain when the monitored drift signal alerts, and at least on the declared cadence.',
      'Do not use outside the certified domain declared in the front matter.',
      'Treat sliced figures for small regions as indicative.',
    ],
  };
  const out: string[] = [];
  for (const section of MODEL_CARD_SECTIONS) {
    out.push(`# ${section.title}\n\n${paragraphs(random, banks[section.title] ?? [], long)}`);
    if (section.title === 'Quantitative analyses') {
      const rows = f.metrics.map((m) => `| ${m.name} | ${m.slice ?? 'all'} | ${m.value} | ${m.objective} |`);
      out.push(['| metric | slice | value | objective |', '| --- | --- | --- | --- |', ...rows].join('\n'));
    }
  }
  return `${out.join('\n\n')}\n`;
}

export function sourceBody(random: Random, title: string, contact: string): string {
  return `${paragraphs(
    random,
    [
      `${title} is owned outside the data teams; ${contact} is the contact when it breaks.`,
      'Its schema is versioned, and breaking changes are announced in the platform changelog.',
      'Availability is monitored; an outage longer than an hour triggers the fallback source.',
      'Row counts are compared daily with the backup source, and a mismatch over 1% opens an incident.',
    ],
    2,
  )}\n`;
}
