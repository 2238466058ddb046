/**
 * The importers by format, and what every import does after mapping: each entry is
 * checked against its kind's schema before it is rendered, so nothing is written that
 * `check` would reject for its shape.
 */
import { KINDS } from '../../../../schemas/index.ts';
import { UNASSIGNED, UNASSIGNED_TEAM } from '../common.ts';
import { CardError } from '../front-matter.ts';
import type { DraftEntry, ImportContext, ImportResult, KnownEntry } from '../model.ts';
import { fileNameOf, renderEntry } from '../render.ts';
import { importCroissant } from './croissant.ts';
import { importFrictionless } from './frictionless.ts';
import { importHfDataset } from './hf-dataset.ts';
import { importHfModel } from './hf-model.ts';

export const IMPORTERS = {
  // `matches` picks the files of a folder to import: a dataset repository holds data JSON too.
  'hf-dataset': { run: importHfDataset, matches: (name: string) => /\.md$|dataset_infos\.json$/i.test(name), label: 'Hugging Face dataset card' },
  'hf-model': { run: importHfModel, matches: (name: string) => /\.md$/i.test(name), label: 'Hugging Face model card' },
  croissant: { run: importCroissant, matches: (name: string) => /\.(json|jsonld)$/i.test(name), label: 'Croissant JSON-LD' },
  frictionless: { run: importFrictionless, matches: (name: string) => /\.json$/i.test(name), label: 'Frictionless Data Package' },
} as const;

export type ImportFormat = keyof typeof IMPORTERS;
export const IMPORT_FORMATS = Object.keys(IMPORTERS) as ImportFormat[];

export interface RenderedEntry {
  entry: DraftEntry;
  /** Path relative to the content folder, such as `datasets/squad.md`. */
  path: string;
  text: string;
}

export interface ImportedFile extends Omit<ImportResult, 'entries'> {
  entries: RenderedEntry[];
}

/**
 * Imports one file's text. Throws CardError (with line and column) when the file cannot be
 * read as the format, or when a mapped entry would not pass its schema.
 */
export function importText(format: ImportFormat, text: string, context: ImportContext): ImportedFile {
  const result = IMPORTERS[format].run(text, context);
  for (const entry of result.entries) {
    // Titles are one line, whatever the source wrapped them to.
    if (typeof entry.data['title'] === 'string') entry.data['title'] = entry.data['title'].replace(/\s+/g, ' ').trim();
  }
  const entries = result.entries.map((entry) => {
    const parsed = KINDS[entry.kind].schema.safeParse(entry.data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new CardError({
        line: 1,
        column: 1,
        message: `The mapped ${entry.kind} \`${entry.id}\` does not fit its schema at \`${issue.path.join('.') || '(root)'}\`: ${issue.message}`,
        hint: 'This is a gap in the importer; please report it with the file.',
      });
    }
    return { entry, path: fileNameOf(entry), text: renderEntry(entry) };
  });
  // Placeholders are reported, not just written: each is a fact someone has to supply.
  const placeholderNotes = result.entries.flatMap((entry) =>
    entry.placeholders.map((p) => ({ severity: 'warning' as const, message: `Placeholder \`${p.path.join('.')}\` in \`${entry.id}\`: ${p.reason}` })),
  );
  return { ...result, notes: [...placeholderNotes, ...result.notes], entries };
}

/** The placeholder owner, when an import used it and the catalog has no entry of that id yet. */
export function placeholderOwner(known: ReadonlyMap<string, unknown>, files: readonly ImportedFile[]): RenderedEntry | undefined {
  if (known.has(UNASSIGNED)) return undefined;
  const used = files.some((f) => f.entries.some((e) => (e.entry.data['owners'] as string[] | undefined)?.includes(UNASSIGNED)));
  return used ? { entry: UNASSIGNED_TEAM, path: fileNameOf(UNASSIGNED_TEAM), text: renderEntry(UNASSIGNED_TEAM) } : undefined;
}

/** What later imports need to know of an imported entry, so references to it resolve. */
export function knownEntryOf(entry: DraftEntry): KnownEntry {
  const splits = entry.kind === 'dataset' ? (entry.data['splits'] as { parts?: { name: string }[] } | undefined)?.parts : undefined;
  return {
    kind: entry.kind,
    title: String(entry.data['title']),
    links: ((entry.data['links'] as { url: string }[] | undefined) ?? []).map((l) => l.url),
    ...(splits ? { splits: splits.map((p) => p.name) } : {}),
  };
}
