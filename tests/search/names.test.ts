/** The names index: how its builder groups and chunks the entries, and how a query matches and ranks them. */
import { describe, expect, it } from 'vitest';
import type { SearchRecord } from '../../src/lib/pages/search-records.ts';
import { searchRecords } from '../../src/lib/pages/search-records.ts';
import { CHUNK_CHARS, GROUP_SIZE, namesIndex, type NameEntry, type NamesChunk, type NamesManifest } from '../../src/lib/search/names-index.ts';
import { chunksFor, MAX_PREFIX_CHUNKS, namesSearch } from '../../src/lib/search/names-query.ts';
import { indexedWords, words } from '../../src/lib/search/words.ts';
import { demoCatalog } from '../pages/demo.ts';

const record = (kind: string, title: string, more: { synonyms?: string[]; words?: string[]; owner?: string } = {}): SearchRecord => {
  const id = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return {
    url: `/${kind.toLowerCase()}s/${id}/`,
    content: [title, id.replaceAll('-', ' '), ...(more.synonyms ?? []), ...(more.words ?? [])].join('. '),
    meta: { title, description: `About ${title}.`, ...(more.synonyms ? { synonyms: more.synonyms.join('|') } : {}) },
    filters: { kind: [kind], ...(more.owner ? { owner: [more.owner] } : {}) },
  };
};

/** A query over the files `namesIndex` wrote, counting the files it reads. */
function queried(records: readonly SearchRecord[]) {
  const files = namesIndex(records, ['pagefind-1/'], 'b1');
  const reads: string[] = [];
  const search = namesSearch(async (file) => {
    reads.push(file);
    const text = files.get(file);
    if (text === undefined) throw new Error(`no file ${file}`);
    return JSON.parse(text) as unknown;
  });
  return { files, reads, search };
}

const titles = (entries: NameEntry[]) => entries.map((e) => e.meta.title);

describe('the words of the names index', () => {
  it('cuts at punctuation and spaces, in lower case and without accents, and keeps a column name whole as well as in parts', () => {
    expect(words('Viewing events, labelled')).toEqual(['viewing', 'events', 'labelled']);
    expect(words('Café crème — v2.1')).toEqual(['cafe', 'creme', 'v2', '1']);
    expect(indexedWords('days_since_last_play')).toEqual(['days_since_last_play', 'days', 'since', 'last', 'play']);
  });
});

describe('the names index built', () => {
  const many = Array.from({ length: 40 }, (_, i) => record('Model', `Churn predictor ${i}`, { owner: i % 2 ? 'Odd team' : 'Even team' }));
  const records = [record('Dataset', 'Zebra crossings'), ...many, record('Glossary term', 'Churn', { synonyms: ['attrition'] })];

  it('groups the entries by kind then title, so many to a file, each in one group only', () => {
    const { files } = queried(records);
    const groups = [...files.keys()].filter((f) => f.startsWith('groups/')).sort((a, b) => parseInt(a.slice(7), 10) - parseInt(b.slice(7), 10));
    expect(groups.length).toBe(Math.ceil(records.length / GROUP_SIZE));
    const grouped = groups.map((g) => JSON.parse(files.get(g)!) as NameEntry[]);
    expect(grouped.slice(0, -1).every((g) => g.length === GROUP_SIZE)).toBe(true);
    const order = grouped.flat().map((e) => `${e.filters['kind']![0]}|${e.meta.title}`);
    expect(order[0]).toBe('Dataset|Zebra crossings');
    expect(order[1]).toBe('Glossary term|Churn');
    expect(order.slice(2).every((o) => o.startsWith('Model|'))).toBe(true);
    expect(new Set(order).size).toBe(records.length);
    // A group holds what results show, not the words searched.
    expect(Object.keys(grouped[0]![0]!).sort()).toEqual(['filters', 'meta', 'url']);
  });

  it('cuts the word list into chunks of about the size it aims for, each starting where the manifest says', () => {
    const big = Array.from({ length: 600 }, (_, i) => record('Dataset', `Table ${i}`, { words: [`column_${i}`, `field${i}`] }));
    const { files } = queried(big);
    const manifest = JSON.parse(files.get('index.json')!) as NamesManifest;
    expect(manifest.chunks.length).toBeGreaterThan(1);
    expect(manifest).toMatchObject({ build: 'b1', groupSize: GROUP_SIZE, entries: 600, shards: ['pagefind-1/'] });
    let previous = '';
    manifest.chunks.forEach((first, n) => {
      const text = files.get(`chunks/${n}.json`)!;
      const chunk = JSON.parse(text) as NamesChunk;
      expect(chunk.words[0]).toBe(first);
      expect(chunk.words.every((w) => w > previous)).toBe(true);
      previous = chunk.words.at(-1)!;
      if (n < manifest.chunks.length - 1) expect(text.length).toBeLessThan(CHUNK_CHARS * 1.5);
    });
  });

  it('counts each filter value over the entries', () => {
    const { files } = queried(records);
    expect(JSON.parse(files.get('filters.json')!)).toEqual({ kind: { Dataset: 1, Model: 40, 'Glossary term': 1 }, owner: { 'Even team': 20, 'Odd team': 20 } });
  });
});

