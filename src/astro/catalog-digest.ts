/**
 * The digest of the catalog the content loader stores as its one record: it changes when
 * anything a page shows could have (an entry's file or text, the config, the diagnostics,
 * the probe results), and only then, so the dev server reloads on every real edit and on
 * no other. Each entry's text is digested again only when it changed.
 */
import { statSync } from 'node:fs';
import type { Catalog } from '../lib/types.ts';
import type { StoredEntry } from './pages.ts';

export class CatalogDigest {
  readonly #digest: (text: string) => string;
  /** Each entry's file, text and digest as last seen, by `kind/id`. */
  #entries = new Map<string, { file: string; text: string; digest: string }>();

  /** `digest` as the loader's context gives it (`generateDigest`). */
  constructor(digest: (text: string) => string) {
    this.#digest = digest;
  }

  /** The digest of the catalog now: its entries, config and diagnostics report, and the probe state file's size and time. */
  of(state: { entries: readonly StoredEntry[]; config: Catalog['config']; report: { text: string } }, probesFile: string): string {
    const previous = this.#entries;
    this.#entries = new Map();
    const parts: string[] = [];
    for (const entry of state.entries) {
      const id = `${entry.kind}/${entry.id}`;
      const kept = previous.get(id);
      const digest = kept?.text === entry.text && kept.file === entry.file ? kept.digest : this.#digest(`${entry.file}\0${entry.text}`);
      this.#entries.set(id, { file: entry.file, text: entry.text, digest });
      parts.push(`${id}\0${entry.file}\0${digest}`);
    }
    parts.push(JSON.stringify(state.config), state.report.text, stamp(probesFile));
    return this.#digest(parts.join('\n'));
  }
}

/** A file's size and time, or '' when there is none. */
function stamp(file: string): string {
  try {
    const s = statSync(file);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return '';
  }
}
