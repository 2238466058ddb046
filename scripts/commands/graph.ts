/** `graph`: what an entry depends on and what depends on it, with depth and path. */
import { parseArgs } from 'node:util';
import { closureJson, closureMermaid, closureReport, closureText } from '../../src/lib/graph/closure-report.ts';
import { didYouMean } from '../../src/lib/suggest.ts';
import type { Catalog } from '../../src/lib/types.ts';
import { CATALOG_OPTIONS, loadCatalog, oneOf, UsageError, type Io } from '../cli.ts';

const FORMATS = ['text', 'mermaid', 'json'] as const;
const GRAPH_USAGE = 'Usage: npm run graph -- <id> [--up|--down] [--depth N] [--format text|mermaid|json] [--max-nodes N] [--no-cache]';

export function graph(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    options: {
      ...CATALOG_OPTIONS,
      up: { type: 'boolean', default: false },
      down: { type: 'boolean', default: false },
      depth: { type: 'string' },
      format: { type: 'string', default: 'text' },
      'max-nodes': { type: 'string' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout(GRAPH_USAGE);
    return 0;
  }
  const [id, ...extra] = positionals;
  if (!id || extra.length > 0) {
    throw new UsageError(`Expected one entry id.\n${GRAPH_USAGE}`);
  }
  const format = oneOf(values.format, FORMATS);
  const depth = positiveInteger(values.depth, '--depth');
  const maxNodes = positiveInteger(values['max-nodes'], '--max-nodes');

  const catalog = loadCatalog(io, values);
  requireEntry(catalog, id);
  // Neither flag means both directions: the whole neighbourhood.
  const both = !values.up && !values.down;
  const report = closureReport(catalog, id, { up: both || values.up, down: both || values.down, ...(depth === undefined ? {} : { depth }) });
  if (format === 'json') io.stdout(closureJson(report));
  else if (format === 'mermaid') io.stdout(closureMermaid(catalog, report, maxNodes === undefined ? {} : { maxNodes }));
  else io.stdout(closureText(report));
  return 0;
}

export function positiveInteger(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`Unexpected ${flag} \`${value}\`, expected a whole number of 1 or more`);
  return Number(value);
}

/** An id the graph does not know: a typo, or a file whose problems keep it out of the catalog. */
export function requireEntry(catalog: Catalog, id: string): void {
  if (catalog.byId.has(id)) return;
  const file = [...catalog.files.values()].find((f) => f.id === id);
  if (file) {
    throw new UsageError(`\`${id}\` (${file.file}) has problems that keep it out of the graph; run \`npm run check\` and fix them first.`, 1);
  }
  const hint = didYouMean(id, catalog.byId.keys());
  throw new UsageError(`No entry \`${id}\` in ${catalog.root}.${hint ? ` ${hint}` : ''}`);
}
