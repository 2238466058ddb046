import { describe, expect, it } from 'vitest';
import { classBalanceSvg } from '../../src/lib/view/balance-chart.ts';

describe('class-balance chart', () => {
  const splits = {
    method: 'stratified' as const,
    stratify_by: 'churned',
    parts: [
      { name: 'train', rows: 1000, classes: { true: 30, false: 970 } },
      { name: 'test', rows: 100, classes: { true: 3, false: 97 } },
    ],
  };

  it('draws one bar per part with a segment per class and an accessible summary', () => {
    const svg = classBalanceSvg(splits, { idPrefix: 'x' })!;
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="x-title x-desc"');
    expect(svg).toContain('train: true 3.0%, false 97%');
    expect(svg.match(/<rect class="seg seg-\d"[^>]*height="26">/g)).toHaveLength(4);
    expect(svg).toContain('<title>test, true: 3 (3.0%)</title>');
  });

  it('escapes part and class names', () => {
    const svg = classBalanceSvg({ method: 'random', parts: [{ name: '<b>', classes: { '"a&b"': 1 } }] })!;
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;b&gt;');
    expect(svg).toContain('&quot;a&amp;b&quot;');
  });

  it('draws nothing when no part has class counts', () => {
    expect(classBalanceSvg({ method: 'random', parts: [{ name: 'train', rows: 10 }] })).toBeUndefined();
  });
});
