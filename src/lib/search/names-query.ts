/**
 * A query of the names index (`names-index.ts`), in the browser or in a test: `load` reads a
 * file of the index by its path (`index.json`, `chunks/3.json`…) and each file is read once.
 *
 * An entry matches when every word of the query begins a word of its title, id, tags,
 * synonyms or column names, and it has every filter value asked for. Matches are ranked:
 * more of the query's words in the entry's title or a synonym first, then more of them
 * whole words rather than beginnings, then the shorter such name (so that the entry whose
 * title is the query comes before the longer titles that hold it), then by kind and title.
 */
import type { NameEntry, NameFilters, NamesChunk, NamesManifest } from './names-index.ts';
import { filterWord, words } from './words.ts';

/**
 * A query word that begins more words than this many chunks hold (a single letter, at
 * 50,000 entries) is matched in those chunks only: the box answers as the reader types,
 * and a letter should not fetch a tenth of the index. The next letter narrows it.
 */
export const MAX_PREFIX_CHUNKS = 4;

export interface NamesAnswer {
  /** How many entries match. */
  total: number;
  /** The first `limit` of them, ranked. */
  entries: NameEntry[];
}

interface Match {
  /** The query's words found in a name (title or synonym). */
  named: number;
  /** The query's words found whole. */
  whole: number;
  /** The shortest name, in words, that holds one of them (16 when none does). */
  length: number;
}

/** The chunks that may hold `word`, or, for a beginning, the words it begins. */
export function chunksFor(firsts: readonly string[], word: string, prefix: boolean): number[] {
  let lo = 0;
  let hi = firsts.length - 1;
  let start = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (firsts[mid]! <= word) {
      start = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const out = firsts.length ? [start] : [];
  if (prefix) for (let i = start + 1; i < firsts.length && firsts[i]!.startsWith(word) && out.length < MAX_PREFIX_CHUNKS; i++) out.push(i);
  return out;
}

export interface NamesSearch {
  manifest(): Promise<NamesManifest>;
  filters(): Promise<NameFilters>;
  search(query: string, filters?: Record<string, string>, limit?: number): Promise<NamesAnswer>;
}

export function namesSearch(load: (file: string) => Promise<unknown>): NamesSearch {
  const read = new Map<string, Promise<unknown>>();
  const get = <T>(file: string): Promise<T> => {
    let answer = read.get(file);
    if (!answer) {
      answer = load(file);
      read.set(file, answer);
      // A failed read is tried again on the next query rather than remembered.
      answer.catch(() => read.delete(file));
    }
    return answer as Promise<T>;
  };
  const manifest = () => get<NamesManifest>('index.json');

  /** Each entry having a word that is `word` (or begins with it), with the best of its matches: in a name, whole, shortest name. */
  async function lookup(word: string, prefix: boolean): Promise<Map<number, Match>> {
    const { chunks } = await manifest();
    const found = new Map<number, Match>();
    const loaded = await Promise.all(chunksFor(chunks, word, prefix).map((n) => get<NamesChunk>(`chunks/${n}.json`)));
    for (const chunk of loaded) {
      chunk.words.forEach((w, i) => {
        if (prefix ? !w.startsWith(word) : w !== word) return;
        const whole = w === word ? 1 : 0;
        let value = 0;
        for (const delta of chunk.postings[i]!) {
          value += delta;
          const entry = value >> 4;
          const name = value & 15;
          const match: Match = { named: name ? 1 : 0, whole, length: name || 16 };
          const old = found.get(entry);
          if (!old || better(match, old) < 0) found.set(entry, match);
        }
      });
    }
    return found;
  }

  return {
    manifest,
    filters: () => get<NameFilters>('filters.json'),
    async search(query, filters = {}, limit = 8) {
      const asked = [...new Set(words(query))];
      const lists = await Promise.all([
        ...asked.map((word) => lookup(word, true)),
        ...Object.entries(filters).map(([name, value]) => lookup(filterWord(name, value), false)),
      ]);
      if (!lists.length) return { total: 0, entries: [] };
      // Only the query's words rank; a filter only narrows.
      const ranked = new Map<number, Match>();
      const [first, ...rest] = [...lists].sort((a, b) => a.size - b.size);
      for (const [entry] of first!) {
        if (!rest.every((list) => list.has(entry))) continue;
        const match: Match = { named: 0, whole: 0, length: 16 };
        for (const list of lists.slice(0, asked.length)) {
          const m = list.get(entry)!;
          match.named += m.named;
          match.whole += m.whole;
          match.length = Math.min(match.length, m.length);
        }
        ranked.set(entry, match);
      }
      const top = [...ranked].sort(([a, ma], [b, mb]) => better(ma, mb) || a - b).slice(0, limit).map(([entry]) => entry);
      const { groupSize } = await manifest();
      const groups = new Map(await Promise.all([...new Set(top.map((e) => Math.floor(e / groupSize)))].map(async (g) => [g, await get<NameEntry[]>(`groups/${g}.json`)] as const)));
      return { total: ranked.size, entries: top.map((e) => groups.get(Math.floor(e / groupSize))![e % groupSize]!) };
    },
  };
}

/** Negative when `a` ranks before `b`. */
const better = (a: Match, b: Match) => b.named - a.named || b.whole - a.whole || a.length - b.length;
