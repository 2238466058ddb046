/**
 * The options of a maintainers' script (`npm run bench`, `npm run a11y`): `--help` prints its
 * usage, and an unknown or malformed option prints what is wrong and the usage, exiting 2,
 * rather than parseArgs's stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export function scriptOptions<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  try {
    return parseArgs(config);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${usage}\n`);
    process.exit(2);
  }
}
