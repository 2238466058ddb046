/**
 * Reads a content folder: the kind of each file from its folder, its id from its name,
 * its YAML (front matter or whole file) parsed once. Nothing else in Cardcat reads files.
 */
import { existsSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import { KIND_NAMES, KINDS, kindOfFolder, type Kind } from '../../../schemas/index.ts';
import { ID_PATTERN } from '../ids.ts';
import { decodeText, describeFsError, readBytes, ReadError, type ReadProblem } from './read-file.ts';
import type { Reporter } from './reporter.ts';
import { didYouMean } from '../suggest.ts';
import type { SourceFile } from '../types.ts';
import type { YamlValue } from './yaml-value.ts';

const ENTRY_EXTENSIONS = new Set(['.md', '.yaml', '.yml']);

export interface LoadOptions {
  maxFileBytes: number;
  /** Receives the file's stat, taken on the open file before its text is read. */
  stamp?: ((stats: Stats) => void) | undefined;
}

/** Every entry file under `root`, in a stable order. Problems go to `report`; nothing throws on bad input. */
export function listEntryFiles(root: string, display: (abs: string) => string, report: Reporter['add']): { abs: string; kind: Kind }[] {
  const out: { abs: string; kind: Kind }[] = [];
  const realRoot = realpathSync(root);
  const layout = (abs: string, message: string, hint?: string, severity: 'error' | 'warning' = 'error') =>
    report({ file: display(abs), severity, rule: 'layout', message, hint });
  // Real paths of folders already walked: a link back up the tree would otherwise loop forever.
  const walked = new Set<string>([realRoot]);

  for (const dirent of readFolder(root)) {
    if (dirent.name.startsWith('.')) continue;
    const abs = path.join(root, dirent.name);
    const kind = kindOfFolder.get(dirent.name);
    const target = kind ? follow(abs, dirent) : undefined;
    if (kind && target?.isDirectory) {
      walked.add(target.real);
      walk(abs, kind);
      continue;
    }
    if (kind && !target) continue;
    const isDir = target?.isDirectory ?? dirent.isDirectory();
    const folders = KIND_NAMES.map((k) => KINDS[k].folder);
    layout(
      abs,
      isDir
        ? `Unexpected folder \`${dirent.name}\`, expected one of ${folders.map((f) => `\`${f}\``).join(', ')}`
        : `Unexpected file \`${dirent.name}\` at the top of the content folder; entries live in a kind's folder`,
      isDir ? (didYouMean(dirent.name, folders) ?? 'Each top-level folder holds one kind of entry.') : undefined,
      isDir ? 'error' : 'warning',
    );
  }
  return out;

  function readFolder(dir: string): Dirent[] {
    try {
      return readdirSync(dir, { withFileTypes: true }).sort(byName);
    } catch (error) {
      layout(dir, `Cannot read folder: ${describeError(error)}`);
      return [];
    }
  }

  /** What a directory entry is once links are followed; undefined (after reporting) when it may not be read. */
  function follow(abs: string, dirent: Dirent): { isDirectory: boolean; isFile: boolean; real: string } | undefined {
    // A plain file or folder is what its directory entry says: no stat for each of thousands.
    if (!dirent.isSymbolicLink()) {
      const isDirectory = dirent.isDirectory();
      return { isDirectory, isFile: dirent.isFile(), real: isDirectory ? realpathSync(abs) : abs };
    }
    let real: string;
    try {
      real = realpathSync(abs);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') layout(abs, 'Symbolic link loop: the link leads, through other links, back to itself', 'Point the link at a real file or folder, or remove it.');
      else if (code === 'ENOENT') layout(abs, 'Broken symbolic link: its target does not exist');
      else layout(abs, `Cannot read symbolic link: ${describeError(error)}`);
      return undefined;
    }
    if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
      layout(abs, `Symbolic link points outside the content folder, to \`${real}\``, 'Copy the file into the catalog instead; links outside it are not followed.');
      return undefined;
    }
    try {
      const stats = statSync(real);
      // Folders are compared by real path, so two routes to one folder are seen as one.
      return { isDirectory: stats.isDirectory(), isFile: stats.isFile(), real };
    } catch (error) {
      layout(abs, `Cannot read: ${describeError(error)}`);
      return undefined;
    }
  }

  function walk(dir: string, kind: Kind): void {
    for (const dirent of readFolder(dir)) {
      if (dirent.name.startsWith('.')) continue;
      // The folder is normalized and a name holds no separator: joined without normalizing again.
      const abs = dir.endsWith(path.sep) ? dir + dirent.name : dir + path.sep + dirent.name;
      const target = follow(abs, dirent);
      if (!target) continue;
      if (target.isDirectory) {
        if (walked.has(target.real)) {
          layout(abs, 'Symbolic link leads back to a folder already read; it is skipped', 'Remove the link: each entry file should appear once.', 'warning');
          continue;
        }
        walked.add(target.real);
        walk(abs, kind);
      } else if (!ENTRY_EXTENSIONS.has(path.extname(dirent.name).toLowerCase())) {
        layout(abs, `Ignored \`${dirent.name}\`: entries are \`.md\`, \`.yaml\` or \`.yml\` files`, undefined, 'warning');
      } else if (!target.isFile) {
        // A named pipe or device would block or never end when read.
        layout(abs, `Unexpected \`${dirent.name}\`: not a regular file`, 'Entries are ordinary files.');
      } else {
        out.push({ abs, kind });
      }
    }
  }
}

