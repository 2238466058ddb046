/** A catalog's site, built, served on localhost and open to a headless Chromium: the setup every browser test shares. */
import type { Browser } from 'playwright-core';
import { launch, openPage, type OpenPage } from './browser.ts';
import { buildSite, removeBuilds } from './build.ts';
import { serve } from './server.ts';

export interface SiteInBrowser {
  browser: Browser;
  /** The served site's address, ending in its base path. */
  url: string;
  outDir: string;
  /** Opens a page in a fresh context that records console errors, exceptions and failed requests. */
  open(url: string, options?: { javaScript?: boolean }): Promise<OpenPage>;
  close(): Promise<void>;
}

export async function siteInBrowser(contentDir: string, options: { today?: string; base?: string; searchShardPages?: number } = {}): Promise<SiteInBrowser> {
  const site = await buildSite(contentDir, { today: options.today, searchShardPages: options.searchShardPages });
  if (site.code !== 0) throw new Error(`The site of ${contentDir} did not build:\n${site.output}`);
  const server = await serve(site.outDir, options.base);
  const browser = await launch();
  return {
    browser,
    url: server.url,
    outDir: site.outDir,
    open: (url, open = {}) => openPage(browser, url, server.url, open),
    async close() {
      await browser.close();
      await server.close();
      removeBuilds();
    },
  };
}
