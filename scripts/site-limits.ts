/**
 * `node scripts/site-limits.ts [DIR] [--host github|gitlab]`: prints a built site's size and
 * file count (and, where GitHub's limit is in reach, its size as the compressed upload
 * GitHub weighs), and exits 1, naming each limit it exceeds, when the host (every host
 * known when none is named) would refuse it. The Pages workflow runs it before uploading,
 * so that a site too large fails with this message rather than as a deployment error.
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { HOST_LIMITS, type HostLimit, limitsExceeded, measureSiteFor, partsReport, sizeReport, TOO_LARGE_ADVICE } from '../src/lib/publish/site-size.ts';

export async function main(argv: string[], out: (text: string) => void, err: (text: string) => void, known: readonly HostLimit[] = HOST_LIMITS): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { host: { type: 'string' } } });
  } catch (error) {
    err(`${error instanceof Error ? error.message : String(error)}\nUsage: node scripts/site-limits.ts [DIR] [--host ${HOST_LIMITS.map((h) => h.id).join('|')}]`);
    return 2;
  }
  const dir = path.resolve(parsed.positionals[0] ?? 'dist');
  const hostId = parsed.values.host;
  const hosts = hostId === undefined ? known : known.filter((h) => h.id === hostId);
  if (!hosts.length) {
    err(`Unknown host \`${hostId}\`: expected one of ${known.map((h) => `\`${h.id}\``).join(', ')}.`);
    return 2;
  }
  if (!existsSync(dir)) {
    err(`No built site at \`${dir}\`: run \`npm run build\` first.`);
    return 2;
  }
  const size = await measureSiteFor(dir, hosts, () => out('Compressing the site as the Pages upload would, to weigh it…'));
  out(sizeReport(size));
  const problems = limitsExceeded(size, hosts);
  if (!problems.length) return 0;
  err(`The site is too large to publish:\n${problems.map((p) => `  - ${p}`).join('\n')}\n${partsReport(size)}\n${TOO_LARGE_ADVICE}`);
  return 1;
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2), (t) => process.stdout.write(`${t}\n`), (t) => process.stderr.write(`${t}\n`));
}
