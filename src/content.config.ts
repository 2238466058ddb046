/**
 * One collection, `entries`, fed by the catalog core: the build validates exactly as
 * `npm run check` does. Errors stop the build with check's report; warnings are printed
 * and the build goes on. In `astro dev` the loader watches the content folder and reloads.
 */
import path from 'node:path';
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { KIND_NAMES } from '../schemas/index.ts';
import { findConfig } from './lib/load/config.ts';
import { stateFileFor } from './lib/probe/state.ts';
import { contentChanged, contentDir } from './astro/catalog.ts';
import { contentState } from './astro/pages.ts';

/** A folder as the user would type it: relative when inside the working folder. */
const shown = (dir: string) => {
  const rel = path.relative(process.cwd(), dir);
  return rel === '' ? '.' : rel.startsWith('..') ? dir : rel;
};

const catalogLoader: Loader = {
  name: 'cardcat-catalog',
  load: async ({ store, logger, watcher, generateDigest }) => {
    const dir = contentDir();
    // Each entry's file, text and digest as last set, by store id.
    let digests = new Map<string, { file: string; text: string; digest: string }>();
    const sync = (dev: boolean) => {
      const { report, entries } = contentState(process.stdout.isTTY === true);
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
      // Only what changed is set or deleted: the store skips an entry whose digest it
      // holds, and a store cleared and filled again on every save would have Astro treat
      // every entry as changed. A digest is worked out again only for a text that changed.
      // Pages are rendered from page models (src/astro/pages.ts), not from this store; it
      // holds only a little of each entry and a digest, so dev reloads when a file changes
      // (a copy of every body would be serialized to disk and held in memory for nothing).
      const ids = new Set<string>();
      const previous = digests;
      digests = new Map();
      for (const entry of entries) {
        const id = `${entry.kind}/${entry.id}`;
        ids.add(id);
        const kept = previous.get(id);
        const digest = kept?.text === entry.text && kept.file === entry.file ? kept.digest : generateDigest(`${entry.file}\0${entry.text}`);
        digests.set(id, { file: entry.file, text: entry.text, digest });
        store.set({ id, data: { kind: entry.kind, id: entry.id, file: entry.file, title: entry.title }, digest });
      }
      for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
    };
    sync(watcher !== undefined);
    if (watcher) {
      const config = findConfig(dir);
      // Pages show the probe state file's results too: a new probe run reloads them.
      const probes = stateFileFor(dir);
      watcher.add(dir);
      if (config) watcher.add(config);
      watcher.add(probes);
      const inside = (file: string) => file === config || file === probes || !path.relative(dir, file).startsWith('..');
      watcher.on('all', (event, file) => {
        const abs = path.resolve(file);
        if (!inside(abs)) return;
        contentChanged(event, abs);
        sync(true);
      });
    }
  },
};

export const collections = {
  entries: defineCollection({
    loader: catalogLoader,
    schema: z.object({ kind: z.enum(KIND_NAMES as [string, ...string[]]), id: z.string(), file: z.string(), title: z.string() }),
  }),
};
