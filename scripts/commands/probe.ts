/** `probe`: are the sources, dataset locations and license texts still there, and did they change? */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatGithub, formatJson, formatPretty } from '../../src/lib/probe/format.ts';
import { runProbes, runStamp } from '../../src/lib/probe/run.ts';
import { probeReport } from '../../src/lib/probe/report.ts';
import { ProbeStateError, readState, stateFileFor, writeState } from '../../src/lib/probe/state.ts';
import { probeTargets } from '../../src/lib/probe/targets.ts';
import { CATALOG_OPTIONS, loadCatalog, oneOf, UsageError, type Io } from '../cli.ts';

const FORMATS = ['pretty', 'json', 'github'] as const;
const USAGE = `Usage: npm run probe -- [--content DIR] [--config FILE] [--state FILE] [--format pretty|json|github] [--all]

Probes every http(s) address of a source (url), dataset (location.uri) or license (url)
that is due by its checked.every (or probe.every in cardcat.config.yaml), records the
results in the state file (default: probes.yaml beside the content folder) and reports
each entry as reachable, unreachable, changed or not probed.

  --all      probe every address, due or not
  --state    the state file to read and write

Exit codes: 0 everything probed is reachable, 1 something is unreachable, 2 usage error.`;

export async function probe(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...CATALOG_OPTIONS,
      format: { type: 'string', default: 'pretty' },
      state: { type: 'string' },
      all: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const format = oneOf(values.format, FORMATS);
  const catalog = loadCatalog(io, values);
  const settings = catalog.config.probe;
  const file = values.state ? path.resolve(io.cwd, values.state) : stateFileFor(catalog.root);
  const display = path.relative(io.cwd, file) || file;
  let previous;
  try {
    previous = readState(file, display);
  } catch (error) {
    if (error instanceof ProbeStateError) throw new UsageError(error.message);
    throw error;
  }

  const targets = probeTargets(catalog, settings.every);
  const now = new Date();
  // A progress line only where a person watches: a terminal, and not in CI logs.
  const progress = process.stderr.isTTY && !process.env['CI'];
  const { state, probed } = await runProbes(targets, previous, {
    now,
    http: { timeoutMs: settings.timeout_seconds * 1000, maxRedirects: settings.max_redirects, hashMaxBytes: settings.hash_max_bytes },
    concurrency: settings.concurrency,
    history: settings.history,
    all: values.all,
    ...(progress ? { onProgress: (done, total, url) => process.stderr.write(`\r\x1b[KProbing ${done}/${total}: ${url.slice(0, 100)}${done === total ? '\n' : ''}`) } : {}),
  });
  writeState(file, state);

  const report = probeReport(targets, state, probed, runStamp(now));
  if (format === 'json') io.stdout(formatJson(report));
  else if (format === 'github') io.stdout(formatGithub(report));
  else io.stdout(`${formatPretty(report, { color: io.color })}\nState written to ${display}.`);
  return report.summary.unreachable > 0 ? 1 : 0;
}
