/**
 * Writing files without losing anything: a new file never replaces an existing one, and
 * every write goes through a temporary file, so a crash leaves the old file or none,
 * never half of one.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export class FileExistsError extends Error {
  readonly path: string;
  constructor(file: string) {
    super(`\`${file}\` already exists; nothing was written`);
    this.path = file;
  }
}

/**
 * A write the file system refused (a name too long, a folder that is a file, no permission,
 * a full disk): the user's to fix, so it is reported without a stack.
 */
export class WriteError extends Error {
  readonly path: string;
  readonly code: string | undefined;
  constructor(file: string, error: unknown) {
    const code = (error as NodeJS.ErrnoException).code;
    super(`Cannot write \`${file}\`: ${reason(code, error)}; nothing was written there`);
    this.path = file;
    this.code = code;
  }
}

function reason(code: string | undefined, error: unknown): string {
  switch (code) {
    case 'ENAMETOOLONG':
      return 'the name is longer than the file system allows (255 bytes per name); choose a shorter id or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a part of its path is a file, not a folder';
    case 'ENOENT':
      return 'its folder cannot be made there';
    case 'EISDIR':
      return 'a folder of that name is in the way';
    case 'ELOOP':
      return 'its path goes round a loop of symbolic links';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** Runs `write`, turning the file system's refusals into WriteErrors naming `file`. */
function refusals<T>(file: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof FileExistsError || error instanceof WriteError) throw error;
    if (typeof (error as NodeJS.ErrnoException).code === 'string') throw new WriteError(file, error);
    throw error;
  }
}

/**
 * `mkdir -p`, one level at a time. Node's recursive mkdir retries forever where a folder
 * cannot be made although its parent exists (inside /proc, say); this fails at once.
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let at = dir; !existsSync(at); at = path.dirname(at)) {
    missing.push(at);
    if (path.dirname(at) === at) break;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      // Another writer made it in the meantime.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(folder).isDirectory()) throw error;
    }
  }
}

/**
 * A short name beside `file`: it does not grow with the final name, so any name that fits
 * the file system's limit can be written (a temporary name built from it would not fit).
 */
function temporaryBeside(file: string): string {
  return path.join(path.dirname(file), `.cardcat-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

/** Creates `file` with `text`; throws FileExistsError, and writes nothing, if it exists. */
export function writeNewFile(file: string, text: string | Uint8Array): void {
  refusals(file, () => {
    makeFolders(path.dirname(file));
    const temporary = temporaryBeside(file);
    writeFileSync(temporary, text, { flag: 'wx' });
    try {
      // link() fails if the target exists, atomically: no window in which two writers both win.
      linkSync(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(file);
      throw error;
    } finally {
      rmSync(temporary, { force: true });
    }
  });
}

/** Replaces `file` with `text` in one step: readers see the old content or the new, never a mix. */
export function replaceFile(file: string, text: string | Uint8Array): void {
  refusals(file, () => {
    makeFolders(path.dirname(file));
    const temporary = temporaryBeside(file);
    writeFileSync(temporary, text, { flag: 'wx' });
    try {
      renameSync(temporary, file);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
  });
}
