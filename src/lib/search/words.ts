/**
 * How the names index cuts text into words, shared by the index's builder and the browser's
 * query so that both cut alike: lower case, accents dropped, split at anything that is not
 * a letter, a digit or `_`. A column name such as `days_since_last_play` is a word, and so
 * is each of its parts, so that `last` finds it as well as `days_since`.
 */
export function words(text: string): string[] {
  const found = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter(Boolean);
  return found;
}

/** The words of `text` and the parts of those joined by `_`: what the index lists for an entry. */
export function indexedWords(text: string): string[] {
  const out = new Set<string>();
  for (const word of words(text)) {
    out.add(word);
    if (word.includes('_')) for (const part of word.split('_')) if (part) out.add(part);
  }
  return [...out];
}

/** The index's word for a filter value: a control character first, so that no query word reaches it and filters sort before words. */
export const filterWord = (name: string, value: string) => `\u0001${name}=${value}`;
