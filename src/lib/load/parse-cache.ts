/**
 * A persistent cache of parsed entry files, so a command run after editing one file of a
 * large catalog parses that file alone, and reads no other. Each file's record (its
 * schema-checked data, the problems its YAML and schema had, its completeness score) is
 * stored under a hash of what it was computed from: the file's kind, display path and
 * text. A record is found by that hash only when all three are unchanged, so a stale
 * record can never be read.
 *
 * Beside each record, the cache keeps the stat of the file it was read from (size,
 * modification and change times, inode), as git's index does: a file whose stat is the
 * same is not read again, and its record is used as it is. A stat is trusted only when the
 * file last changed well before it was read (`SETTLE_MS`): a file written again within
 * the file system's time resolution of being read could keep its stat, and is read again
 * instead (git's "racy" case). Its text is read only when something asks for it
 * (`load.ts`), and must then hash to the record's key.
 *
 * The whole cache is also bound to the Cardcat that wrote it (`cardcatVersion`): a record
 * parsed by other schemas or another parser is never trusted. The cache lives in a
 * folder of `.cache/cardcat/` beside the content folder, may be deleted at any time, and
 * a file of it that cannot be read back whole (truncated, corrupt, from another version)
 * is ignored.
 */
import { createHash, hash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { Position } from './position.ts';
import type { KnownPlaces, Problem } from './reporter.ts';
import type { RuleResults } from '../rules/rule-results.ts';
import { replaceFile } from '../safe-write.ts';
import type { SourceFile } from '../types.ts';

/**
 * What parsing one file gave: its data when it passed its schema, and its problems. A
 * record read from the cache reads its data from disk the first time `data` is read (a
 * run whose rules are reused reads the data of few entries), as JSON text: V8 took twice
 * as long to rebuild 10,000 entries' fields from its own format as to read the text.
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

/** A record as stored in the index: whether it has data, which is kept in a data file. */
interface StoredRecord {
  data: boolean;
  problems: Problem[];
  score?: number;
  fields?: string;
}

/** A file as it was when read: its stat, its record's key, and where its YAML and body lay. */
interface Stamp {
  kind: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  dev: number;
  key: string;
  yamlOffset: number;
  bodyLine: number;
}

/** What the cache knows of a file whose stat it trusts. */
export interface KnownFile {
  key: string;
  yamlOffset: number;
  bodyLine: number;
}

/** The index: every record but its data, and the stamps of the files of one content folder. */
interface Index {
  /** The content folder the stamps are of. */
  root: string | undefined;
  /** Milliseconds from the start of the run that wrote the index to its writing. */
  elapsed: number;
  stamps: Map<string, Stamp>;
  records: Map<string, StoredRecord>;
  /** Where problems were placed, by the record key of their file, their YAML path and whether at its key. */
  places: Map<string, Position>;
}

/** Bumped when the layout of the cache files changes. */
const FORMAT = 'cardcat-parse-cache/5';

/**
 * How long before it was read a file must have last changed for its stat to be trusted
 * later. A change within the file system's time resolution of the read may leave the
 * stat as it was: that resolution is a clock tick on ext4, XFS or Btrfs, one second on
 * ext3 or HFS+, two seconds on FAT. A file changed less than this before a run is read
 * again by the next one, which costs nothing worth counting.
 */
export const SETTLE_MS = 2000;

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
 * The records' data is kept in this many files, by key, so that a run after editing one
 * file writes one small file (where its new record goes) and the index, not all of them:
 * rewriting 44 MB at 10,000 entries took longer than the rest of such a run. The data is
 * read from them only when asked for.
 */
const SHARDS = 32;
const shardOf = (key: string) => key.charCodeAt(0) % SHARDS;
const shardFile = (folder: string, shard: number) => path.join(folder, `data-${String(shard).padStart(2, '0')}.bin`);
const indexFile = (folder: string) => path.join(folder, 'index.bin');
const rulesFile = (folder: string) => path.join(folder, 'rules.bin');

/**
 * Records loaded from one cache folder, and the records a build used, which are what is
 * written back: a record of a file that was deleted or changed is dropped with it. The
 * results of rules (`rule-results.ts`) are kept beside them, the latest per rule.
 */
export class ParseCache {
  readonly folder: string;
  readonly #version: string;
  /** When this run started reading, by the monotonic clock. */
  readonly #started = performance.now();
  /** The index as read. */
  readonly #index: Index;
  /** Records' stat is trusted if the files last changed before this, by the file system's clock. */
  readonly #trustBefore: number;
  readonly #used = new Map<string, ParsedRecord>();
  /** Data read from data files, by key; a data file that could not be read is held as undefined. */
  readonly #data = new Map<number, Map<string, string> | undefined>();
  readonly #fresh = new Map<string, ParsedRecord>();
  /** What each record read from the index was read from, to write back as it was. */
  readonly #stored = new WeakMap<ParsedRecord, StoredRecord>();
  /** Stamps of the files this run read or trusted, when the index is for its content folder. */
  readonly #stamps = new Map<string, Stamp>();
  #root: string | undefined;
  #owner: boolean | undefined;
  #trusted = 0;
  /** Files read, and stamped, by this run. */
  #read = 0;
  /** Places this run looked up or found, when it asked for them (`places`). */
  #places: Map<string, Position> | undefined;
  #placesFound = false;
  readonly #rules: Map<string, RuleRecord>;
  #rulesChanged = false;
  readonly #rulesAsked = new Set<string>();

  private constructor(folder: string, version: string, settleMs: number) {
    this.folder = folder;
    this.#version = version;
    const read = readPayload(indexFile(folder), version);
    this.#index = isIndex(read?.payload) ? read.payload : { root: undefined, elapsed: 0, stamps: new Map(), records: new Map(), places: new Map() };
    // The index was written `elapsed` after its run started reading: by the clock file
    // times come from, that run read no file before this.
    this.#trustBefore = read && isIndex(read.payload) ? read.mtimeMs - this.#index.elapsed - settleMs : -Infinity;
    const rules = readPayload(rulesFile(folder), version)?.payload;
    this.#rules = rules instanceof Map && [...rules.values()].every(isRuleRecord) ? (rules as Map<string, RuleRecord>) : new Map();
  }

  /**
   * The cache in `folder`, or an empty one when there is none or it cannot be trusted.
   * `settleMs` (by default `SETTLE_MS`) is for tests, which cannot wait seconds per edit.
   */
  static open(folder: string, version = cardcatVersion(), options: { settleMs?: number } = {}): ParseCache | undefined {
    if (version === undefined) return undefined;
    return new ParseCache(folder, version, options.settleMs ?? SETTLE_MS);
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

  /**
   * Whether this run may trust and write the index: it holds the files of one content
   * folder, the first to use it, until that folder goes. Another catalog built with the
   * same cache (`impact`'s, of a past commit, in a scratch folder) reads its own files,
   * reuses the records of those the two share, and writes nothing (`save`).
   */
  #owns(root: string): boolean {
    if (this.#root !== undefined) return this.#root === root && this.#owner === true;
    this.#root = root;
    const held = this.#index.root;
    this.#owner = held === undefined || held === root || !existsSync(held);
    return this.#owner;
  }

  /**
   * What the cache knows of `abs` (a file of kind `kind` in the content folder `root`)
   * when its stat is as it was when it was read, and that long enough after it last
   * changed; undefined when the file must be read.
   */
  known(root: string, abs: string, kind: string, maxBytes: number): KnownFile | undefined {
    if (!this.#owns(root)) return undefined;
    const stamp = this.#index.stamps.get(abs);
    if (!stamp || stamp.kind !== kind || !this.#index.records.has(stamp.key)) return undefined;
    if (Math.max(stamp.mtimeMs, stamp.ctimeMs) >= this.#trustBefore) return undefined;
    let stats: Stats | undefined;
    try {
      stats = statSync(abs, { throwIfNoEntry: false });
    } catch {
      return undefined;
    }
    if (!stats?.isFile() || stats.size > maxBytes || !sameStat(stamp, stats)) return undefined;
    this.#stamps.set(abs, stamp);
    this.#trusted++;
    return stamp;
  }

  /** Remembers the stat `stats` that `abs` had when it was read, and what reading it gave. */
  stamp(root: string, abs: string, kind: string, stats: Stats, read: KnownFile): void {
    if (!this.#owns(root)) return;
    const { size, mtimeMs, ctimeMs, ino, dev } = stats;
    this.#read++;
    this.#stamps.set(abs, { kind, size, mtimeMs, ctimeMs, ino, dev, key: read.key, yamlOffset: read.yamlOffset, bodyLine: read.bodyLine });
  }

  /**
   * The record stored under `key`, if any; remembered as used. Its data is read from its
   * data file when first asked for; should that file be gone or damaged, `recover` parses
   * the file again.
   */
  get(key: string, recover?: () => object | undefined): ParsedRecord | undefined {
    const fresh = this.#fresh.get(key);
    if (fresh) {
      this.#used.set(key, fresh);
      return fresh;
    }
    const stored = this.#index.records.get(key);
    if (!stored) return this.#used.get(key);
    let record: ParsedRecord;
    if (stored.data) {
      let data: object | undefined;
      const read = () => {
        if (data !== undefined) return data;
        const json = this.#json(key);
        return (data = json === undefined ? recover?.() : (JSON.parse(json) as object));
      };
      // A literal: a property defined afterwards took several times as long, 10,000 times over.
      record = {
        problems: stored.problems,
        // Undefined only when the data file was lost and the file cannot be parsed again.
        get data() {
          return read() as object;
        },
      };
    } else {
      record = { problems: stored.problems };
    }
    if (stored.score !== undefined) record.score = stored.score;
    if (stored.fields !== undefined) record.fields = stored.fields;
    this.#stored.set(record, stored);
    this.#used.set(key, record);
    return record;
  }

  set(key: string, record: ParsedRecord): void {
    this.#used.set(key, record);
    this.#fresh.set(key, record);
  }

  /**
   * Where problems are placed in the files of this run, kept from one run to the next by
   * each file's record key (`keyOf`, by display path): placing a problem at a YAML path
   * parses its file again, keeping positions, which took 0.15 s at 10,000 entries for
   * three problems in files with long front matter.
   */
  places(keyOf: (file: string) => string | undefined): KnownPlaces {
    const places = (this.#places ??= new Map());
    const id = (file: string, path: readonly (string | number)[], key: boolean) => {
      const record = keyOf(file);
      return record === undefined ? undefined : `${record}\0${JSON.stringify(path)}\0${key ? 'key' : 'value'}`;
    };
    return {
      get: (file, path, key) => {
        const at = id(file, path, key);
        const position = at === undefined ? undefined : this.#index.places.get(at);
        if (position) places.set(at!, position);
        return position;
      },
      set: (file, path, key, position) => {
        const at = id(file, path, key);
        if (at === undefined) return;
        places.set(at, position);
        this.#placesFound = true;
      },
    };
  }

  /**
   * How many records the index holds, how many this run used and parsed afresh, how many
   * files it trusted without reading, how many places the index holds, and how many rule
   * results are held.
   */
  get stats(): { loaded: number; used: number; added: number; trusted: number; places: number; rules: number } {
    return { loaded: this.#index.records.size, used: this.#used.size, added: this.#fresh.size, trusted: this.#trusted, places: this.#index.places.size, rules: this.#rules.size };
  }

  /** The JSON text of the data stored under `key`, read from its data file. */
  #json(key: string): string | undefined {
    return this.#shard(shardOf(key))?.get(key);
  }

  #shard(shard: number): Map<string, string> | undefined {
    if (this.#data.has(shard)) return this.#data.get(shard);
    const payload = readPayload(shardFile(this.folder, shard), this.#version)?.payload;
    const records = payload instanceof Map && [...payload].every(([key, json]) => shardOf(key) === shard && typeof json === 'string') ? (payload as Map<string, string>) : undefined;
    this.#data.set(shard, records);
    return records;
  }

  /**
   * Writes the data files that gained a record (each with the data of the records this run
   * used, so one rewritten drops those of files gone), then the index, if either changed.
   * A record dropped from the index may stay in a data file, unread, until it is
   * rewritten. Each file is written atomically (a temporary file renamed into place), so a
   * reader sees its old or its new contents, never half; a damaged or missing data file
   * only costs its files a parse. A cache that cannot be written costs speed, never the
   * command: errors are ignored.
   *
   * A catalog of another content folder than the one the index is for writes nothing: its
   * records would replace those of the folder the cache is for, and its rules' results
   * (which hash the folder's path) could never be used by it.
   */
  save(): void {
    if (this.#owner === false) return;
    const elapsed = performance.now() - this.#started;
    try {
      const used = Array.from({ length: SHARDS }, () => [] as [string, ParsedRecord][]);
      for (const entry of this.#used) used[shardOf(entry[0])]!.push(entry);
      const lost = new Set<string>();
      const rewrite = new Set<number>();
      for (const key of this.#fresh.keys()) if ('data' in this.#fresh.get(key)!) rewrite.add(shardOf(key));
      // A data file that could not be read is written again with what can be had.
      for (const [shard, records] of this.#data) if (records === undefined) rewrite.add(shard);
      for (const shard of rewrite) {
        const old = this.#shard(shard);
        const contents = new Map<string, string>();
        for (const [key, record] of used[shard]!) {
          if (!('data' in record)) continue;
          const json = this.#fresh.has(key) ? JSON.stringify(record.data) : (old?.get(key) ?? stringified(record));
          if (json === undefined) lost.add(key);
          else contents.set(key, json);
        }
        replaceFile(shardFile(this.folder, shard), encode(this.#version, contents));
      }

      const records = new Map<string, StoredRecord>();
      for (const [key, record] of this.#used) if (!lost.has(key)) records.set(key, this.#stored.get(record) ?? toStored(record));
      const stamps = new Map([...this.#stamps].filter(([, stamp]) => records.has(stamp.key)));
      // The places this run looked up, or all those kept when it did not.
      const places = new Map([...(this.#places ?? this.#index.places)].filter(([at]) => records.has(at.slice(0, at.indexOf('\0')))));
      // A file read again although its stat was kept (it had changed too shortly before it
      // was last read) is trusted from this run on, as the index records.
      const changed =
        this.#read > 0 ||
        this.#root !== this.#index.root ||
        records.size !== this.#index.records.size ||
        [...records.keys()].some((key) => !this.#index.records.has(key)) ||
        this.#placesFound ||
        places.size !== this.#index.places.size ||
        stamps.size !== this.#index.stamps.size ||
        [...stamps].some(([abs, stamp]) => !sameStamp(this.#index.stamps.get(abs), stamp));
      if (changed) {
        const index: Index = { root: this.#root, elapsed, stamps, records, places };
        replaceFile(indexFile(this.folder), encode(this.#version, index));
      }
      if (this.#rulesChanged) {
        const asked = new Map([...this.#rules].filter(([rule]) => this.#rulesAsked.has(rule)));
        replaceFile(rulesFile(this.folder), encode(this.#version, asked));
      }
    } catch {
      // A read-only checkout or a full disk: the next run parses again.
    }
  }
}

/** A rule's problems and the hash of the inputs it found them in. */
interface RuleRecord {
  inputs: string;
  problems: readonly Problem[];
}

function toStored(record: ParsedRecord): StoredRecord {
  const stored: StoredRecord = { data: 'data' in record, problems: record.problems };
  if (record.score !== undefined) stored.score = record.score;
  if (record.fields !== undefined) stored.fields = record.fields;
  return stored;
}

/** The JSON text of a record's data, when it was read (from a data file since damaged, or parsed again). */
function stringified(record: ParsedRecord): string | undefined {
  const data = record.data;
  return data === undefined ? undefined : JSON.stringify(data);
}

function sameStamp(a: Stamp | undefined, b: Stamp): boolean {
  return a !== undefined && sameStat(a, b) && a.kind === b.kind && a.key === b.key && a.yamlOffset === b.yamlOffset && a.bodyLine === b.bodyLine;
}

function sameStat(stamp: Stamp, stats: Pick<Stats, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino' | 'dev'>): boolean {
  return stamp.size === stats.size && stamp.mtimeMs === stats.mtimeMs && stamp.ctimeMs === stats.ctimeMs && stamp.ino === stats.ino && stamp.dev === stats.dev;
}

/*
 * Each file: one JSON header line (format, version, length and hash of the payload), then
 * the payload serialized by V8. The hash is checked before the payload is read, so a
 * truncated or damaged file is recognised as such instead of being half-read.
 */
function encode(version: string, contents: unknown): Buffer {
  const payload = serialize(contents);
  const header = JSON.stringify({ format: FORMAT, version, bytes: payload.length, sha1: hash('sha1', payload, 'base64') });
  return Buffer.concat([Buffer.from(`${header}\n`), payload]);
}

/** The payload of `file` and when the file was written, or undefined when it is missing or cannot be trusted. */
function readPayload(file: string, version: string): { payload: unknown; mtimeMs: number } | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const stats = fstatSync(fd);
    if (!stats.isFile()) return undefined;
    const bytes = readFileSync(fd);
    const newline = bytes.indexOf(10);
    if (newline < 0 || newline > 1000) return undefined;
    const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as Record<string, unknown>;
    if (header['format'] !== FORMAT || header['version'] !== version) return undefined;
    const payload = bytes.subarray(newline + 1);
    if (header['bytes'] !== payload.length || header['sha1'] !== hash('sha1', payload, 'base64')) return undefined;
    return { payload: deserialize(payload), mtimeMs: stats.mtimeMs };
  } catch {
    // Missing, unreadable or corrupt: as if there were none.
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function isIndex(value: unknown): value is Index {
  if (typeof value !== 'object' || value === null) return false;
  const index = value as Partial<Index>;
  return (
    (index.root === undefined || typeof index.root === 'string') &&
    typeof index.elapsed === 'number' &&
    index.stamps instanceof Map &&
    [...index.stamps.values()].every(isStamp) &&
    index.records instanceof Map &&
    [...index.records.values()].every(isStored) &&
    index.places instanceof Map &&
    [...index.places.values()].every((p) => typeof p === 'object' && p !== null && typeof p.line === 'number' && typeof p.column === 'number')
  );
}

function isStamp(value: unknown): value is Stamp {
  if (typeof value !== 'object' || value === null) return false;
  const stamp = value as Record<string, unknown>;
  return (
    typeof stamp['kind'] === 'string' &&
    typeof stamp['key'] === 'string' &&
    ['size', 'mtimeMs', 'ctimeMs', 'ino', 'dev', 'yamlOffset', 'bodyLine'].every((field) => typeof stamp[field] === 'number')
  );
}

function isStored(value: unknown): value is StoredRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<StoredRecord>;
  return (
    typeof record.data === 'boolean' &&
    Array.isArray(record.problems) &&
    (record.score === undefined || typeof record.score === 'number') &&
    (record.fields === undefined || typeof record.fields === 'string')
  );
}

function isRuleRecord(value: unknown): value is RuleRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<RuleRecord>;
  return typeof record.inputs === 'string' && Array.isArray(record.problems);
}
