/**
 * `npm run a11y [-- --dist DIR] [--content DIR]`: axe-core (WCAG 2.1 A and AA) on every page
 * of a built site in Chromium, light and dark, each lineage graph and diagram drawn first.
 * Without `--dist` it builds the catalog's site (the demo's by default) into a temporary
 * folder. Prints one line per violation and exits 1 when there is any.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { axeViolations, describeViolations } from '../tests/e2e/axe.ts';
import { browserMissing, launch } from '../tests/e2e/browser.ts';
import { removeBuilds, repoRoot, siteFolder } from '../tests/e2e/build.ts';
import { drawDiagrams } from '../tests/e2e/diagrams.ts';
import { serve } from '../tests/e2e/server.ts';
import { scriptOptions } from './script-options.ts';

const { values } = scriptOptions({ options: { dist: { type: 'string' }, content: { type: 'string' } } }, 'Usage: npm run a11y -- [--dist DIR] [--content DIR]');

/** Every page of a built site, as paths under its root ('' for the home page). */
function pagesOf(dist: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && f.name === 'index.html' && !path.relative(dist, f.parentPath).startsWith('pagefind'))
    .map((f) => path.relative(dist, f.parentPath).split(path.sep).join('/'))
    .map((p) => (p ? `${p}/` : ''))
    .sort()
    .concat(['404.html']);
}

async function audit(browser: Browser, url: string, pages: string[], scheme: 'light' | 'dark'): Promise<string[]> {
  const context = await browser.newContext({ colorScheme: scheme });
  const page = await context.newPage();
  const failures: string[] = [];
  for (const p of pages) {
    await page.goto(`${url}${p}`, { waitUntil: 'load' });
    failures.push(...(await drawDiagrams(page)).map((problem) => `/${p} (${scheme}): ${problem}`));
    failures.push(...describeViolations(`/${p} (${scheme})`, await axeViolations(page)));
  }
  await context.close();
  return failures;
}

async function main(): Promise<number> {
  const missing = browserMissing();
  if (missing) {
    process.stderr.write(`${missing}.\n`);
    return 2;
  }
  const dist = await siteFolder(values.dist, path.resolve(values.content ?? path.join(repoRoot, 'content')));
  if (!dist) return 1;
  const pages = pagesOf(dist);
  const server = await serve(dist);
  const browser = await launch();
  try {
    const started = performance.now();
    const failures = [...(await audit(browser, server.url, pages, 'light')), ...(await audit(browser, server.url, pages, 'dark'))];
    for (const line of failures) process.stdout.write(`${line}\n`);
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    process.stdout.write(`axe-core, WCAG 2.1 AA: ${pages.length} pages, light and dark, ${failures.length} violation${failures.length === 1 ? '' : 's'} (${seconds} s).\n`);
    return failures.length ? 1 : 0;
  } finally {
    await browser.close();
    await server.close();
    removeBuilds();
  }
}

process.exitCode = await main();
