/**
 * A persistent cache of parsed entry files, so a command run after editing one file of a
 * large catalog parses that file alone. Each file's record (its schema-checked data, the
 * problems its YAML and schema had, its completeness score) is stored under a hash of
 * what it was computed from: the file's kind, display path and text. A record is reused
 * only when all three are unchanged, so a stale record can never be read.
 *
 * The whole cache is also bound to the Cardcat that wrote it (`cardcatVersion`): a record
 * parsed by other schemas or another parser is never trusted. The cache lives in
 * `.cache/cardcat/` beside the content folder, may be deleted at any time, and a file
 * that cannot be read back whole (truncated, corrupt, from another version) is ignored.
 */
import { createHash, hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { Problem } from './reporter.ts';
import type { RuleResults } from './rule-results.ts';
import { replaceFile } from './safe-write.ts';
import type { SourceFile } from './types.ts';

/** What parsing one file gave: its data when it passed its schema, and its problems. */
export interface ParsedRecord {
  /** The schema's output, when the file passed it. */
  data?: object;
  /** Problems of its YAML and schema, in the order they were found. */
  problems: Problem[];
  /** Completeness score of a dataset's or model's body. */
  score?: number;
  /** A hash of the fields rules read (`rule-results.ts`), when it passed its schema. */
  fields?: string;
}

/** A rule's problems and the hash of the inputs it found them in. */
interface RuleRecord {
  inputs: string;
  problems: readonly Problem[];
}

/** Bumped when the layout of the cache file itself changes. */
const FORMAT = 'cardcat-parse-cache/2';

/** The key a file's record is stored under: everything its parse depends on. */
export function recordKey(source: Pick<SourceFile, 'kind' | 'file' | 'text'>): string {
  return hash('sha1', `${source.kind}\0${source.file}\0${source.text}`, 'base64');
}

let version: string | undefined;

/**
 * Cardcat's own version, as far as parsing can tell: the package version, and a hash of
 * its schemas and core (`schemas/`, `src/lib/`) and of the lock file that pins its parser
 * and Zod. A development checkout whose code changed but whose package version did not
 * gets another version this way, so a cache written before an edit to a schema is never
 * read after it. Undefined when the sources cannot be found (a bundled copy): then
 * nothing is cached.
 */
export function cardcatVersion(): string | undefined {
  if (version !== undefined) return version || undefined;
  const root = packageRoot();
  version = root ? versionOf(root) : '';
  return version || undefined;
}

/** The hash `cardcatVersion` gives for the checkout at `root`. */
export function versionOf(root: string): string {
  const digest = createHash('sha1');
  const add = (file: string) => {
    digest.update(path.relative(root, file));
    digest.update('\0');
    digest.update(readFileSync(file));
    digest.update('\0');
  };
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const item of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const abs = path.join(dir, item.name);
      if (item.isDirectory()) walk(abs);
      else if (item.name.endsWith('.ts')) add(abs);
    }
  };
  for (const file of ['package.json', 'package-lock.json']) if (existsSync(path.join(root, file))) add(path.join(root, file));
  walk(path.join(root, 'schemas'));
  walk(path.join(root, 'src', 'lib'));
  return digest.digest('base64');
}

