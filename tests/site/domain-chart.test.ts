import { describe, expect, it } from 'vitest';
import { certifiedRangeSvg, outsideTraining } from '../../src/lib/view/domain-chart.ts';

const bars = (svg: string, cls: string) =>
  [...svg.matchAll(new RegExp(`<rect class="${cls}" x="([\\d.]+)" y="\\d+" width="([\\d.]+)"`, 'g'))].map((m) => [Number(m[1]), Number(m[2])]);

describe('certified range chart', () => {
  it('draws the certified range inside the training band when the training data covers it', () => {
    const svg = certifiedRangeSvg({ feature: 'tenure_days', certified: [30, 3650], training: [0, 3650], unit: 'd' }, { width: 420, idPrefix: 'x' });
    expect(svg).toContain('aria-labelledby="x-title x-desc"');
    expect(svg).toContain('Certified 30 to 3650 d; training data 0 to 3650 d. Within the training data.');
    const [training] = bars(svg, 'training');
    const [certified] = bars(svg, 'certified');
    expect(training).toEqual([10, 400]);
    expect(certified![0]).toBeCloseTo(10 + (30 / 3650) * 400, 1);
    expect(certified![0]! + certified![1]!).toBeCloseTo(410, 1);
    expect(bars(svg, 'outside')).toEqual([]);
  });

  it('marks and says the part of the certified range beyond the training data, on either side', () => {
    const range = { feature: 'age', certified: [10, 120] as const, training: [18, 100] as const, column: 'users.age' };
    expect(outsideTraining(range)).toEqual(['10 to 18 is below the training minimum 18', '100 to 120 is above the training maximum 100']);
    const svg = certifiedRangeSvg(range, { width: 130 });
    expect(svg).toContain('(users.age). Outside the training data: 10 to 18 is below');
    // The axis runs 10..120 over 110 px: the bars are 8 px below and 20 px above.
    expect(bars(svg, 'outside')).toEqual([[10, 8], [100, 20]]);
  });

  it('escapes names and draws a one-value range with a visible width', () => {
    const svg = certifiedRangeSvg({ feature: '<b>&', certified: [5, 5], training: [5, 5] });
    expect(svg).toContain('of &lt;b&gt;&amp; against');
    expect(bars(svg, 'certified')[0]![1]).toBe(2);
  });
});
