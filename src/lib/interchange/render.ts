/**
 * Turns a draft entry into the text of a Cardcat file. Placeholders get a YAML comment
 * beside their value, so whoever opens the file sees what still needs a human.
 */
import { Document, isCollection, stringify } from 'yaml';
import { KINDS } from '../../../schemas/index.ts';
import type { DraftEntry } from './model.ts';

const MARKDOWN_KINDS = new Set(['dataset', 'model']);

export function fileNameOf(entry: DraftEntry): string {
  return `${KINDS[entry.kind].folder}/${entry.id}.${MARKDOWN_KINDS.has(entry.kind) ? 'md' : 'yaml'}`;
}

export function renderEntry(entry: DraftEntry): string {
  const { title, description, owners, status, ...rest } = entry.data;
  // Identity first, as people write entries by hand; undefined keys are left out.
  const ordered = Object.fromEntries(Object.entries({ title, description, owners, status, ...rest }).filter(([, v]) => v !== undefined));
  const doc = new Document(ordered);
  for (const placeholder of entry.placeholders) {
    const node = doc.getIn(placeholder.path, true) as { comment?: string; flow?: boolean } | undefined;
    if (!node) continue;
    if (isCollection(node)) node.flow = true;
    node.comment = ` placeholder: ${placeholder.reason}`;
  }
  const yaml = doc.toString({ lineWidth: 0 });
  if (!MARKDOWN_KINDS.has(entry.kind)) return yaml;
  const body = (entry.body ?? '').replace(/^\n+/, '').replace(/\s*$/, '\n');
  return `---\n${yaml}---\n\n${body}`;
}

/** A fenced YAML block of values kept verbatim, with a fence longer than any inside. */
export function yamlBlock(value: unknown): string {
  const text = stringify(value, { lineWidth: 0 });
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}yaml\n${text}${fence}\n`;
}

/** The body section that keeps what the source had and Cardcat has no field for. */
export function importedMetadataSection(format: string, unmapped: Record<string, unknown>): string {
  if (Object.keys(unmapped).length === 0) return '';
  return `\n## Imported metadata\n\nKept verbatim from the ${format} source: Cardcat has no field for these.\n\n${yamlBlock(unmapped)}`;
}
