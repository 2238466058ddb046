/** The shapes every consumer of the core shares: entries, diagnostics, the catalog. */
import type { Kind, KindData } from '../../schemas/index.ts';
import type { Config } from '../../schemas/config.ts';
import type { Graph } from './graph/graph.ts';
import type { PathKey } from './load/yaml.ts';

export type { Kind, KindData, Config, PathKey };

export type Severity = 'error' | 'warning';

/** A problem at a place: the unit of every report, CLI or site. */
export interface Diagnostic {
  /** Path relative to the content folder's parent, with forward slashes: `content/datasets/x.md`. */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  rule: string;
  message: string;
  hint?: string;
  /** Other places that matter: the first definition of a duplicate, the upstream entry. */
  related?: { file: string; line: number; column: number; message: string }[];
}

/** One file that was read, before or without a valid schema. */
export interface SourceFile {
  /** Display path, as in Diagnostic.file. */
  file: string;
  /** Path relative to the content folder: `datasets/x.md`. */
  path: string;
  absPath: string;
  kind: Kind;
  id: string;
  text: string;
  /** Where the YAML starts in `text` (after `---` for Markdown). */
  yamlOffset: number;
  yamlText: string;
  /** Markdown body, empty for YAML files. */
  body: string;
  /** 1-based line on which the body starts. */
  bodyLine: number;
}

/** A file whose front matter passed its kind's schema. */
export type Entry<K extends Kind = Kind> = {
  [P in K]: SourceFile & { kind: P; data: KindData[P] };
}[K];

export interface Catalog {
  /** The content folder, absolute. */
  root: string;
  config: Config;
  /** Valid entries in a stable order (kind, then id). */
  entries: Entry[];
  byId: ReadonlyMap<string, Entry>;
  /** Every file read, valid or not, by display path: for code frames and position lookups. */
  files: ReadonlyMap<string, SourceFile>;
  graph: Graph;
  diagnostics: Diagnostic[];
  /** Completeness score per entry id, 0 to 1, for datasets and models. */
  completeness: ReadonlyMap<string, number>;
  /** The day rules measured staleness and expiry against, YYYY-MM-DD. */
  today: string;
}
