/**
 * A catalog full of script injection (tests/fixtures/hostile-xss: payloads in every string
 * field of every kind, in Markdown bodies, in links, Mermaid directives and click
 * callbacks), built into a site and opened page by page in real Chromium. Nothing may run:
 * no dialog opens and no injected script, handler or script URL reaches the page, while
 * the titles are still shown as the text the author typed. A failed build of a broken
 * catalog must leave that site as it was.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KINDS } from '../../schemas/index.ts';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { browserMissing } from '../e2e/browser.ts';
import { buildSite, repoRoot } from '../e2e/build.ts';
import { siteInBrowser, type SiteInBrowser } from '../e2e/site-in-browser.ts';
import { writeProject } from '../helpers/catalog.ts';

const content = path.join(repoRoot, 'tests', 'fixtures', 'hostile-xss', 'content');
const missing = browserMissing();
if (missing) console.log(`Skipping the script-injection tests: ${missing}.`);

/** Injected markup that survived into the live page: scripts, handlers, script URLs, srcdoc frames. */
function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const describe = (el: Element) => el.outerHTML.slice(0, 160);
    for (const el of Array.from(document.querySelectorAll('*'))) {
      if (el.tagName.toLowerCase() === 'script' && (el.textContent ?? '').includes('xss:')) {
        // JSON-LD is data the browser never runs; it is safe while it is one intact JSON value
        // (a payload that closed the script early would leave it unparseable).
        let inertJson = el.getAttribute('type') === 'application/ld+json';
        try {
          if (inertJson) JSON.parse(el.textContent ?? '');
        } catch {
          inertJson = false;
        }
        if (!inertJson) found.push(`script: ${describe(el)}`);
      }
      if (el.tagName.toLowerCase() === 'iframe' && el.hasAttribute('srcdoc')) found.push(`srcdoc frame: ${describe(el)}`);
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        const value = attr.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        if (name.startsWith('on') && attr.value.includes('xss')) found.push(`handler ${name}: ${describe(el)}`);
        if (['href', 'src', 'action', 'data', 'formaction', 'xlink:href', 'srcdoc'].includes(name) && /^(javascript|vbscript|data:text\/html)/.test(value)) {
          found.push(`script URL in ${name}: ${describe(el)}`);
        }
      }
    }
    return found;
  });
}

describe.skipIf(missing !== undefined)('a catalog of script injection, in a browser', () => {
  const catalog = buildCatalog(content);
  let site: SiteInBrowser;

  beforeAll(async () => {
    site = await siteInBrowser(content);
  });
  afterAll(() => site?.close());

  it('is a valid catalog, so the build shows every payload', () => {
    expect(catalog.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(new Set(catalog.entries.map((e) => e.kind))).toEqual(new Set(Object.keys(KINDS)));
  });

  it('runs no injected script on any page, even when every link and graph node is clicked', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const ran: string[] = [];
    page.on('dialog', (dialog) => {
      ran.push(`${page.url()}: dialog ${dialog.type()} \`${dialog.message()}\``);
      void dialog.dismiss();
    });
    // A script URL that is followed would leave the site; count it as having run.
    page.on('framenavigated', (frame) => {
      if (/^(javascript|data|vbscript):/i.test(frame.url())) ran.push(`navigated to ${frame.url()}`);
    });
    const seen = new Set<string>();
    const queue = [site.url];
    const failures: string[] = [];
    while (queue.length > 0 && seen.size < 400) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      await page.goto(url, { waitUntil: 'load' });
      for (const diagram of await page.locator('[data-lineage], .prose pre.mermaid').all()) {
        await diagram.scrollIntoViewIfNeeded();
        await diagram.locator('svg').first().waitFor({ state: 'attached', timeout: 15_000 }).catch(() => undefined);
      }
      // Mermaid nodes are where `click` callbacks would be bound.
      for (const node of await page.locator('svg .node').all()) await node.click({ timeout: 2_000, force: true }).catch(() => undefined);
      if (page.url() !== url) await page.goto(url, { waitUntil: 'load' });
      failures.push(...(await injected(page)).map((f) => `${url.slice(site.url.length - 1)}: ${f}`));
      const links = await page.$$eval('a[href]', (anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
      for (const link of links) {
        const clean = link.split('#')[0]!.split('?')[0]!;
        if (clean.startsWith(site.url) && !seen.has(clean) && !clean.includes('/pagefind/')) queue.push(clean);
      }
    }
    await context.close();
    expect([...ran, ...failures]).toEqual([]);
    // The crawl reached every entry's page.
    for (const entry of catalog.entries) expect(seen, entry.id).toContain(`${site.url}${KINDS[entry.kind].folder}/${entry.id}/`);
  }, 300_000);

  it('shows every entry title as the text the author typed, tags and all', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    for (const entry of catalog.entries) {
      await page.goto(`${site.url}${KINDS[entry.kind].folder}/${entry.id}/`, { waitUntil: 'load' });
      expect(await page.locator('h1').first().textContent(), entry.id).toContain(entry.data.title);
    }
    await context.close();
  }, 120_000);

  it('shows the raw HTML of a body as text or drops it, never as live elements', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    for (const id of ['xss-data', 'xss-model']) {
      await page.goto(`${site.url}${id === 'xss-data' ? 'datasets' : 'models'}/${id}/`, { waitUntil: 'load' });
      // The sanitizer turns any <input> into GitHub's inert task-list checkbox; that one may stay.
      const live = await page.$$eval('main iframe, main object, main embed, main form, main input:not([type=checkbox][disabled]), main base, main meta, main math, main style, main body', (els) =>
        els.map((e) => e.outerHTML.slice(0, 120)),
      );
      expect(live, id).toEqual([]);
      // The body's words are still there.
      expect(await page.locator('main').textContent(), id).toContain('A markdown link and');
    }
    await context.close();
  });

  // Here rather than in its own file: it needs a built site, and building one is slow.
  it('leaves the built site as it was, and says so, when a build of a broken catalog fails', async () => {
    const files = () => Object.fromEntries((readdirSync(site.outDir, { recursive: true }) as string[]).sort().map((f) => {
      try {
        return [f, readFileSync(path.join(site.outDir, f), 'utf8')];
      } catch {
        return [f, 'folder'];
      }
    }));
    const before = files();
    const project = writeProject({});
    cpSync(path.dirname(content), project, { recursive: true });
    writeFileSync(path.join(project, 'content', 'teams', 'broken.yaml'), 'title: [broken\n');
    const { code, output } = await buildSite(path.join(project, 'content'), { outDir: site.outDir });
    expect(code).not.toBe(0);
    expect(output).toContain('content/teams/broken.yaml:1:8');
    expect(output).toContain('The site was not built');
    expect(files()).toEqual(before);
  }, 300_000);
});
