/**
 * The file `new` writes for each kind: the schema's required fields (with their
 * descriptions as comments, so the file explains itself), the optional ones listed for
 * discovery, and for datasets, models and features the body sections with a
 * prompt under each. Everything is read from the schemas and `sections.ts`, so a field
 * added there shows up here without a second list to keep in step.
 */
import * as z from 'zod';
import { stringify } from 'yaml';
import { KINDS, type Kind } from '../../schemas/index.ts';
import { DATASHEET_SECTIONS, FEATURE_SECTIONS, MODEL_CARD_SECTIONS, type Section } from './sections.ts';

export interface TemplateOptions {
  title?: string;
  description?: string;
  owners?: readonly string[];
}

export interface Template {
  /** Path relative to the content folder, such as `datasets/viewing-events.md`. */
  path: string;
  text: string;
}

interface JsonProperty {
  description?: string;
  enum?: unknown[];
  type?: string | string[];
}

interface JsonObject {
  properties?: Record<string, JsonProperty>;
  required?: string[];
}

/** The body sections of a kind, for the kinds written as Markdown. */
export const BODY_SECTIONS: Partial<Record<Kind, readonly Section[]>> = {
  dataset: DATASHEET_SECTIONS,
  model: MODEL_CARD_SECTIONS,
  feature: FEATURE_SECTIONS,
};

/** "viewing-events" → "Viewing events": a title to start from, since ids are kebab-case. */
export function titleFromId(id: string): string {
  const words = id.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A YAML scalar on one line, quoted only when YAML needs it. */
const scalar = (value: string) => stringify(value, { lineWidth: 0 }).trimEnd();

/** An HTML comment is invisible on the page and ignored by the completeness score: a prompt, not prose. */
const prompt = (text: string) => `<!-- ${text.replace(/--/g, '–')} -->`;

export function entryTemplate(kind: Kind, id: string, options: TemplateOptions = {}): Template {
  const json = z.toJSONSchema(KINDS[kind].schema, { io: 'input', unrepresentable: 'any', target: 'draft-07' }) as JsonObject;
  const properties = json.properties ?? {};
  const required = new Set(json.required ?? []);
  const given: Record<string, string> = { title: scalar(options.title ?? titleFromId(id)) };
  if (options.description !== undefined) given['description'] = scalar(options.description);
  // An empty list rather than a blank: its error says an owner is needed, at the right line.
  if (options.owners?.length || required.has('owners')) given['owners'] = `[${(options.owners ?? []).join(', ')}]`;
  // A new entry is a draft until its owners fill it in: no staleness or completeness warnings yet.
  given['status'] = 'draft';
  if (kind === 'model') given['stage'] = 'development';

  const written = ['title', ...[...required].filter((k) => k !== 'title'), 'description', 'owners', 'status', 'stage'].filter(
    (key, i, all) => all.indexOf(key) === i && key in properties && (required.has(key) || key in given),
  );
  const lines: string[] = [];
  for (const key of written) {
    const property = properties[key]!;
    if (property.description) lines.push(`# ${property.description}`);
    if (property.enum && !given[key]) lines.push(`# One of: ${property.enum.join(', ')}.`);
    // A required field nobody gave is left blank: `check` points at it until it is filled in.
    lines.push(given[key] === undefined ? `${key}:` : `${key}: ${given[key]}`);
  }
  const optional = Object.keys(properties).filter((key) => !written.includes(key));
  if (optional.length > 0) {
    // Editors complete YAML files from the schema, but not front matter inside Markdown.
    const where = BODY_SECTIONS[kind] ? `described in schemas/json/${kind}.schema.json` : `your editor completes them from schemas/json/${kind}.schema.json`;
    lines.push('', `# More fields (${where}):`);
    const width = Math.max(...optional.map((key) => key.length)) + 1;
    for (const key of optional) lines.push(`#   ${`${key}:`.padEnd(width)} ${properties[key]!.description ?? ''}`.trimEnd());
  }
  const yaml = `${lines.join('\n')}\n`;

  const sections = BODY_SECTIONS[kind];
  const folder = KINDS[kind].folder;
  if (!sections) return { path: `${folder}/${id}.yaml`, text: yaml };
  const body = sections.map((s) => `# ${s.title}\n\n${prompt(s.prompt)}\n`).join('\n');
  return { path: `${folder}/${id}.md`, text: `---\n${yaml}---\n${body}` };
}
