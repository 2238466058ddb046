/**
 * Results of rules kept from one run to the next, so a run after an edit that no rule
 * reads (a title, a description, prose) reports them without running them. A rule's
 * problems are stored with a hash of everything it reads (`Rule.reads`): every file read
 * (its path, its id, whether it passed its schema) and the fields of every entry except
 * `title` and `description`, which no rule reads, with the config and the day. They are
 * reused only when that hash is the same, so they are exactly what the rule would report.
 * A rule that reads bodies runs every time.
 */
import { hash } from 'node:crypto';
import { serialize } from 'node:v8';
import type { Problem } from '../load/reporter.ts';

/** Where the results of rules are kept: the parse cache on disk, or memory for a server. */
export interface RuleResults {
  /** The problems `rule` reported when its inputs hashed to `inputs`, if kept. */
  get(rule: string, inputs: string): readonly Problem[] | undefined;
  set(rule: string, inputs: string, problems: readonly Problem[]): void;
}

/** Rule results held in memory, the latest per rule. */
export class MemoryRuleResults implements RuleResults {
  readonly #results = new Map<string, { inputs: string; problems: readonly Problem[] }>();

  get(rule: string, inputs: string): readonly Problem[] | undefined {
    const kept = this.#results.get(rule);
    return kept?.inputs === inputs ? kept.problems : undefined;
  }

  set(rule: string, inputs: string, problems: readonly Problem[]): void {
    this.#results.set(rule, { inputs, problems });
  }
}

/**
 * A hash of what rules read of one entry's fields: all but `title` and `description`. JSON
 * holds all the schemas give (no Date, Map or undefined value), at half the cost of V8's
 * serializer.
 */
export function fieldsHash(data: object): string {
  const { title: _title, description: _description, ...fields } = data as Record<string, unknown>;
  return hash('sha1', JSON.stringify(fields), 'base64');
}

/** What the rules that read fields read of a whole catalog, as one hash. */
export function inputsHash(parts: {
  root: string;
  config: unknown;
  today: string;
  /** Every file read, in order: its display path and id, and its fields' hash when it is an entry. */
  files: readonly { file: string; kind: string; id: string; fields: string | undefined }[];
}): string {
  const lines = [parts.root, hash('sha1', serialize(parts.config), 'base64'), parts.today];
  for (const f of parts.files) lines.push(`${f.file}\0${f.kind}\0${f.id}\0${f.fields ?? '-'}`);
  return hash('sha1', lines.join('\n'), 'base64');
}
