/**
 * Diagnostics as a compiler prints them: place, severity, message, rule, a code frame and the
 * hint. Everything from the catalog (names, messages quoting values, source lines) goes
 * through `visible`, so an escape sequence in a file is shown as text, never obeyed.
 */
import { visible, visibleLine } from '../terminal-text.ts';
import type { Diagnostic } from '../types.ts';

export interface PrettyOptions {
  color?: boolean;
  /** Source text by file, for code frames. */
  sources?: ReadonlyMap<string, { text: string }>;
}

const paint = (on: boolean) => (code: string, text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

export function codeFrame(text: string, line: number, column: number, color = false): string {
  const c = paint(color);
  const lines = text.split(/\r?\n/);
  // A final line break ends the last line; it does not start an empty one.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const first = Math.max(1, line - 2);
  const last = Math.min(lines.length, line + 1);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === line ? c('31', '>') : ' ';
    const content = visibleLine((lines[n - 1] ?? '').replace(/\t/g, '  '));
    out.push(`  ${marker} ${c('2', String(n).padStart(width))} | ${content.length > 160 ? `${content.slice(0, 157)}…` : content}`);
    // The caret lines up with the column as displayed, after tabs are expanded.
    const before = visibleLine((lines[n - 1] ?? '').slice(0, Math.max(0, column - 1)).replace(/\t/g, '  ')).length;
    if (n === line) out.push(`    ${' '.repeat(width)} | ${' '.repeat(before)}${c('31', '^')}`);
  }
  return out.join('\n');
}

export function formatPretty(diagnostics: readonly Diagnostic[], options: PrettyOptions = {}): string {
  const c = paint(options.color ?? false);
  const blocks = diagnostics.map((d) => {
    const severity = d.severity === 'error' ? c('31;1', 'error') : c('33;1', 'warning');
    const lines = [`${c('1', `${visibleLine(d.file)}:${d.line}:${d.column}`)}  ${severity}  ${visible(d.message)}  ${c('2', visibleLine(d.rule))}`];
    const source = options.sources?.get(d.file);
    if (source) lines.push(codeFrame(source.text, d.line, d.column, options.color));
    if (d.hint) lines.push(`  ${c('36', 'hint:')} ${visible(d.hint).split('\n').join('\n        ')}`);
    for (const r of d.related ?? []) lines.push(`  ${c('2', 'see:')} ${visibleLine(r.file)}:${r.line}:${r.column}  ${visible(r.message)}`);
    return lines.join('\n');
  });
  return [...blocks, summary(diagnostics, c)].join('\n\n');
}

export function counts(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number; files: number } {
  return {
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    files: new Set(diagnostics.map((d) => d.file)).size,
  };
}

function summary(diagnostics: readonly Diagnostic[], c: ReturnType<typeof paint>): string {
  const { errors, warnings, files } = counts(diagnostics);
  if (errors === 0 && warnings === 0) return c('32', '✓ No problems found.');
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const text = `${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${plural(files, 'file')}.`;
  return errors ? c('31;1', `✗ ${text}`) : c('33', `! ${text}`);
}
