/**
 * The one entry point: files → load → schema → graph → rules → a Catalog. The CLI, the
 * site and the tests all build their catalog here, so they validate identically. Reading
 * and parsing files (`readFiles`, which the parse cache can spare) is kept apart from
 * assembling the catalog (`assemble`), so that a catalog held in memory can read one file
 * again and assemble anew (`incremental-catalog.ts`).
 */
import { hash } from 'node:crypto';
import { existsSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { KINDS, type Kind } from '../../schemas/index.ts';
import { findConfig, loadConfig, type LoadedConfig } from './load/config.ts';
import { today as currentDay } from './dates.ts';
import { Graph } from './graph/graph.ts';
import { deferredEntryFile, entryValue, listEntryFiles, readEntryFile, relativePath } from './load/load.ts';
import { referencesOf, type Reference } from './graph/references.ts';
import { cacheFolderFor, ParseCache, recordKey, type ParsedRecord } from './load/parse-cache.ts';
import { Reporter, type KnownPlaces, type Problem, type TextFile } from './load/reporter.ts';
import { fieldsHash, inputsHash, type RuleResults } from './rules/rule-results.ts';
import { RULES } from './rules/index.ts';
import type { RuleCatalog } from './rules/rule.ts';
import { issuesToProblems } from './load/schema-issues.ts';
import { didYouMean } from './suggest.ts';
import { DATASHEET_SECTIONS, MODEL_CARD_SECTIONS, coverage } from './sections.ts';
import { parseAllYaml } from './load/yaml-pool.ts';
import { shareStrings } from './load/shared-strings.ts';
import { readYamlValue, type YamlValue } from './load/yaml-value.ts';
import type { Catalog, Entry, SourceFile } from './types.ts';

export interface BuildOptions {
  /** The config file; by default `cardcat.config.yaml` beside the content folder. `false` for none. */
  configFile?: string | false;
  /** The day to measure staleness and expiry against (YYYY-MM-DD); by default today. */
  today?: string;
  /**
   * Reuse files parsed by an earlier build (`parse-cache.ts`): `true` for the cache beside
   * the content folder, a cache folder, or a cache opened already. Off by default; the
   * commands turn it on.
   */
  cache?: boolean | string | ParseCache;
}

/** A content folder that cannot be read at all: a usage error, not a diagnostic. */
export class ContentFolderError extends Error {}

/** A content folder and its config, read: what every file of it is read against. */
export interface Setup {
  root: string;
  display: (abs: string) => string;
  configFile: string | undefined;
  loaded: LoadedConfig;
  today: string;
}

/** One entry file as read and parsed: what a catalog is assembled from. */
export interface FileState {
  abs: string;
  kind: Kind;
  display: string;
  /** Its text, when it could be read, so its problems can be placed. */
  text?: TextFile | undefined;
  /** The file, when it could be read as an entry. */
  source?: SourceFile | undefined;
  /** The entry, when its YAML passed its kind's schema. */
  entry?: Entry | undefined;
  /** Problems reading it, or of its YAML and schema, in the order found. */
  problems: Problem[];
  /** Completeness score of a dataset's or model's body. */
  score?: number | undefined;
  /** A hash of the entry's fields that rules read (`rule-results.ts`), once worked out. */
  fields?: string | undefined;
  /** The key of its parse record (`parse-cache.ts`): a hash of its kind, path and text. */
  key?: string | undefined;
}

export function buildCatalog(contentDir: string, options: BuildOptions = {}): Catalog {
  const setup = setUp(contentDir, options);
  const { files, layout } = listFiles(setup);
  const cache = openParseCache(setup, options.cache);
  const states = readFiles(setup, files, cache);
  const keys = new Map(states.map((s) => [s.display, s.key]));
  const catalog = assemble(setup, layout, states, cache?.rules, {}, cache?.places((file) => keys.get(file)));
  cache?.save();
  return catalog;
}

/** The parse cache `option` asks for (see `BuildOptions.cache`), if any. */
export function openParseCache(setup: Setup, option: BuildOptions['cache']): ParseCache | undefined {
  if (!option) return undefined;
  if (option instanceof ParseCache) return option;
  return ParseCache.open(typeof option === 'string' ? option : cacheFolderFor(setup.root));
}

/** Checks the content folder exists and reads its config. */
export function setUp(contentDir: string, options: Pick<BuildOptions, 'configFile' | 'today'> = {}): Setup {
  const root = path.resolve(contentDir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new ContentFolderError(`Content folder \`${contentDir}\` does not exist or is not a folder`);
  }
  const base = path.dirname(root);
  const display = (abs: string) => relativePath(base, abs);
  const configFile = options.configFile === false ? undefined : (options.configFile ?? findConfig(root));
  return { root, display, configFile, loaded: loadConfig(configFile, display), today: options.today ?? currentDay() };
}

/** Every entry file of the content folder, in a stable order, and the problems of its layout. */
export function listFiles(setup: Setup): { files: { abs: string; kind: Kind }[]; layout: Problem[] } {
  const layout: Problem[] = [];
  const files = listEntryFiles(setup.root, setup.display, (p) => layout.push(p));
  return { files, layout };
}

/**
 * Reads and parses `files`. A file whose stat the cache trusts (`parse-cache.ts`) is not
 * read: its record stands for it, and its text is read if something asks for it. A file
 * whose record is in `cache` (same kind, path and text) is not parsed again; the others
 * are parsed together, on every core.
 */
export function readFiles(setup: Setup, files: readonly { abs: string; kind: Kind }[], cache?: ParseCache | undefined): FileState[] {
  const options = { maxFileBytes: setup.loaded.config.max_file_bytes };
  const states: FileState[] = [];
  const misses: { state: FileState; source: SourceFile; key: string | undefined }[] = [];
  for (const { abs, kind } of files) {
    const known = cache?.known(setup.root, abs, kind, options.maxFileBytes);
    if (known) {
      const display = setup.display(abs);
      const deferred = deferredEntryFile(abs, kind, setup.root, display, known, options, (text) => recordKey({ kind, file: display, text }) === known.key);
      const source = deferred.source;
      const state: FileState = { abs, kind, display, text: source, source, problems: [], key: known.key };
      applyRecord(state, source, cache!.get(known.key, () => dataOf(source))!, deferred.entry);
      states.push(state);
      continue;
    }
    let stats: Stats | undefined;
    const state = readFile(setup, abs, kind, cache && ((s) => (stats = s)));
    states.push(state);
    const source = state.source;
    if (!source) continue;
    const key = cache ? recordKey(source) : undefined;
    const record = key === undefined ? undefined : cache!.get(key, () => dataOf(source));
    state.key = key;
    if (key !== undefined && stats) cache!.stamp(setup.root, abs, kind, stats, { key, yamlOffset: source.yamlOffset, bodyLine: source.bodyLine });
    if (record) applyRecord(state, source, record);
    else misses.push({ state, source, key });
  }
  // Completeness reads only bodies, so it is scored while the YAML workers finish.
  const scores: (number | undefined)[] = [];
  const parsed = parseAllYaml(
    misses.map((m) => m.source.yamlText),
    { meanwhile: () => misses.forEach((m, i) => (scores[i] = scoreOf(m.source))) },
  );
  shareStrings(parsed.map((p) => p.value));
  misses.forEach(({ state, source, key }, i) => {
    const record = parseRecord(source, parsed[i]!, scores[i]);
    if (key !== undefined) {
      // Stored with the record, so a later run need not hash the fields again.
      if (record.data !== undefined) record.fields = fieldsHash(record.data);
      cache!.set(key, record);
    }
    applyRecord(state, source, record);
  });
  return states;
}

/** Reads one file; its problems (an unreadable file, a bad name) go into its state. */
function readFile(setup: Setup, abs: string, kind: Kind, stamp?: (stats: Stats) => void): FileState {
  const display = setup.display(abs);
  const reporter = new Reporter();
  const source = readEntryFile(abs, kind, setup.root, display, reporter, { maxFileBytes: setup.loaded.config.max_file_bytes, stamp });
  return { abs, kind, display, text: reporter.textOf(display), source, problems: reporter.problems };
}

/** The data of a file whose cached record lost it (its data file damaged): its YAML parsed again. */
function dataOf(source: SourceFile): object | undefined {
  return parseRecord(source, readYamlValue(source.yamlText), undefined).data;
}

function scoreOf(source: SourceFile): number | undefined {
  if (source.kind === 'dataset') return coverage(source.body, DATASHEET_SECTIONS).score;
  if (source.kind === 'model') return coverage(source.body, MODEL_CARD_SECTIONS).score;
  return undefined;
}

/** A file's YAML value checked against its kind's schema. */
function parseRecord(source: SourceFile, parsed: YamlValue, score: number | undefined): ParsedRecord {
  const reporter = new Reporter();
  const record: ParsedRecord = { problems: reporter.problems };
  if (score !== undefined) record.score = score;
  const value = entryValue(source, parsed, reporter);
  if (value === undefined) return record;
  const schema = KINDS[source.kind].schema;
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) record.data = result.data;
  else reporter.problems.push(...issuesToProblems(result.error.issues, schema, source.file));
  return record;
}

