/**
 * Text from a catalog made safe for a terminal. A key, value or file name may hold escape
 * sequences that set the window title, erase lines or print a fake "0 errors"; printed raw,
 * the terminal obeys them. Here every control character is shown as text instead (`\x1b`),
 * and so are the bidirectional overrides that make a line read other than it runs.
 */

// C0 controls but tab and line feed, DEL, C1 controls, bidi embeddings, overrides and isolates.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_OR_BREAK = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function shown(char: string): string {
  const code = char.charCodeAt(0);
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every control character but tab and line feed written out, such as `\x1b`. */
export function visible(text: string): string {
  return text.replace(UNSAFE, shown);
}

/** `text` on one line: line feeds are written out too (`\n`), for names and single values. */
export function visibleLine(text: string): string {
  return text.replace(UNSAFE_OR_BREAK, shown);
}

/** Whether `text` holds anything `visible` would change. */
export function hasControl(text: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text);
}
