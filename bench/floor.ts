/**
 * The floor `check` is measured against: read every entry file, parse its YAML and its
 * kind's Zod schema, and nothing else (no positions, no graph, no rules, no report).
 * It uses the same YAML parser as the core, since positions for diagnostics need it.
 * Usage: node bench/floor.ts CONTENT_DIR
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { KINDS, kindOfFolder } from '../schemas/index.ts';

const root = process.argv[2];
if (!root) throw new Error('Usage: node bench/floor.ts CONTENT_DIR');
let valid = 0;
let invalid = 0;
for (const folder of readdirSync(root)) {
  const kind = kindOfFolder.get(folder);
  if (!kind) continue;
  for (const name of readdirSync(path.join(root, folder))) {
    const text = readFileSync(path.join(root, folder, name), 'utf8');
    let yaml = text;
    if (name.endsWith('.md')) {
      const end = text.indexOf('\n---', 3);
      yaml = text.slice(4, end + 1);
    }
    const result = KINDS[kind].schema.safeParse(parse(yaml, { schema: 'core', uniqueKeys: true }));
    if (result.success) valid++;
    else invalid++;
  }
}
process.stdout.write(`${JSON.stringify({ valid, invalid })}\n`);
