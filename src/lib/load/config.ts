/** Reads `cardcat.config.yaml`, validated like any entry, with defaults for what it leaves out. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type * as z from 'zod';
import { config as configSchema, type Config } from '../../../schemas/config.ts';
import { readTextFile, ReadError } from './read-file.ts';
import type { Problem } from './reporter.ts';
import { issuesToProblems } from './schema-issues.ts';
import { parseYaml } from './yaml.ts';

export const CONFIG_FILE = 'cardcat.config.yaml';

export const DEFAULT_CONFIG: Config = configSchema.parse({});

export interface LoadedConfig {
  config: Config;
  /** The file read, if any, with its text for code frames. */
  file?: { abs: string; text: string };
  problems: Problem[];
}

/** The config beside the content folder (in its parent), or the defaults when there is none. */
export function findConfig(contentRoot: string): string | undefined {
  const candidate = path.join(path.dirname(path.resolve(contentRoot)), CONFIG_FILE);
  return existsSync(candidate) ? candidate : undefined;
}

export function loadConfig(abs: string | undefined, display: (abs: string) => string): LoadedConfig {
  if (!abs) return { config: DEFAULT_CONFIG, problems: [] };
  const shown = display(abs);
  let text: string;
  try {
    // Read as entries are: a config that is a pipe, a device, huge or not UTF-8 is reported.
    text = readTextFile(abs, DEFAULT_CONFIG.max_file_bytes);
  } catch (error) {
    if (!(error instanceof ReadError)) throw error;
    return { config: DEFAULT_CONFIG, problems: [{ file: shown, severity: 'error', rule: 'config', message: error.problem.message, hint: error.problem.hint }] };
  }
  const file = { abs, text };
  const parsed = parseYaml(text);
  const problems: Problem[] = parsed.problems.map((p) => ({
    file: shown,
    at: { offset: p.offset },
    severity: 'error',
    rule: 'config',
    message: p.message,
  }));
  if (parsed.value === undefined && problems.length) return { config: DEFAULT_CONFIG, file, problems };
  const result = configSchema.safeParse(parsed.value ?? {}, { reportInput: true });
  if (result.success) return { config: result.data, file, problems };
  problems.push(...issuesToProblems(result.error.issues, configSchema, shown).map((p) => ({ ...p, rule: 'config' })));
  return { config: salvage(parsed.value, result.error.issues), file, problems };
}

/**
 * The config without what was reported: unknown keys dropped, bad values back to their
 * defaults, the rest kept. One misspelt key must not cost a catalog its uses vocabulary
 * and rule severities, which would turn into dozens of follow-on errors elsewhere.
 */
function salvage(value: unknown, issues: readonly z.core.$ZodIssue[]): Config {
  let input: unknown = structuredClone(value);
  for (let round = 0; round < 8; round++) {
    for (const issue of issues) {
      const path = issue.path as PropertyKey[];
      if (issue.code === 'unrecognized_keys') for (const key of issue.keys) drop(input, [...path, key]);
      else if (path.length === 0) input = {};
      else drop(input, path);
    }
    const again = configSchema.safeParse(input);
    if (again.success) return again.data;
    issues = again.error.issues;
  }
  return DEFAULT_CONFIG;
}

/** Removes the value at `path` from `root`, so its default applies. */
function drop(root: unknown, path: readonly PropertyKey[]): void {
  let node = root;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return;
    node = (node as Record<PropertyKey, unknown>)[key as string];
  }
  const last = path.at(-1);
  if (node === null || typeof node !== 'object' || last === undefined) return;
  if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
  else delete (node as Record<PropertyKey, unknown>)[last as string];
}
