/**
 * Lets a catalog's entry texts go, for a process that keeps the catalog while it works
 * through it (a site build). Every file's whole text is held by its entry and its source
 * file, 334 MB at 50,000 synthetic entries; once the rules have run and problems are
 * placed, only the pages that show a body read them again. Each
 * text is then read from its file when asked for, held weakly, and must hash to what was
 * released: a file changed since stops the build and asks for it to be run again, as the
 * catalog no longer describes it (see `deferredEntryFile`).
 */
import { hash } from 'node:crypto';
import type { Catalog, SourceFile } from '../types.ts';
import { deferredEntryFile } from './load.ts';

const TEXT_FIELDS = ['text', 'yamlText', 'body'] as const;

export function releaseTexts(catalog: Catalog, maxFileBytes: number): void {
  const readers = new Map<string, SourceFile>();
  const reader = (file: SourceFile) => {
    let found = readers.get(file.absPath);
    if (!found) {
      const digest = hash('sha1', file.text, 'base64');
      const { source } = deferredEntryFile(file.absPath, file.kind, catalog.root, file.file, file, { maxFileBytes }, (text) => hash('sha1', text, 'base64') === digest, true);
      readers.set(file.absPath, (found = source));
    }
    return found;
  };
  for (const file of [...catalog.files.values(), ...catalog.entries]) {
    const from = reader(file);
    for (const field of TEXT_FIELDS) Object.defineProperty(file, field, { get: () => from[field], enumerable: true, configurable: true });
  }
}
