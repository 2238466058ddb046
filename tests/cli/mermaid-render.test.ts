/**
 * The Mermaid text of `graph` and `impact` drawn by Mermaid itself in a real browser, as
 * GitHub draws it in a comment: it must parse, show titles literally, and carry no markup.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeProject } from '../helpers/catalog.ts';
import { LINEAGE } from './fixture.ts';
import { commit, git, removeFiles } from './git-repo.ts';
import { repoRoot, run } from './run.ts';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const available = existsSync(CHROMIUM);
if (!available) {
  if (process.env['CI'] === 'true') throw new Error(`Chromium is required under CI and is missing at ${CHROMIUM}`);
  console.warn(`Skipping Mermaid rendering tests: no Chromium at ${CHROMIUM} (apt-get install chromium).`);
}

interface Drawn {
  labels: string[];
  edges: number;
  markup: number;
}

describe.skipIf(!available)('Mermaid charts in a browser', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: path.join(repoRoot, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js') });
  });
  afterAll(async () => {
    await browser?.close();
  });

  let count = 0;
  async function draw(text: string): Promise<Drawn> {
    return page.evaluate(
      async ({ text, id }) => {
        const mermaid = (window as unknown as { mermaid: { initialize(c: object): void; render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
        mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
        const { svg } = await mermaid.render(id, text);
        const holder = document.createElement('div');
        holder.innerHTML = svg;
        document.body.append(holder);
        return {
          labels: [...holder.querySelectorAll('g.node')].map((n) => (n.textContent ?? '').trim()),
          edges: holder.querySelectorAll('path.flowchart-link, .edgePaths path').length,
          markup: holder.querySelectorAll('.node b, .node script, .node a').length,
        };
      },
      { text, id: `chart${count++}` },
    );
  }

  const project = () => {
    const files: Record<string, string> = {};
    for (const [name, text] of Object.entries(LINEAGE)) files[`content/${name}`] = text;
    return writeProject(files);
  };

  it('draws the graph of an entry with a hostile title as plain text', async () => {
    const root = project();
    const { stdout } = await run(['graph', 'clean-events', '--format', 'mermaid', '--content', 'content'], root);
    const drawn = await draw(stdout);
    expect(drawn.labels.sort()).toEqual([
      'Churn model (churn-model)',
      'Clean "events" <b>bold</b> [x] #1 end (clean-events)',
      'Events API (events-api)',
      'Labels (labels)',
      'Raw events (raw-events)',
    ]);
    expect(drawn.edges).toBe(4);
    expect(drawn.markup).toBe(0);
  });

  it('draws a capped chart with its note', async () => {
    const root = project();
    const { stdout } = await run(['graph', 'raw-events', '--down', '--format', 'mermaid', '--max-nodes', '2', '--content', 'content'], root);
    const drawn = await draw(stdout);
    expect(drawn.labels).toContain('… and 4 more: npm run graph -- raw-events --format text lists every one');
    expect(drawn.labels).toHaveLength(3);
  });

  it('draws the impact chart of a change, removed entries included', async () => {
    const root = project();
    git(root, 'init', '-q');
    commit(root, 'Base');
    removeFiles(root, 'content/datasets/old-sample.md');
    const { stdout } = await run(['impact', '--since', 'HEAD', 'raw-events', '--content', 'content'], root);
    const chart = /```mermaid\n([\s\S]*?)\n```/.exec(stdout)?.[1];
    expect(chart).toBeDefined();
    const drawn = await draw(chart!);
    expect(drawn.labels.sort()).toEqual([
      'Churn model (churn-model)',
      'Clean "events" <b>bold</b> [x] #1 end (clean-events)',
      'Labels (labels)',
      'Old sample (old-sample), removed',
      'Raw events (raw-events)',
      'Sample report (sample-report)',
    ]);
    expect(drawn.edges).toBe(5);
  });
});
