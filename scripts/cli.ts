/** What every command shares: its working folder, where it writes, and how it fails. */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { cacheFolderFor } from '../src/lib/load/parse-cache.ts';
import { buildCatalog, ContentFolderError } from '../src/lib/catalog.ts';
import type { Catalog } from '../src/lib/types.ts';

export interface Io {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal that takes colour. */
  color: boolean;
}

/** A mistake of the user's (bad flags, a missing folder): printed without a stack, exit 2 unless told. */
export class UsageError extends Error {
  readonly code: number;
  constructor(message: string, code = 2) {
    super(message);
    this.code = code;
  }
}

/** A path as a command shows it: relative to the working folder when inside it, else absolute. */
export function shownPath(io: Pick<Io, 'cwd'>, abs: string): string {
  const relative = path.relative(io.cwd, abs).split(path.sep).join('/');
  if (relative === '') return '.';
  return relative.startsWith('../') || relative === '..' || path.isAbsolute(relative) ? abs : relative;
}

export function contentDir(io: Io, value: string | undefined): string {
  return path.resolve(io.cwd, value ?? process.env['CATALOG_DIR'] ?? 'content');
}

/** `value` if it is one of `allowed`; otherwise a usage error listing them. */
export function oneOf<T extends string>(value: string, allowed: readonly T[], what = 'format'): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`Unknown ${what} \`${value}\`, expected one of ${allowed.map((a) => `\`${a}\``).join(', ')}`);
}

function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

/**
 * The catalog a command works on, from its `--content`, `--config` and `--today` flags.
 * A missing folder or config file, or an impossible day, is the user's to fix: a usage
 * error rather than a crash or a silent default.
 */
export function loadCatalog(
  io: Io,
  flags: { content?: string | undefined; config?: string | undefined; today?: string | undefined; 'no-cache'?: boolean | undefined },
): Catalog {
  const configFile = flags.config === undefined ? undefined : path.resolve(io.cwd, flags.config);
  if (configFile !== undefined && !(existsSync(configFile) && statSync(configFile).isFile())) {
    throw new UsageError(`Config file \`${flags.config}\` does not exist or is not a file`);
  }
  if (flags.today !== undefined && !isDay(flags.today)) {
    throw new UsageError(`Unexpected \`--today ${flags.today}\`, expected a date written YYYY-MM-DD, such as \`2026-11-23\``);
  }
  try {
    const root = contentDir(io, flags.content);
    return buildCatalog(root, {
      ...(configFile ? { configFile } : {}),
      ...(flags.today ? { today: flags.today } : {}),
      cache: !flags['no-cache'] && cacheFolderFor(root, io.cwd),
    });
  } catch (error) {
    if (error instanceof ContentFolderError) throw new UsageError(error.message);
    throw error;
  }
}

/** Flags every command that reads the catalog takes, for `parseArgs`. */
export const CATALOG_OPTIONS = {
  help: { type: 'boolean', short: 'h', default: false },
  content: { type: 'string' },
  config: { type: 'string' },
  // Parsed files are reused from `.cache/cardcat/` beside the content folder unless this is given.
  'no-cache': { type: 'boolean', default: false },
} as const;
