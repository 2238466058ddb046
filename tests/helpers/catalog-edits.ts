/**
 * A sequence of edits an author might make to a synthetic catalog, one file at a time, and
 * what a catalog says as plain values: a cached or incremental catalog is right when, after
 * each edit, it says the same as one built from scratch.
 */
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../../src/lib/types.ts';

export interface CatalogEdit {
  name: string;
  /** The files it touched, absolute: changed, added, or removed. */
  files: string[];
  apply(): void;
}

/** Edits to the project at `root` (holding `content/` and `cardcat.config.yaml`), in order. */
export function catalogEdits(root: string): CatalogEdit[] {
  const content = path.join(root, 'content');
  const inFolder = (folder: string) =>
    readdirSync(path.join(content, folder))
      .sort()
      .map((name) => path.join(content, folder, name));
  const [first, second, third, fourth] = inFolder('datasets');
  const [model] = inFolder('models');
  const [team] = inFolder('teams');
  const config = path.join(root, 'cardcat.config.yaml');
  const renamed = path.join(content, 'datasets', 'renamed-dataset.md');
  const added = path.join(content, 'datasets', 'added-dataset.md');
  const id = (file: string) => path.basename(file, path.extname(file));
  const edit = (file: string, change: (text: string) => string) => writeFileSync(file, change(readFileSync(file, 'utf8')));
  let brokenText = '';

  return [
    { name: 'change a title', files: [first!], apply: () => edit(first!, (t) => t.replace(/^title: .*$/m, 'title: A new title')) },
    { name: 'change a description', files: [first!], apply: () => edit(first!, (t) => t.replace(/^description: .*$/m, 'description: Said anew.')) },
    { name: 'deprecate a dataset', files: [first!], apply: () => edit(first!, (t) => t.replace(/^status: .*$/m, 'status: deprecated')) },
    { name: 'break a reference', files: [model!], apply: () => edit(model!, (t) => t.replace(/dataset: ([a-z0-9-]+)/, 'dataset: $1-typo')) },
    { name: 'delete a dataset others depend on', files: [second!], apply: () => rmSync(second!) },
    {
      name: 'add a dataset derived from another',
      files: [added],
      apply: () =>
        writeFileSync(added, `---\ntitle: Added\ndescription: Added by hand.\nowners: [${id(team!)}]\nstatus: active\nderived_from:\n  - dataset: ${id(third!)}\n---\n\n## Motivation\n\nWhy.\n`),
    },
    { name: 'rename a dataset', files: [third!, renamed], apply: () => renameSync(third!, renamed) },
    {
      name: 'break the YAML',
      files: [fourth!],
      apply: () => {
        brokenText = readFileSync(fourth!, 'utf8');
        writeFileSync(fourth!, brokenText.replace(/^title: .*$/m, 'title: [unclosed'));
      },
    },
    { name: 'fix the YAML', files: [fourth!], apply: () => writeFileSync(fourth!, brokenText) },
    { name: 'make a file not UTF-8', files: [team!], apply: () => writeFileSync(team!, Buffer.from([0x74, 0x69, 0xff, 0x0a])) },
    {
      name: 'change cardcat.config.yaml',
      files: [config],
      apply: () => edit(config, (t) => `${t.replace(/^review_every: .*$/m, 'review_every: 7d')}\nrules:\n  bus-factor: error\n`),
    },
    { name: 'delete cardcat.config.yaml', files: [config], apply: () => rmSync(config) },
  ];
}

/** What a catalog says, as plain values: two catalogs are the same when these are equal. */
export function observable(catalog: Catalog) {
  return {
    diagnostics: catalog.diagnostics,
    entries: catalog.entries.map((e) => ({ file: e.file, kind: e.kind, id: e.id, data: e.data, body: e.body, bodyLine: e.bodyLine })),
    byId: [...catalog.byId.entries()].map(([id, e]) => [id, e.file]),
    files: [...catalog.files.keys()],
    edges: catalog.graph.edges,
    completeness: [...catalog.completeness.entries()],
    config: catalog.config,
  };
}
