/** `check`: validate the catalog and report every problem, for people, CI and machines. */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCatalog, ContentFolderError } from '../../src/lib/catalog.ts';
import { formatGithub } from '../../src/lib/format/github.ts';
import { formatJson } from '../../src/lib/format/json.ts';
import { formatPretty } from '../../src/lib/format/pretty.ts';
import { contentDir, UsageError, type Io } from '../cli.ts';

const FORMATS = ['pretty', 'json', 'github'] as const;
const CHECK_USAGE = `Usage: npm run check -- [--content DIR] [--config FILE] [--format pretty|json|github] [--today YYYY-MM-DD]

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage error.`;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function check(args: string[], io: Io): number {
  const { values } = parseArgs({
    args,
    options: {
      help: { type: 'boolean', short: 'h', default: false },
      content: { type: 'string' },
      config: { type: 'string' },
      format: { type: 'string', default: 'pretty' },
      today: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.stdout(CHECK_USAGE);
    return 0;
  }
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) {
    throw new UsageError(`Unknown format \`${values.format}\`, expected one of ${FORMATS.map((f) => `\`${f}\``).join(', ')}`);
  }
  // Both are the user's to fix, so they are usage errors rather than a crash or a silent default.
  const configFile = values.config === undefined ? undefined : path.resolve(io.cwd, values.config);
  if (configFile !== undefined && !(existsSync(configFile) && statSync(configFile).isFile())) {
    throw new UsageError(`Config file \`${values.config}\` does not exist or is not a file`);
  }
  if (values.today !== undefined && !isDay(values.today)) {
    throw new UsageError(`Unexpected \`--today ${values.today}\`, expected a date written YYYY-MM-DD, such as \`2026-11-23\``);
  }
  let catalog;
  try {
    catalog = buildCatalog(contentDir(io, values.content), {
      ...(configFile ? { configFile } : {}),
      ...(values.today ? { today: values.today } : {}),
    });
  } catch (error) {
    if (error instanceof ContentFolderError) throw new UsageError(error.message);
    throw error;
  }
  const { diagnostics } = catalog;
  if (format === 'json') io.stdout(formatJson(diagnostics, catalog.entries.length));
  else if (format === 'github') {
    const text = formatGithub(diagnostics);
    if (text) io.stdout(text);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    io.stdout(`${plural(catalog.entries.length, 'entry', 'entries')} checked: ${plural(errors, 'error')}, ${plural(diagnostics.length - errors, 'warning')}.`);
  } else {
    io.stdout(`Checked ${catalog.entries.length} entries in ${catalog.root}\n`);
    io.stdout(formatPretty(diagnostics, { color: io.color, sources: catalog.files }));
  }
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}