/**
 * `abs` relative to `folder`, with forward slashes. A path the folder walk gave is
 * normalized and inside the folder: it is cut rather than worked out, 10,000 times over.
 */
export function relativePath(folder: string, abs: string): string {
  const prefix = folder.endsWith(path.sep) ? folder : folder + path.sep;
  const relative = abs.startsWith(prefix) && !abs.includes(`${path.sep}.`) ? abs.slice(prefix.length) : path.relative(folder, abs);
  return path.sep === '/' ? relative : relative.split(path.sep).join('/');
}

/** The line number at `end`: one more than the line ends before it. */
function countLines(text: string, end: number): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

const describeError = describeFsError;

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * Reads one file and finds its YAML (the front matter of a Markdown file). Returns
 * undefined (after reporting) when it cannot be read as an entry. Parsing the YAML is left
 * to the caller, which parses every file's at once (`yaml-pool.ts`).
 */
export function readEntryFile(
  abs: string,
  kind: Kind,
  root: string,
  display: string,
  report: Reporter,
  options: LoadOptions,
): SourceFile | undefined {
  let text: string | undefined;
  const fail = (message: string, hint?: string, offset?: number) => {
    if (offset !== undefined && text !== undefined) report.addFile(display, { text, yamlOffset: 0, yamlText: '' });
    report.add({ file: display, severity: 'error', rule: 'parse', message, hint, at: offset === undefined ? undefined : { offset } });
    return undefined;
  };
  const ext = path.extname(abs);
  const relative = relativePath(root, abs);
  const id = path.basename(abs, ext);
  let bytes: Buffer;
  try {
    bytes = readBytes(abs, options.maxFileBytes, options.stamp);
  } catch (error) {
    if (!(error instanceof ReadError)) throw error;
    return fail(error.problem.message, error.problem.hint);
  }
  const decoded = decodeText(bytes);
  if ('problem' in decoded) {
    text = decoded.text;
    return fail(decoded.problem.message, decoded.problem.hint, decoded.problem.offset);
  }
  text = decoded.text;

  if (!ID_PATTERN.test(id)) {
    const suggestion = id.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    report.add({
      file: display,
      severity: 'error',
      rule: 'id',
      message: `Unexpected file name \`${path.basename(abs)}\`: an id must be lowercase kebab-case`,
      hint: !suggestion
        ? 'Rename it to a lowercase kebab-case id, such as `viewing-events.md`.'
        : existsSync(path.join(path.dirname(abs), suggestion + ext.toLowerCase()))
          ? `Rename it to a lowercase kebab-case id; \`${suggestion}${ext.toLowerCase()}\` is already taken by another file, so merge the two or choose another id.`
          : `Rename it to \`${suggestion}${ext.toLowerCase()}\`.`,
    });
    return undefined;
  }

  const split = splitEntry(text, ext);
  if ('message' in split) return fail(split.message, split.hint, split.offset);

  const source: SourceFile = { file: display, path: relative, absPath: abs, kind, id, text, yamlOffset: split.yamlOffset, yamlText: split.yamlText, body: split.body, bodyLine: split.bodyLine };
  report.addFile(display, source);
  return source;
}

