import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { IncrementalCatalog } from '../../src/lib/incremental-catalog.ts';
import { ParseCache, SETTLE_MS } from '../../src/lib/load/parse-cache.ts';
import { inheritedRights } from '../../src/lib/rights/rights.ts';
import { DEFAULT_AS_OF, synthesize } from '../../src/lib/synth/generate.ts';
import { writeProject } from '../helpers/catalog.ts';
import { catalogEdits, observable } from '../helpers/catalog-edits.ts';
import type { Catalog } from '../../src/lib/types.ts';

/** Every entry's inherited rights as plain values: where each comes from, how far, and along which path. */
const rightsOf = (catalog: Catalog) =>
  catalog.entries.map((entry) => [entry.id, inheritedRights(catalog, entry).map((r) => ({ right: r.right, origin: r.origin.id, own: r.origin === catalog.byId.get(r.origin.id), depth: r.depth, path: r.path }))]);

function project() {
  const root = writeProject(Object.fromEntries(synthesize({ entries: 120, seed: 5 }).map((f) => [f.path, f.text])));
  const content = path.join(root, 'content');
  return { root, content, fresh: () => observable(buildCatalog(content, { today: DEFAULT_AS_OF })) };
}

/** What a watcher would report for `files`: each one changed if it exists, else deleted. */
function tell(catalog: IncrementalCatalog, files: readonly string[]) {
  for (const file of files) {
    if (existsSync(file)) catalog.update(file);
    else catalog.remove(file);
  }
}

