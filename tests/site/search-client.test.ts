import { describe, expect, it } from 'vitest';
import { namedFirst } from '../../src/components/search-client.ts';

const result = (title: string, synonyms?: string) => ({ meta: { title, ...(synonyms ? { synonyms } : {}) } });

describe('search results, the entries a query names first', () => {
  it('moves an entry whose title or synonym is the query before those that mention it, keeping the rest in order', () => {
    const results = [result('Table 1'), result('Table 2'), result('Churn', 'attrition|cancellation'), result('Table 3')];
    expect(namedFirst('  Attrition ', results).map((r) => r.meta.title)).toEqual(['Churn', 'Table 1', 'Table 2', 'Table 3']);
    expect(namedFirst('table 3', results).map((r) => r.meta.title)).toEqual(['Table 3', 'Table 1', 'Table 2', 'Churn']);
  });

  it('leaves the order alone when no entry is named by the query', () => {
    const results = [result('Table 1'), result('Churn', 'attrition')];
    expect(namedFirst('attrition per week', results)).toEqual(results);
  });
});