/**
 * An entry file read before, whose text is read again only when something asks for it: a
 * file whose stat is unchanged since its parse was cached (`parse-cache.ts`) need not be
 * read, and `check` places its few problems in a few files. `known` is where its YAML and
 * body lay then. The text read must be the one the cached parse was made of (`matches`):
 * a file changed since (while the command ran) throws a ReadError asking to run it again,
 * as the parse no longer describes it. A text read is kept for the next reader, or, with
 * `weakly`, only until memory is wanted (see `release-texts.ts`).
 */
export function deferredEntryFile(
  abs: string,
  kind: Kind,
  root: string,
  display: string,
  known: Pick<EntryParts, 'yamlOffset' | 'bodyLine'>,
  options: LoadOptions,
  matches: (text: string) => boolean,
  weakly = false,
): { source: SourceFile; entry: (data: () => unknown) => SourceFile & { data: unknown } } {
  const ext = path.extname(abs);
  type Parts = { text: string; yamlText: string; body: string };
  let read: { deref(): Parts | undefined } | undefined;
  const parts = () => {
    const held = read?.deref();
    if (held) return held;
    let text: string | undefined;
    try {
      const decoded = decodeText(readBytes(abs, options.maxFileBytes));
      if (!('problem' in decoded)) text = decoded.text;
    } catch (error) {
      if (!(error instanceof ReadError)) throw error;
    }
    const split = text === undefined ? undefined : splitEntry(text, ext);
    if (text === undefined || !split || 'message' in split || split.yamlOffset !== known.yamlOffset || !matches(text)) {
      throw new ReadError(abs, { message: 'File changed while Cardcat was reading the catalog', hint: 'Run the command again.' });
    }
    const fresh = { text, yamlText: split.yamlText, body: split.body };
    read = weakly ? new WeakRef(fresh) : { deref: () => fresh };
    return fresh;
  };
  const file = display;
  const relative = relativePath(root, abs);
  const id = path.basename(abs, ext);
  const { yamlOffset, bodyLine } = known;
  // Object literals, in the order `readEntryFile` gives the fields so the two serialize
  // alike: an object with properties defined one by one took several times as long to make.
  return {
    source: {
      file, path: relative, absPath: abs, kind, id,
      get text() { return parts().text; },
      yamlOffset,
      get yamlText() { return parts().yamlText; },
      get body() { return parts().body; },
      bodyLine,
    },
    entry: (data) => ({
      file, path: relative, absPath: abs, kind, id,
      get text() { return parts().text; },
      yamlOffset,
      get yamlText() { return parts().yamlText; },
      get body() { return parts().body; },
      bodyLine,
      get data() { return data(); },
    }),
  };
}

/** Where an entry's YAML and body lie in its text. */
interface EntryParts {
  yamlText: string;
  yamlOffset: number;
  body: string;
  bodyLine: number;
}

