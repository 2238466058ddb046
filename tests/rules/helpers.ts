/** Runs one rule over a small catalog and prints its diagnostics for inline snapshots. */
import type { BuildOptions } from '../../src/lib/catalog.ts';
import type { Catalog, Diagnostic } from '../../src/lib/types.ts';
import { catalogOf, OWNERS } from '../helpers/catalog.ts';

/** Diagnostics that mean the fixture itself is broken, so the rule under test never saw it. */
const LOAD_RULES = new Set(['layout', 'parse', 'id', 'yaml', 'schema', 'config']);

/** One diagnostic as a reviewer reads it: place, severity, message, then hint and related places. */
export function show(d: Diagnostic): string {
  const lines = [`${d.file}:${d.line}:${d.column} ${d.severity} ${d.message}`];
  if (d.hint) lines.push(`  hint: ${d.hint}`);
  for (const r of d.related ?? []) lines.push(`  see: ${r.file}:${r.line}:${r.column} ${r.message}`);
  return lines.join('\n');
}

/** A catalog of `content` plus the shared owners, failing loudly when a fixture does not load cleanly. */
export function build(content: Record<string, string>, options: BuildOptions & { config?: string } = {}): Catalog {
  const catalog = catalogOf({ ...OWNERS, ...content }, options);
  const broken = catalog.diagnostics.filter((d) => LOAD_RULES.has(d.rule));
  if (broken.length > 0) throw new Error(`Fixture does not load cleanly:\n${broken.map(show).join('\n')}`);
  return catalog;
}

/** The diagnostics of `rule` for `content`, one block each, or '' when it reports nothing. */
export function diagnose(rule: string, content: Record<string, string>, options: BuildOptions & { config?: string } = {}): string {
  return build(content, options)
    .diagnostics.filter((d) => d.rule === rule)
    .map(show)
    .join('\n');
}

/**
 * A file's text written indented inside a test: drops the first line break and the
 * common indentation, so line 1 of the file is the first line of the literal.
 */
export function file(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = String.raw({ raw: strings }, ...values).replace(/^\n/, '').replace(/\n[ \t]*$/, '\n');
  const indent = Math.min(...raw.split('\n').filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return raw
    .split('\n')
    .map((l) => l.slice(indent))
    .join('\n');
}
