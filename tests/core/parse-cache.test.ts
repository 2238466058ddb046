import { readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { ParseCache, recordKey, versionOf } from '../../src/lib/load/parse-cache.ts';
import { DEFAULT_AS_OF, synthesize } from '../../src/lib/synth/generate.ts';
import { writeProject } from '../helpers/catalog.ts';
import { catalogEdits, observable } from '../helpers/catalog-edits.ts';

describe('the parse cache', () => {
  let root: string;
  let content: string;
  let cacheFolder: string;
  const build = (cache: boolean) => buildCatalog(content, { today: DEFAULT_AS_OF, ...(cache ? { cache: cacheFolder } : {}) });

  beforeAll(() => {
    root = writeProject(Object.fromEntries(synthesize({ entries: 120, seed: 3 }).map((f) => [f.path, f.text])));
    content = path.join(root, 'content');
    cacheFolder = path.join(root, '.cache', 'cardcat', 'parsed');
  });

  it('gives the same catalog as an uncached build after every edit, one file at a time', () => {
    // Cold, then warm with nothing changed.
    expect(observable(build(true))).toEqual(observable(build(false)));
    expect(ParseCache.open(cacheFolder)!.stats.loaded).toBeGreaterThan(100);
    expect(observable(build(true))).toEqual(observable(build(false)));
    for (const edit of catalogEdits(root)) {
      edit.apply();
      const uncached = observable(build(false));
      expect(observable(build(true)), edit.name).toEqual(uncached);
      // And again, now that the edited file's record is stored.
      expect(observable(build(true)), `${edit.name}, warm`).toEqual(uncached);
    }
    // Three builds per edit: on a busy machine this takes longer than one test usually may.
  }, 120_000);

  it('parses only the files that changed', () => {
    build(true);
    const datasets = path.join(content, 'datasets');
    const file = path.join(datasets, readdirSync(datasets).sort()[0]!);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Retitled'));
    build(true);
    const cache = ParseCache.open(cacheFolder)!;
    const catalog = buildCatalog(content, { today: DEFAULT_AS_OF });
    // The cache holds one record per file read: the edited file's old record was dropped.
    expect(cache.stats.loaded).toBe(catalog.files.size);
    const edited = catalog.entries.find((e) => e.absPath === file)!;
    expect(edited.data.title).toBe('Retitled');
    expect(cache.get(recordKey(edited))?.data).toEqual(edited.data);
  });

  it('ignores a truncated, damaged or foreign cache file and builds as without one', () => {
    const expected = observable(build(false));
    build(true);
    const loaded = ParseCache.open(cacheFolder)!.stats.loaded;
    const [shard] = readdirSync(cacheFolder).filter((f) => f.startsWith('records-')).map((f) => path.join(cacheFolder, f));
    const whole = readFileSync(shard!);
    truncateSync(shard!, Math.floor(whole.length / 2));
    // Only the records of that file are lost.
    const left = ParseCache.open(cacheFolder)!.stats.loaded;
    expect(left).toBeLessThan(loaded);
    expect(left).toBeGreaterThan(0);
    expect(observable(build(true))).toEqual(expected);

    const damaged = Buffer.from(whole);
    damaged[damaged.length - 100] = damaged[damaged.length - 100]! ^ 0xff;
    writeFileSync(shard!, damaged);
    expect(ParseCache.open(cacheFolder)!.stats.loaded).toBe(left);
    expect(observable(build(true))).toEqual(expected);

    writeFileSync(shard!, 'not a cache\n\u0000\u0001');
    writeFileSync(path.join(cacheFolder, 'rules.bin'), 'not a cache either');
    expect(observable(build(true))).toEqual(expected);

    // Written by another version of Cardcat: never read.
    expect(ParseCache.open(cacheFolder, 'another version')!.stats.loaded).toBe(0);
  });

  it('writes back only the record files an edit changed', () => {
    build(true);
    const contents = () => new Map(readdirSync(cacheFolder).map((f) => [f, readFileSync(path.join(cacheFolder, f))]));
    const before = contents();
    const datasets = path.join(content, 'datasets');
    const file = path.join(datasets, readdirSync(datasets).sort()[1]!);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Retitled once more'));
    expect(observable(build(true))).toEqual(observable(build(false)));
    const after = contents();
    const changed = [...after].filter(([name, bytes]) => !before.get(name)?.equals(bytes)).map(([name]) => name);
    // Where its old record was and where its new one went, and the rule results, as
    // completeness ran again over the edited entry.
    const records = changed.filter((name) => name.startsWith('records-'));
    expect(records.length).toBeGreaterThanOrEqual(1);
    expect(records.length).toBeLessThanOrEqual(2);
    expect(changed.filter((name) => !records.includes(name))).toEqual(['rules.bin']);
    expect(before.size).toBeGreaterThan(10);
  });

  it('drops the rule results kept for a file once it is deleted', () => {
    build(true);
    const before = ParseCache.open(cacheFolder)!.stats.rules;
    const datasets = path.join(content, 'datasets');
    rmSync(path.join(datasets, readdirSync(datasets).sort().at(-1)!));
    expect(observable(build(true))).toEqual(observable(build(false)));
    // Its completeness result went with it; the catalog-wide rules are still kept.
    expect(ParseCache.open(cacheFolder)!.stats.rules).toBe(before - 1);
    expect(before).toBeGreaterThan(20);
  });

  it('works when the cache folder is deleted between runs', () => {
    build(true);
    rmSync(path.dirname(cacheFolder), { recursive: true, force: true });
    expect(observable(build(true))).toEqual(observable(build(false)));
    expect(ParseCache.open(cacheFolder)!.stats.loaded).toBeGreaterThan(100);
  });

  it("changes Cardcat's version when a schema or core file changes, though package.json does not", () => {
    const checkout = writeProject({
      'package.json': '{ "name": "cardcat", "version": "0.1.0" }',
      'schemas/dataset.ts': 'export const a = 1;',
      'src/lib/load/load.ts': 'export const b = 2;',
      'src/astro/page.ts': 'export const c = 3;',
    });
    const first = versionOf(checkout);
    writeFileSync(path.join(checkout, 'src/astro/page.ts'), 'export const c = 4;');
    expect(versionOf(checkout)).toBe(first);
    writeFileSync(path.join(checkout, 'schemas/dataset.ts'), 'export const a = 2;');
    const second = versionOf(checkout);
    expect(second).not.toBe(first);
    writeFileSync(path.join(checkout, 'src/lib/load/load.ts'), 'export const b = 3;');
    expect(versionOf(checkout)).not.toBe(second);
  });
});
