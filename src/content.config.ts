/**
 * One collection, `entries`, fed by the catalog core: the build validates exactly as
 * `npm run check` does. Errors stop the build with check's report; warnings are printed
 * and the build goes on. In `astro dev` the loader watches the content folder and reloads.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { findConfig } from './lib/load/config.ts';
import { stateFileFor } from './lib/probe/state.ts';
import { contentChanged, contentDir, releaseBuildTexts } from './astro/catalog.ts';
import { CatalogDigest } from './astro/catalog-digest.ts';
import { contentState } from './astro/pages.ts';

/** A folder as the user would type it: relative when inside the working folder. */
const shown = (dir: string) => {
  const rel = path.relative(process.cwd(), dir);
  return rel === '' ? '.' : rel.startsWith('..') ? dir : rel;
};

/** How long after a change its file's size is looked at again (see the watcher below). */
const RECHECK_MS = 300;

/** A file's size, or -1 when it is gone. */
const sizeOf = (file: string): number => {
  try {
    return statSync(file).size;
  } catch {
    return -1;
  }
};

/** The store's one record (see `sync` below). */
const CATALOG_RECORD = 'catalog';

const catalogLoader: Loader = {
  name: 'cardcat-catalog',
  load: async ({ store, logger, watcher, generateDigest }) => {
    const dir = contentDir();
    const digest = new CatalogDigest(generateDigest);
    const sync = (dev: boolean) => {
      const state = contentState(process.stdout.isTTY === true);
      const { report } = state;
      if (report.errors) {
        const message = `${report.text}\n\nThe site was not built: the catalog in \`${shown(dir)}\` has errors. Fix them and build again.`;
        // In dev the report is shown and the server keeps running, so fixing the file recovers.
        if (dev) logger.error(`\n${message}`);
        else {
          // A user error: check's report and a non-zero exit, without a stack trace pointing into this loader.
          process.stderr.write(`\n${message}\n`);
          process.exit(1);
        }
      } else if (report.warnings) {
        logger.warn(`\n${report.text}`);
      }
      // Pages are rendered from page models (src/astro/pages.ts), not from this store. It
      // holds one record whose digest is the catalog's: when it changes, Astro writes the
      // store, clears its cache of each route's paths and reloads the browser. One record,
      // not one per entry: Astro serializes the whole store on every write, and at 10,000
      // entries that took longer than everything else between a save and its page.
      store.set({ id: CATALOG_RECORD, data: { entries: state.entries.length }, digest: digest.of(state, stateFileFor(dir)) });
      for (const id of store.keys()) if (id !== CATALOG_RECORD) store.delete(id);
    };
    sync(watcher !== undefined);
    // A build holds its catalog for every page; the entries' texts, digested above, are
    // read again only by the pages that show them.
    if (!watcher) releaseBuildTexts();
    if (watcher) {
      const config = findConfig(dir);
      // Pages show the probe state file's results too: a new probe run reloads them.
      const probes = stateFileFor(dir);
      watcher.add(dir);
      if (config) watcher.add(config);
      watcher.add(probes);
      const inside = (file: string) => file === config || file === probes || !path.relative(dir, file).startsWith('..');
      const apply = (event: string, abs: string) => {
        contentChanged(event, abs);
        sync(true);
      };
      watcher.on('all', (event, file) => {
        const abs = path.resolve(file);
        if (!inside(abs)) return;
        // A save caught mid-write (the file cut to nothing, its text not yet written) is read
        // empty or in part, and the write may bring no event of its own: the watcher drops a
        // change whose modification time is the last one's, as it is within a clock tick. So
        // a file whose size moved on since it was read is read again.
        const before = sizeOf(abs);
        apply(event, abs);
        if (event === 'add' || event === 'change') {
          setTimeout(() => {
            if (sizeOf(abs) !== before) apply('change', abs);
          }, RECHECK_MS).unref();
        }
      });
    }
  },
};

export const collections = {
  entries: defineCollection({
    loader: catalogLoader,
    schema: z.object({ entries: z.number() }),
  }),
};
