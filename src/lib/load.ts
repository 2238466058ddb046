/**
 * Reads a content folder: the kind of each file from its folder, its id from its name,
 * its YAML (front matter or whole file) parsed once. Nothing else in Cardcat reads files.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { KIND_NAMES, KINDS, kindOfFolder, type Kind } from '../../schemas/index.ts';
import { ID_PATTERN } from './ids.ts';
import type { Reporter } from './reporter.ts';
import { didYouMean } from './suggest.ts';
import type { SourceFile } from './types.ts';
import { parseYaml } from './yaml.ts';

const ENTRY_EXTENSIONS = new Set(['.md', '.yaml', '.yml']);

export interface LoadedFile {
  source: SourceFile;
  /** The parsed YAML, or undefined when it could not be parsed (already reported). */
  value: unknown;
}

export interface LoadOptions {
  maxFileBytes: number;
}

/** Every entry file under `root`, in a stable order. Problems go to `report`; nothing throws on bad input. */
export function listEntryFiles(root: string, display: (abs: string) => string, report: Reporter['add']): { abs: string; kind: Kind }[] {
  const out: { abs: string; kind: Kind }[] = [];
  const realRoot = realpathSync(root);
  for (const dirent of readdirSync(root, { withFileTypes: true }).sort(byName)) {
    if (dirent.name.startsWith('.')) continue;
    const abs = path.join(root, dirent.name);
    const kind = kindOfFolder.get(dirent.name);
    if (!kind) {
      const folders = KIND_NAMES.map((k) => KINDS[k].folder);
      report({
        file: display(abs),
        severity: dirent.isDirectory() ? 'error' : 'warning',
        rule: 'layout',
        message: dirent.isDirectory()
          ? `Unexpected folder \`${dirent.name}\`, expected one of ${folders.map((f) => `\`${f}\``).join(', ')}`
          : `Unexpected file \`${dirent.name}\` at the top of the content folder; entries live in a kind's folder`,
        hint: dirent.isDirectory() ? (didYouMean(dirent.name, folders) ?? 'Each top-level folder holds one kind of entry.') : undefined,
      });
      continue;
    }
    walk(abs, kind);
  }
  return out;

  function walk(dir: string, kind: Kind): void {
    for (const dirent of readdirSync(dir, { withFileTypes: true }).sort(byName)) {
      if (dirent.name.startsWith('.')) continue;
      const abs = path.join(dir, dirent.name);
      let isDir = dirent.isDirectory();
      if (dirent.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(abs);
        } catch {
          report({ file: display(abs), severity: 'error', rule: 'layout', message: 'Broken symbolic link: its target does not exist' });
          continue;
        }
        if (target !== realRoot && !target.startsWith(realRoot + path.sep)) {
          report({
            file: display(abs),
            severity: 'error',
            rule: 'layout',
            message: `Symbolic link points outside the content folder, to \`${target}\``,
            hint: 'Copy the file into the catalog instead; links outside it are not followed.',
          });
          continue;
        }
        isDir = statSync(target).isDirectory();
      }
      if (isDir) {
        walk(abs, kind);
      } else if (ENTRY_EXTENSIONS.has(path.extname(dirent.name).toLowerCase())) {
        out.push({ abs, kind });
      } else {
        report({
          file: display(abs),
          severity: 'warning',
          rule: 'layout',
          message: `Ignored \`${dirent.name}\`: entries are \`.md\`, \`.yaml\` or \`.yml\` files`,
        });
      }
    }
  }
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads and parses one file. Returns undefined (after reporting) when it cannot be read as an entry. */
export function loadFile(
  abs: string,
  kind: Kind,
  root: string,
  display: string,
  report: Reporter,
  options: LoadOptions,
): LoadedFile | undefined {
  let text: string | undefined;
  const fail = (message: string, hint?: string, offset?: number) => {
    if (offset !== undefined && text !== undefined) report.addFile(display, { text, yamlOffset: 0, yamlText: '' });
    report.add({ file: display, severity: 'error', rule: 'parse', message, hint, at: offset === undefined ? undefined : { offset } });
    return undefined;
  };
  const ext = path.extname(abs);
  const relative = path.relative(root, abs).split(path.sep).join('/');
  const id = path.basename(abs, ext);
  const size = statSync(abs).size;
  if (size > options.maxFileBytes) {
    return fail(
      `File is ${size.toLocaleString('en')} bytes, over the limit of ${options.maxFileBytes.toLocaleString('en')}`,
      'Keep data out of the catalog and link to it from `location`; raise `max_file_bytes` in cardcat.config.yaml if the entry really is this large.',
    );
  }
  const bytes = readFileSync(abs);
  if (bytes.includes(0)) return fail('File is binary (it contains NUL bytes), not Markdown or YAML');
  try {
    text = utf8.decode(bytes);
  } catch {
    text = new TextDecoder().decode(bytes);
    const bad = firstInvalidUtf8(bytes);
    return fail('File is not valid UTF-8', 'Re-save the file with UTF-8 encoding.', bad);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  if (!ID_PATTERN.test(id)) {
    const suggestion = id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    report.add({
      file: display,
      severity: 'error',
      rule: 'id',
      message: `Unexpected file name \`${path.basename(abs)}\`: an id must be lowercase kebab-case`,
      hint: suggestion ? `Rename it to \`${suggestion}${ext.toLowerCase()}\`.` : 'Rename it to a lowercase kebab-case id, such as `viewing-events.md`.',
    });
    return undefined;
  }

  let yamlText = text;
  let yamlOffset = 0;
  let body = '';
  let bodyLine = 1;
  if (ext.toLowerCase() === '.md') {
    if (!/^---[ \t]*\r?\n/.test(text)) {
      return fail('Missing front matter: a Markdown entry starts with a `---` line, its YAML, and another `---` line', `Start the file with:\n---\ntitle: …\n---`);
    }
    if (!/\r?\n---[ \t]*(\r?\n|$)/.test(text.slice(3))) {
      return fail('Front matter is never closed: no second `---` line after the YAML', 'Add a line `---` after the last front-matter field.');
    }
    // Options and an engine are always passed: gray-matter caches no-options calls by text,
    // and our own engine keeps YAML parsing in one place (see yaml.ts).
    const file = matter(text, { language: 'yaml', engines: { yaml: { parse: () => ({}) } } });
    yamlText = file.matter;
    yamlOffset = 3;
    body = file.content;
    bodyLine = text.slice(0, text.length - body.length).split('\n').length;
  }

  const source: SourceFile = { file: display, path: relative, absPath: abs, kind, id, text, yamlOffset, yamlText, body, bodyLine };
  report.addFile(display, source);
  const parsed = parseYaml(yamlText);
  report.remember(display, parsed);
  for (const problem of parsed.problems) {
    report.add({
      file: display,
      severity: 'error',
      rule: 'yaml',
      message: problem.message,
      hint: yamlHint(problem.code),
      at: { offset: yamlOffset + problem.offset },
    });
  }
  if (parsed.value === undefined && parsed.problems.length > 0) return { source, value: undefined };
  const value = parsed.value ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    report.add({
      file: display,
      severity: 'error',
      rule: 'yaml',
      message: `Expected the ${ext === '.md' ? 'front matter' : 'file'} to be a mapping of fields, found ${Array.isArray(value) ? 'a list' : `\`${String(value)}\``}`,
      hint: 'Write one `field: value` per line, starting with `title:`.',
      at: { offset: yamlOffset },
    });
    return { source, value: undefined };
  }
  return { source, value };
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
    default:
      return undefined;
  }
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
