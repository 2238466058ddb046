/** What every command shares: its working folder, where it writes, and how it fails. */
import path from 'node:path';

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

export function contentDir(io: Io, value: string | undefined): string {
  return path.resolve(io.cwd, value ?? process.env['CATALOG_DIR'] ?? 'content');
}
