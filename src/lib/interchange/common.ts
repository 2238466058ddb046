/** Pieces every importer shares: owners, status, descriptions, resolution of foreign names. */
import type { DraftEntry, ImportContext, ImportResult, Placeholder } from './model.ts';
import { idFromFileName, toId } from './ids.ts';

/**
 * The owner of imported entries until a person claims them: foreign cards name no
 * accountable team. `teams/unassigned.yaml` is written beside them so the catalog checks.
 */
export const UNASSIGNED = 'unassigned';

export const UNASSIGNED_TEAM: DraftEntry = {
  kind: 'team',
  id: UNASSIGNED,
  data: {
    title: 'Unassigned (placeholder)',
    description: 'Owner of imported entries until a real team or person takes them over.',
    status: 'draft',
  },
  placeholders: [{ path: ['title'], reason: 'replace `unassigned` in the owners of imported entries, then delete this file' }],
};

/** Fields every imported dataset or model starts with: draft status, placeholder owner. */
export function importedBase(): { data: Record<string, unknown>; placeholders: Placeholder[] } {
  return {
    data: { owners: [UNASSIGNED], status: 'draft' },
    placeholders: [{ path: ['owners'], reason: 'the source names no accountable owner' }],
  };
}

/** The Hub page of a dataset or model. */
export function hubUrl(kind: 'dataset' | 'model', hubId: string): string {
  return `https://huggingface.co/${kind === 'dataset' ? 'datasets/' : ''}${hubId}`;
}

/** Id and Hub link of a Hugging Face card: `--id`, else the whole Hub id, else the file name. */
export function hubIdentity(context: ImportContext, kind: 'dataset' | 'model'): { id: string | undefined; link?: { title: string; url: string } } {
  const id = context.id ?? (context.hubId ? toId(context.hubId) : undefined) ?? idFromFileName(context.fileName);
  return context.hubId ? { id, link: { title: 'Hugging Face Hub', url: hubUrl(kind, context.hubId) } } : { id };
}

/** The first sentence of the first prose paragraph of a Markdown body, if it has one. */
export function firstProse(markdown: string): string | undefined {
  let fence = false;
  for (const block of markdown.replace(/<!--[\s\S]*?-->/g, '').split(/\n\s*\n/)) {
    const lines = block.split('\n');
    for (const line of lines) if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence || /^\s*(```|~~~)/.test(block)) continue;
    const text = lines
      .filter((l) => !/^\s*(#|[-*+]\s|\d+\.\s|\||>|<|!\[|\[!\[|---|===)/.test(l))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (text.length < 20 || /\[(more information needed|dataset name|needs more information)\]/i.test(text) || /\{\{.*\}\}/.test(text)) continue;
    const sentence = /^(.+?[.!?])(\s|$)/.exec(text)?.[1] ?? text;
    return sentence.length > 300 ? `${sentence.slice(0, 297)}…` : sentence;
  }
  return undefined;
}

/** A one-line description: the source's own, else its first prose, else a marked placeholder. */
export function describe(
  data: Record<string, unknown>,
  placeholders: Placeholder[],
  candidates: (string | undefined)[],
): void {
  for (const candidate of candidates) {
    const line = candidate?.replace(/\s+/g, ' ').trim();
    if (line) {
      data['description'] = line.length > 300 ? `${line.slice(0, 297)}…` : line;
      return;
    }
  }
  data['description'] = 'No description in the source.';
  placeholders.push({ path: ['description'], reason: 'the source has no description' });
}

/**
 * The catalog id a foreign name (a Hub id such as `conll2003` or `Qwen/Qwen2.5-7B`)
 * stands for, when that entry exists and is of the right kind. The whole name must match,
 * namespace included, or a link must record it: `mteb/amazon_reviews_multi` is not
 * `amazon_reviews_multi`.
 */
export function resolve(context: ImportContext, kind: 'dataset' | 'model', name: string, urls: readonly string[] = []): string | undefined {
  const id = toId(name);
  if (id) {
    const known = context.known.get(id);
    if (known?.kind === kind) return id;
  }
  for (const [candidate, known] of context.known) {
    if (known.kind === kind && known.links?.some((l) => urls.includes(l))) return candidate;
  }
  return undefined;
}

/** Values as a list: HF cards write one value or several, and early cards a per-config mapping. */
export function strings(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (Array.isArray(value)) return [...new Set(value.flatMap(strings))];
  if (typeof value === 'object') return [...new Set(Object.values(value).flatMap(strings))];
  return [];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The ISO date of a date or date-time string, when it is one. */
export function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(value.trim());
  return match && !Number.isNaN(Date.parse(match[1]!)) ? match[1] : undefined;
}

/** An http(s) URL the schemas accept, when `value` is one. */
export function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A card Cardcat's Hugging Face export wrote carries the entry's own fields in a `cardcat:`
 * block (the Hub keeps extra YAML keys). Those fields win over what the Hub's forms gave:
 * the mapped entry keeps only the `native` fields the card carries as they are, the block
 * gives the rest, and the card's prose is the body as written.
 */
export function withCardcatBlock(result: ImportResult, meta: Record<string, unknown>, body: string, native: readonly string[]): ImportResult {
  const block = meta['cardcat'];
  if (!isRecord(block)) return result;
  const entries = result.entries.map((entry) => ({
    ...entry,
    data: { ...Object.fromEntries(native.filter((k) => entry.data[k] !== undefined).map((k) => [k, entry.data[k]])), ...block },
    body,
    placeholders: [],
  }));
  return { entries, notes: [{ severity: 'info', message: 'Fields read from the card\'s `cardcat:` block, as Cardcat exported them' }], unmapped: [] };
}
