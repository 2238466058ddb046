/** The machine-readable report: `{ diagnostics, counts }`, as DESIGN.md specifies. */
import type { Diagnostic } from '../types.ts';
import { counts } from './pretty.ts';

export function formatJson(diagnostics: readonly Diagnostic[], entries: number): string {
  const list = diagnostics.map((d) => ({
    file: d.file,
    line: d.line,
    column: d.column,
    severity: d.severity,
    rule: d.rule,
    message: d.message,
    hint: d.hint ?? null,
    ...(d.related ? { related: d.related } : {}),
  }));
  return JSON.stringify({ diagnostics: list, counts: { ...counts(diagnostics), entries } }, null, 2);
}
