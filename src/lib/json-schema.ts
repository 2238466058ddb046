/** JSON Schema for each kind, from the Zod schemas, for editor completion and hovers. */
import * as z from 'zod';
import { config } from '../../schemas/config.ts';
import { KIND_NAMES, KINDS } from '../../schemas/index.ts';

/** File name → JSON text, for every kind and the config. */
export function jsonSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  const schemas: [string, z.ZodType][] = [...KIND_NAMES.map((k): [string, z.ZodType] => [k, KINDS[k].schema]), ['config', config]];
  for (const [name, schema] of schemas) {
    // `input`: editors check what authors write, before defaults and transforms.
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-07' });
    out[`${name}.schema.json`] = `${JSON.stringify({ ...json, $id: `${name}.schema.json`, title: name }, null, 2)}\n`;
  }
  return out;
}
