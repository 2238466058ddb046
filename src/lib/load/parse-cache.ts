/**
 * A persistent cache of parsed entry files, so a command run after editing one file of a
 * large catalog parses that file alone. Each file's record (its schema-checked data, the
 * problems its YAML and schema had, its completeness score) is stored under a hash of
 * what it was computed from: the file's kind, display path and text. A record is reused
 * only when all three are unchanged, so a stale record can never be read.
 *
 * The whole cache is also bound to the Cardcat that wrote it (`cardcatVersion`): a record
 * parsed by other schemas or another parser is never trusted. The cache lives in a
 * folder of `.cache/cardcat/` beside the content folder, may be deleted at any time, and
 * a file of it that cannot be read back whole (truncated, corrupt, from another version)
 * is ignored.
 */
import { createHash, hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { Problem } from './reporter.ts';
import type { RuleResults } from '../rules/rule-results.ts';
import { replaceFile } from '../safe-write.ts';
import type { SourceFile } from '../types.ts';

/**
 * What parsing one file gave: its data when it passed its schema, and its problems. A
 * record read from the cache holds its data as JSON text, parsed the first time `data` is
 * read: a run whose rules are reused reads the data of few entries, and V8 took twice as
 * long to rebuild 10,000 entries' fields from its own format as to read the text.
 */
export interface ParsedRecord {
  /** The schema's output, when the file passed it (present as a key only then). */
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

/** A record as stored: its data as JSON text. */
interface StoredRecord {
  json?: string;
  problems: Problem[];
  score?: number;
  fields?: string;
}

/** The JSON text a record read from the cache was made from, so saving it again does not write it anew. */
const texts = new WeakMap<ParsedRecord, string>();

/**
 * Fields parsed from JSON are those the schema gave: the schemas make no Date, Map or
 * undefined value, and refuse numbers JSON cannot hold (NaN, Infinity).
 */
function fromStored(stored: StoredRecord): ParsedRecord {
  const record: ParsedRecord = { problems: stored.problems };
  const json = stored.json;
  if (json !== undefined) {
    let data: object | undefined;
    Object.defineProperty(record, 'data', {
      enumerable: true,
      get: () => (data ??= JSON.parse(json) as object),
    });
    texts.set(record, json);
  }
  if (stored.score !== undefined) record.score = stored.score;
  if (stored.fields !== undefined) record.fields = stored.fields;
  return record;
}

function toStored(record: ParsedRecord): StoredRecord {
  const stored: StoredRecord = { problems: record.problems };
  if ('data' in record) stored.json = texts.get(record) ?? JSON.stringify(record.data);
  if (record.score !== undefined) stored.score = record.score;
  if (record.fields !== undefined) stored.fields = record.fields;
  return stored;
}

/** Bumped when the layout of the cache file itself changes. */
const FORMAT = 'cardcat-parse-cache/4';

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
    if (existsSync(manifest) && existsSync(path.join(dir, 'src', 'lib', 'load', 'parse-cache.ts'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Where the cache of a content folder lives: `.cache/cardcat/` beside it (in its parent). */
export function cacheFolderFor(contentRoot: string, base?: string): string {
  const root = path.resolve(contentRoot);
  // Two content folders may share a cache folder; the name keeps their caches apart.
  const tag = hash('sha1', root, 'hex').slice(0, 12);
  return path.join(base ?? path.dirname(root), '.cache', 'cardcat', `parsed-${path.basename(root)}-${tag}`);
}

/**
 * Records are kept in this many files, by their key, so that a run after editing one file
 * writes two small files (where its old record was, where its new one goes), not all of
 * them: rewriting 44 MB at 10,000 entries took longer than the rest of such a run.
 */
const SHARDS = 32;
const shardOf = (key: string) => key.charCodeAt(0) % SHARDS;
const shardFile = (folder: string, shard: number) => path.join(folder, `records-${String(shard).padStart(2, '0')}.bin`);
const rulesFile = (folder: string) => path.join(folder, 'rules.bin');

/**
 * Records loaded from one cache folder, and the records a build used, which are what is
 * written back: a record of a file that was deleted or changed is dropped with it. The
 * results of rules (`rule-results.ts`) are kept beside them, the latest per rule.
 */
export class ParseCache {
  readonly folder: string;
  readonly #version: string;
  readonly #loaded = new Map<string, ParsedRecord>();
  readonly #used = new Map<string, ParsedRecord>();
  readonly #rules: Map<string, RuleRecord>;
  /** Shards a record was parsed afresh for: they must be written. */
  readonly #grown = new Set<number>();
  #added = 0;
  #rulesChanged = false;
  readonly #rulesAsked = new Set<string>();

  private constructor(folder: string, version: string) {
    this.folder = folder;
    this.#version = version;
    for (let shard = 0; shard < SHARDS; shard++) {
      const records = readPayload(shardFile(folder, shard), version);
      if (!(records instanceof Map) || ![...records].every(([key, record]) => shardOf(key) === shard && isStored(record))) continue;
      for (const [key, record] of records as Map<string, StoredRecord>) this.#loaded.set(key, fromStored(record));
    }
    const rules = readPayload(rulesFile(folder), version);
    this.#rules = rules instanceof Map && [...rules.values()].every(isRuleRecord) ? (rules as Map<string, RuleRecord>) : new Map();
  }

  /** The cache in `folder`, or an empty one when there is none or it cannot be trusted. */
  static open(folder: string, version = cardcatVersion()): ParseCache | undefined {
    if (version === undefined) return undefined;
    return new ParseCache(folder, version);
  }

  /**
   * The results of rules kept with the records, the latest per rule (or per rule and
   * entry). Only those asked for are written back, so the results for a file that went
   * are dropped with it.
   */
  readonly rules: RuleResults = {
    get: (rule, inputs) => {
      this.#rulesAsked.add(rule);
      const kept = this.#rules.get(rule);
      return kept?.inputs === inputs ? kept.problems : undefined;
    },
    set: (rule, inputs, problems) => {
      this.#rulesAsked.add(rule);
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
    this.#grown.add(shardOf(key));
    this.#added++;
  }

  /** How many records were read from disk, how many were parsed afresh since, and how many rule results are held. */
  get stats(): { loaded: number; used: number; added: number; rules: number } {
    return { loaded: this.#loaded.size, used: this.#used.size, added: this.#added, rules: this.#rules.size };
  }

  /**
   * Writes the shards whose records differ from those read: one that gained a record, or
   * lost one (its file changed or went). Each is written atomically (a temporary file
   * renamed into place), so a reader sees its old or its new records, never half; a shard
   * left unreadable only costs its files a parse. A cache that cannot be written costs
   * speed, never the command: errors are ignored.
   */
  save(): void {
    const used = Array.from({ length: SHARDS }, () => new Map<string, ParsedRecord>());
    for (const [key, record] of this.#used) used[shardOf(key)]!.set(key, record);
    const stored = (records: Map<string, ParsedRecord>) => new Map([...records].map(([key, record]) => [key, toStored(record)]));
    const loaded = new Array<number>(SHARDS).fill(0);
    for (const key of this.#loaded.keys()) loaded[shardOf(key)]!++;
    try {
      used.forEach((records, shard) => {
        if (this.#grown.has(shard) || records.size !== loaded[shard]) replaceFile(shardFile(this.folder, shard), encode(this.#version, stored(records)));
      });
      if (this.#rulesChanged) {
        const asked = new Map([...this.#rules].filter(([rule]) => this.#rulesAsked.has(rule)));
        replaceFile(rulesFile(this.folder), encode(this.#version, asked));
      }
    } catch {
      // A read-only checkout or a full disk: the next run parses again.
    }
  }
}

/*
 * Each file: one JSON header line (format, version, length and hash of the payload), then
 * the payload serialized by V8. The hash is checked before the payload is read, so a
 * truncated or damaged file is recognised as such instead of being half-read.
 */
function encode(version: string, contents: Map<string, unknown>): Buffer {
  const payload = serialize(contents);
  const header = JSON.stringify({ format: FORMAT, version, bytes: payload.length, sha1: hash('sha1', payload, 'base64') });
  return Buffer.concat([Buffer.from(`${header}\n`), payload]);
}

/** The payload of `file`, or undefined when it is missing or cannot be trusted. */
function readPayload(file: string, version: string): unknown {
  try {
    if (!statSync(file).isFile()) return undefined;
    const bytes = readFileSync(file);
    const newline = bytes.indexOf(10);
    if (newline < 0 || newline > 1000) return undefined;
    const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as Record<string, unknown>;
    if (header['format'] !== FORMAT || header['version'] !== version) return undefined;
    const payload = bytes.subarray(newline + 1);
    if (header['bytes'] !== payload.length || header['sha1'] !== hash('sha1', payload, 'base64')) return undefined;
    return deserialize(payload);
  } catch {
    // Missing, unreadable or corrupt: as if there were none.
    return undefined;
  }
}

function isStored(value: unknown): value is StoredRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<StoredRecord>;
  return (
    Array.isArray(record.problems) &&
    (record.json === undefined || typeof record.json === 'string') &&
    (record.score === undefined || typeof record.score === 'number') &&
    (record.fields === undefined || typeof record.fields === 'string')
  );
}

function isRuleRecord(value: unknown): value is RuleRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<RuleRecord>;
  return typeof record.inputs === 'string' && Array.isArray(record.problems);
}
