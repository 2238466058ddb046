/** `check`: validate the catalog and report every problem, for people, CI and machines. */
import { parseArgs } from 'node:util';
import { buildCatalog, ContentFolderError } from '../../src/lib/catalog.ts';
import { formatGithub } from '../../src/lib/format/github.ts';
import { formatJson } from '../../src/lib/format/json.ts';
import { formatPretty } from '../../src/lib/format/pretty.ts';
import { contentDir, UsageError, type Io } from '../cli.ts';

const FORMATS = ['pretty', 'json', 'github'] as const;

export function check(args: string[], io: Io): number {
  const { values } = parseArgs({
    args,
    options: {
      content: { type: 'string' },
      config: { type: 'string' },
      format: { type: 'string', default: 'pretty' },
      today: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) {
    throw new UsageError(`Unknown format \`${values.format}\`, expected one of ${FORMATS.map((f) => `\`${f}\``).join(', ')}`);
  }
  let catalog;
  try {
    catalog = buildCatalog(contentDir(io, values.content), {
      ...(values.config ? { configFile: values.config } : {}),
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
    io.stdout(`${catalog.entries.length} entries checked: ${diagnostics.filter((d) => d.severity === 'error').length} errors, ${diagnostics.filter((d) => d.severity === 'warning').length} warnings.`);
  } else {
    io.stdout(`Checked ${catalog.entries.length} entries in ${catalog.root}\n`);
    io.stdout(formatPretty(diagnostics, { color: io.color, sources: catalog.files }));
  }
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
