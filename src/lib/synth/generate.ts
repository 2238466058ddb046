/**
 * A synthetic catalog that looks like a large streaming company's: mostly datasets in up
 * to twelve lineage levels under a few hubs, models trained and evaluated on their splits,
 * and the sources, teams, people, glossary and licenses around them. Everything is
 * consistent by construction (splits add up, rights respect what flows down, objectives
 * are met, production models have fallbacks), so `check` finds no errors in it.
 * Pure: it returns file texts, and the same options always give the same files.
 */
import { classifyLicense, restrictionsOf, restrictionsOfTerms } from '../rights/licenses.ts';
import { addDays } from '../dates.ts';
import { markdownEntry, yamlText } from './emit.ts';
import { datasheetBody, modelCardBody, sourceBody } from './prose.ts';
import { Random } from './random.ts';
import * as words from './vocabulary.ts';

export interface SynthOptions {
  /** How many entries, of all kinds together (at least MIN_ENTRIES). */
  entries: number;
  seed?: number;
  /** The day the catalog is "as of": reviews and versions are dated before it. */
  asOf?: string;
}

export interface SynthFile {
  /** Path relative to the project folder: `cardcat.config.yaml`, `content/datasets/x.md`. */
  path: string;
  text: string;
}

export const MIN_ENTRIES = 30;
export const DEFAULT_AS_OF = '2026-11-01';
const LEVELS = 12;
/** How many datasets sit at each lineage level: wide near the sources, thinning out downstream. */
const LEVEL_WEIGHTS = [10, 14, 14, 12, 10, 9, 8, 7, 6, 4, 3, 3];

export type SynthCounts = Record<'dataset' | 'model' | 'feature' | 'source' | 'team' | 'person' | 'glossary' | 'license', number>;

export function synthCounts(entries: number): SynthCounts {
  if (!Number.isInteger(entries) || entries < MIN_ENTRIES) throw new RangeError(`Expected at least ${MIN_ENTRIES} entries, got ${entries}`);
  const share = (p: number, min: number) => Math.max(min, Math.round(entries * p));
  const team = share(0.02, 2);
  const person = share(0.035, 2);
  const source = share(0.045, 3);
  const glossary = share(0.03, 3);
  const license = share(0.02, 3);
  const model = share(0.15, 4);
  const feature = share(0.03, 2);
  return { dataset: entries - team - person - source - glossary - license - model - feature, model, feature, source, team, person, glossary, license };
}

/** The uses vocabulary of the generated config, with which uses are commercial. */
const USES: Record<string, { description: string; commercial?: true }> = {
  'internal-analytics': { description: 'Dashboards and analyses for internal decisions' },
  'model-training': { description: 'Training or fine-tuning machine-learning models' },
  'model-evaluation': { description: 'Measuring model quality' },
  research: { description: 'Non-commercial research and publication' },
  'retention-campaigns': { description: 'Targeting offers at subscribers likely to leave', commercial: true },
  personalisation: { description: 'Recommending titles to individual users', commercial: true },
  advertising: { description: 'Selling or targeting advertising', commercial: true },
  'content-licensing': { description: 'Deciding which titles to license and for how long', commercial: true },
  'fraud-prevention': { description: 'Detecting payment fraud and account sharing', commercial: true },
  redistribution: { description: 'Sharing the data itself outside the company' },
  'playback-optimisation': { description: 'Tuning stream quality during playback', commercial: true },
};
const MODEL_USES = ['retention-campaigns', 'personalisation', 'fraud-prevention', 'playback-optimisation', 'content-licensing', 'internal-analytics', 'research'];

/** What binds an entry once everything upstream is counted: the generator's mirror of the rights rule. */
interface Rights {
  nc: boolean;
  noRedistribution: boolean;
  personal: boolean;
  prohibited: Set<string>;
}

const noRights = (): Rights => ({ nc: false, noRedistribution: false, personal: false, prohibited: new Set() });
function merge(into: Rights, from: Rights): void {
  into.nc ||= from.nc;
  into.noRedistribution ||= from.noRedistribution;
  into.personal ||= from.personal;
  for (const use of from.prohibited) into.prohibited.add(use);
}

interface LicenseInfo {
  id: string;
  nc: boolean;
  noRedistribution: boolean;
  shareAlike: boolean;
  noDerivatives: boolean;
  prohibited: string[];
}

interface DatasetPlan {
  id: string;
  level: number;
  hub: boolean;
  rights: Rights;
  license: LicenseInfo;
  columns: { name: string; type: string }[];
  latest: string;
  trainable: boolean;
  front: Record<string, unknown>;
  facts: Parameters<typeof datasheetBody>[1];
  dependents: number;
}

interface ModelPlan {
  id: string;
  /** The dataset it is trained on. */
  data: DatasetPlan;
  trainLevel: number;
  rights: Rights;
  stage: string;
  version: string;
  front: Record<string, unknown>;
  facts: Parameters<typeof modelCardBody>[1];
  dependents: number;
}

