/**
 * `import <format> <file-or-folder>`: foreign metadata in, Cardcat entries out. Never
 * overwrites: an entry whose file exists is reported and skipped, and a bad file is
 * reported while the rest go on.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { ID_PATTERN } from '../../src/lib/ids.ts';
import { CardError } from '../../src/lib/interchange/front-matter.ts';
import { IMPORT_FORMATS, IMPORTERS, importText, knownEntryOf, placeholderOwner, type ImportedFile, type ImportFormat, type RenderedEntry } from '../../src/lib/interchange/import/index.ts';
import type { KnownEntry } from '../../src/lib/interchange/model.ts';
import { readTextFile, ReadError } from '../../src/lib/load/read-file.ts';
import { visible } from '../../src/lib/terminal-text.ts';
import { FileExistsError, writeNewFile } from '../../src/lib/safe-write.ts';
import { UsageError, shownPath, type Io } from '../cli.ts';

export const IMPORT_HELP = `Usage: npm run import -- <format> <file-or-folder> [--out DIR] [--config FILE] [--id ID] [--hub-id OWNER/NAME] [--format pretty|json]

Formats: ${IMPORT_FORMATS.map((f) => `${f} (${IMPORTERS[f].label})`).join(', ')}.
A folder imports every matching file in it. --hub-id gives a single card's Hugging Face id:
the entry is named by it and links to the Hub, so cards that name it resolve to it. Entries are written under --out (default: content/);
existing files are never replaced. Imported entries are drafts owned by the placeholder team
\`unassigned\` until someone claims them.`;

/**
 * The largest foreign file read: metadata, not data. Generous beside `max_file_bytes`, since
 * a Croissant file lists every field, but checked before reading, like every file read.
 */
const MAX_IMPORT_BYTES = 20_000_000;

export interface FileOutcome {
  file: string;
  written: string[];
  skipped: string[];
  notes: ImportedFile['notes'];
  unmapped: string[];
  error?: { message: string; line: number; column: number; hint?: string };
}

function listFiles(target: string, matches: (name: string) => boolean): string[] {
  if (!statSync(target).isDirectory()) return [target];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const dirent of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (dirent.name.startsWith('.') || dirent.name === 'node_modules') continue;
      const abs = path.join(dir, dirent.name);
      if (dirent.isDirectory()) walk(abs);
      else if (matches(dirent.name)) out.push(abs);
    }
  };
  walk(target);
  return out;
}

/** Entries already in the target folder, so references can resolve to them. */
function knownEntries(out: string, configFile: string | undefined): { known: Map<string, KnownEntry>; uses: string[]; maxBytes: number; files: Map<string, string> } {
  const known = new Map<string, KnownEntry>();
  const files = new Map<string, string>();
  if (!existsSync(out)) return { known, uses: [], maxBytes: 1_000_000, files };
  const catalog = buildCatalog(out, configFile ? { configFile } : {});
  // Every file's id, read or not: ids are unique across kinds, and a file with problems
  // still holds its id.
  for (const source of catalog.files.values()) if (!files.has(source.id)) files.set(source.id, source.absPath);
  for (const entry of catalog.entries) {
    known.set(entry.id, {
      kind: entry.kind,
      title: entry.data.title,
      ...(entry.kind === 'dataset' && entry.data.splits ? { splits: entry.data.splits.parts.map((p) => p.name) } : {}),
      ...(entry.data.links ? { links: entry.data.links.map((l) => l.url) } : {}),
    });
  }
  return { known, uses: Object.keys(catalog.config.uses), maxBytes: catalog.config.max_file_bytes, files };
}

