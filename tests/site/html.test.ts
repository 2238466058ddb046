import { describe, expect, it } from 'vitest';
import { badgeHtml, escapeHtml, refHtml } from '../../src/lib/view/html.ts';

describe('HTML written as strings', () => {
  it('escapes every character that could open a tag or close an attribute', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('links an entry by its title, with its description as the tooltip', () => {
    expect(refHtml('churn', { title: 'Churn <labels>', description: 'Who "left"', url: '/datasets/churn/' })).toBe(
      '<a href="/datasets/churn/" title="Who &quot;left&quot;">Churn &lt;labels&gt;</a>',
    );
    expect(refHtml('churn', { title: 'Churn', url: '/datasets/churn/' })).toBe('<a href="/datasets/churn/" title="Churn">Churn</a>');
    expect(refHtml('churn', { title: 'Churn', url: '/datasets/churn/' }, false)).toBe('<a href="/datasets/churn/">Churn</a>');
  });

  it('shows an id the catalog does not hold as code, escaped', () => {
    expect(refHtml('<img src=x>', undefined)).toBe('<code>&lt;img src=x&gt;</code>');
  });

  it('shows a status or stage as a badge styled by its value, escaped', () => {
    expect(badgeHtml('deprecated')).toBe('<span class="badge status-deprecated">deprecated</span>');
    expect(badgeHtml('production', 'stage')).toBe('<span class="badge stage-production">production</span>');
    expect(badgeHtml('"><x')).toBe('<span class="badge status-&quot;&gt;&lt;x">&quot;&gt;&lt;x</span>');
  });
});
