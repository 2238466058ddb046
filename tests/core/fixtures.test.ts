/**
 * Every folder in tests/fixtures/ is a small catalog (content/ and an optional config)
 * whose full report is pinned in its expected.txt, so any change to a message shows in review.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { formatPretty } from '../../src/lib/format/pretty.ts';

const fixtures = path.resolve(import.meta.dirname, '..', 'fixtures');
const cases = readdirSync(fixtures, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

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