/** The YAML and body of an entry file's text (`ext`: its extension), or what keeps it from being an entry. */
function splitEntry(text: string, ext: string): EntryParts | ReadProblem {
  let yamlText = text;
  let yamlOffset = 0;
  let body = '';
  let bodyLine = 1;
  // A carriage return alone ends a line for some editors and for nothing else: YAML reads the
  // lines as one, and reports nesting or keys where the cause is the line ends.
  const loneCr = (offset: number): ReadProblem => ({
    message: 'Line ends in a carriage return alone (`\\r` without `\\n`), which YAML does not read as a line end (old Mac line ends)',
    hint: 'Save the file with LF (or CRLF) line ends; `\\r\\r\\n` comes from converting line ends twice.',
    offset,
  });
  if (ext.toLowerCase() === '.md') {
    const opening = /^---[ \t]*\r(?!\n)/.exec(text);
    if (opening) return loneCr(opening[0].length - 1);
    if (!/^---[ \t]*\r?\n/.test(text)) {
      return { message: 'Missing front matter: a Markdown entry starts with a `---` line, its YAML, and another `---` line', hint: `Start the file with:\n---\ntitle: …\n---` };
    }
    if (!/\r?\n---[ \t]*(\r?\n|$)/.test(text.slice(3))) {
      return { message: 'Front matter is never closed: no second `---` line after the YAML', hint: 'Add a line `---` after the last front-matter field.' };
    }
    // Split as gray-matter, which this replaced, split (the corpus tests were written against
    // it): the front matter runs from the opening `---` to the first `\n---` (found above),
    // and the body starts after that `---` and one line end. gray-matter also copied every
    // file into a Buffer, and cost 0.4 s of check's 6 s at 10,000 entries.
    const close = text.indexOf('\n---', 3);
    const matter = text.slice(3, close);
    // With CRLF line ends the YAML would keep a final `\r`, which YAML reads as a stray
    // character after a closing `}` or `]`.
    yamlText = matter.endsWith('\r') ? matter.slice(0, -1) : matter;
    yamlOffset = 3;
    body = text.slice(close + 4);
    if (body.startsWith('\r')) body = body.slice(1);
    if (body.startsWith('\n')) body = body.slice(1);
    bodyLine = countLines(text, text.length - body.length);
  }

  const cr = yamlText.search(/\r(?!\n)/);
  if (cr >= 0) return loneCr(yamlOffset + cr);
  return { yamlText, yamlOffset, body, bodyLine };
}

/** The fields a file's parsed YAML holds, or undefined (after reporting its problems) when it holds none. */
export function entryValue(source: SourceFile, parsed: YamlValue, report: Reporter): object | undefined {
  const { file: display, yamlOffset, yamlText } = source;
  for (const problem of parsed.problems) {
    report.add({
      file: display,
      severity: 'error',
      rule: 'yaml',
      message: problem.message,
      hint: yamlHint(problem.code),
      at: { offset: yamlOffset + problem.offset },
      related: problem.related && [{ file: display, at: { offset: yamlOffset + problem.related.offset }, message: problem.related.message }],
    });
  }
  if (parsed.value === undefined && parsed.problems.length > 0) return undefined;
  const value = parsed.value ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    report.add({
      file: display,
      severity: 'error',
      rule: 'yaml',
      message: `Expected the ${path.extname(source.path).toLowerCase() === '.md' ? 'front matter' : 'file'} to be a mapping of fields, found ${Array.isArray(value) ? 'a list' : `\`${String(value)}\``}`,
      hint: 'Write one `field: value` per line, starting with `title:`.',
      // At the value itself, not the end of the opening `---` line.
      at: { offset: yamlOffset + Math.max(0, yamlText.search(/\S/)) },
    });
    return undefined;
  }
  return value;
}

function yamlHint(code: string): string | undefined {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'Each key may appear once per mapping; remove or merge the repeated one.';
    case 'TAB_AS_INDENT':
      return 'YAML indents with spaces only; replace the tab.';
    case 'MISSING_CHAR':
    case 'MISSING_CLOSING_QUOTE':
    case 'BAD_SCALAR_START':
      return 'Quote values that contain `:`, `#`, `[` or start with a special character.';
    case 'ALIAS_COUNT':
      return 'Anchors and aliases are limited so a file cannot expand without bound; write the values out.';
    case 'BAD_INDENT':
      return 'Close every `[` and `{` that opens here, and indent nested lines more than their parent.';
    case 'ALIAS':
      return 'Set the anchor (`&name`) on a value before the alias (`*name`) that repeats it, and never inside it.';
    case 'TOO_DEEP':
      return 'Entries need a few levels of nesting at most; check for an unclosed `[` or `{`, or flatten the structure.';
    case 'LONE_CR':
      return 'Save the file with LF or CRLF line ends; `\\r\\r\\n` comes from converting line ends twice.';
    case 'RESERVED_KEY':
      return 'Rename the key.';
    case 'COMPLEX_KEY':
      return 'Write keys as plain text, such as `name:`.';
    case 'MULTIPLE_DOCS':
      return 'Put each entry in its own file; in Markdown, the front matter ends at the second `---`.';
    case 'TAG_RESOLVE_FAILED':
      return 'Remove the `!tag`: entries hold plain text, numbers, booleans, lists and mappings.';
    default:
      return undefined;
  }
}