/** The Cardcat checkout this module belongs to: the first folder up holding its package.json. */
function packageRoot(): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && existsSync(path.join(dir, 'src', 'lib', 'parse-cache.ts'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Where the cache of a content folder lives: `.cache/cardcat/` beside it (in its parent). */
export function cacheFileFor(contentRoot: string): string {
  const root = path.resolve(contentRoot);
  // Two content folders may share a parent; the name keeps their caches apart.
  const tag = hash('sha1', root, 'hex').slice(0, 12);
  return path.join(path.dirname(root), '.cache', 'cardcat', `parsed-${path.basename(root)}-${tag}.bin`);
}

/**
 * Records loaded from one cache file, and the records a build used, which are what is
 * written back: a record of a file that was deleted or changed is dropped with it. The
 * results of rules (`rule-results.ts`) are kept beside them, the latest per rule.
 */
export class ParseCache {
  readonly file: string;
  readonly #version: string;
  readonly #loaded: Map<string, ParsedRecord>;
  readonly #used = new Map<string, ParsedRecord>();
  readonly #rules: Map<string, RuleRecord>;
  #added = 0;
  #rulesChanged = false;

  private constructor(file: string, version: string, loaded: Contents) {
    this.file = file;
    this.#version = version;
    this.#loaded = loaded.records;
    this.#rules = loaded.rules;
  }

  /** The cache at `file`, or an empty one when there is none or it cannot be trusted. */
  static open(file: string, version = cardcatVersion()): ParseCache | undefined {
    if (version === undefined) return undefined;
    return new ParseCache(file, version, readCache(file, version));
  }

  /** The results of rules kept with the records, the latest per rule. */
  readonly rules: RuleResults = {
    get: (rule, inputs) => {
      const kept = this.#rules.get(rule);
      return kept?.inputs === inputs ? kept.problems : undefined;
    },
    set: (rule, inputs, problems) => {
      this.#rules.set(rule, { inputs, problems });
      this.#rulesChanged = true;
    },
  };

  /** The record stored under `key`, if any; remembered as used. */
  get(key: string): ParsedRecord | undefined {
    const record = this.#loaded.get(key);
    if (record) this.#used.set(key, record);
    return record;
  }

  set(key: string, record: ParsedRecord): void {
    this.#used.set(key, record);
    this.#added++;
  }

  /** How many records were read from disk, and how many were parsed afresh since. */
  get stats(): { loaded: number; used: number; added: number } {
    return { loaded: this.#loaded.size, used: this.#used.size, added: this.#added };
  }

  /**
   * Writes the records used since `open`, when they differ from those read. Atomic (a
   * temporary file renamed into place), so a reader sees the old cache or the new one.
   * A cache that cannot be written costs speed, never the command: errors are ignored.
   */
  save(): void {
    const unchanged = this.#added === 0 && this.#used.size === this.#loaded.size && !this.#rulesChanged;
    if (unchanged) return;
    try {
      replaceFile(this.file, encode(this.#version, { records: this.#used, rules: this.#rules }));
    } catch {
      // A read-only checkout or a full disk: the next run parses again.
    }
  }
}

/*
 * The file: one JSON header line (format, version, length and hash of the payload), then
 * the records serialized by V8. The hash is checked before the payload is read, so a
 * truncated or damaged file is recognised as such instead of being half-read.
 */
interface Contents {
  records: Map<string, ParsedRecord>;
  rules: Map<string, RuleRecord>;
}

const empty = (): Contents => ({ records: new Map(), rules: new Map() });

function encode(version: string, contents: Contents): Buffer {
  const payload = serialize(contents);
  const header = JSON.stringify({ format: FORMAT, version, bytes: payload.length, sha1: hash('sha1', payload, 'base64') });
  return Buffer.concat([Buffer.from(`${header}\n`), payload]);
}

function readCache(file: string, version: string): Contents {
  try {
    if (!statSync(file).isFile()) return empty();
    const bytes = readFileSync(file);
    const newline = bytes.indexOf(10);
    if (newline < 0 || newline > 1000) return empty();
    const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as Record<string, unknown>;
    if (header['format'] !== FORMAT || header['version'] !== version) return empty();
    const payload = bytes.subarray(newline + 1);
    if (header['bytes'] !== payload.length || header['sha1'] !== hash('sha1', payload, 'base64')) return empty();
    const contents = deserialize(payload) as Partial<Contents> | null;
    const { records, rules } = contents ?? {};
    if (!(records instanceof Map) || !(rules instanceof Map)) return empty();
    for (const record of records.values()) if (!isRecord(record)) return empty();
    for (const rule of rules.values()) if (!isRuleRecord(rule)) return empty();
    return { records, rules };
  } catch {
    // Missing, unreadable or corrupt: start empty, exactly as with no cache at all.
    return empty();
  }
}

function isRecord(value: unknown): value is ParsedRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<ParsedRecord>;
  return (
    Array.isArray(record.problems) &&
    (record.data === undefined || typeof record.data === 'object') &&
    (record.score === undefined || typeof record.score === 'number') &&
    (record.fields === undefined || typeof record.fields === 'string')
  );
}

function isRuleRecord(value: unknown): value is RuleRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<RuleRecord>;
  return typeof record.inputs === 'string' && Array.isArray(record.problems);
}