describe('an incremental catalog', () => {
  it('says what a fresh build says after every edit, told file by file', () => {
    const { root, content, fresh } = project();
    // With the parse cache, which a changed config reads again.
    const catalog = new IncrementalCatalog(content, { today: DEFAULT_AS_OF, cache: path.join(root, '.cache', 'parsed') });
    expect(observable(catalog.catalog)).toEqual(fresh());
    for (const edit of catalogEdits(root)) {
      edit.apply();
      tell(catalog, edit.files);
      expect(observable(catalog.catalog), edit.name).toEqual(fresh());
    }
  });

  it('starts without reading files whose stat the parse cache trusts, and says what a fresh build says after every edit', () => {
    const { root, content, fresh } = project();
    const folder = path.join(root, '.cache', 'parsed');
    // Files are trusted once they have not changed for a while (`SETTLE_MS`).
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, SETTLE_MS + 100);
    expect(observable(new IncrementalCatalog(content, { today: DEFAULT_AS_OF, cache: folder }).catalog)).toEqual(fresh());
    const catalog = new IncrementalCatalog(content, { today: DEFAULT_AS_OF, cache: folder });
    // Its entries' text is read when asked for: a file changed unannounced is refused, not
    // shown with fields it no longer has.
    const [first] = catalogEdits(root);
    const entry = catalog.catalog.entries.find((e) => e.absPath === first!.files[0])!;
    first!.apply();
    expect(() => entry.body).toThrow(/changed while Cardcat was reading the catalog/);
    tell(catalog, first!.files);
    expect(observable(catalog.catalog)).toEqual(fresh());
    for (const edit of catalogEdits(root).slice(1)) {
      edit.apply();
      tell(catalog, edit.files);
      expect(observable(catalog.catalog), edit.name).toEqual(fresh());
    }
  });

  it('keeps its rule results in the parse cache, so the next server starts with them', () => {
    const { root, content, fresh } = project();
    const folder = path.join(root, '.cache', 'parsed');
    const first = new IncrementalCatalog(content, { today: DEFAULT_AS_OF, cache: folder });
    // Written once the rules have run, not before.
    expect(ParseCache.open(folder)!.stats.rules).toBe(0);
    expect(observable(first.catalog)).toEqual(fresh());
    expect(ParseCache.open(folder)!.stats.rules).toBeGreaterThan(20);
    const second = new IncrementalCatalog(content, { today: DEFAULT_AS_OF, cache: folder });
    expect(observable(second.catalog)).toEqual(fresh());
  });

  it('reads only the changed file: every other entry is the very object it was', () => {
    const { content } = project();
    const catalog = new IncrementalCatalog(content, { today: DEFAULT_AS_OF });
    const before = catalog.catalog;
    const folder = path.join(content, 'datasets');
    const file = path.join(folder, readdirSync(folder).sort()[0]!);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Edited'));
    catalog.update(file);
    const after = catalog.catalog;
    expect(after).not.toBe(before);
    const edited = after.entries.find((e) => e.absPath === file)!;
    expect(edited.data.title).toBe('Edited');
    for (const entry of after.entries) if (entry !== edited) expect(entry).toBe(before.byId.get(entry.id));
  });

  it('keeps its catalog when told of files the folder walk skips, and reads the folder again for the others', () => {
    const { content, fresh } = project();
    const catalog = new IncrementalCatalog(content, { today: DEFAULT_AS_OF });
    const before = catalog.catalog;
    const swap = path.join(content, 'datasets', '.draft.md.swp');
    writeFileSync(swap, 'not an entry');
    catalog.update(swap);
    expect(catalog.catalog).toBe(before);

    const stray = path.join(content, 'notes', 'todo.md');
    mkdirSync(path.dirname(stray));
    writeFileSync(stray, '# todo\n');
    catalog.update(stray);
    const text = path.join(content, 'teams', 'readme.txt');
    writeFileSync(text, 'teams\n');
    catalog.update(text);
    expect(observable(catalog.catalog)).toEqual(fresh());
    expect(catalog.catalog.diagnostics.some((d) => d.rule === 'layout' && d.file.endsWith('notes'))).toBe(true);
  });

  it('gives a badly named file the hint a fresh build gives once its lowercase name is taken', () => {
    const { content, fresh } = project();
    const catalog = new IncrementalCatalog(content, { today: DEFAULT_AS_OF });
    const folder = path.join(content, 'glossary');
    const bad = path.join(folder, 'Churn_Term.yaml');
    writeFileSync(bad, 'title: Churn\ndescription: Leaving.\n');
    catalog.update(bad);
    expect(observable(catalog.catalog)).toEqual(fresh());
    const good = path.join(folder, 'churn-term.yaml');
    writeFileSync(good, 'title: Churn\ndescription: Leaving.\n');
    catalog.update(good);
    expect(observable(catalog.catalog)).toEqual(fresh());
  });

  it('keeps its graph through edits that leave every reference as it was, and answers for rights as a fresh build does', () => {
    const { content } = project();
    const catalog = new IncrementalCatalog(content, { today: DEFAULT_AS_OF });
    const built = () => buildCatalog(content, { today: DEFAULT_AS_OF });
    const read = (folder: string) => readdirSync(path.join(content, folder)).sort().map((name) => path.join(content, folder, name));
    const change = (file: string, from: RegExp, to: string) => {
      const text = readFileSync(file, 'utf8');
      expect(text, file).toMatch(from);
      writeFileSync(file, text.replace(from, to));
      catalog.update(file);
    };
    const first = catalog.catalog;
    expect(rightsOf(first)).toEqual(rightsOf(built()));
    const datasets = read('datasets');

    // A title: the same graph, read again by nobody.
    change(datasets[0]!, /^title: .*$/m, 'title: A new title');
    expect(catalog.catalog.graph).toBe(first.graph);
    expect(rightsOf(catalog.catalog)).toEqual(rightsOf(built()));

    // A license named by its SPDX id, not an agreement, is no reference: the graph stays, the rights flowing down change.
    const proprietary = datasets.find((f) => /^ {2}license: proprietary$/m.test(readFileSync(f, 'utf8')))!;
    const before = catalog.catalog;
    change(proprietary, /^ {2}license: proprietary$/m, '  license: CC-BY-SA-4.0');
    expect(catalog.catalog.graph).toBe(before.graph);
    expect(rightsOf(catalog.catalog)).not.toEqual(rightsOf(before));
    expect(rightsOf(catalog.catalog)).toEqual(rightsOf(built()));

    // An agreement's terms change the rights of the datasets that name it, though their files did not change.
    const agreement = read('licenses').find((f) => /^expires: /m.test(readFileSync(f, 'utf8')))!;
    change(agreement, /^expires: .*$/m, 'expires: 2099-01-01\nprohibited_uses: [ surveillance ]');
    expect(rightsOf(catalog.catalog)).toEqual(rightsOf(built()));

    // A new reference: a new graph, as a fresh build's.
    const model = read('models')[0]!;
    change(model, /dataset: ([a-z0-9-]+)/, 'dataset: $1-typo');
    expect(catalog.catalog.graph).not.toBe(before.graph);
    expect(catalog.catalog.graph.edges).toEqual(built().graph.edges);
    expect(rightsOf(catalog.catalog)).toEqual(rightsOf(built()));
  });
});
