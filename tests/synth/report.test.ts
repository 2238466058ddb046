/** bench/results.md's section on publishing at scale, from figures given here. */
import { describe, expect, it } from 'vitest';
import { resultsMarkdown, type SizeResult } from '../../bench/report.ts';
import type { Weight } from '../../bench/weigh.ts';

const weight = (bytes: number, files: number, home: number, largest: number): Weight => ({
  pages: files / 2,
  files,
  bytes,
  homeHtmlBytes: home,
  meanEntryHtmlBytes: 20_000,
  largestHtml: { file: 'licenses/index.html', bytes: largest },
  largestEntryHtml: { file: 'datasets/hub/index.html', bytes: largest / 2 },
  searchIndexBytes: 1e7,
  parts: [{ part: 'dataset pages', bytes: bytes * 0.75, files: files / 2 }, { part: 'search indexes', bytes: bytes * 0.25, files: files / 2 }],
  entrySections: { datasets: { pages: 10, bytes: { schema: 100 * 1024, 'page frame': 40 * 1024 } } },
});
const build = (ms: number, peakBytes: number) => [{ ms, peakBytes, code: 0, tail: '' }];
const machine = { cores: 2, cpu: 'cpu', memoryBytes: 2 ** 34, node: 'v24', seed: 1, gnuTime: false, runs: [{ command: '--sizes 10000,50000 --skip-baseline', date: '2026-12-04', minutes: 40, load: [8, 8] as [number, number] }] };

describe('the benchmark report', () => {
  const results: SizeResult[] = [
    { size: 10_000, floor: [], check: [], site: build(100_000, 1.5e9), siteWeight: weight(3e8, 40_000, 30_000, 150_000), firstSearch: { query: 'Q', ms: 900, requests: 12, bytes: 200_000, results: 8 } },
    { size: 50_000, floor: [], check: [], site: build(600_000, 3.5e9), siteWeight: weight(1.2e9, 210_000, 40_000, 250_000), firstSearch: { query: 'Q', ms: 1200, requests: 30, bytes: 250_000, results: 8 } },
  ];
  const text = resultsMarkdown(results, machine);

  it('judges the targets at 50,000 entries, and shows other sizes in brackets', () => {
    expect(text).toContain('## 5. Publishing at scale');
    expect(text).toMatch(/\| built site \| 286 MB \(met\) \| 1,144 MB ❌ missed \|/);
    expect(text).toMatch(/\| files \| 40,000 \(met\) \| 210,000 ❌ missed \|/);
    expect(text).toMatch(/\| home page \| 29\.3 KB \(met\) \| 39\.1 KB ✅ met \|/);
    expect(text).toMatch(/\| first search: requests \| 12 \(met\) \| 30 ❌ missed \|/);
    expect(text).toMatch(/\| site build peak memory \| 1,431 MB \(met\) \| 3,338 MB ❌ missed \|/);
    expect(text).toContain('Site build time from 10,000 to 50,000 entries: 6.00× (target ≤ 5.5×: ❌ missed).');
  });

  it("shows where the site's bytes are, by part and by section of an entry page", () => {
    expect(text).toMatch(/\| dataset pages \| 215 MB \(75%\), 20,000 files \| 858 MB \(75%\), 105,000 files \|/);
    expect(text).toContain('| the rest | 0 MB (0%) | 0 MB (0%) |');
    expect(text).toContain('| section | datasets (10 pages) |');
    expect(text).toMatch(/\| schema \| 10\.0 KB \|\n\| page frame \| 4\.0 KB \|\n\| whole page \| 14\.0 KB \|/);
  });

  it('reports a site build measured without stock Astro beside it', () => {
    expect(text).toMatch(/\| 50,000 \| 1 \| not run \| 600\.00 s \|/);
  });

  it('judges the 2 GB peak at 10,000 entries only, and names the days of runs spread over two', () => {
    const beside = results.map((r) => ({ ...r, baseline: build(r.size === 10_000 ? 80_000 : 900_000, 4e9) }));
    const later = { ...machine.runs[0]!, command: '--sizes 10000 --add', date: '2026-12-05' };
    const two = resultsMarkdown(beside, { ...machine, runs: [machine.runs[0]!, later] });
    expect(two).toContain('Measured from 2026-12-04 to 2026-12-05 in 2 runs');
    expect(two).toMatch(/\| 10,000 \| 1 \| 80\.00 s \| 100\.00 s \| .* \| ✅ met \|\n\| 50,000 \| 1 \| 900\.00 s \| 600\.00 s \| .* \| \(missed\) \|/);
  });
});
