/**
 * A folder in tests/fixtures/ with an expected.txt is a small catalog (content/ and an
 * optional config) whose full report is pinned there, so any change to a message shows in
 * review. A new case starts with an empty expected.txt; `vitest -u` fills it.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { formatPretty } from '../../src/lib/format/pretty.ts';

const fixtures = path.resolve(import.meta.dirname, '..', 'fixtures');
// A folder opts in with its expected.txt: other suites keep fixtures here too, and this
// runner must never write a report into a folder it does not own.
const cases = readdirSync(fixtures, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(fixtures, d.name, 'expected.txt')))
  .map((d) => d.name);

describe('fixture catalogs', () => {
  it('has fixtures to check', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s reports what its expected.txt says', async (name) => {
    const root = path.join(fixtures, name);
    const config = path.join(root, 'cardcat.config.yaml');
    const catalog = buildCatalog(path.join(root, 'content'), { today: '2026-11-23', configFile: existsSync(config) ? config : false });
    await expect(`${formatPretty(catalog.diagnostics, { sources: catalog.files })}\n`).toMatchFileSnapshot(path.join(root, 'expected.txt'));
  });
});
