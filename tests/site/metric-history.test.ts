import { describe, expect, it } from 'vitest';
import { metricHistorySvg, metricSeries, misses } from '../../src/lib/view/metric-history.ts';

const model = {
  version: '3.0',
  versions: [
    { version: '1.0', metrics: [{ name: 'recall', value: 0.74, objective: { min: 0.7 } }, { name: 'auc', value: 0.8 }] },
    { version: '2.0', metrics: [{ name: 'recall', value: 0.77, objective: { min: 0.75 } }, { name: 'recall', slice: 'region=EU', value: 0.7 }] },
  ],
  metrics: [
    { name: 'recall', value: 0.79, objective: { min: 0.78 } },
    { name: 'recall', slice: 'region=EU', split: 'test', value: 0.72, objective: { min: 0.7 } },
    { name: 'latency-ms', value: 90, objective: { max: 120 } },
  ],
};

describe('metric history', () => {
  it('follows each current metric back through the versions that measured it, oldest first', () => {
    expect(metricSeries(model).map((s) => [s.label, s.points.map((p) => `${p.version}=${p.value}`), s.objective])).toEqual([
      ['recall', ['1.0=0.74', '2.0=0.77', '3.0=0.79'], { min: 0.78 }],
      // Same name and slice but no split in 2.0: a different measurement, not its history.
      ['recall (region=EU, test)', ['3.0=0.72'], { min: 0.7 }],
      ['latency-ms', ['3.0=90'], { max: 120 }],
    ]);
  });

  it('draws one point per version, marks the ones that missed the objective they had, and says the values in text', () => {
    const [recall] = metricSeries(model);
    const strict = { ...recall!, points: recall!.points.map((p, i) => (i === 0 ? { ...p, objective: { min: 0.75 } } : p)) };
    const svg = metricHistorySvg(strict, { idPrefix: 'm' });
    expect(svg).toContain('aria-labelledby="m-title m-desc"');
    expect(svg).toContain('<desc id="m-desc">1.0: 0.74 (missed its objective); 2.0: 0.77; 3.0: 0.79. Objective: at least 0.78.</desc>');
    expect(svg.match(/<circle class="point[^"]*"/g)).toEqual(['<circle class="point missed"', '<circle class="point"', '<circle class="point"']);
    expect(svg.match(/<line class="objective"/g)).toHaveLength(1);
    expect(svg).toContain('<polyline class="trend"');
  });

  it('places points by value: higher values higher up, the objective line between them', () => {
    const svg = metricHistorySvg({ label: 'auc', points: [{ version: 'a', value: 0.6 }, { version: 'b', value: 0.9 }], objective: { min: 0.75 } });
    const ys = [...svg.matchAll(/<circle [^>]*cy="([\d.]+)"/g)].map((m) => Number(m[1]));
    const line = Number(/<line class="objective"[^>]*y1="([\d.]+)"/.exec(svg)![1]);
    expect(ys[0]!).toBeGreaterThan(line);
    expect(ys[1]!).toBeLessThan(line);
    expect(misses(0.6, { min: 0.75 })).toBe(true);
    expect(misses(130, { max: 120 })).toBe(true);
    expect(misses(0.6, undefined)).toBe(false);
  });

  it('draws a single version and a metric with no objective, and escapes labels', () => {
    const svg = metricHistorySvg({ label: '<p99>', points: [{ version: '1&2', value: 5 }] });
    expect(svg).toContain('&lt;p99&gt; across versions');
    expect(svg).toContain('1&amp;2: 5. No objective.');
    expect(svg).not.toContain('<polyline');
    expect(svg).not.toContain('class="objective"');
  });
});
