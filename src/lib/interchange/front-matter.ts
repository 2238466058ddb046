/**
 * Reads the YAML metadata of a foreign card (a Hugging Face README, say). Cards in the wild
 * open with blank lines, a BOM or CRLF, double their opening `---`, or never close it; each
 * case either yields the metadata or a problem that names the line and column.
 */
import { positionOf as lineColumn } from '../load/position.ts';
import { parseYaml } from '../load/yaml.ts';

export interface CardProblem {
  message: string;
  line: number;
  column: number;
  hint?: string;
}

export interface ForeignCard {
  /** The metadata mapping; empty when the card has none. */
  data: Record<string, unknown>;
  /** Whether the card had a front-matter block at all. */
  hasFrontMatter: boolean;
  /** The Markdown after the front matter, LF line endings. */
  body: string;
  /** Problems that did not stop the reading (YAML warnings). */
  warnings: CardProblem[];
}

export class CardError extends Error {
  readonly line: number;
  readonly column: number;
  readonly hint: string | undefined;
  constructor(problem: CardProblem) {
    super(problem.message);
    this.line = problem.line;
    this.column = problem.column;
    this.hint = problem.hint;
  }
}

/** Text as the importers see it: no BOM, LF line endings (offsets then count the same in every file). */
export function normalizeText(text: string): string {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
}

/**
 * Splits and parses a card. Mirrors the Hugging Face Hub's reading (leading blank lines
 * allowed, the closing `---` alone on its line) but reports what the Hub silently drops.
 */
export function readCard(raw: string): ForeignCard {
  const text = normalizeText(raw);
  const nul = text.indexOf('\0');
  if (nul >= 0) throw new CardError({ ...lineColumn(text, nul), message: 'File is binary (it contains NUL bytes), not a card', hint: 'Import the card\'s README.md or JSON file.' });
  const lead = /^\s*/.exec(text)![0];
  const start = lead.length;
  const firstLine = text.slice(start).split('\n', 1)[0]!;
  if (!/^---[ \t]*$/.test(firstLine)) {
    const secondLine = text.slice(start + firstLine.length + 1).split('\n', 1)[0] ?? '';
    // `--` or `----` followed by `key:` lines is a mistyped delimiter; a long rule is just Markdown.
    if (/^(-{1,2}|-{4})[ \t]*$/.test(firstLine) && /^[A-Za-z_][\w -]*:/.test(secondLine)) {
      const { line, column } = lineColumn(text, start);
      throw new CardError({
        line,
        column,
        message: `Unexpected front-matter delimiter \`${firstLine.trim()}\`, expected \`---\``,
        hint: 'Front matter opens and closes with a line of exactly three dashes.',
      });
    }
    return { data: {}, hasFrontMatter: false, body: text, warnings: [] };
  }
  let yamlStart = start + firstLine.length + 1;
  const next = text.slice(yamlStart);
  if (/^---[ \t]*(\n|$)/.test(next)) {
    // `---` twice then YAML: the second is a YAML document start, as the Hub reads it.
    if (/^---[ \t]*\n[A-Za-z_][\w -]*:/.test(next)) {
      yamlStart += next.indexOf('\n') + 1;
    } else {
      // An empty block: a card with no metadata.
      return { data: {}, hasFrontMatter: true, body: next.replace(/^---[ \t]*\n?/, ''), warnings: [] };
    }
  }
  const close = /\n---[ \t]*(\n|$)/.exec(text.slice(yamlStart - 1));
  if (!close) {
    const indented = /\n([ \t]+---[ \t]*)(\n|$)/.exec(text.slice(yamlStart - 1));
    const at = indented ? lineColumn(text, yamlStart - 1 + indented.index + 1) : lineColumn(text, start);
    throw new CardError({
      ...at,
      message: indented
        ? 'Front matter is never closed: the closing `---` is indented'
        : 'Front matter is never closed: no `---` line after the opening one',
      hint: indented ? 'Write the closing `---` at the start of its line.' : 'Add a line `---` after the last metadata field.',
    });
  }
  const yamlEnd = yamlStart - 1 + close.index;
  const yamlText = text.slice(yamlStart, Math.max(yamlStart, yamlEnd));
  const body = text.slice(yamlEnd + close[0].length);
  const parsed = parseYaml(yamlText);
  const problems = parsed.problems.map((p) => ({ ...lineColumn(text, yamlStart + p.offset), message: p.message }));
  if (parsed.value === undefined && problems.length > 0) {
    const first = problems[0]!;
    throw new CardError({ ...first, message: `Invalid YAML in the front matter: ${first.message}` });
  }
  const value = parsed.value ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new CardError({
      ...lineColumn(text, yamlStart),
      message: `Expected the front matter to be a mapping of fields, found ${Array.isArray(value) ? 'a list' : `\`${String(value)}\``}`,
    });
  }
  return { data: value as Record<string, unknown>, hasFrontMatter: true, body, warnings: problems };
}

/** Parses a JSON document, turning a syntax error into a problem with its line and column. */
export function readJson(raw: string): unknown {
  const text = normalizeText(raw);
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const lc = /line (\d+) column (\d+)/.exec(message);
    const at = lc ? { line: Number(lc[1]), column: Number(lc[2]) } : lineColumn(text, position ? Number(position[1]) : 0);
    throw new CardError({ ...at, message: `Invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '')}` });
  }
}
