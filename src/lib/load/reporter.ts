/**
 * Collects problems as they are found, each pointing at a YAML path or an offset, and turns
 * them into diagnostics with line and column at the end. Positions are resolved only for
 * files that have problems, so a clean catalog never pays for them.
 */
import { lineStarts, positionAt, type Position } from './position.ts';
import { offsetOf, parseYaml, type ParsedYaml, type PathKey } from './yaml.ts';
import type { Diagnostic, Severity } from '../types.ts';

/** What the reporter needs of a file to place a problem in it. */
export interface TextFile {
  text: string;
  yamlOffset: number;
  yamlText: string;
}

/** Where in a file: a YAML path (`key` to point at the key itself), an offset, or line 1. */
export type Place = { path: readonly PathKey[]; key?: boolean } | { offset: number } | Position | undefined;

export interface Problem {
  file: string;
  at?: Place;
  severity: Severity;
  rule: string;
  message: string;
  hint?: string | undefined;
  related?: { file: string; at?: Place; message: string }[] | undefined;
}

// Where each YAML path of a file's text was found, by the text as read: a catalog assembled
// again after one edit (the dev server's) places the problems of every other file without
// parsing its YAML again, with or without a parse cache. Positions only, never documents.
const placed = new WeakMap<TextFile, Map<string, Position>>();

/**
 * Where YAML paths of a file were found before: a parse cache keeps them from one run to
 * the next (`parse-cache.ts`), as finding one parses the file again, keeping positions.
 */
export interface KnownPlaces {
  get(file: string, path: readonly PathKey[], key: boolean): Position | undefined;
  set(file: string, path: readonly PathKey[], key: boolean, position: Position): void;
}

export class Reporter {
  readonly problems: Problem[] = [];
  readonly #places: KnownPlaces | undefined;
  private readonly files = new Map<string, TextFile>();
  // Documents parsed again for files with problems pointed at a key: a parsed document with
  // source ranges weighs many times its text, so catalogs keep values, not documents, and
  // only files with such problems pay for a second parse.
  private readonly docs = new Map<string, ParsedYaml>();
  private readonly starts = new Map<string, number[]>();

  constructor(places?: KnownPlaces) {
    this.#places = places;
  }

  add(problem: Problem): void {
    this.problems.push(problem);
  }

  /** Make a file's text known, so problems in it get a line and column. */
  addFile(file: string, text: TextFile): void {
    this.files.set(file, text);
  }

  /** The text made known for `file`, if any. */
  textOf(file: string): TextFile | undefined {
    return this.files.get(file);
  }

  position(file: string, at: Place): Position {
    if (!at) return { line: 1, column: 1 };
    if ('line' in at) return at;
    const source = this.files.get(file);
    if (!source) return { line: 1, column: 1 };
    if ('offset' in at) return positionAt(this.#starts(file, source), at.offset);
    const key = at.key === true;
    let known = placed.get(source);
    if (!known) placed.set(source, (known = new Map()));
    const place = `${key}\0${JSON.stringify(at.path)}`;
    let position = known.get(place) ?? this.#places?.get(file, at.path, key);
    if (!position) {
      let parsed = this.docs.get(file);
      if (!parsed) this.docs.set(file, (parsed = parseYaml(source.yamlText)));
      position = positionAt(this.#starts(file, source), source.yamlOffset + offsetOf(parsed.doc, at.path, key));
      this.#places?.set(file, at.path, key, position);
    }
    known.set(place, position);
    return { ...position };
  }

  #starts(file: string, source: TextFile): number[] {
    let starts = this.starts.get(file);
    if (!starts) this.starts.set(file, (starts = lineStarts(source.text)));
    return starts;
  }

  /** Diagnostics sorted by file and position, with rules' severities already applied. */
  diagnostics(): Diagnostic[] {
    const out = this.problems.map((p): Diagnostic => {
      const d: Diagnostic = {
        file: p.file,
        ...this.position(p.file, p.at),
        severity: p.severity,
        rule: p.rule,
        message: p.message,
      };
      if (p.hint) d.hint = p.hint;
      if (p.related?.length) {
        d.related = p.related.map((r) => ({ file: r.file, ...this.position(r.file, r.at), message: r.message }));
      }
      return d;
    });
    return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  }
}
