/**
 * `export <format>`: the catalog in the formats the ecosystem reads. Writes under --out;
 * an existing file is never replaced unless --force says so.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, EXPORTERS, exportProblems } from '../../src/lib/interchange/export/index.ts';
import { replaceFile, writeNewFile } from '../../src/lib/safe-write.ts';
import { visibleLine } from '../../src/lib/terminal-text.ts';
import { CATALOG_OPTIONS, loadCatalog, oneOf, UsageError, shownPath, type Io } from '../cli.ts';

export const EXPORT_HELP = `Usage: npm run export -- <format> [--content DIR] [--out DIR] [--force] [--no-cache]

Formats: ${EXPORT_FORMATS.map((f) => `${f} (${EXPORTERS[f].label})`).join(', ')}.
Files are written under --out (default: dist-export/). Existing files are left alone and
reported unless --force replaces them.`;

export function exportCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    options: {
      ...CATALOG_OPTIONS,
      out: { type: 'string', default: 'dist-export' },
      force: { type: 'boolean', default: false },
      today: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.stdout(EXPORT_HELP);
    return 0;
  }
  const [format] = positionals;
  if (!format || positionals.length > 1) throw new UsageError(`Expected one format.\n\n${EXPORT_HELP}`);
  const kind = oneOf(format, EXPORT_FORMATS, 'export format');
  const out = path.resolve(io.cwd, values.out);
  // Said before the catalog is built, as `import` says it; a folder that cannot be made or
  // written to is reported by the first write (see safe-write's WriteError).
  if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageError(`--out \`${values.out}\` is a file, not a folder`);
  const catalog = loadCatalog(io, values);
  const files = EXPORTERS[kind].run(catalog);
  const display = (abs: string) => shownPath(io, abs);
  const kept: string[] = [];
  let written = 0;
  for (const file of files) {
    const abs = path.join(out, file.path);
    if (existsSync(abs) && !values.force) {
      kept.push(display(abs));
      continue;
    }
    if (values.force) replaceFile(abs, file.text);
    else writeNewFile(abs, file.text);
    written++;
  }
  const errors = catalog.diagnostics.filter((d) => d.severity === 'error').length;
  io.stdout(`Wrote ${written} file${written === 1 ? '' : 's'} under ${visibleLine(display(out))} (${EXPORTERS[kind].label}).`);
  if (kept.length) {
    io.stdout(`Left ${kept.length} existing file${kept.length === 1 ? '' : 's'} alone (pass --force to replace them):`);
    for (const k of kept) io.stdout(`  ${visibleLine(k)}`);
  }
  for (const problem of exportProblems(kind, files)) io.stdout(`Warning: ${problem}`);
  if (errors) io.stdout(`Note: the catalog has ${errors} error${errors === 1 ? '' : 's'}; entries that fail their schema are not exported. Run \`npm run check\`.`);
  return kept.length ? 1 : 0;
}
