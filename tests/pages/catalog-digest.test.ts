import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentChanged } from '../../src/astro/catalog.ts';
import { CatalogDigest } from '../../src/astro/catalog-digest.ts';
import { contentState } from '../../src/astro/pages.ts';
import { stateFileFor } from '../../src/lib/probe/state.ts';
import { writeProject } from '../helpers/catalog.ts';

const TEAM = 'title: T\ndescription: A team.\nmembers:\n  - { name: A }\n';
let root = '';
let before: string | undefined;
beforeAll(() => {
  root = writeProject({
    'cardcat.config.yaml': 'site:\n  title: Digest\n',
    'content/teams/t.yaml': TEAM,
    'content/datasets/a.yaml': 'title: A\ndescription: First.\nowners: [t]\n',
    'content/datasets/b.yaml': 'title: B\ndescription: Second.\nowners: [t]\nderived_from: [{ dataset: a }]\n',
  });
  before = process.env['CATALOG_DIR'];
  process.env['CATALOG_DIR'] = path.join(root, 'content');
});
afterAll(() => {
  if (before === undefined) delete process.env['CATALOG_DIR'];
  else process.env['CATALOG_DIR'] = before;
});

describe("the content loader's digest of the catalog", () => {
  it('changes with every edit a page could show, stays for none, and digests again only the texts that changed', () => {
    const texts: string[] = [];
    const digest = new CatalogDigest((text) => {
      texts.push(text);
      return createHash('sha1').update(text).digest('hex');
    });
    const content = path.join(root, 'content');
    const probes = stateFileFor(content);
    const now = () => {
      texts.length = 0;
      return digest.of(contentState(false), probes);
    };
    const edit = (file: string, text: string | undefined) => {
      if (text === undefined) rmSync(file);
      else writeFileSync(file, text);
      contentChanged(text === undefined ? 'unlink' : 'change', file);
    };

    const seen = [now()];
    expect(texts).toHaveLength(4); // each entry's, then the catalog's
    expect(now()).toBe(seen[0]);
    expect(texts).toHaveLength(1);

    const b = path.join(content, 'datasets', 'b.yaml');
    edit(b, 'title: B edited\ndescription: Second.\nowners: [t]\nderived_from: [{ dataset: a }]\n');
    seen.push(now());
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('title: B edited');

    edit(path.join(root, 'cardcat.config.yaml'), 'site:\n  title: Digest again\n');
    seen.push(now());
    writeFileSync(probes, '{}\n');
    seen.push(now());
    edit(path.join(content, 'datasets', 'a.yaml'), undefined);
    seen.push(now());
    expect(new Set(seen).size).toBe(seen.length);
    expect(now()).toBe(seen.at(-1));
  });
});
