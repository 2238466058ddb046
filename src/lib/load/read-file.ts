/**
 * The one way Cardcat reads a file a user named or put in a folder: regular files only
 * (a named pipe or a device would block or never end), the size checked before a byte is
 * read, and the text decoded as UTF-8 with a message that says what the file is instead.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';

/** What is wrong with a file, for a diagnostic (offset into the decoded text, when known). */
export interface ReadProblem {
  message: string;
  hint?: string;
  offset?: number;
}

/** A file that cannot be read as text: reported without a stack. */
export class ReadError extends Error {
  readonly path: string;
  readonly problem: ReadProblem;
  constructor(file: string, problem: ReadProblem) {
    super(`Cannot read \`${file}\`: ${lowerFirst(problem.message)}${problem.hint ? `\n  ${problem.hint}` : ''}`);
    this.path = file;
    this.problem = problem;
  }
}

const lowerFirst = (text: string) => (/^File /.test(text) ? `the file ${text.slice(5)}` : text);

/** Why the file system refused, in words. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'it does not exist';
  if (code === 'ELOOP') return 'its path goes round a loop of symbolic links';
  if (code === 'ENAMETOOLONG') return 'its name is longer than the file system allows';
  if (code === 'ENOTDIR') return 'a part of its path is a file, not a folder';
  if (code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}

/** What kind of file `mode` describes, for "not a regular file" messages. */
function kindOf(stats: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * The bytes of `abs`, at most `maxBytes` of them; throws ReadError for anything else.
 * Opened non-blocking, since opening a named pipe otherwise waits for a writer, and
 * checked on the open descriptor, so the file checked is the file read. `stamp` receives
 * that check's stat, taken before the first byte is read (`parse-cache.ts` trusts a file
 * whose stat is unchanged since).
 */
export function readBytes(abs: string, maxBytes: number, stamp?: (stats: Stats) => void): Buffer {
  const refuse = (problem: ReadProblem): never => {
    throw new ReadError(abs, problem);
  };
  const notRegular = (what: string) => refuse({ message: `File is ${what}, not a regular file`, hint: 'Name an ordinary file.' });
  let fd: number | undefined;
  try {
    fd = openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK);
    const opened = fstatSync(fd);
    if (!opened.isFile()) notRegular(kindOf(opened));
    if (opened.size > maxBytes) {
      refuse({
        message: `File is ${opened.size.toLocaleString('en')} bytes, over the limit of ${maxBytes.toLocaleString('en')}`,
        hint: 'Keep data out of the catalog and link to it from `location`; raise `max_file_bytes` in cardcat.config.yaml if the entry really is this large.',
      });
    }
    stamp?.(opened);
    const bytes = readFileSync(fd);
    // The file grew between stat and read.
    if (bytes.length > maxBytes) refuse({ message: `File is over the limit of ${maxBytes.toLocaleString('en')} bytes` });
    return bytes;
  } catch (error) {
    if (error instanceof ReadError) throw error;
    return refuse({ message: `Cannot read file: ${describeFsError(error)}` });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * `bytes` as UTF-8 text (without a byte order mark), or what they are instead: UTF-16
 * (named, since an editor's "Unicode" often means it), binary, or invalid UTF-8 at its
 * first bad byte.
 */
export function decodeText(bytes: Uint8Array): { text: string } | { problem: ReadProblem; text?: string } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      problem: {
        message: `File is UTF-16 (${bytes[0] === 0xff ? 'little' : 'big'}-endian, by its byte order mark), not UTF-8`,
        hint: 'Save the file as UTF-8: in most editors, "Save with encoding" or "Encoding" → UTF-8.',
      },
    };
  }
  if (bytes.includes(0)) return { problem: { message: 'File is binary (it contains NUL bytes), not Markdown or YAML' } };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return {
      text: new TextDecoder().decode(bytes),
      problem: { message: 'File is not valid UTF-8', hint: 'Re-save the file with UTF-8 encoding.', offset: firstInvalidUtf8(bytes) },
    };
  }
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** The text of `abs` (regular file, at most `maxBytes`, UTF-8); throws ReadError otherwise. */
export function readTextFile(abs: string, maxBytes: number): string {
  const decoded = decodeText(readBytes(abs, maxBytes));
  if ('problem' in decoded) throw new ReadError(abs, decoded.problem);
  return decoded.text;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // The longest decodable prefix ends at the first bad byte (to within a code point).
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return new TextDecoder().decode(bytes.subarray(0, lo)).length;
}
