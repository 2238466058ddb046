/**
 * Debian's Chromium driven by playwright-core. Outside CI a missing browser skips the
 * browser tests with a printed reason; under CI=true it is a failure.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Why the browser tests cannot run here, or undefined when they can. */
export function browserMissing(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const reason = `No Chromium at ${CHROMIUM} (install Debian's chromium, or set CHROMIUM_PATH)`;
  if (process.env['CI'] === 'true') throw new Error(`${reason}; browser tests are required under CI=true.`);
  return reason;
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}
