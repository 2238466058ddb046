/** Brings every lineage graph and Markdown diagram of a page into view and waits until it is drawn. */
import type { Page } from 'playwright-core';

export async function drawDiagrams(page: Page, timeout = 15_000): Promise<string[]> {
  const problems: string[] = [];
  for (const diagram of await page.locator('[data-lineage], .prose pre.mermaid').all()) {
    await diagram.scrollIntoViewIfNeeded();
    await diagram
      .locator('svg')
      .first()
      .waitFor({ state: 'attached', timeout })
      .catch(() => problems.push('a graph did not render'));
  }
  return problems;
}