/** Puts what parsing gave into `state`; `entryOf` makes the entry of a file whose text is read when asked for. */
function applyRecord(state: FileState, source: SourceFile, record: ParsedRecord, entryOf?: (data: () => unknown) => SourceFile & { data: unknown }): void {
  state.problems = [...state.problems, ...record.problems];
  // `in`, not a read: the data of a record from the cache is parsed when first read.
  if (!('data' in record)) return;
  const read = Object.getOwnPropertyDescriptor(record, 'data')?.get;
  if (entryOf) state.entry = entryOf(read ?? (() => record.data)) as Entry;
  else if (read) {
    const entry = { ...source } as Entry;
    Object.defineProperty(entry, 'data', { enumerable: true, get: read });
    state.entry = entry;
  } else {
    state.entry = { ...source, data: record.data } as Entry;
  }
  // Scores are kept for entries only, as the completeness rule and the pages read them.
  if (record.score !== undefined) state.score = record.score;
  if (record.fields !== undefined) state.fields = record.fields;
}

/**
 * The catalog of files already read: references, the graph and the rules. With `results`,
 * a rule whose inputs did not change since it last ran reports what it reported then, and
 * the graph is built only when something reads it; with `places`, problems are placed
 * where they were placed before in the same text.
 */
export function assemble(
  setup: Setup,
  layout: readonly Problem[],
  states: readonly FileState[],
  results?: RuleResults | undefined,
  shared: GraphCell = {},
  places?: KnownPlaces | undefined,
): Catalog {
  const { root, display, configFile, loaded } = setup;
  const config = loaded.config;
  const reporter = new Reporter(places);
  if (loaded.file) {
    const { abs, text } = loaded.file;
    reporter.addFile(display(abs), { text, yamlOffset: 0, yamlText: text });
  }
  for (const problem of loaded.problems) reporter.add(problem);
  for (const problem of layout) reporter.add(problem);

  const files = new Map<string, SourceFile>();
  const entries: Entry[] = [];
  const completeness = new Map<string, number>();
  for (const state of states) {
    if (state.text) reporter.addFile(state.display, state.text);
    for (const problem of state.problems) reporter.add(problem);
    if (state.source) files.set(state.source.file, state.source);
    if (state.entry) entries.push(state.entry);
  }

  entries.sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byId = new Map<string, Entry>();
  for (const entry of entries) if (!byId.has(entry.id)) byId.set(entry.id, entry);
  const scores = new Map<Entry, number>();
  for (const state of states) if (state.entry && state.score !== undefined) scores.set(state.entry, state.score);
  for (const entry of entries) {
    const score = scores.get(entry);
    if (score !== undefined) completeness.set(entry.id, score);
  }

  const catalog: RuleCatalog = {
    root,
    config,
    entries,
    byId,
    files,
    // Built on first read: a run whose rules are all reused never needs it.
    get graph() {
      return (shared.graph ??= graphOf(byId));
    },
    completeness,
    today: setup.today,
  };
  const inputs = results && inputsOf(setup, states);
  const perEntry = results && entryInputs(setup, states, entries);
  for (const rule of RULES) {
    const severity = config.rules[rule.id] ?? rule.severity;
    if (severity === 'off') continue;
    const run = (view: RuleCatalog): Problem[] => {
      const found: Problem[] = [];
      rule.check({
        catalog: view,
        report: (p) =>
          found.push({
            file: p.entry.file,
            at: p.line !== undefined ? { line: p.line, column: 1 } : p.path ? { path: p.path, key: p.key ?? false } : undefined,
            severity,
            rule: rule.id,
            message: p.message,
            hint: p.hint,
            related: p.related?.map((r) => ({ file: r.entry.file, at: r.path ? { path: r.path } : undefined, message: r.message })),
          }),
      });
      return found;
    };
    if (rule.reads === 'entry' && perEntry) {
      // Entry by entry: the rule runs over the entries whose inputs changed, and what it
      // reports (in each entry's own file) is put back in the order of a whole run.
      const keyOf = (entry: Entry) => `${rule.id}\0${entry.file}`;
      const kept = new Map<Entry, readonly Problem[]>();
      for (const entry of entries) {
        const problems = perEntry.get(entry) === undefined ? undefined : results!.get(keyOf(entry), perEntry.get(entry)!);
        if (problems) kept.set(entry, problems);
      }
      const found = Map.groupBy(run(Object.create(catalog, { entries: { value: entries.filter((e) => !kept.has(e)) } }) as RuleCatalog), (p) => p.file);
      for (const entry of entries) {
        const problems = kept.get(entry) ?? found.get(entry.file) ?? [];
        for (const problem of problems) reporter.add(problem);
        const entryInputs = perEntry.get(entry);
        if (!kept.has(entry) && entryInputs !== undefined) results!.set(keyOf(entry), entryInputs, problems);
      }
      continue;
    }
    const reusable = inputs !== undefined && rule.reads !== 'bodies' && rule.reads !== 'entry';
    const kept = reusable ? results!.get(rule.id, inputs) : undefined;
    const found = kept ?? run(catalog);
    for (const problem of found) reporter.add(problem);
    if (reusable && !kept) results!.set(rule.id, inputs, found);
  }
  for (const id of Object.keys(config.rules)) {
    if (!RULES.some((r) => r.id === id) && configFile) {
      reporter.add({
        file: display(configFile),
        at: { path: ['rules', id], key: true },
        severity: 'error',
        rule: 'config',
        message: `Unknown rule \`${id}\``,
        hint: didYouMean(id, RULES.map((r) => r.id)) ?? `Rules: ${RULES.map((r) => `\`${r.id}\``).join(', ')}.`,
      });
    }
  }

  // Assigned rather than spread, so the graph stays built on first read.
  return Object.assign(catalog, { diagnostics: reporter.diagnostics() });
}

/**
 * Where a catalog keeps its graph once built. Catalogs assembled from entries with the same
 * ids, kinds and references may share one (`IncrementalCatalog`, after an edit that
 * `sameEdges` says leaves the graph as it was): at 10,000 entries a graph takes 0.15 s.
 */
export interface GraphCell {
  graph?: Graph;
}

/**
 * Whether `after`, in place of `before`, leaves the graph as it was: the same id and kind,
 * and the same references in the same order as far as the graph reads them (relation,
 * target and version; not where in the file they are written).
 */
export function sameEdges(before: Entry, after: Entry): boolean {
  if (before.id !== after.id || before.kind !== after.kind) return false;
  const a = referencesOf(before);
  const b = referencesOf(after);
  return a.length === b.length && a.every((r, i) => r.type === b[i]!.type && r.to === b[i]!.to && r.version === b[i]!.version);
}

function graphOf(byId: ReadonlyMap<string, Entry>): Graph {
  const kinds = new Map<string, Kind>([...byId.values()].map((e) => [e.id, e.kind]));
  const references: [string, Reference][] = [];
  for (const entry of byId.values()) for (const ref of referencesOf(entry)) references.push([entry.id, ref]);
  return new Graph(kinds, references);
}

/**
 * What a rule that reads one entry at a time reads of each: its text (fields, body and
 * so score), with the config and the day. None for an entry whose id another shares, as
 * completeness scores are looked up by id.
 */
function entryInputs(setup: Setup, states: readonly FileState[], entries: readonly Entry[]): Map<Entry, string | undefined> {
  const common = `${hash('sha1', JSON.stringify(setup.loaded.config), 'base64')}\0${setup.today}\0${setup.root}`;
  const ids = new Map<string, number>();
  for (const entry of entries) ids.set(entry.id, (ids.get(entry.id) ?? 0) + 1);
  const out = new Map<Entry, string | undefined>();
  for (const state of states) {
    if (!state.entry) continue;
    state.key ??= recordKey(state.entry);
    out.set(state.entry, ids.get(state.entry.id) === 1 ? `${state.key}\0${common}` : undefined);
  }
  return out;
}

/** The hash of what rules reading fields read (`rule-results.ts`); entries' field hashes are kept in their states. */
function inputsOf(setup: Setup, states: readonly FileState[]): string {
  const files: { file: string; kind: string; id: string; fields: string | undefined }[] = [];
  for (const state of states) {
    if (!state.source) continue;
    if (state.entry && state.fields === undefined) state.fields = fieldsHash(state.entry.data);
    files.push({ file: state.source.file, kind: state.kind, id: state.source.id, fields: state.entry ? state.fields : undefined });
  }
  return inputsHash({ root: setup.root, config: setup.loaded.config, today: setup.today, files });
}

const KIND_ORDER = Object.keys(KINDS);
const kindOrder = (kind: Kind) => KIND_ORDER.indexOf(kind);
