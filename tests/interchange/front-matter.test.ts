import { describe, expect, it } from 'vitest';
import { CardError, readCard, readJson } from '../../src/lib/interchange/front-matter.ts';

function failure(text: string): string {
  try {
    readCard(text);
  } catch (error) {
    if (error instanceof CardError) return `${error.line}:${error.column} ${error.message}`;
    throw error;
  }
  return 'no error';
}

describe('reading the metadata of a foreign card', () => {
  it('reads a card with a byte-order mark and CRLF line endings', () => {
    const card = readCard('\ufeff---\r\nlicense: mit\r\ntags:\r\n- a\r\n---\r\n# Title\r\n\r\nBody.\r\n');
    expect(card.data).toEqual({ license: 'mit', tags: ['a'] });
    expect(card.body).toBe('# Title\n\nBody.\n');
  });

  it('accepts blank lines before the opening delimiter, as the Hub does', () => {
    expect(readCard('\n\n---\nlicense: mit\n---\nbody').data).toEqual({ license: 'mit' });
  });

  it('reads a doubled opening delimiter as a YAML document start', () => {
    expect(readCard('---\n---\nlicense: mit\nmodel-index: []\n---\nbody\n').data).toEqual({ license: 'mit', 'model-index': [] });
  });

  it('treats an empty block and a block of blank lines as no metadata', () => {
    expect(readCard('---\n---\n# Card\n')).toMatchObject({ data: {}, hasFrontMatter: true, body: '# Card\n' });
    expect(readCard('---\n\n\n---\n# Card\n').data).toEqual({});
  });

  it('reads a card without front matter as prose only', () => {
    expect(readCard('# Just prose\n\n------------\n\nmore')).toMatchObject({ data: {}, hasFrontMatter: false });
  });

  it('keeps NaN values as numbers so they can be reported, not written', () => {
    expect(Number.isNaN((readCard('---\nvalue: .nan\n---\n').data as { value: number }).value)).toBe(true);
  });

  it('names the line of a front matter that is never closed', () => {
    expect(failure('---\nlicense: mit\n# Title\n')).toBe('1:1 Front matter is never closed: no `---` line after the opening one');
    expect(failure('---\nlicense: mit\n  ---\n# Title\n')).toBe('3:1 Front matter is never closed: the closing `---` is indented');
  });

  it('rejects a mistyped delimiter followed by metadata', () => {
    expect(failure('--\nlicense: mit\n---\n')).toBe('1:1 Unexpected front-matter delimiter `--`, expected `---`');
    expect(failure('----\nlicense: mit\n---\n')).toBe('1:1 Unexpected front-matter delimiter `----`, expected `---`');
  });

  it('reports invalid YAML at its line and column in the file', () => {
    expect(failure('---\nlicense: mit\nlanguage: "fr"tags:\n---\n')).toMatch(/^3:\d+ Invalid YAML in the front matter: /);
  });

  it('refuses a binary file at its first NUL byte rather than writing the bytes into an entry', () => {
    expect(failure('---\nlicense: mit\n---\nPNG\u0000\u0001')).toBe('4:4 File is binary (it contains NUL bytes), not a card');
  });

  it('rejects front matter that is a list', () => {
    expect(failure('---\n[]\n---\n')).toBe('2:1 Expected the front matter to be a mapping of fields, found a list');
  });

  it('reports a JSON syntax error with its line and column', () => {
    expect(() => readJson('{\n  "name": "x",\n  oops\n}')).toThrowError(CardError);
    try {
      readJson('{\n  "name": "x",\n  oops\n}');
    } catch (error) {
      expect((error as CardError).line).toBe(3);
    }
  });
});