export function synthesize(options: SynthOptions): SynthFile[] {
  const counts = synthCounts(options.entries);
  const random = new Random(options.seed ?? 1);
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  const taken = new Set<string>();
  const unique = (base: string) => {
    let id = base;
    for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
    taken.add(id);
    return id;
  };
  const reviewed = () => addDays(asOf, -random.int(5, 200));
  const files: SynthFile[] = [];

  // Teams and people: owners for everything else.
  const teams: { id: string; title: string; members: string[] }[] = [];
  for (let i = 0; i < counts.team; i++) {
    const area = words.TEAM_AREAS[i % words.TEAM_AREAS.length]!;
    const round = Math.floor(i / words.TEAM_AREAS.length);
    const id = unique(round === 0 ? `${area}-team` : `${area}-team-${round + 1}`);
    teams.push({ id, title: `${titleCase(area)} team${round === 0 ? '' : ` ${round + 1}`}`, members: [] });
  }
  const people: { id: string; name: string; email: string; teams: string[] }[] = [];
  for (let i = 0; i < counts.person; i++) {
    const first = random.pick(words.FIRST_NAMES);
    const last = random.pick(words.LAST_NAMES);
    const id = unique(`${first}-${last}`.toLowerCase());
    const memberOf = random.sample(teams, random.chance(0.2) ? 2 : 1).map((t) => t.id);
    const person = { id, name: `${first} ${last}`, email: `${id.replace(/-/g, '.')}@lumen.example`, teams: i < teams.length ? [teams[i]!.id] : memberOf };
    for (const t of person.teams) teams.find((team) => team.id === t)!.members.push(id);
    people.push(person);
  }
  const personById = new Map(people.map((p) => [p.id, p]));
  const owners = () => {
    const team = random.pick(teams);
    if (team.members.length && random.chance(0.3)) return [team.id, random.pick(team.members)];
    return [team.id];
  };
  for (const team of teams) {
    const members = team.members.map((m, i) => {
      const p = personById.get(m)!;
      return { name: p.name, email: p.email, role: i === 0 ? 'lead' : random.pick(words.ROLES), person: p.id };
    });
    files.push(yamlFile('teams', team.id, {
      title: team.title,
      description: `Owns the ${team.title.replace(/ team.*$/, '').toLowerCase()} pipelines, datasets and models.`,
      ...(members.length ? { members } : {}),
      links: [{ title: 'On-call runbook', url: `https://wiki.lumen.example/${team.id}/oncall` }],
      domain: random.pick(words.DOMAINS),
      reviewed: reviewed(),
    }));
  }
  for (const p of people) {
    files.push(yamlFile('people', p.id, { title: p.name, description: `Works in ${p.teams.join(' and ')}.`, email: p.email, teams: p.teams, reviewed: reviewed() }));
  }

  // Glossary terms: what columns measure.
  const terms: string[] = [];
  for (let i = 0; i < counts.glossary; i++) {
    const head = words.TERM_HEADS[i % words.TERM_HEADS.length]!;
    const round = Math.floor(i / words.TERM_HEADS.length);
    const id = unique(round === 0 ? head : `${words.TERM_MODIFIERS[(round - 1) % words.TERM_MODIFIERS.length]}-${head}`);
    const related = random.sample(terms, random.int(0, 2));
    files.push(yamlFile('glossary', id, {
      title: titleCase(id),
      description: `The ${id.replace(/-/g, ' ')} as Lumen counts it in reporting and models, measured per subscriber and day.`,
      ...(random.chance(0.4) ? { synonyms: [`${id.replace(/-/g, ' ')} count`] } : {}),
      ...(related.length ? { related } : {}),
      owners: owners(),
      domain: random.pick(words.DOMAINS),
      reviewed: reviewed(),
    }));
    terms.push(id);
  }

  // Licenses: the agreements beyond SPDX that data comes under.
  const licenses = new Map<string, LicenseInfo>();
  const flavours = [
    { name: 'internal', conditions: ['no-redistribution'], limitations: ['no-commercial-resale'], prohibited: [] as string[] },
    { name: 'research-terms', conditions: ['attribution'], limitations: ['no-commercial-use'], prohibited: ['advertising'] },
    { name: 'partner-terms', conditions: ['attribution', 'no-redistribution'], limitations: ['no-sublicensing'], prohibited: ['redistribution', 'advertising'] },
  ];
  const agreementIds: string[] = [];
  for (let i = 0; i < counts.license; i++) {
    const flavour = flavours[i % flavours.length]!;
    const id = unique(i === 0 ? 'lumen-internal' : `${random.pick(words.NOUNS)}-${flavour.name}`);
    const terms = [...flavour.conditions, ...flavour.limitations];
    const restrictions = restrictionsOfTerms(terms);
    licenses.set(id, { id, nc: restrictions.has('non-commercial'), noRedistribution: restrictions.has('no-redistribution'), shareAlike: restrictions.has('share-alike'), noDerivatives: restrictions.has('no-derivatives'), prohibited: flavour.prohibited });
    agreementIds.push(id);
    files.push(yamlFile('licenses', id, {
      title: titleCase(id),
      description: `Terms for data received under the ${id.replace(/-/g, ' ')} agreement.`,
      permissions: ['internal-use', 'modification'],
      conditions: flavour.conditions,
      limitations: flavour.limitations,
      ...(flavour.prohibited.length ? { prohibited_uses: flavour.prohibited } : {}),
      expires: `${Number(asOf.slice(0, 4)) + random.int(3, 8)}-12-31`,
      owners: owners(),
      domain: 'legal',
      reviewed: reviewed(),
    }));
  }
  const licenseInfo = (value: string): LicenseInfo => {
    const known = licenses.get(value);
    if (known) return known;
    const r = restrictionsOf(classifyLicense(value));
    const info = { id: value, nc: r.has('non-commercial'), noRedistribution: r.has('no-redistribution'), shareAlike: r.has('share-alike'), noDerivatives: r.has('no-derivatives'), prohibited: [] };
    licenses.set(value, info);
    return info;
  };

  // Sources: where raw data comes from.
  const sources: string[] = [];
  for (let i = 0; i < counts.source; i++) {
    const kind = words.SOURCE_KINDS[i % words.SOURCE_KINDS.length]!;
    const id = unique(random.pick(kind.words));
    const contact = `${id}-oncall@lumen.example`;
    const front = {
      title: titleCase(id),
      description: `${titleCase(kind.type)} source: ${id.replace(/-/g, ' ')}.`,
      type: kind.type,
      owners: owners(),
      contact,
      terms: kind.type === 'vendor' || kind.type === 'web' ? `https://legal.lumen.example/contracts/${id}` : 'internal',
      ...(sources.length && random.chance(0.5) ? { backup_source: random.pick(sources) } : {}),
      checked: { how: 'row counts compared daily with the backup', every: random.pick(['1d', '7d']) },
      domain: random.pick(words.DOMAINS),
      reviewed: reviewed(),
    };
    files.push(random.chance(0.2) ? mdFile('sources', id, front, sourceBody(random, front.title, contact)) : yamlFile('sources', id, front));
    sources.push(id);
  }

  // Datasets and models, level by level, so that every reference points at something
  // already made: lineage is acyclic by construction.
  const perLevel = apportion(counts.dataset, LEVEL_WEIGHTS.slice(0, Math.min(LEVELS, counts.dataset)));
  const modelsPerLevel = apportion(counts.model, perLevel.map((n, level) => (level === 0 ? 0 : n)));
  const hubCount = Math.min(perLevel[1] ?? 0, Math.max(2, Math.min(6, Math.round(counts.dataset / 1500))));
  const datasets: DatasetPlan[] = [];
  const byLevel: DatasetPlan[][] = [];
  /** Each dataset once, plus once per time it was chosen: popular data attracts more (preferential attachment). */
  const pools: DatasetPlan[][] = [];
  const hubs: DatasetPlan[] = [];
  const models: ModelPlan[] = [];
  const features: { id: string; front: Record<string, unknown>; body: string }[] = [];
  /** Feature ids by their training column, `dataset-id.column`. */
  const featureOf = new Map<string, string>();
  const anchorYear = Number(asOf.slice(0, 4));
  const months = (count: number) => {
    const out: string[] = [];
    const last = new Date(`${asOf.slice(0, 7)}-01T00:00:00Z`);
    for (let k = count; k >= 1; k--) {
      const d = new Date(last);
      d.setUTCMonth(d.getUTCMonth() - k);
      out.push(d.toISOString().slice(0, 7));
    }
    return out;
  };

  for (let level = 0; level < perLevel.length; level++) {
    byLevel[level] = [];
    pools[level] = [];
    for (let i = 0; i < perLevel[level]!; i++) {
      const plan = makeDataset(level, i);
      datasets.push(plan);
      byLevel[level]!.push(plan);
      pools[level]!.push(plan);
    }
    for (let i = 0; i < (modelsPerLevel[level] ?? 0); i++) models.push(makeModel(level));
  }

  makeFeatures();
  for (const m of models) {
    if (random.chance(0.4)) certify(m);
    if (random.chance(0.3)) addHistory(m);
  }

  // Entries nothing depends on may be on their way out: a few are deprecated, retired or drafts.
  for (const list of [datasets, models] as const) {
    const active = list.filter((e) => e.front['status'] === 'active');
    for (const plan of list) {
      if (plan.dependents > 0 || plan.front['status'] !== 'active') continue;
      const r = random.next();
      if (r < 0.04) {
        const replacement = random.pick(active.filter((e) => e !== plan));
        Object.assign(plan.front, { status: 'deprecated', replaced_by: replacement.id });
      } else if (r < 0.055) {
        plan.front['status'] = 'retired';
        if ('stage' in plan) plan.front['stage'] = 'retired';
      } else if (r < 0.075) {
        plan.front['status'] = 'draft';
      }
    }
  }

  for (const d of datasets) files.push(mdFile('datasets', d.id, d.front, datasheetBody(random, d.facts)));
  for (const m of models) files.push(mdFile('models', m.id, m.front, modelCardBody(random, m.facts)));
  for (const f of features) files.push(mdFile('features', f.id, f.front, f.body));
  files.push({ path: 'cardcat.config.yaml', text: configText(options, counts) });
  return files;

  function makeDataset(level: number, index: number): DatasetPlan {
    const noun = random.pick(words.NOUNS);
    const stageWords = words.STAGES_OF_DATA[Math.min(level, words.STAGES_OF_DATA.length - 1)]!;
    const domain = random.pick(words.DOMAINS);
    const base = `${noun}-${random.pick(stageWords)}`;
    const id = unique(taken.has(base) ? `${domain}-${base}` : base);
    const hub = level === 1 && index < hubCount;
    const rights = noRights();

    // Parents: one from the level just above (so the level is the depth), sometimes a hub,
    // sometimes another upstream dataset, now and then a model's logged predictions.
    const parents: DatasetPlan[] = [];
    let shareAlike: string | undefined;
    const acceptable = (p: DatasetPlan) =>
      !p.license.noDerivatives && !parents.includes(p) && (!p.license.shareAlike || shareAlike === undefined || shareAlike === p.license.id) &&
      (!hub || (!p.license.shareAlike && !p.license.nc));
    const choose = (candidates: DatasetPlan[]) => {
      for (let attempt = 0; attempt < 8 && candidates.length; attempt++) {
        const p = random.pick(candidates);
        if (acceptable(p)) return p;
      }
      return undefined;
    };
    if (level > 0) {
      const wanted = [choose(pools[level - 1]!) ?? byLevel[level - 1]!.find(acceptable)];
      if (level >= 2 && random.chance(0.3)) wanted.push(choose(hubs));
      if (level >= 2 && random.chance(0.3)) wanted.push(choose(pools[random.int(0, level - 1)]!));
      if (hub && random.chance(0.5)) wanted.push(choose(pools[0]!));
      for (const p of wanted) {
        if (!p || !acceptable(p)) continue;
        parents.push(p);
        pools[p.level]!.push(p);
        p.dependents++;
        merge(rights, p.rights);
        if (p.license.shareAlike) shareAlike = p.license.id;
      }
    }
    const predictionCandidates = models.filter((m) => m.trainLevel < level && m.front['status'] === 'active');
    const fromModel = level >= 2 && predictionCandidates.length && random.chance(0.06) ? random.pick(predictionCandidates) : undefined;
    if (fromModel) {
      fromModel.dependents++;
      merge(rights, fromModel.rights);
    }

    // The dataset's own license: a share-alike parent's license is kept, as it must be.
    let licenseValue: string;
    if (shareAlike) licenseValue = shareAlike;
    else if (level === 0) {
      const options = ['lumen-internal', 'proprietary', 'CC-BY-4.0', 'CC0-1.0', 'CC-BY-NC-4.0', 'CC-BY-SA-4.0', 'ODbL-1.0', 'CC-BY-ND-4.0', 'agreement'];
      const pick = options[random.weighted([35, 20, 8, 5, 8, 5, 3, 3, 13])]!;
      licenseValue = pick === 'agreement' ? random.pick(agreementIds) : pick;
    } else {
      licenseValue = random.chance(0.6) ? 'lumen-internal' : random.chance(0.75) ? 'proprietary' : random.pick(agreementIds);
    }
    const license = licenseInfo(licenseValue);
    rights.nc ||= license.nc;
    rights.noRedistribution ||= license.noRedistribution;
    for (const use of license.prohibited) rights.prohibited.add(use);
    const ownProhibited = random.chance(0.3) ? ['advertising'] : [];
    for (const use of ownProhibited) rights.prohibited.add(use);
    const personalNoun = /events|sessions|impressions|subscriptions|ratings|searches|clicks|payments|logins|profiles|watchlists|reviews|tickets/.test(noun);
    if (level === 0 && personalNoun && random.chance(0.7)) rights.personal = true;
    const open = !rights.noRedistribution && !rights.personal && !rights.nc && ['CC-BY-4.0', 'CC0-1.0'].includes(licenseValue);
    const access = open ? 'public' : random.pick(['internal', 'internal', 'internal', 'restricted', 'confidential']);
    const allowed = ['model-training', 'internal-analytics', ...random.sample(Object.keys(USES).filter((u) => !['model-training', 'internal-analytics'].includes(u)), random.int(0, 3))]
      .filter((use) => !rights.prohibited.has(use) && !(rights.nc && USES[use]!.commercial) && (use !== 'redistribution' || open));

    // Columns: what the rows hold, many of them carried over from the parents.
    const trainable = level >= 1 && (index === 0 || random.chance(0.55));
    const singular = noun.replace(/-/g, '_').replace(/s$/, '');
    const columns: Record<string, unknown>[] = [];
    const names = new Set<string>();
    const add = (column: Record<string, unknown>) => {
      if (names.has(column['name'] as string)) return;
      names.add(column['name'] as string);
      columns.push(column);
    };
    add({ name: `${singular}_id`, type: 'string', description: `Unique id of the ${singular.replace(/_/g, ' ')}`, nullable: false });
    if (rights.personal) add({ name: 'user_id', type: 'string', pii: 'pseudonymous', description: 'Pseudonymous subscriber id', ...(terms.includes('subscriber') ? { term: 'subscriber' } : {}) });
    add({ name: 'region', type: 'categorical', values: [...words.REGIONS], description: 'Sales region of the subscriber' });
    add({ name: 'event_time', type: 'datetime', description: 'When it happened, UTC', nullable: false });
    const method = trainable ? random.pick(['stratified', 'stratified', 'random', 'random', 'temporal', 'group'] as const) : undefined;
    if (method === 'stratified') add({ name: 'target', type: 'boolean', description: 'The label models learn to predict', nullable: false });
    if (method === 'group' && !names.has('user_id')) add({ name: 'household_id', type: 'string', description: 'Household the row belongs to' });
    const width = random.logInt(5, 200);
    const inherited = parents.flatMap((p) => p.columns.filter((c) => !names.has(c.name)).map((c) => ({ parent: p, column: c })));
    for (const { parent, column } of random.sample(inherited, Math.floor(width * 0.4))) {
      add({ name: column.name, type: column.type, derived_from: `${parent.id}.${column.name}` });
    }
    for (let guard = 0; columns.length < width && guard < width * 4; guard++) {
      const kind = random.pick(words.COLUMN_KINDS);
      const name = `${random.pick(words.COLUMN_SUBJECTS)}_${kind.stem}`;
      const column: Record<string, unknown> = { name, type: kind.type };
      if (kind.unit) column['unit'] = kind.unit;
      if (kind.range) column['range'] = [...kind.range];
      if (random.chance(0.3)) column['nullable'] = true;
      if (terms.length && random.chance(0.15)) column['term'] = random.pick(terms);
      if (random.chance(0.5)) column['description'] = `${titleCase(name.replace(/_/g, '-'))} per row`;
      add(column);
    }

    // Size, versions and splits that add up.
    const rows = random.logInt(50_000, 500_000_000);
    const versionLabels = months(random.int(1, 4));
    const versions = versionLabels.map((version, k) => ({
      version,
      date: `${version}-28`,
      rows: k === versionLabels.length - 1 ? rows : Math.round((rows * (k + 1)) / versionLabels.length),
      changes: k === 0 ? 'First release' : `Added ${version} data`,
    }));
    let splits: Record<string, unknown> | undefined;
    let parts: { name: string; rows: number }[] | undefined;
    if (method) {
      const trainShare = random.pick([0.7, 0.75, 0.8]);
      const validation = Math.round(rows * 0.1);
      const train = Math.round(rows * trainShare);
      parts = [{ name: 'train', rows: train }, { name: 'validation', rows: validation }, { name: 'test', rows: rows - train - validation }];
      const fraction = (r: number) => Math.round((r / rows) * 10_000) / 10_000;
      if (method === 'stratified') {
        const positive = random.int(2, 40) / 100;
        splits = {
          method, stratify_by: 'target', seed: random.int(1, 9999),
          parts: parts.map((p) => {
            const yes = Math.round(p.rows * positive);
            return { name: p.name, rows: p.rows, fraction: fraction(p.rows), classes: { true: yes, false: p.rows - yes } };
          }),
        };
      } else if (method === 'temporal') {
        const y = anchorYear - 1;
        const ranges = [[`${y - 1}-01-01`, `${y}-06-30`], [`${y}-07-01`, `${y}-09-30`], [`${y}-10-01`, `${y}-12-31`]];
        splits = { method, time_column: 'event_time', parts: parts.map((p, k) => ({ name: p.name, rows: p.rows, from: ranges[k]![0], to: ranges[k]![1] })) };
      } else {
        splits = {
          method, ...(method === 'group' ? { group_by: names.has('user_id') ? 'user_id' : 'household_id' } : {}), seed: random.int(1, 9999),
          parts: parts.map((p) => ({ name: p.name, rows: p.rows, fraction: fraction(p.rows) })),
        };
      }
    }

    const team = owners();
    const derivedFrom = [
      ...parents.map((p) => ({ dataset: p.id, version: p.latest, transform: `${random.pick(words.TRANSFORMS)} ${id.replace(/-/g, '_')}` })),
      ...(fromModel ? [{ model: fromModel.id, version: fromModel.version, transform: 'logged predictions, joined on request id' }] : []),
    ];
    const title = titleCase(id);
    const front: Record<string, unknown> = {
      title,
      description: `${titleCase(noun)} at the ${stageWords[0]} stage${parents.length ? `, built from ${parents.length} upstream dataset${parents.length > 1 ? 's' : ''}` : ''}.`,
      owners: team,
      status: 'active',
      tags: [noun, domain, ...(hub ? ['hub'] : [])],
      domain,
      reviewed: reviewed(),
      location: { uri: `s3://lumen-data/${domain}/${id}/`, format: random.pick(['parquet', 'parquet', 'delta', 'avro', 'csv']), ...(random.chance(0.4) ? { backup: `gs://lumen-backup/${domain}/${id}/` } : {}) },
      size: { rows, bytes: rows * columns.length * 6 },
      versions,
      ...(level === 0 ? { sources: { primary: random.pick(sources), ...(random.chance(0.4) ? { secondary: random.pick(sources) } : {}) } } : {}),
      ...(derivedFrom.length ? { derived_from: derivedFrom } : {}),
      sample_id: columns[0]!['name'],
      schema: columns,
      ...(splits ? { splits } : {}),
      rights: {
        license: licenseValue,
        personal_data: rights.personal,
        ...(rights.personal ? { consent: 'contract' } : {}),
        allowed_uses: allowed,
        ...(ownProhibited.length ? { prohibited_uses: ownProhibited } : {}),
        retention: random.pick(['1y', '2y', '5y']),
        access,
      },
    };
    const facts = {
      id, title, team: team[0]!, rows, columns: columns.map((c) => c['name'] as string), parents: parents.map((p) => p.id),
      sources: level === 0 ? [String((front['sources'] as { primary: string }).primary)] : [],
      cadence: random.pick(['hourly', 'daily', 'daily', 'weekly']), personal: rights.personal, license: licenseValue, access,
      ...(parts ? { splits: parts } : {}), diagram: random.chance(0.03),
    };
    const plan: DatasetPlan = {
      id, level, hub, rights, license, columns: columns.map((c) => ({ name: c['name'] as string, type: c['type'] as string })),
      latest: versionLabels.at(-1)!, trainable: trainable && license.noDerivatives === false, front, facts, dependents: 0,
    };
    if (hub) hubs.push(plan);
    return plan;
  }

  function makeModel(level: number): ModelPlan {
    const candidates = datasets.filter((d) => d.level === level && d.trainable);
    const data = candidates.length ? random.pick(candidates) : random.pick(datasets.filter((d) => d.trainable));
    data.dependents++;
    const task = random.pick(words.TASKS);
    const id = unique(`${data.id.split('-')[0]}-${random.pick(task.nouns)}`);
    const rights = noRights();
    merge(rights, data.rights);
    const inputs = models.length && random.chance(0.2) ? random.sample(models.filter((m) => m.front['status'] === 'active'), random.int(1, 2)) : [];
    for (const m of inputs) {
      m.dependents++;
      merge(rights, m.rights);
    }
    const license = random.chance(0.8) ? 'proprietary' : random.pick(['Apache-2.0', 'MIT']);
    const own = licenseInfo(license);
    rights.nc ||= own.nc;
    rights.noRedistribution ||= own.noRedistribution;
    let stage = ['production', 'staging', 'shadow', 'canary', 'development'][random.weighted([30, 15, 15, 10, 30])]!;
    const fallbacks = models.filter((m) => m.stage === 'shadow' && m.front['status'] === 'active');
    const fallback = stage === 'production' ? (fallbacks.length ? random.pick(fallbacks.slice(-20)) : undefined) : undefined;
    if (stage === 'production' && !fallback) stage = 'staging';
    if (fallback) {
      fallback.dependents++;
      // What production falls back to has nothing behind it, by design.
      fallback.front['last_resort'] ??= `A fixed ${random.pick(['ranking', 'rule', 'lookup table'])} with no model server behind it: what answers when the models that fall back to it are down.`;
    }

    const version = `${random.int(1, 5)}.${random.int(0, 12)}.${random.int(0, 9)}`;
    const lower = (name: string) => words.LOWER_IS_BETTER.has(name);
    const metrics: { name: string; value: number; dataset: string; split: string; slice?: string; objective: { min?: number; max?: number } }[] = [];
    const measure = (name: string, slice?: string) => {
      if (lower(name)) {
        const value = Math.round(random.next() * 40 * 100 + 50) / 100;
        metrics.push({ name, value, dataset: data.id, split: 'test', ...(slice ? { slice } : {}), objective: { max: Math.ceil(value * 1.15) } });
      } else {
        const value = Math.round((0.55 + random.next() * 0.4) * 100) / 100;
        metrics.push({ name, value, dataset: data.id, split: 'test', ...(slice ? { slice } : {}), objective: { min: Math.floor((value - 0.02 - random.next() * 0.08) * 100) / 100 } });
      }
    };
    const names = random.sample(task.metrics, random.int(1, task.metrics.length));
    for (const name of names) measure(name);
    for (const region of random.sample(words.REGIONS, random.int(2, 4))) measure(names[0]!, `region=${region}`);

    const commercialOk = (use: string) => !rights.prohibited.has(use) && !(rights.nc && USES[use]!.commercial);
    let intended = random.sample(MODEL_USES, random.int(1, 2)).filter(commercialOk);
    if (intended.length === 0) intended = ['internal-analytics'];
    const features = random.sample(data.columns.map((c) => c.name).filter((c) => c !== 'target'), random.int(3, 12));
    const team = owners();
    const algorithm = random.pick(words.ALGORITHMS);
    const front: Record<string, unknown> = {
      title: titleCase(id),
      description: `${titleCase(task.task)} model trained on ${data.id}.`,
      owners: team,
      status: 'active',
      version,
      task: task.task,
      algorithm,
      stage,
      deployment: { mode: random.pick(['batch', 'online', 'streaming']), strategy: random.pick(['canary', 'blue-green', 'shadow', 'rolling']) },
      training: [{ dataset: data.id, split: 'train', version: data.latest }],
      evaluation: [{ dataset: data.id, split: 'test', version: data.latest }],
      ...(inputs.length ? { inputs: inputs.map((m) => ({ model: m.id })) } : {}),
      features,
      factors: ['region'],
      metrics,
      ...(fallback ? { fallback: fallback.id } : {}),
      intended_use: intended,
      out_of_scope: ['credit decisions', 'decisions about individual employees'],
      limitations: ['Performance degrades for subscribers with under 30 days of history.'],
      ethical_considerations: ['Error rates are compared across regions every quarter.'],
      monitoring: [{ signal: 'prediction distribution shift', threshold: 'PSI > 0.2', alert: `${team[0]}-oncall` }],
      retraining: { cadence: random.pick(['daily', 'weekly', 'monthly']), triggers: ['drift alert', 'metric below objective'] },
      experiment: { url: `https://mlflow.lumen.example/#/experiments/${random.int(1, 400)}/runs/${id}`, run_id: id },
      hyperparameters: { learning_rate: random.pick([0.01, 0.03, 0.1]), max_depth: random.int(3, 10) },
      license,
      tags: [task.task, data.id.split('-')[0]!],
      domain: String(data.front['domain']),
      reviewed: reviewed(),
    };
    const facts = {
      title: String(front['title']), team: team[0]!, version, algorithm, task: task.task, training: data.id, inputs: inputs.map((m) => m.id),
      ...(fallback ? { fallback: fallback.id } : {}), factors: ['region'], stage,
      metrics: metrics.map((m) => ({ name: m.name, value: m.value, ...(m.slice ? { slice: m.slice } : {}), objective: m.objective.min !== undefined ? `≥ ${m.objective.min}` : `≤ ${m.objective.max}` })),
    };
    return { id, data, trainLevel: data.level, rights, stage, version, front, facts, dependents: 0 };
  }

  /** A column of a dataset as written in its schema, with its unit, range and values. */
  function columnOf(data: DatasetPlan, name: string): Record<string, unknown> | undefined {
    return (data.front['schema'] as Record<string, unknown>[]).find((c) => c['name'] === name);
  }

  /**
   * Feature store entries for columns models use: each trained on the column it is named
   * after and served from a downstream copy of it (same name and type, so no skew) or from
   * a source. Every model trained on that dataset then names the feature instead of the column.
   */
  function makeFeatures(): void {
    const copies = new Map<string, { dataset: DatasetPlan; ref: string }>();
    for (const d of datasets) {
      for (const c of d.front['schema'] as Record<string, unknown>[]) {
        const from = c['derived_from'];
        if (typeof from === 'string' && !copies.has(from)) copies.set(from, { dataset: d, ref: `${d.id}.${String(c['name'])}` });
      }
    }
    const columnsInUse = () =>
      models.flatMap((m) => (m.front['features'] as string[]).filter((name) => columnOf(m.data, name)).map((name) => ({ data: m.data, name })));
    let candidates = columnsInUse();
    for (let i = 0; i < counts.feature; i++) {
      if (candidates.length === 0) candidates = columnsInUse();
      // Columns no model uses yet, when every used one is a feature already.
      const pick = candidates.length
        ? candidates.splice(random.int(0, candidates.length - 1), 1)[0]!
        : (() => {
            const data = random.pick(datasets.filter((d) => d.trainable));
            return { data, name: random.pick(data.columns).name };
          })();
      if (featureOf.has(`${pick.data.id}.${pick.name}`)) {
        i--;
        continue;
      }
      const { data, name } = pick;
      const column = columnOf(data, name)!;
      const id = unique(`${data.id.split('-')[0]}-${name.replace(/_/g, '-')}`);
      const training = `${data.id}.${name}`;
      const copy = copies.get(training);
      const served = copy?.ref;
      const source = served ? undefined : random.pick(sources);
      featureOf.set(training, id);
      data.dependents++;
      if (copy) copy.dataset.dependents++;
      for (const m of models) {
        if (m.data !== data) continue;
        m.front['features'] = (m.front['features'] as string[]).map((f) => (f === name ? id : f));
      }
      const words_ = name.replace(/_/g, ' ');
      const front: Record<string, unknown> = {
        title: titleCase(id),
        description: `The ${words_} of each ${random.pick(['subscriber', 'session', 'title', 'household'])}, as models read it.`,
        owners: owners(),
        status: 'active',
        entity: random.pick(['subscriber', 'session', 'title', 'household', 'device']),
        ...(column['unit'] ? { unit: column['unit'] } : {}),
        training,
        serving: served ? { column: served } : { source },
        freshness: random.pick(['per request', '15 min', 'hourly', 'daily']),
        domain: String(data.front['domain']),
        reviewed: reviewed(),
      };
      const body = [
        '# Definition', '', `The \`${name}\` column of \`${data.id}\`, shared as one feature so that every model reads it the same way.`, '',
        '# Computation', '', `For training, read from \`${training}\` at the version each model pins.`, '',
        '# Serving', '', served ? `Online, served from \`${served}\`, a copy of the training column with the same type.` : `Online, served by \`${source}\`, which no dataset catalogues yet.`, '',
      ].join('\n');
      features.push({ id, front, body });
    }
  }

  /** A certified domain over up to two features whose training column declares a range or values, within them. */
  function certify(m: ModelPlan): void {
    const domain: Record<string, unknown> = {};
    for (const name of m.front['features'] as string[]) {
      if (Object.keys(domain).length === 2) break;
      const training = features.find((f) => f.id === name)?.front['training'] as string | undefined;
      const column = columnOf(m.data, training ? training.slice(training.indexOf('.') + 1) : name);
      const range = column?.['range'] as [number, number] | undefined;
      const values = column?.['values'] as string[] | undefined;
      if (range) domain[name] = [range[0], range[0] + Math.round((range[1] - range[0]) * random.pick([0.5, 0.8, 1]))];
      else if (values) domain[name] = random.sample(values, random.int(1, values.length));
    }
    if (Object.keys(domain).length) m.front['certified_domain'] = domain;
  }

  /** Two earlier versions, trained on earlier data where there was some, measured on the same metrics. */
  function addHistory(m: ModelPlan): void {
    const dataVersions = (m.data.front['versions'] as { version: string }[]).map((v) => v.version);
    const metrics = m.front['metrics'] as { name: string; value: number; objective: { min?: number; max?: number } }[];
    const versions = [2, 1].map((back, k) => ({
      version: `0.${8 + k}.0`,
      date: addDays(asOf, -(back * random.int(90, 150) + 30)),
      training: [{ dataset: m.data.id, split: 'train', version: dataVersions[Math.max(0, dataVersions.length - 1 - back)]! }],
      metrics: metrics.map((x) => ({
        ...x,
        value: x.objective.max !== undefined ? Math.round(x.value * (1 + back * random.next() * 0.08) * 100) / 100 : Math.round((x.value - back * random.next() * 0.04) * 100) / 100,
      })),
      notes: k === 0 ? 'First release.' : random.pick(['Retrained on a month more data.', 'Added regional slices.', 'Tuned the learning rate.']),
    }));
    m.front['versions'] = versions;
  }
}

