/**
 * What every importer produces and every command consumes: entries about to be written,
 * the placeholders they carry, and what could not be mapped.
 */
import type { Kind, KindData } from '../../../schemas/index.ts';

/** Front matter as an importer builds it: the input shape of a kind's schema. */
export type DraftData = Record<string, unknown>;

export interface Placeholder {
  /** Where in the front matter, such as `['owners']`. */
  path: (string | number)[];
  /** Why it is there, written as a YAML comment beside the value and as a report warning. */
  reason: string;
}

export interface DraftEntry {
  kind: Kind;
  id: string;
  data: DraftData;
  /** Markdown body, for datasets and models. */
  body?: string;
  placeholders: Placeholder[];
}

export interface ImportNote {
  severity: 'warning' | 'info';
  message: string;
}

export interface ImportResult {
  entries: DraftEntry[];
  notes: ImportNote[];
  /** Top-level keys (or paths) of the source kept verbatim instead of mapped. */
  unmapped: string[];
}

/** What an importer may know of the catalog it imports into. */
export interface ImportContext {
  /** Entries already in the catalog or imported earlier in this run, by id. */
  known: ReadonlyMap<string, KnownEntry>;
  /** The ids of the uses vocabulary (from the config), for rights read back from an export. */
  uses?: readonly string[];
  /** The Hugging Face id of the card (`owner/name`), when known: names the entry and links it to the Hub. */
  hubId?: string;
  /** The id to give the (first) entry; derived from the file name otherwise. */
  id?: string;
  /** The source file's name, for ids and messages. */
  fileName: string;
  /** Reads a file next to the source (Frictionless schemas given as paths); undefined when absent. */
  readRelated?: (relativePath: string) => string | undefined;
}

export interface KnownEntry {
  kind: Kind;
  /** The entry's title: owners named by title (Croissant `creator`) resolve through it. */
  title?: string;
  /** Split names, for datasets. */
  splits?: readonly string[];
  /** Link URLs, which record where an imported entry came from. */
  links?: readonly string[];
}

export type { Kind, KindData };
