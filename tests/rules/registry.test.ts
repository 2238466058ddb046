import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_CHECKS, RULES } from '../../src/lib/rules/index.ts';

describe('the rule registry', () => {
  it('gives every rule a unique kebab-case id, a default severity and a doc', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(['error', 'warning']).toContain(rule.severity);
      expect(rule.doc.length, rule.id).toBeGreaterThan(80);
      expect(BUILT_IN_CHECKS[rule.id], rule.id).toBeUndefined();
    }
  });

  it('has a test file for every rule', () => {
    const missing = RULES.map((r) => r.id).filter((id) => !existsSync(path.join(import.meta.dirname, `${id}.test.ts`)));
    expect(missing).toEqual([]);
  });
});