/** Splits `total` in proportion to `weights`, as whole numbers that add up (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const missing = total - out.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) out[order[k % order.length]![1]]!++;
  return out;
}

const titleCase = (id: string) => id.split('-').map((w, i) => (i === 0 ? w[0]!.toUpperCase() + w.slice(1) : w)).join(' ');

function yamlFile(folder: string, id: string, front: Record<string, unknown>): SynthFile {
  return { path: `content/${folder}/${id}.yaml`, text: yamlText(front) };
}

function mdFile(folder: string, id: string, front: Record<string, unknown>, body: string): SynthFile {
  return { path: `content/${folder}/${id}.md`, text: markdownEntry(front, `\n${body}`) };
}

function configText(options: SynthOptions, counts: SynthCounts): string {
  const header = `# A synthetic catalog: ${options.entries} entries (${counts.dataset} datasets, ${counts.model} models), seed ${options.seed ?? 1}.\n# Made by \`npm run synth\`; regenerate rather than edit.\n`;
  return header + yamlText({
    site: { title: 'Synthetic catalog' },
    review_every: '365d',
    uses: Object.fromEntries(Object.entries(USES).map(([id, use]) => [id, use.commercial ? { description: use.description, commercial: true } : { description: use.description }])),
    completeness: {
      dataset: { draft: 0, active: 0.6, deprecated: 0.3, retired: 0 },
      model: { development: 0, staging: 0.5, shadow: 0.5, canary: 0.6, production: 0.8, retired: 0 },
    },
  });
}
