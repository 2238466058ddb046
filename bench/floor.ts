/**
 * The floor `check` is measured against: read every entry file, parse its YAML and its
 * kind's Zod schema, and nothing else (no positions, no graph, no rules, no report).
 * It parses YAML as the core does, with the same parser on every core (`yaml-pool.ts`),
 * so the ratio measures what `check` adds, not how it parses. It keeps what it parsed, as
 * any reader of a whole catalog must: parsed values that die at once cost the garbage
 * collector far less than values that live, which would flatter the floor.
 * Usage: node bench/floor.ts CONTENT_DIR
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { KINDS, kindOfFolder, type Kind } from '../schemas/index.ts';
import { parseAllYaml } from '../src/lib/load/yaml-pool.ts';

const root = process.argv[2];
if (!root) throw new Error('Usage: node bench/floor.ts CONTENT_DIR');
const files: { kind: Kind; yaml: string }[] = [];
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
    files.push({ kind, yaml });
  }
}
const parsed: unknown[] = [];
let invalid = 0;
parseAllYaml(files.map((f) => f.yaml)).forEach(({ value }, i) => {
  const result = KINDS[files[i]!.kind].schema.safeParse(value);
  if (result.success) parsed.push(result.data);
  else invalid++;
});
const valid = parsed.length;
process.stdout.write(`${JSON.stringify({ valid, invalid })}\n`);
