/**
 * `npm run bench:graph [-- --dist DIR] [--reps 7]`: how long a reader waits for a lineage
 * graph, from scrolling it into view to its drawing being on screen, in this machine's
 * Chromium: a model page of the demo catalog, each run in a fresh
 * browser context (nothing cached, Mermaid fetched from the local server). The median goes
 * to its own section of bench/results.md, which `npm run bench` keeps. Not a test: the
 * figure depends on the machine; the target (≤ 1 s) is judged on it by people.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { browserMissing, launch } from '../tests/e2e/browser.ts';
import { removeBuilds, repoRoot, siteFolder } from '../tests/e2e/build.ts';
import { serve } from '../tests/e2e/server.ts';
import { scriptOptions } from '../scripts/script-options.ts';
import { median } from './measure.ts';

const { values } = scriptOptions(
  {
    options: {
      dist: { type: 'string' },
      reps: { type: 'string', default: '7' },
      page: { type: 'string', default: 'models/churn-predictor/' },
      out: { type: 'string', default: path.join(repoRoot, 'bench', 'results.md') },
    },
  },
  'Usage: npm run bench:graph -- [--dist DIR] [--reps 7] [--page models/churn-predictor/] [--out bench/results.md]',
);
// bench/run.ts keeps what lies between these when it rewrites the file.
const START = '<!-- graph-visible -->';
const END = '<!-- /graph-visible -->';

async function main(): Promise<number> {
  const missing = browserMissing();
  if (missing) {
    process.stderr.write(`${missing}.\n`);
    return 2;
  }
  const dist = await siteFolder(values.dist, path.join(repoRoot, 'content'));
  if (!dist) return 1;
  const server = await serve(dist);
  const browser = await launch();
  const times: number[] = [];
  const load = loadavg()[0]!;
  try {
    for (let i = 0; i < Math.max(1, Number(values.reps)); i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${server.url}${values.page}`, { waitUntil: 'networkidle' });
      // In the page: scroll the graph into view, then wait for its drawing to have a size on screen.
      const ms = await page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const box = document.querySelector<HTMLElement>('[data-lineage]');
            if (!box) return reject(new Error('no lineage graph on the page'));
            const start = performance.now();
            box.scrollIntoView();
            const poll = () => {
              const svg = box.querySelector('[data-diagram] svg');
              const rect = svg?.getBoundingClientRect();
              if (rect && rect.width > 0 && rect.height > 0 && rect.top < innerHeight) {
                // The frame after the drawing is inserted is the one that shows it.
                requestAnimationFrame(() => resolve(performance.now() - start));
              } else if (performance.now() - start > 30_000) reject(new Error('the graph was not drawn in 30 s'));
              else requestAnimationFrame(poll);
            };
            poll();
          }),
      );
      times.push(ms);
      process.stderr.write(`run ${i + 1}: ${ms.toFixed(0)} ms\n`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
    removeBuilds();
  }
  const sorted = [...times].sort((a, b) => a - b);
  const section = [
    START,
    '## 7. A lineage graph on screen after scrolling to it',
    '',
    `From scrolling the lineage graph of \`${values.page}\` into view to its drawing being on screen, in Chromium at 1280 × 800, each run in a fresh context so Mermaid is fetched and started each time (local server, no network delay). Measured on ${new Date().toISOString().slice(0, 10)} by \`npm run bench:graph -- --reps ${times.length}\`; ${cpus().length} cores, load average ${load.toFixed(1)} at the start. Target: ≤ 1 s (not asserted).`,
    '',
    '| runs | median | fastest | slowest | target ≤ 1 s |',
    '| ---: | ---: | ---: | ---: | --- |',
    `| ${times.length} | ${(median(times) / 1000).toFixed(2)} s | ${(sorted[0]! / 1000).toFixed(2)} s | ${(sorted.at(-1)! / 1000).toFixed(2)} s | ${median(times) <= 1000 ? '✅ met' : '❌ missed'} |`,
    END,
  ].join('\n');
  const previous = existsSync(values.out) ? readFileSync(values.out, 'utf8') : '';
  const at = previous.indexOf(START);
  const reproduce = previous.indexOf('## Reproduce');
  const next =
    at >= 0
      ? `${previous.slice(0, at)}${section}${previous.slice(previous.indexOf(END) + END.length)}`
      : reproduce >= 0
        ? `${previous.slice(0, reproduce)}${section}\n\n${previous.slice(reproduce)}`
        : `${previous.trimEnd()}\n\n${section}\n`;
  writeFileSync(values.out, next);
  process.stdout.write(`${section}\n`);
  return 0;
}

process.exitCode = await main();