describe('a query of the names index', () => {
  const many = Array.from({ length: 40 }, (_, i) => record('Model', `Churn predictor ${i}`, { owner: i % 2 ? 'Odd team' : 'Even team' }));
  const records = [
    ...many,
    record('Glossary term', 'Churn', { synonyms: ['attrition', 'cancellation'] }),
    record('Dataset', 'Viewing events, labelled', { words: ['days_since_last_play', 'user_id', 'churn'] }),
    record('Dataset', 'Weekly attrition report'),
  ];

  it('finds an entry when every word of the query begins a word of its title, id, synonyms or columns', async () => {
    const { search } = queried(records);
    expect(titles((await search.search('view lab')).entries)).toEqual(['Viewing events, labelled']);
    expect(titles((await search.search('days_since')).entries)).toEqual(['Viewing events, labelled']);
    expect(titles((await search.search('last')).entries)).toEqual(['Viewing events, labelled']);
    expect(titles((await search.search('cancel')).entries)).toEqual(['Churn']);
    expect((await search.search('viewing nothing')).total).toBe(0);
    // A word must begin a word, not sit inside one.
    expect((await search.search('iewing')).total).toBe(0);
  });

  it('puts first the entry whose title is the query, then titles that hold it, then entries that hold it elsewhere', async () => {
    const { search } = queried(records);
    const churn = await search.search('churn', {}, 50);
    expect(churn.total).toBe(42);
    expect(titles(churn.entries)[0]).toBe('Churn');
    expect(titles(churn.entries).at(-1)).toBe('Viewing events, labelled');
    expect(titles((await search.search('Churn predictor 17')).entries)[0]).toBe('Churn predictor 17');
    // By a synonym, before the entry whose title only holds the word among others.
    expect(titles((await search.search('attrition')).entries)).toEqual(['Churn', 'Weekly attrition report']);
  });

  it('narrows by filters, exactly, with or without words, and counts what matches', async () => {
    const { search } = queried(records);
    const odd = await search.search('churn predictor', { owner: 'Odd team' }, 50);
    expect(odd.total).toBe(20);
    expect(odd.entries.every((e) => e.filters['owner']![0] === 'Odd team')).toBe(true);
    const datasets = await search.search('', { kind: 'Dataset' }, 50);
    expect(titles(datasets.entries).sort()).toEqual(['Viewing events, labelled', 'Weekly attrition report']);
    expect((await search.search('', { kind: 'Team' })).total).toBe(0);
    expect((await search.search('')).total).toBe(0);
  });

  it('reads the manifest, the chunks of its words and the groups of the results it returns, each once', async () => {
    const { search, reads, files } = queried(records);
    const answer = await search.search('Churn predictor 17', {}, 1);
    expect(answer.entries.length).toBe(1);
    const groups = reads.filter((r) => r.startsWith('groups/'));
    expect(groups.length).toBe(1);
    expect(reads.filter((r) => r.startsWith('chunks/')).length).toBeLessThanOrEqual(3);
    expect(reads.length).toBeLessThan(files.size);
    await search.search('Churn predictor 17', {}, 1);
    expect(new Set(reads).size).toBe(reads.length);
  });

  it('gives the demo catalog entry found by its title first, typed as a reader would', async () => {
    const { search } = queried(searchRecords(demoCatalog()));
    for (const entry of demoCatalog().entries) {
      const answer = await search.search(entry.data.title);
      expect(answer.entries[0]?.meta.title, entry.id).toBe(entry.data.title);
    }
  });
});

describe('the names index of an empty catalog', () => {
  it('answers every query with nothing, and counts no filter', async () => {
    const { search } = queried([]);
    expect(await search.search('anything', { kind: 'Dataset' })).toEqual({ total: 0, entries: [] });
    expect(await search.filters()).toEqual({});
  });
});

describe('the chunks a query word reads', () => {
  const firsts = ['a', 'ca', 'cb', 'cc', 'cd', 'ce', 'cf', 'd'];

  it('reads the one chunk that may hold a whole word, and for a beginning the chunks after it that start with it', () => {
    expect(chunksFor(firsts, 'b', false)).toEqual([0]);
    expect(chunksFor(firsts, 'cb', true)).toEqual([2]);
    expect(chunksFor(firsts, 'ccz', true)).toEqual([3]);
    expect(chunksFor(firsts, '0', true)).toEqual([0]);
    expect(chunksFor(firsts, 'zz', true)).toEqual([7]);
  });

  it(`reads at most ${MAX_PREFIX_CHUNKS} chunks for a beginning shared by many words`, () => {
    expect(chunksFor(firsts, 'c', true)).toEqual([0, 1, 2, 3].slice(0, MAX_PREFIX_CHUNKS));
  });
});
