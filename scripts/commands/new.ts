/** `new`: start an entry from its kind's template, never over an existing file. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { KIND_NAMES, KINDS, type Kind } from '../../schemas/index.ts';
import { buildCatalog, ContentFolderError, type BuildOptions } from '../../src/lib/catalog.ts';
import { formatPretty } from '../../src/lib/format/pretty.ts';
import { ID_PATTERN } from '../../src/lib/ids.ts';
import { cacheFolderFor } from '../../src/lib/load/parse-cache.ts';
import { FileExistsError, writeNewFile } from '../../src/lib/safe-write.ts';
import { didYouMean } from '../../src/lib/suggest.ts';
import { entryTemplate } from '../../src/lib/templates.ts';
import { visibleLine } from '../../src/lib/terminal-text.ts';
import { CATALOG_OPTIONS, contentDir, UsageError, type Io } from '../cli.ts';

const USAGE = `Usage: npm run new -- <kind> <id> [--title TEXT] [--description TEXT] [--owner ID]... [--print] [--no-cache]
Kinds: ${KIND_NAMES.join(', ')}.`;

export function newEntry(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    options: {
      ...CATALOG_OPTIONS,
      title: { type: 'string' },
      description: { type: 'string' },
      owner: { type: 'string', multiple: true },
      print: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const [kindName, id, ...extra] = positionals;
  if (!kindName || !id || extra.length > 0) throw new UsageError(`Expected a kind and an id.\n${USAGE}`);
  const kind = kindName as Kind;
  if (!KIND_NAMES.includes(kind)) {
    const byFolder = KIND_NAMES.find((k) => KINDS[k].folder === kindName);
    const hint = byFolder ? `Did you mean \`${byFolder}\`?` : didYouMean(kindName, KIND_NAMES);
    throw new UsageError(`Unknown kind \`${kindName}\`, expected one of ${KIND_NAMES.map((k) => `\`${k}\``).join(', ')}.${hint ? ` ${hint}` : ''}`);
  }
  const badId = (value: string, what: string) => {
    if (ID_PATTERN.test(value)) return;
    const suggestion = value
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
    throw new UsageError(
      `Unexpected ${what} \`${value}\`, expected a lowercase kebab-case id such as \`viewing-events\`.${suggestion && ID_PATTERN.test(suggestion) ? ` Did you mean \`${suggestion}\`?` : ''}`,
    );
  };
  badId(id, 'id');
  const owners = values.owner ?? [];
  for (const owner of owners) badId(owner, 'owner');

  const template = entryTemplate(kind, id, {
    ...(values.title !== undefined ? { title: values.title } : {}),
    ...(values.description !== undefined ? { description: values.description } : {}),
    owners,
  });
  if (values.print) {
    io.stdout(template.text.trimEnd());
    return 0;
  }

  const root = contentDir(io, values.content);
  const options = { ...(values.config ? { configFile: path.resolve(io.cwd, values.config) } : {}), cache: !values['no-cache'] && cacheFolderFor(root, io.cwd) };
  const before = build(root, options);
  // Ids are unique across kinds and extensions: `x.yaml` beside `x.md` would be just as ambiguous.
  const taken = [...before.files.values()].find((f) => f.id === id);
  if (taken) throw new UsageError(`\`${id}\` is already the id of \`${taken.file}\`; nothing was written. Choose another id.`, 1);

  const file = path.join(root, template.path);
  try {
    writeNewFile(file, template.text);
  } catch (error) {
    if (error instanceof FileExistsError) throw new UsageError(`\`${path.relative(io.cwd, file)}\` already exists; nothing was written.`, 1);
    throw error;
  }

  const after = build(root, options);
  const shown = [...after.files.values()].find((f) => f.absPath === file)?.file ?? path.relative(io.cwd, file);
  io.stdout(`Created ${visibleLine(shown)}`);
  const todo = after.diagnostics.filter((d) => d.file === shown);
  if (todo.length > 0) {
    io.stdout(`\nStill to fill in (\`npm run check\` reports these until they are):\n`);
    io.stdout(formatPretty(todo, { color: io.color, sources: after.files }));
  } else {
    io.stdout('It passes `npm run check`.');
  }
  if (template.path.endsWith('.md')) {
    io.stdout(`Write a few lines under each heading; the prompts in <!-- --> are hidden on the site.`);
  }
  io.stdout('Set `status: active` once it is complete.');
  return 0;
}

function build(root: string, options: BuildOptions) {
  try {
    return buildCatalog(root, options);
  } catch (error) {
    if (error instanceof ContentFolderError) throw new UsageError(error.message);
    throw error;
  }
}
