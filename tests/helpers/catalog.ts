/** Builds small catalogs from inline files in a temporary folder, for rule and loader tests. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { buildCatalog, type BuildOptions } from '../../src/lib/catalog.ts';
import type { Catalog, Diagnostic } from '../../src/lib/types.ts';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A temporary project: `files` maps paths (relative to the project) to their text. */
export function writeProject(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'cardcat-test-'));
  folders.push(root);
  for (const [name, text] of Object.entries(files)) {
    const abs = path.join(root, name);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  mkdirSync(path.join(root, 'content'), { recursive: true });
  return root;
}

/** A catalog from content files (paths relative to `content/`) and an optional config. */
export function catalogOf(content: Record<string, string>, options: BuildOptions & { config?: string } = {}): Catalog {
  const files: Record<string, string> = {};
  for (const [name, text] of Object.entries(content)) files[`content/${name}`] = text;
  if (options.config !== undefined) files['cardcat.config.yaml'] = options.config;
  const root = writeProject(files);
  const { config: _config, ...rest } = options;
  return buildCatalog(path.join(root, 'content'), { today: '2026-11-23', ...rest });
}

/** Diagnostics of one rule, as `file:line:col message` strings for readable snapshots. */
export function problems(catalog: Catalog, rule?: string): string[] {
  return catalog.diagnostics
    .filter((d: Diagnostic) => rule === undefined || d.rule === rule)
    .map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message}`);
}

/** A minimal valid team and person, so fixtures can name owners. */
export const OWNERS: Record<string, string> = {
  'teams/data-team.yaml': 'title: Data team\nmembers:\n  - { name: Dee Ata, email: dee@example.com }\n',
  'people/dee-ata.yaml': 'title: Dee Ata\nemail: dee@example.com\nteams: [data-team]\n',
};
