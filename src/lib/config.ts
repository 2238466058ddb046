/** Reads `cardcat.config.yaml`, validated like any entry, with defaults for what it leaves out. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { config as configSchema, type Config } from '../../schemas/config.ts';
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
  const text = readFileSync(abs, 'utf8');
  const file = { abs, text };
  const shown = display(abs);
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
  if (!result.success) {
    problems.push(...issuesToProblems(result.error.issues, configSchema, shown).map((p) => ({ ...p, rule: 'config' })));
    return { config: DEFAULT_CONFIG, file, problems };
  }
  return { config: result.data, file, problems };
}
