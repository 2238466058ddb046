/**
 * Writing files without losing anything: a new file never replaces an existing one, and
 * every write goes through a temporary file, so a crash leaves the old file or none,
 * never half of one.
 */
import { linkSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export class FileExistsError extends Error {
  readonly path: string;
  constructor(file: string) {
    super(`\`${file}\` already exists; nothing was written`);
    this.path = file;
  }
}

function temporaryBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
}

/** Creates `file` with `text`; throws FileExistsError, and writes nothing, if it exists. */
export function writeNewFile(file: string, text: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
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
}

/** Replaces `file` with `text` in one step: readers see the old content or the new, never a mix. */
export function replaceFile(file: string, text: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = temporaryBeside(file);
  writeFileSync(temporary, text, { flag: 'wx' });
  try {
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
