/** `check`: validate the catalog and report every problem, for people, CI and machines. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatGithub } from '../../src/lib/format/github.ts';
import { formatJson } from '../../src/lib/format/json.ts';
import { formatPretty } from '../../src/lib/format/pretty.ts';
import { CONFIG_FILE, findConfig } from '../../src/lib/load/config.ts';
import { visibleLine } from '../../src/lib/terminal-text.ts';
import { CATALOG_OPTIONS, loadCatalog, oneOf, type Io } from '../cli.ts';

const FORMATS = ['pretty', 'json', 'github'] as const;
const CHECK_USAGE = `Usage: npm run check -- [--content DIR] [--config FILE] [--format pretty|json|github] [--today YYYY-MM-DD] [--no-cache]

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage error.`;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function check(args: string[], io: Io): number {
  const { values } = parseArgs({
    args,
    options: {
      ...CATALOG_OPTIONS,
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
  const format = oneOf(values.format, FORMATS);
  const catalog = loadCatalog(io, values);
  const { diagnostics } = catalog;
  if (format === 'json') io.stdout(formatJson(diagnostics, catalog.entries.length));
  else if (format === 'github') {
    const text = formatGithub(diagnostics);
    if (text) io.stdout(text);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    io.stdout(`${plural(catalog.entries.length, 'entry', 'entries')} checked: ${plural(errors, 'error')}, ${plural(diagnostics.length - errors, 'warning')}.`);
  } else {
    io.stdout(`Checked ${catalog.entries.length} entries in ${visibleLine(catalog.root)}\n`);
    // Without a config every use an entry names is unknown: say why before those errors.
    if (values.config === undefined && diagnostics.some((d) => d.rule === 'known-uses') && !findConfig(catalog.root)) {
      io.stdout(`No ${CONFIG_FILE} beside it, in ${visibleLine(path.dirname(catalog.root))}, so no use is known. \`--config FILE\` names one kept elsewhere.\n`);
    }
    io.stdout(formatPretty(diagnostics, { color: io.color, sources: catalog.files }));
  }
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
