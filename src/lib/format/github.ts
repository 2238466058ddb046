/** GitHub Actions workflow commands, so each problem shows as an annotation on its line. */
import { visible } from '../terminal-text.ts';
import type { Diagnostic } from '../types.ts';

// Workflow-command values escape %, CR and LF; properties also escape : and ,. Other control
// characters are written out as text (`\x1b`), since the log shows them to a terminal emulator.
const escapeData = (s: string) => visible(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(diagnostics: readonly Diagnostic[], prefix = ''): string {
  return diagnostics
    .map((d) => {
      const command = d.severity === 'error' ? 'error' : 'warning';
      const file = escapeProperty(prefix + d.file);
      const message = escapeData(d.hint ? `${d.message}\n${d.hint}` : d.message);
      return `::${command} file=${file},line=${d.line},col=${d.column},title=${escapeProperty(d.rule)}::${message}`;
    })
    .join('\n');
}