export function importCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    options: { out: { type: 'string', default: 'content' }, config: { type: 'string' }, id: { type: 'string' }, 'hub-id': { type: 'string' }, format: { type: 'string', default: 'pretty' }, help: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.stdout(IMPORT_HELP);
    return 0;
  }
  const [format, target] = positionals;
  if (!format || !target || positionals.length > 2) throw new UsageError(`Expected a format and a file or folder.\n\n${IMPORT_HELP}`);
  if (!IMPORT_FORMATS.includes(format as ImportFormat)) {
    throw new UsageError(`Unknown import format \`${format}\`, expected one of ${IMPORT_FORMATS.map((f) => `\`${f}\``).join(', ')}`);
  }
  if (values.format !== 'pretty' && values.format !== 'json') throw new UsageError(`Unknown output format \`${values.format}\`, expected \`pretty\` or \`json\``);
  const importer = IMPORTERS[format as ImportFormat];
  const source = path.resolve(io.cwd, target);
  if (!existsSync(source)) throw new UsageError(`\`${target}\` does not exist`);
  const out = path.resolve(io.cwd, values.out);
  if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageError(`--out \`${values.out}\` is a file, not a folder`);
  const files = listFiles(source, importer.matches);
  if ((values.id !== undefined || values['hub-id'] !== undefined) && files.length !== 1) throw new UsageError('--id and --hub-id name one entry: use them with a single file');
  // The id becomes a file name: anything but an id could name a file outside --out.
  if (values.id !== undefined && !ID_PATTERN.test(values.id)) throw new UsageError(`Unexpected id \`${values.id}\`, expected a lowercase kebab-case id such as \`viewing-events\``);
  const hubId = values['hub-id'];
  if (hubId !== undefined && (!format.startsWith('hf-') || !/^[\w.-]+(\/[\w.-]+)?$/.test(hubId))) {
    throw new UsageError(`--hub-id takes a Hugging Face id such as \`Qwen/Qwen2.5-7B\`, with hf-dataset or hf-model`);
  }

  const { known, uses, maxBytes, files: taken } = knownEntries(out, values.config === undefined ? undefined : path.resolve(io.cwd, values.config));
  const display = (abs: string) => shownPath(io, abs);
  const outcomes: FileOutcome[] = [];
  const imported: ImportedFile[] = [];
  const write = (rendered: RenderedEntry, outcome: FileOutcome) => {
    const abs = path.join(out, rendered.path);
    try {
      writeNewFile(abs, rendered.text);
      outcome.written.push(display(abs));
      const bytes = Buffer.byteLength(rendered.text);
      if (bytes > maxBytes) {
        outcome.notes.push({ severity: 'warning', message: `\`${display(abs)}\` is ${bytes.toLocaleString('en')} bytes, over \`max_file_bytes\` (${maxBytes.toLocaleString('en')}): check will refuse it until it is trimmed or the limit raised` });
      }
      known.set(rendered.entry.id, knownEntryOf(rendered.entry));
    } catch (error) {
      if (!(error instanceof FileExistsError)) throw error;
      outcome.skipped.push(display(abs));
    }
  };

  const contextOf = (file: string) => ({
    known,
    uses,
    fileName: file,
    ...(values.id !== undefined ? { id: values.id } : {}),
    ...(hubId !== undefined ? { hubId } : {}),
    readRelated: (relative: string) => {
      const abs = path.resolve(path.dirname(file), relative);
      // Only files beside the package: a schema path must not reach outside its folder.
      if (!abs.startsWith(path.dirname(file) + path.sep) || !existsSync(abs)) return undefined;
      return readTextFile(abs, MAX_IMPORT_BYTES);
    },
  });
  // First pass: learn every entry the files hold, so a reference resolves whichever file
  // comes first. Nothing is written; failures are reported by the second pass.
  if (files.length > 1) {
    for (const file of files) {
      try {
        for (const rendered of importText(format as ImportFormat, readTextFile(file, MAX_IMPORT_BYTES), contextOf(file)).entries) {
          if (!known.has(rendered.entry.id)) known.set(rendered.entry.id, knownEntryOf(rendered.entry));
        }
      } catch (error) {
        if (!(error instanceof CardError || error instanceof ReadError)) throw error;
      }
    }
  }

  for (const file of files) {
    const outcome: FileOutcome = { file: display(file), written: [], skipped: [], notes: [], unmapped: [] };
    outcomes.push(outcome);
    try {
      const text = readTextFile(file, MAX_IMPORT_BYTES);
      const result = importText(format as ImportFormat, text, contextOf(file));
      outcome.notes = result.notes;
      outcome.unmapped = result.unmapped;
      // An id another file holds (of another kind, or with another extension) would be a
      // duplicate that check reports; the same file is left alone and reported as skipped.
      for (const rendered of result.entries) {
        const holder = taken.get(rendered.entry.id);
        if (holder !== undefined && holder !== path.join(out, rendered.path)) {
          throw new CardError({
            line: 1,
            column: 1,
            message: `\`${rendered.entry.id}\` is already the id of \`${display(holder)}\`; nothing was written`,
            hint: values.id === undefined ? 'Import this file on its own with `--id` and another id.' : 'Choose another `--id`: ids are unique across kinds.',
          });
        }
      }
      imported.push(result);
      for (const rendered of result.entries) write(rendered, outcome);
      const owner = placeholderOwner(known, [result]);
      if (owner) write(owner, outcome);
    } catch (error) {
      if (error instanceof ReadError) {
        // A schema file the package names is reported as that file's problem.
        const message = error.path === file ? error.problem.message : `\`${display(error.path)}\`: ${error.problem.message}`;
        outcome.error = { message, line: 1, column: 1, ...(error.problem.hint ? { hint: error.problem.hint } : {}) };
        continue;
      }
      if (!(error instanceof CardError)) throw error;
      outcome.error = { message: error.message, line: error.line, column: error.column, ...(error.hint ? { hint: error.hint } : {}) };
    }
  }

  const failed = outcomes.filter((o) => o.error).length;
  const skipped = outcomes.reduce((n, o) => n + o.skipped.length, 0);
  const written = outcomes.reduce((n, o) => n + o.written.length, 0);
  if (values.format === 'json') {
    io.stdout(JSON.stringify({ files: outcomes, counts: { files: outcomes.length, failed, written, skipped } }, null, 2));
  } else {
    // File names and everything quoted from a card are shown with control characters written out.
    const say = (text: string) => io.stdout(visible(text));
    for (const o of outcomes) {
      if (o.error) {
        say(`✗ ${o.file}:${o.error.line}:${o.error.column} ${o.error.message}${o.error.hint ? `\n    ${o.error.hint}` : ''}`);
        continue;
      }
      say(`✓ ${o.file}`);
      for (const w of o.written) say(`    wrote ${w}`);
      for (const s of o.skipped) say(`    skipped ${s}: it already exists`);
      for (const n of o.notes) say(`    ${n.severity === 'warning' ? 'warning' : 'note'}: ${n.message}`);
      if (o.unmapped.length) say(`    kept verbatim under "Imported metadata": ${o.unmapped.map((k) => `\`${k}\``).join(', ')}`);
    }
    say(`\n${outcomes.length} file${outcomes.length === 1 ? '' : 's'}: ${outcomes.length - failed} imported, ${failed} failed; ${written} written, ${skipped} skipped (already there).`);
    if (written) say('Imported entries are drafts owned by `unassigned`: give each a real owner, then run `npm run check`.');
  }
  return failed > 0 ? 1 : 0;
}
