/** Builds catalogs from hostile files (text or raw bytes) and prints what the loader reported. */
import path from 'node:path';
import { buildCatalog } from '../../src/lib/catalog.ts';
import type { Catalog, Diagnostic } from '../../src/lib/types.ts';
import { OWNERS, writeProject } from '../helpers/catalog.ts';

export const TODAY = '2026-11-23';

/** A valid dataset's fields, so a fixture adds only the problem under test. */
export const DATASET = 'title: A\ndescription: A dataset.\nowners: [data-team]\nreviewed: 2026-11-01\n';

/** A catalog of `content` (paths under `content/`) plus the shared owners, and its project folder. */
export function hostile(content: Record<string, string | Uint8Array>, config?: string): { catalog: Catalog; project: string } {
  const files: Record<string, string | Uint8Array> = {};
  for (const [name, text] of Object.entries({ ...OWNERS, ...content })) files[`content/${name}`] = text;
  if (config !== undefined) files['cardcat.config.yaml'] = config;
  const project = writeProject(files);
  return { catalog: buildCatalog(path.join(project, 'content'), { today: TODAY }), project };
}

/** One diagnostic per line: place, severity, rule and message, then hint and related places. */
export function show(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const lines = [`${d.file}:${d.line}:${d.column} ${d.severity} [${d.rule}] ${d.message}`];
      if (d.hint) lines.push(`  hint: ${d.hint}`);
      for (const r of d.related ?? []) lines.push(`  see: ${r.file}:${r.line}:${r.column} ${r.message}`);
      return lines.join('\n');
    })
    .join('\n');
}

/** The diagnostics `content` produces, shown for an inline snapshot. */
export function report(content: Record<string, string | Uint8Array>, config?: string): string {
  return show(hostile(content, config).catalog.diagnostics);
}
