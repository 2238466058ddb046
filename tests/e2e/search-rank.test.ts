/**
 * Search ranking in Chromium on a small catalog built for it: a glossary term named by a
 * word must come before the many entries that merely mention the word in their text, as
 * it must in a catalog of thousands where mentions outnumber the term.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing } from './browser.ts';
import { repoRoot } from './build.ts';
import { siteInBrowser, type SiteInBrowser } from './site-in-browser.ts';

const missing = browserMissing();
if (missing) console.log(`Skipping the search ranking test: ${missing}.`);

const MENTIONS = 30;

describe.skipIf(missing !== undefined)('search ranking', () => {
  let site: SiteInBrowser;
  let folder: string;
  beforeAll(async () => {
    const parent = path.join(repoRoot, '.cache', 'site-builds');
    mkdirSync(parent, { recursive: true });
    folder = mkdtempSync(path.join(parent, 'rank-'));
    const content = path.join(folder, 'content');
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
      writeFileSync(path.join(content, file), text);
    };
    write('teams/t.yaml', 'title: T\ndescription: A team.\ncontact: { email: t@example.com }\nmembers:\n  - { name: A }\n');
    write('glossary/churn.yaml', 'title: Churn\ndescription: A paying customer cancels their subscription.\nsynonyms: [attrition, cancellation]\nowners: [t]\n');
    for (let i = 0; i < MENTIONS; i++) {
      write(`datasets/table-${i}.md`, `---\ntitle: Table ${i}\ndescription: Weekly attrition report ${i}, attrition by region.\nowners: [t]\n---\n# Motivation\n\nWe track attrition here: attrition per plan, attrition per week, attrition per device; churn, churn and churn again.\n`);
    }
    site = await siteInBrowser(content);
  });
  afterAll(async () => {
    await site?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('puts a glossary term searched by its synonym before the entries that mention the word', async () => {
    const { page, close } = await site.open(`${site.url}search/?q=attrition`);
    await page.locator('[data-results] li').first().waitFor({ timeout: 15_000 });
    // Every table mentions the word, more often than the term does.
    await expect.poll(async () => parseInt((await page.locator('[data-count]').textContent()) ?? '0', 10)).toBeGreaterThan(MENTIONS);
    expect(await page.locator('[data-results] li > a').first().textContent()).toBe('Churn');
    await close();
  });

  it('puts an entry searched by its title before the entries that mention it', async () => {
    const { page, close } = await site.open(`${site.url}search/?q=churn`);
    await page.locator('[data-results] li').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-results] li > a').first().textContent()).toBe('Churn');
    await close();
  });

  it('puts it first in the header search box too', async () => {
    const { page, close } = await site.open(site.url);
    await page.getByRole('searchbox', { name: 'Search the catalog' }).fill('attrition');
    const first = page.locator('#site-search-results li a').first();
    await first.waitFor({ timeout: 15_000 });
    expect(await first.locator('.result-title').textContent()).toBe('Churn');
    await close();
  });
});
