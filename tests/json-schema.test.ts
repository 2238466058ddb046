import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../src/lib/json-schema.ts';

const dir = path.join(import.meta.dirname, '..', 'schemas', 'json');

describe('committed JSON Schema', () => {
  const fresh = jsonSchemas();

  it('has one file per kind and the config, and nothing else', () => {
    expect(readdirSync(dir).sort()).toEqual(Object.keys(fresh).sort());
  });

  it.each(Object.keys(fresh))('%s matches a fresh generation (run `npm run schemas` if not)', (name) => {
    expect(readFileSync(path.join(dir, name), 'utf8')).toBe(fresh[name]);
  });

  it('documents every property, so editors can show a hover for each field', () => {
    const undocumented: string[] = [];
    const visit = (node: unknown, where: string) => {
      if (!node || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      const properties = record['properties'] as Record<string, Record<string, unknown>> | undefined;
      for (const [key, value] of Object.entries(properties ?? {})) {
        if (!value['description']) undocumented.push(`${where}.${key}`);
      }
      for (const [key, value] of Object.entries(record)) visit(value, `${where}${key === 'properties' ? '' : `.${key}`}`);
    };
    for (const [name, text] of Object.entries(fresh)) visit(JSON.parse(text), name);
    expect(undocumented).toEqual([]);
  });
});
