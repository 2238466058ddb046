import { describe, expect, it } from 'vitest';
import { KIND_NAMES } from '../../schemas/index.ts';
import { fieldReference } from '../../src/lib/view/field-reference.ts';

describe('field reference', () => {
  const reference = fieldReference();
  const field = (kind: string, path: string) => reference.find((k) => k.kind === kind)!.fields.find((f) => f.path === path);

  it('covers every kind', () => {
    expect(reference.map((k) => k.kind)).toEqual(KIND_NAMES);
  });

  it('documents every field, nested ones included, with the description from its schema', () => {
    const missing = reference.flatMap((k) => k.fields.filter((f) => !f.description).map((f) => `${k.kind}.${f.path}`));
    expect(missing).toEqual([]);
    expect(field('dataset', 'schema[].pii')?.description).toMatch(/Personal-data category/);
  });

  it('says which fields are required, their defaults and allowed values', () => {
    expect(field('dataset', 'title')).toMatchObject({ required: true, type: 'string' });
    expect(field('dataset', 'status')).toMatchObject({ required: false, default: '"active"', values: ['draft', 'active', 'deprecated', 'retired'] });
    expect(field('model', 'stage')?.default).toBe('"development"');
    expect(field('dataset', 'splits.parts[].name')).toMatchObject({ required: true, depth: 2 });
    expect(field('dataset', 'schema[].pii')?.values).toEqual(['none', 'pseudonymous', 'direct', 'sensitive']);
  });

  it('names patterns by what they accept rather than as regular expressions', () => {
    expect(field('dataset', 'owners')?.type).toBe('list of entry id, or id@version');
    expect(field('dataset', 'review_every')?.type).toMatch(/^duration/);
    expect(field('dataset', 'reviewed')?.type).toBe('date (YYYY-MM-DD)');
  });
});
