/**
 * A catalog held in memory and kept up to date file by file, for a server that watches the
 * content folder. A changed file is read and parsed alone; the rules whose inputs it
 * changed then run again over the files already held (`rule-results.ts`: an edit to a
 * title or to prose reruns only the rules reading bodies), and the graph is built again
 * when something reads it, without walking the folder or parsing any other file. What a single file cannot account for (a changed config, a
 * folder added or removed, a file outside a kind's folder) reads the folder again, reusing
 * the parse cache. After every change it says exactly what `buildCatalog` would.
 */
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { kindOfFolder, type Kind } from '../../schemas/index.ts';
import { assemble, listFiles, openParseCache, readFiles, sameEdges, setUp, type BuildOptions, type FileState, type GraphCell, type Setup } from './catalog.ts';
import { findConfig } from './load/config.ts';
import { today as currentDay } from './dates.ts';
import type { Problem } from './load/reporter.ts';
import type { ParseCache } from './load/parse-cache.ts';
import { MemoryRuleResults, type RuleResults } from './rules/rule-results.ts';
import type { Catalog } from './types.ts';

const ENTRY_FILE = /\.(md|ya?ml)$/i;

export class IncrementalCatalog {
  readonly #dir: string;
  readonly #options: BuildOptions;
  #setup!: Setup;
  #layout: Problem[] = [];
  /** Every entry file read, by absolute path, in the order the folder walk gives. */
  #files = new Map<string, FileState>();
  #sorted = true;
  #catalog: Catalog | undefined;
  /**
   * Results of the last run of each rule: an edit no rule reads runs none of them again.
   * Those of the parse cache when there is one, so a server started on an unchanged
   * catalog runs no rule at all.
   */
  #rules: RuleResults = new MemoryRuleResults();
  /** The parse cache read by the last `reload`, written once the rules have run. */
  #unsaved: ParseCache | undefined;
  /**
   * The graph of the last catalog, kept while edits leave every id, kind and reference as
   * it was (an edit to a title, a description or prose): the next catalog reads it
   * rather than building the graph again.
   */
  #graph: GraphCell = {};

  /** Reads `contentDir` whole, as `buildCatalog` does with the same options. */
  constructor(contentDir: string, options: BuildOptions = {}) {
    this.#dir = contentDir;
    this.#options = options;
    this.reload();
  }

  /** The catalog as the files are now; assembled on first read after a change. */
  get catalog(): Catalog {
    if (!this.#catalog) {
      if (!this.#sorted) this.#sort();
      // A server runs for days: without a fixed day, staleness is measured against today.
      const setup = this.#options.today ? this.#setup : { ...this.#setup, today: currentDay() };
      this.#catalog = assemble(setup, this.#layout, [...this.#files.values()], this.#rules, this.#graph);
      this.#unsaved?.save();
      this.#unsaved = undefined;
    }
    return this.#catalog;
  }

  /** Walks the content folder and reads its config again, parsing only files the cache lacks. */
  reload(): void {
    this.#setup = setUp(this.#dir, this.#options);
    const { files, layout } = listFiles(this.#setup);
    const cache = openParseCache(this.#setup, this.#options.cache);
    const states = readFiles(this.#setup, files, cache);
    this.#unsaved = cache;
    this.#rules = cache?.rules ?? new MemoryRuleResults();
    this.#layout = layout;
    this.#files = new Map(states.map((s) => [s.abs, s]));
    this.#sorted = true;
    this.#catalog = undefined;
    this.#graph = {};
  }

  /** `file` (absolute) was added or changed. */
  update(file: string): void {
    const abs = path.resolve(file);
    const place = this.#place(abs);
    if (place === 'ignored') return;
    if (place === 'folder') return this.reload();
    let stats;
    try {
      stats = lstatSync(abs);
    } catch {
      return this.remove(abs);
    }
    // A link, a folder or a device is for the folder walk to judge.
    if (!stats.isFile()) return this.reload();
    const [state] = readFiles(this.#setup, [{ abs, kind: place }]);
    const before = this.#files.get(abs)?.entry;
    if (!this.#files.has(abs)) this.#sorted = false;
    if (!before || !state!.entry || !sameEdges(before, state!.entry)) this.#graph = {};
    this.#files.set(abs, state!);
    this.#rereadNamesakes(abs);
    this.#catalog = undefined;
  }

  /** `file` (absolute) was deleted, or renamed away. */
  remove(file: string): void {
    const abs = path.resolve(file);
    const place = this.#place(abs);
    if (place === 'ignored') return;
    if (place === 'folder' || !this.#files.has(abs)) return this.reload();
    this.#files.delete(abs);
    this.#graph = {};
    this.#rereadNamesakes(abs);
    this.#catalog = undefined;
  }

  /**
   * Where a path sits: an entry file of a kind, a change only a walk can judge (the config,
   * a folder, a file at the top or of another type), or something the walk skips.
   */
  #place(abs: string): Kind | 'folder' | 'ignored' {
    if (abs === this.#setup.configFile || abs === findConfig(this.#setup.root)) return 'folder';
    const relative = path.relative(this.#setup.root, abs);
    if (relative === '') return 'folder';
    if (relative.startsWith('..') || path.isAbsolute(relative)) return 'ignored';
    const segments = relative.split(path.sep);
    // The walk skips names starting with a dot: editors' swap and backup files among them.
    if (segments.some((s) => s.startsWith('.'))) return 'ignored';
    const kind = kindOfFolder.get(segments[0]!);
    if (!kind || segments.length < 2 || !ENTRY_FILE.test(abs)) return 'folder';
    return kind;
  }

  /**
   * A badly named file's hint says whether its lowercase name is taken (`load.ts`), so the
   * badly named files beside one that came or went are read again.
   */
  #rereadNamesakes(abs: string): void {
    const folder = path.dirname(abs);
    for (const state of this.#files.values()) {
      if (state.abs === abs || path.dirname(state.abs) !== folder || !state.problems.some((p) => p.rule === 'id')) continue;
      this.#files.set(state.abs, readFiles(this.#setup, [{ abs: state.abs, kind: state.kind }])[0]!);
      this.#graph = {};
    }
  }

  /** Back into the order of the folder walk: by path, one folder level at a time. */
  #sort(): void {
    const keyed = [...this.#files.values()].map((state) => ({ state, segments: path.relative(this.#setup.root, state.abs).split(path.sep) }));
    keyed.sort((a, b) => {
      const n = Math.min(a.segments.length, b.segments.length);
      for (let i = 0; i < n; i++) {
        const x = a.segments[i]!;
        const y = b.segments[i]!;
        if (x !== y) return x < y ? -1 : 1;
      }
      return a.segments.length - b.segments.length;
    });
    this.#files = new Map(keyed.map(({ state }) => [state.abs, state]));
    this.#sorted = true;
  }
}
