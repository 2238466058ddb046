import { cpSync, readdirSync, readFileSync, renameSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { ParseCache, recordKey, versionOf } from '../../src/lib/load/parse-cache.ts';
import { ReadError } from '../../src/lib/load/read-file.ts';
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
    expect(loaded).toBeGreaterThan(100);
    const index = path.join(cacheFolder, 'index.bin');
    const whole = readFileSync(index);
    truncateSync(index, Math.floor(whole.length / 2));
    expect(ParseCache.open(cacheFolder)!.stats.loaded).toBe(0);
    expect(observable(build(true))).toEqual(expected);
    expect(ParseCache.open(cacheFolder)!.stats.loaded).toBe(loaded);

    // A data file: its entries' fields are parsed again when something reads them.
    const [shard] = readdirSync(cacheFolder).filter((f) => f.startsWith('data-')).map((f) => path.join(cacheFolder, f));
    const damaged = readFileSync(shard!);
    damaged[damaged.length - 100] = damaged[damaged.length - 100]! ^ 0xff;
    writeFileSync(shard!, damaged);
    expect(observable(build(true))).toEqual(expected);
    expect(observable(build(true))).toEqual(expected);

    writeFileSync(shard!, 'not a cache\n\u0000\u0001');
    writeFileSync(path.join(cacheFolder, 'rules.bin'), 'not a cache either');
    expect(observable(build(true))).toEqual(expected);

    // Written by another version of Cardcat: never read.
    expect(ParseCache.open(cacheFolder, 'another version')!.stats.loaded).toBe(0);
  });

  it('writes back only the data file an edit added to, the index and the rule results', () => {
    build(true);
    const contents = () => new Map(readdirSync(cacheFolder).map((f) => [f, readFileSync(path.join(cacheFolder, f))]));
    const before = contents();
    const datasets = path.join(content, 'datasets');
    const file = path.join(datasets, readdirSync(datasets).sort()[1]!);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Retitled once more'));
    expect(observable(build(true))).toEqual(observable(build(false)));
    const after = contents();
    const changed = [...after].filter(([name, bytes]) => !before.get(name)?.equals(bytes)).map(([name]) => name);
    // Where its new record went; the index, for its record and stat; the rule results, as
    // completeness ran again over the edited entry.
    expect(changed.filter((name) => name.startsWith('data-'))).toHaveLength(1);
    expect(changed.filter((name) => !name.startsWith('data-')).sort()).toEqual(['index.bin', 'rules.bin']);
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

describe("the parse cache's trust in a file's stat", () => {
  // Files written by the test are trusted once this long has passed since they changed (a
  // test cannot wait `SETTLE_MS`, seconds, per edit).
  const settleMs = 150;
  const settle = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, settleMs + 50);

  function project() {
    const root = writeProject(Object.fromEntries(synthesize({ entries: 120, seed: 4 }).map((f) => [f.path, f.text])));
    const content = path.join(root, 'content');
    const cacheFolder = path.join(root, '.cache', 'cardcat', 'parsed');
    const cached = (dir = content) => {
      const cache = ParseCache.open(cacheFolder, undefined, { settleMs })!;
      const catalog = buildCatalog(dir, { today: DEFAULT_AS_OF, cache });
      return { catalog, stats: cache.stats, files: catalog.files.size };
    };
    const uncached = () => observable(buildCatalog(content, { today: DEFAULT_AS_OF }));
    const datasets = readdirSync(path.join(content, 'datasets'))
      .sort()
      .map((name) => path.join(content, 'datasets', name));
    return { root, content, cached, uncached, datasets };
  }

  it('reads no file whose stat is as it was, and says what an uncached build says', () => {
    const { cached, uncached } = project();
    settle();
    const cold = cached();
    expect(cold.stats.trusted).toBe(0);
    const warm = cached();
    expect(warm.stats.trusted).toBe(warm.files);
    expect(warm.stats.added).toBe(0);
    expect(observable(warm.catalog)).toEqual(uncached());
  });

  it('says what an uncached build says after every edit, one file at a time', () => {
    const { root, cached, uncached } = project();
    settle();
    cached();
    for (const edit of catalogEdits(root)) {
      edit.apply();
      settle();
      const first = cached();
      expect(observable(first.catalog), edit.name).toEqual(uncached());
      // Every file read as an entry but those the edit touched was trusted (a file that
      // cannot be read as one is read every time).
      expect(first.stats.trusted, edit.name).toBeGreaterThanOrEqual(first.catalog.files.size - edit.files.length);
      const second = cached();
      expect(observable(second.catalog), `${edit.name}, warm`).toEqual(uncached());
      expect(second.stats.trusted, `${edit.name}, warm`).toBe(second.catalog.files.size);
    }
  }, 120_000);

  it('reads again a file changed to the same size with its modification time put back', () => {
    const { cached, uncached, datasets } = project();
    const file = datasets[0]!;
    // A whole second, which the times below give back exactly.
    const second = Math.floor(Date.now() / 1000) - 3600;
    utimesSync(file, second, second);
    settle();
    cached();
    const before = statSync(file);
    const text = readFileSync(file, 'utf8');
    // The same length: the title written backwards.
    const changed = text.replace(/^title: (.*)$/m, (_, title: string) => `title: ${title.split('').reverse().join('')}`);
    expect(changed).not.toBe(text);
    expect(Buffer.byteLength(changed)).toBe(before.size);
    writeFileSync(file, changed);
    // As `tar`, `rsync -t` or `cp -p` leave it: only the change time tells.
    utimesSync(file, second, second);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect(statSync(file).size).toBe(before.size);
    settle();
    const after = cached();
    expect(after.stats.trusted).toBe(after.files - 1);
    expect(after.stats.added).toBe(1);
    expect(observable(after.catalog)).toEqual(uncached());
  });

  it('reads again a file touched without a change, and reuses its record', () => {
    const { cached, uncached, datasets } = project();
    settle();
    cached();
    const now = new Date();
    utimesSync(datasets[1]!, now, now);
    settle();
    const after = cached();
    expect(after.stats.trusted).toBe(after.files - 1);
    expect(after.stats.added).toBe(0);
    expect(observable(after.catalog)).toEqual(uncached());
  });

  it('reads again a file replaced by another with an older modification time', () => {
    const { cached, uncached, datasets } = project();
    const [file, other] = [datasets[2]!, datasets[3]!];
    settle();
    cached();
    const replacement = path.join(path.dirname(file), '.replacement');
    writeFileSync(replacement, readFileSync(other, 'utf8').replace(/^title: .*$/m, 'title: Replaced'));
    const old = new Date(statSync(file).mtimeMs - 3_600_000);
    utimesSync(replacement, old, old);
    renameSync(replacement, file);
    settle();
    const after = cached();
    expect(after.stats.trusted).toBe(after.files - 1);
    expect(after.catalog.entries.find((e) => e.absPath === file)!.data.title).toBe('Replaced');
    expect(observable(after.catalog)).toEqual(uncached());
  });

  it('does not trust the stat of a file that changed shortly before it was read', () => {
    const { cached, uncached, datasets } = project();
    const file = datasets[4]!;
    settle();
    // Changed just before the run reads it: a second change within the file system's time
    // resolution could leave its stat as it is, so the next run reads it again.
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Just changed'));
    cached();
    settle();
    const next = cached();
    expect(next.stats.trusted).toBe(next.files - 1);
    expect(next.stats.added).toBe(0);
    // Read after it had settled, it is trusted from then on.
    expect(cached().stats.trusted).toBe(next.files);
    expect(observable(next.catalog)).toEqual(uncached());
  });

  it('places problems where an uncached build does, also when an edit moves them', () => {
    const { root, cached, uncached } = project();
    const models = path.join(root, 'content', 'models');
    const model = path.join(models, readdirSync(models).sort()[0]!);
    writeFileSync(model, readFileSync(model, 'utf8').replace(/dataset: ([a-z0-9-]+)/, 'dataset: $1-typo'));
    settle();
    const first = cached();
    const placed = first.catalog.diagnostics.find((d) => d.rule === 'references' && model.endsWith(d.file))!;
    expect(placed.line).toBeGreaterThan(2);
    expect(ParseCache.open(path.join(root, '.cache', 'cardcat', 'parsed'))!.stats.places).toBeGreaterThan(0);
    expect(observable(cached().catalog)).toEqual(uncached());
    // A line more above it: the same fields, the same rule results, another place.
    writeFileSync(model, readFileSync(model, 'utf8').replace(/^---\n/, '---\n# Reviewed.\n'));
    settle();
    const moved = cached().catalog.diagnostics.find((d) => d.rule === 'references' && model.endsWith(d.file))!;
    expect(moved.line).toBe(placed.line + 1);
    expect(observable(cached().catalog)).toEqual(uncached());
  });

  it('refuses the text of a trusted file that changed while the catalog was read', () => {
    const { cached, datasets } = project();
    const file = datasets[5]!;
    settle();
    cached();
    const { catalog, stats } = cached();
    expect(stats.trusted).toBe(catalog.files.size);
    const entry = catalog.entries.find((e) => e.absPath === file)!;
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Changed meanwhile'));
    expect(() => entry.body).toThrow(ReadError);
    expect(() => entry.text).toThrow(/changed while Cardcat was reading the catalog/);
  });

  it('is left as it is when a catalog of another folder is built with it', () => {
    const { root, cached } = project();
    settle();
    cached();
    const folder = path.join(root, '.cache', 'cardcat', 'parsed');
    const contents = () => readdirSync(folder).map((f) => [f, readFileSync(path.join(folder, f))]);
    const before = contents();
    // As `impact` builds the catalog of a past commit, in a scratch copy, with the work tree's cache.
    const copy = writeProject({});
    cpSync(path.join(root, 'content'), path.join(copy, 'content'), { recursive: true });
    writeFileSync(path.join(copy, 'content', 'datasets', 'only-in-the-copy.md'), '---\ntitle: Only in the copy\n---\n');
    const other = cached(path.join(copy, 'content'));
    expect(other.stats.trusted).toBe(0);
    // Its files' records were found by their text, but for the one it added.
    expect(other.stats.added).toBe(1);
    expect(contents()).toEqual(before);
    expect(cached().stats.trusted).toBe(other.files - 1);
  });
});
