/** What every rule is: an id, a default severity, a doc, and a check that reports problems. */
import type { Catalog, Entry, PathKey, Severity, SourceFile } from '../types.ts';

export interface RuleReport {
  /** The entry (or file) where the problem is written. */
  entry: Entry | SourceFile;
  /** The YAML path of the offending value; omitted means the file's first line. */
  path?: readonly PathKey[];
  /** Point at the key of the last path segment rather than its value. */
  key?: boolean;
  /** A line of the file instead of a YAML path: for problems in the Markdown body. */
  line?: number;
  message: string;
  hint?: string | undefined;
  /** Other places that matter, such as the upstream entry a restriction comes from. */
  related?: { entry: Entry | SourceFile; path?: readonly PathKey[]; message: string }[] | undefined;
}

export type RuleCatalog = Omit<Catalog, 'diagnostics'>;

export interface RuleContext {
  catalog: RuleCatalog;
  report(problem: RuleReport): void;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** What it checks, why it matters, how to fix it: one short paragraph. */
  doc: string;
  check(context: RuleContext): void;
  /**
   * What the rule reads of each entry, so its results can be reused when that did not
   * change (`rule-results.ts`). `fields` (the default): the entries' fields other than
   * `title` and `description`, the files read and their ids, the config and the day.
   * `entry`: each entry alone (its fields, body and completeness score), the config and
   * the day, reporting only in that entry's file; it runs over the entries that changed.
   * `bodies`: the Markdown bodies too, or anything else; such a rule runs every time.
   */
  reads?: 'fields' | 'entry' | 'bodies';
}
