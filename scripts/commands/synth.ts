/** `synth`: write a realistic synthetic catalog, for benchmarks and for trying Cardcat at scale. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FileExistsError, writeNewFile } from '../../src/lib/safe-write.ts';
import { MIN_ENTRIES, synthesize } from '../../src/lib/synth/generate.ts';
import { visibleLine } from '../../src/lib/terminal-text.ts';
import { UsageError, type Io } from '../cli.ts';

export function synth(args: string[], io: Io): number {
  const { values } = parseArgs({
    args,
    options: {
      entries: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      'as-of': { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const entries = Number(values.entries);
  if (values.entries === undefined || !Number.isInteger(entries) || entries < MIN_ENTRIES) {
    throw new UsageError(`Expected \`--entries N\` with N a whole number of at least ${MIN_ENTRIES}, got \`${values.entries ?? 'nothing'}\``);
  }
  if (!values.out) throw new UsageError('Expected `--out DIR`, the folder to write the catalog into (its `content/` and `cardcat.config.yaml`)');
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new UsageError(`Expected \`--seed\` to be a whole number, got \`${values.seed}\``);
  const asOf = values['as-of'];
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new UsageError(`Expected \`--as-of YYYY-MM-DD\`, got \`${asOf}\``);

  const out = path.resolve(io.cwd, values.out);
  const progress = (text: string) => {
    if (!values.quiet) io.stderr(text);
  };
  progress(`Generating ${entries.toLocaleString('en')} entries (seed ${seed})…`);
  const files = synthesize({ entries, seed, ...(asOf ? { asOf } : {}) });
  const step = Math.max(1000, Math.ceil(files.length / 10));
  let written = 0;
  const skipped: string[] = [];
  files.forEach((file, i) => {
    try {
      writeNewFile(path.join(out, file.path), file.text);
      written++;
    } catch (error) {
      if (!(error instanceof FileExistsError)) throw error;
      skipped.push(file.path);
    }
    if ((i + 1) % step === 0 && i + 1 < files.length) progress(`  ${(i + 1).toLocaleString('en')} of ${files.length.toLocaleString('en')} files`);
  });
  const relative = path.relative(io.cwd, out);
  // The folder as typed may hold control characters: written out, never obeyed.
  const shown = visibleLine(relative === '' ? '.' : relative.startsWith('..') ? out : relative);
  io.stdout(`Wrote ${written.toLocaleString('en')} files to ${shown}${skipped.length ? `; ${skipped.length.toLocaleString('en')} already existed and were left as they were (first: ${visibleLine(skipped[0]!)})` : ''}.`);
  io.stdout(`Check it with: npm run check -- --content ${path.join(shown, 'content')}`);
  return 0;
}
