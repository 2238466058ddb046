/** Repeated texts in parsed values become one string each: same values, less memory. */
import { describe, expect, it } from 'vitest';
import { shareStrings } from '../../src/lib/load/shared-strings.ts';
import { heapAfterGc } from '../helpers/heap.ts';

describe('sharing repeated strings', () => {
  it('leaves every value as it was, however nested', () => {
    const make = () => [
      { title: 'A', schema: [{ name: 'id', type: 'integer' }, { name: 'n', type: 'integer', values: ['x', 'x', 1, null] }] },
      ['integer', { deep: { deeper: ['integer', true, 2.5] } }],
      'top-level strings are left as they are',
      null,
    ];
    const values = make();
    shareStrings(values);
    expect(values).toEqual(make());
  });

  it('keeps one string for each repeated text', () => {
    // 50,000 separate copies of one 100-character description, as parsing makes them.
    const text = 'd'.repeat(100);
    const made = () => Array.from({ length: 50_000 }, () => ({ description: text.split('').join('') }));
    const before = heapAfterGc();
    const values = made();
    const unshared = heapAfterGc() - before;
    shareStrings(values);
    const shared = heapAfterGc() - before;
    expect(values[1]!.description).toBe(text);
    // The objects stay; the 50,000 strings (over 5 MB) become one.
    expect(shared).toBeLessThan(unshared / 2);
  });
});
