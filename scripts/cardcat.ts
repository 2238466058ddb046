#!/usr/bin/env node
/** The Cardcat command line. Every command is a function of its arguments and working folder. */
import { enableCompileCache } from 'node:module';
import path from 'node:path';
import { ReadError } from '../src/lib/load/read-file.ts';
import { WriteError } from '../src/lib/safe-write.ts';
import { visible, visibleLine } from '../src/lib/terminal-text.ts';
// Only the type: `cli.ts` loads the whole core, which must wait until the compile cache is on.
import type { Io } from './cli.ts';

const HELP = `Cardcat: a git-based data catalog and model-card generator.

Usage: npm run <command> -- [options]

Commands:
  check    Validate the catalog and report every problem.
           --content DIR      catalog folder (default: content/, or $CATALOG_DIR)
           --config FILE      config file (default: cardcat.config.yaml beside the content folder)
           --format FORMAT    pretty (default), json or github
           --today YYYY-MM-DD the day to measure staleness and expiry against

  new <kind> <id>
           Write a new entry from its kind's template; never replaces a file.
           Kinds: dataset, model, feature, source, team, person, glossary, license.
           --title TEXT       the title (default: from the id)
           --description TEXT the one-line description
           --owner ID         an owning team or person (repeat for several)
           --print            print the template instead of writing it
           Exits 1, writing nothing, when the id is already taken.

  graph <id>
           What the entry depends on and what depends on it, with depth and path.
           --up | --down      one direction only (default: both)
           --depth N          at most N steps away
           --format FORMAT    text (default), mermaid or json
           --max-nodes N      cap the Mermaid chart (default 40)

  impact [--since REF] [ids…]
           Entries changed since a git ref (or named), everything downstream of them,
           broken references, new problems and owners, as Markdown for a PR comment.
           --since REF        compare the work tree with this commit, branch or tag
           --format FORMAT    markdown (default) or json
           --github-org ORG   mention teams as @ORG/<team-id> (team ids must be GitHub team slugs)
           --max-nodes N      cap the Mermaid chart (default 40)
           new, graph and impact also take --content DIR and --config FILE, as check does.

  import <format> <file-or-folder>
           Foreign metadata in as draft entries: hf-dataset, hf-model, croissant or
           frictionless. A folder imports every file in it; one bad file does not stop
           the rest. Never replaces a file.
           --out DIR          catalog folder to write into (default: content/)
           --id ID            the id of the entry (a single file only)
           --hub-id OWNER/NAME  a Hugging Face card's Hub id, so later cards resolve to it
           --format FORMAT    pretty (default) or json

  export <format>
           The catalog in a standard format: catalog (catalog.json), croissant, jsonld,
           hf (Hugging Face README.md) or mct (Model Card Toolkit JSON).
           --out DIR          where to write (default: dist-export/)
           --force            replace files already there

  probe    Check that sources, dataset locations and license texts are still there and
           unchanged (HEAD, or a ranged GET; ETag, Last-Modified, size, SHA-256), on each
           source's checked.every schedule; results go to probes.yaml beside the content folder.
           --format FORMAT    pretty (default), json or github
           --state FILE       the state file (default: probes.yaml beside the content folder)
           --all              probe every address, due or not
           Exits 1 when an address is unreachable.

  synth --entries N --out DIR
           Write a realistic synthetic catalog (DIR/content and its config) for
           benchmarks; the same seed gives the same files. Never replaces a file.
           --seed S           the random seed (default 1)
           --as-of YYYY-MM-DD the day reviews and versions are dated before

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage error.
`;

type Command = (args: string[], io: Io) => number | Promise<number>;

// Each command's modules load only when it runs: `check` in CI should not wait for the
// importers' and the synthesizer's.
const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./commands/check.ts')).check,
  new: async () => (await import('./commands/new.ts')).newEntry,
  graph: async () => (await import('./commands/graph.ts')).graph,
  impact: async () => (await import('./commands/impact.ts')).impact,
  import: async () => (await import('./commands/import.ts')).importCommand,
  export: async () => (await import('./commands/export.ts')).exportCommand,
  synth: async () => (await import('./commands/synth.ts')).synth,
  probe: async () => (await import('./commands/probe.ts')).probe,
};

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(HELP);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`Unknown command \`${visibleLine(name)}\`.\n\n${HELP}`);
    return 2;
  }
  try {
    const command = await load();
    return await command(args, io);
  } catch (error) {
    const { shownPath, UsageError } = await import('./cli.ts');
    // Messages quote what the user typed or a file held: control characters are written out.
    if (error instanceof UsageError) {
      io.stderr(visible(error.message));
      return error.code;
    }
    // A file the system would not let a command read or write: named relative to the
    // working folder, without a stack.
    if (error instanceof WriteError || error instanceof ReadError) {
      io.stderr(visible(error.message.replace(error.path, shownPath(io, error.path))));
      return 2;
    }
    // parseArgs reports unknown or malformed flags with these codes: the user's mistake.
    const code = (error as { code?: string }).code;
    if (code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`${visible((error as Error).message)}\n\nRun \`npm run ${name} -- --help\` or see the README.`);
      return 2;
    }
    throw error;
  }
}

/** The commands that read the catalog, and so keep a cache in `.cache/cardcat/` unless told `--no-cache`. */
const CACHING = new Set(['check', 'new', 'graph', 'impact', 'export', 'probe']);

if (import.meta.main) {
  // Node keeps the JavaScript it strips from Cardcat's TypeScript, and V8's code for it, beside
  // the parse cache: loading the modules took about 0.25 s of CPU of a `check` after a one-file
  // edit at 10,000 entries, and 0.1 s once kept. NODE_COMPILE_CACHE, if set, wins.
  const [name] = process.argv.slice(2);
  if (name && CACHING.has(name) && !process.argv.includes('--no-cache')) {
    enableCompileCache(process.env['NODE_COMPILE_CACHE'] ?? path.join(process.cwd(), '.cache', 'cardcat', 'compiled'));
  }
  const io: Io = {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
    color: process.stdout.isTTY === true && !process.env['NO_COLOR'],
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`Internal error: this is a bug in Cardcat, please report it with the output below.\n${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 70;
    },
  );
}
