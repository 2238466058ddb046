/**
 * The one entry point: files → load → schema → graph → rules → a Catalog. The CLI, the
 * site and the tests all build their catalog here, so they validate identically.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { KINDS, type Kind } from '../../schemas/index.ts';
import { findConfig, loadConfig } from './config.ts';
import { today as currentDay } from './dates.ts';
import { Graph } from './graph.ts';
import { entryValue, listEntryFiles, readEntryFile } from './load.ts';
import { referencesOf, type Reference } from './references.ts';
import { Reporter } from './reporter.ts';
import { RULES } from './rules/index.ts';
import type { RuleCatalog } from './rules/rule.ts';
import { issuesToProblems } from './schema-issues.ts';
import { didYouMean } from './suggest.ts';
import { DATASHEET_SECTIONS, MODEL_CARD_SECTIONS, coverage } from './sections.ts';
import { parseAllYaml } from './yaml-pool.ts';
import type { Catalog, Entry, SourceFile } from './types.ts';

export interface BuildOptions {
  /** The config file; by default `cardcat.config.yaml` beside the content folder. `false` for none. */
  configFile?: string | false;
  /** The day to measure staleness and expiry against (YYYY-MM-DD); by default today. */
  today?: string;
}

/** A content folder that cannot be read at all: a usage error, not a diagnostic. */
export class ContentFolderError extends Error {}

export function buildCatalog(contentDir: string, options: BuildOptions = {}): Catalog {
  const root = path.resolve(contentDir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new ContentFolderError(`Content folder \`${contentDir}\` does not exist or is not a folder`);
  }
  const base = path.dirname(root);
  const display = (abs: string) => path.relative(base, abs).split(path.sep).join('/');

  const files = new Map<string, SourceFile>();
  const reporter = new Reporter();
  const configFile = options.configFile === false ? undefined : (options.configFile ?? findConfig(root));
  const loaded = loadConfig(configFile, display);
  const config = loaded.config;
  if (loaded.file) {
    const { abs, text } = loaded.file;
    reporter.addFile(display(abs), { text, yamlOffset: 0, yamlText: text });
  }
  for (const problem of loaded.problems) reporter.add(problem);

  const sources: SourceFile[] = [];
  for (const { abs, kind } of listEntryFiles(root, display, (p) => reporter.add(p))) {
    const source = readEntryFile(abs, kind, root, display(abs), reporter, { maxFileBytes: config.max_file_bytes });
    if (source) sources.push(source);
  }
  // Completeness reads only bodies, so it is scored while the YAML workers finish; it is
  // kept below for the files that become entries.
  const scores = new Map<string, number>();
  const parsed = parseAllYaml(
    sources.map((source) => source.yamlText),
    {
      meanwhile() {
        for (const { kind, file, body } of sources) {
          if (kind === 'dataset') scores.set(file, coverage(body, DATASHEET_SECTIONS).score);
          if (kind === 'model') scores.set(file, coverage(body, MODEL_CARD_SECTIONS).score);
        }
      },
    },
  );

  const entries: Entry[] = [];
  sources.forEach((source, i) => {
    files.set(source.file, source);
    const value = entryValue(source, parsed[i]!, reporter);
    if (value === undefined) return;
    const schema = KINDS[source.kind].schema;
    const result = schema.safeParse(value, { reportInput: true });
    if (result.success) entries.push({ ...source, data: result.data } as Entry);
    else for (const problem of issuesToProblems(result.error.issues, schema, source.file)) reporter.add(problem);
  });

  entries.sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byId = new Map<string, Entry>();
  for (const entry of entries) if (!byId.has(entry.id)) byId.set(entry.id, entry);

  const kinds = new Map<string, Kind>([...byId.values()].map((e) => [e.id, e.kind]));
  const references: [string, Reference][] = [];
  for (const entry of byId.values()) for (const ref of referencesOf(entry)) references.push([entry.id, ref]);
  const graph = new Graph(kinds, references);

  const completeness = new Map<string, number>();
  for (const entry of entries) {
    const score = scores.get(entry.file);
    if (score !== undefined) completeness.set(entry.id, score);
  }

  const catalog: RuleCatalog = { root, config, entries, byId, files, graph, completeness, today: options.today ?? currentDay() };
  for (const rule of RULES) {
    const severity = config.rules[rule.id] ?? rule.severity;
    if (severity === 'off') continue;
    rule.check({
      catalog,
      report: (p) =>
        reporter.add({
          file: p.entry.file,
          at: p.line !== undefined ? { line: p.line, column: 1 } : p.path ? { path: p.path, key: p.key ?? false } : undefined,
          severity,
          rule: rule.id,
          message: p.message,
          hint: p.hint,
          related: p.related?.map((r) => ({ file: r.entry.file, at: r.path ? { path: r.path } : undefined, message: r.message })),
        }),
    });
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

  return { ...catalog, diagnostics: reporter.diagnostics() };
}

const KIND_ORDER = Object.keys(KINDS);
const kindOrder = (kind: Kind) => KIND_ORDER.indexOf(kind);
