/** Closure rows on entry pages and the closure list pages, from a fixture chain longer than an entry page shows. */
import { describe, expect, it } from 'vitest';
import { CLOSURE_INLINE, CLOSURE_PAGE_SIZE, closureListPage, closureListPages } from '../../src/lib/pages/closure.ts';
import { entryPage } from '../../src/lib/pages/entry.ts';
import type { DatasetBody } from '../../src/lib/pages/dataset.ts';
import { hasDeeperLineage, LINEAGE_BUCKET_ENTRIES, lineageBucket, lineageBucketCount, lineageBuckets, lineageFile } from '../../src/lib/pages/lineage.ts';
import { demoCatalog } from './demo.ts';
import { catalogOf } from '../helpers/catalog.ts';
import { roundTrip } from './demo.ts';

// A hub every part is built from, a chain of five steps below it, and one part deprecated.
const PARTS = CLOSURE_PAGE_SIZE + 10;
const files: Record<string, string> = {
  'teams/t.yaml': 'title: T\ndescription: A team.\nmembers:\n  - { name: A }\n',
  'datasets/hub.yaml': 'title: Hub\ndescription: Everything starts here.\nowners: [t]\n',
};
for (let i = 0; i < PARTS; i++) {
  const id = `part-${String(i).padStart(3, '0')}`;
  files[`datasets/${id}.yaml`] = `title: Part ${i}\ndescription: One part.\nowners: [t]\n${i === 0 ? 'status: deprecated\n' : ''}derived_from: [{ dataset: hub }]\n`;
}
for (let i = 1; i <= 5; i++) {
  files[`datasets/step-${i}.yaml`] = `title: Step ${i}\ndescription: A step.\nowners: [t]\nderived_from: [{ dataset: ${i === 1 ? 'part-001' : `step-${i - 1}`} }]\n`;
}
const catalog = catalogOf(files, { config: 'site:\n  title: Chains\n  base: /c/\n' });

describe('closure lists', () => {
  it('gives a list pages of its own only when it is longer than the entry page shows', () => {
    const impacts = PARTS + 5;
    expect(closureListPages(catalog, 'hub', 'impacts')).toBe(Math.ceil(impacts / CLOSURE_PAGE_SIZE));
    expect(closureListPages(catalog, 'hub', 'depends-on')).toBe(0);
    expect(closureListPages(catalog, 'step-5', 'depends-on')).toBe(0);
  });

  it('shows the first rows on the entry page and links the rest', () => {
    const { lineage } = entryPage(catalog, 'hub').body as DatasetBody;
    const [dependsOn, impacts] = lineage.closures;
    expect(dependsOn).toMatchObject({ slug: 'depends-on', total: 0, table: undefined, empty: 'Nothing: this entry depends on no other entry.' });
    expect(impacts).toMatchObject({ slug: 'impacts', total: PARTS + 5, moreUrl: '/c/datasets/hub/impacts/' });
    expect(impacts!.table!.count).toBe(CLOSURE_INLINE);
    expect(impacts!.table!.rowsHtml.match(/<tr>/g)).toHaveLength(CLOSURE_INLINE);
    // Rows link their entries without the description as tooltip, which made them a tenth heavier.
    expect(impacts!.table!.rowsHtml).toContain('<td><a href="/c/datasets/part-001/">Part 1</a></td>');
    expect(impacts!.table!.rowsHtml).not.toContain('title=');
  });

  it('marks a row whose entry is not active with its status', () => {
    const { rowsHtml } = closureListPage(catalog, 'hub', 'impacts', 1).table;
    expect(rowsHtml).toContain('>Part 0</a> <span class="badge status-deprecated">deprecated</span>');
  });

  it('names the step that reaches a row: the entry one step nearer, which is a row further up, and the relation', () => {
    const page = closureListPage(catalog, 'hub', 'impacts', 2);
    const rows = page.table.rowsHtml.split('</tr>');
    const row = rows.find((r) => r.includes('>Step 5</a></td>'))!;
    expect(row).toContain('<td>6</td>');
    // The nearer entry by name: its own row links it.
    expect(row).toContain('<td>Step 4 <i>feeds</i></td>');
    // The nearer entry has its own row above, which goes on toward the hub.
    const nearer = rows.findIndex((r) => r.includes('>Step 4</a></td>'));
    expect(nearer).toBeGreaterThanOrEqual(0);
    expect(nearer).toBeLessThan(rows.indexOf(row));
    expect(rows[nearer]).toContain('<td>Step 3 <i>feeds</i></td>');
    expect(rows[nearer]).toContain('<td><a href="/c/datasets/step-4/">Step 4</a></td>');
    expect(page.note).toMatch(/^Through: /);
    // A row one step away has no nearer entry: the relation is from this one.
    const { rowsHtml } = closureListPage(catalog, 'hub', 'impacts', 1).table;
    expect(rowsHtml).toContain('<td><a href="/c/datasets/part-001/">Part 1</a></td><td>Dataset</td><td>1</td><td><i>feeds</i></td>');
  });

  it('pages a long list, nearest first, with the URL of every page', () => {
    const first = closureListPage(catalog, 'hub', 'impacts', 1);
    const second = closureListPage(catalog, 'hub', 'impacts', 2);
    expect(roundTrip(first)).toEqual(first);
    expect(first).toMatchObject({
      title: 'Impacts: Hub',
      lede: `${PARTS + 5} entries that a change to Hub would hit, nearest first.`,
      entry: { title: 'Hub', url: '/c/datasets/hub/' },
      section: 'datasets/',
      page: 1,
      pages: 2,
      pageUrls: ['/c/datasets/hub/impacts/', '/c/datasets/hub/impacts/2/'],
    });
    expect(first.table.count).toBe(CLOSURE_PAGE_SIZE);
    expect(second.table.count).toBe(PARTS + 5 - CLOSURE_PAGE_SIZE);
    expect(second.table.caption).toBe('Impacts: Hub, page 2 of 2');
    const depths = [first, second].flatMap((p) => [...p.table.rowsHtml.matchAll(/<\/td><td>(\d+)<\/td>/g)].map((m) => Number(m[1])));
    expect(depths).toEqual([...depths].sort((a, b) => a - b));
  });

  it('says what an entry depends on in the singular when there is one', () => {
    expect(closureListPage(catalog, 'part-002', 'depends-on', 1).lede).toBe('1 entry that Part 2 depends on, directly or through others, nearest first.');
  });

  it('refuses an id the catalog does not hold, naming it', () => {
    expect(() => closureListPage(catalog, 'nope', 'impacts', 1)).toThrow('No entry `nope`');
  });
});

describe('the lineage section', () => {
  it('caps the graph of a hub and says so, while its lists hold every entry', () => {
    const { lineage } = entryPage(catalog, 'hub').body as DatasetBody;
    expect(lineage.capped).toBe(true);
    expect(lineage.views[0]!.nodes).toBeLessThanOrEqual(lineage.maxNodes + 1);
    expect(lineage.label).toMatch(/^Lineage graph of Hub: \d+ entries$/);
    expect(lineage.legend).toEqual([expect.objectContaining({ label: 'Dataset' })]);
  });

  it('is empty, with nothing to draw, for an entry nothing feeds and nothing is built from', () => {
    const lone = catalogOf({ 'teams/t.yaml': 'title: T\ndescription: A team.\nmembers:\n  - { name: A }\n', 'datasets/alone.yaml': 'title: Alone\ndescription: By itself.\nowners: [t]\n' });
    // The owner is a relation too, but not lineage.
    expect((entryPage(lone, 'alone').body as DatasetBody).lineage).toMatchObject({ connected: false, views: [], closures: [] });
  });

  it('puts only the first view\'s text on the page, and the deeper views in a file it links', () => {
    const { lineage } = entryPage(catalog, 'step-2').body as DatasetBody;
    // Three steps each way reach the hub and the chain's end: a fourth or fifth would show nothing more.
    expect(lineage.views.map((v) => v.depth)).toEqual([1, 2, 3]);
    expect(lineage.views[0]!.text).toMatch(/^flowchart/);
    expect(lineage.views.slice(1).every((v) => v.text === undefined)).toBe(true);
    const bucket = lineageBucket(catalog, 'step-2');
    expect(lineage.deeperUrl).toBe(`/c/lineage/${bucket}.json.gz#step-2`);
    const file = lineageFile(catalog, lineageBuckets(catalog).get(bucket)!);
    // The file holds each deeper view the page offers, with the node counts its menu shows.
    const views = file.entries['step-2']!;
    expect(views.map(({ depth, nodes }) => ({ depth, nodes }))).toEqual(lineage.views.slice(1));
    expect(views.every((v) => v.text.startsWith('flowchart'))).toBe(true);
    expect(views.map((v) => v.text.includes('/step-5/'))).toEqual([false, true]);
    expect(roundTrip(file)).toEqual(file);
  });

  it('links no file when one view shows everything, or the first view is already full', () => {
    // The hub's first view is full already: a deeper one would show as many boxes.
    const { lineage: hub } = entryPage(catalog, 'hub').body as DatasetBody;
    expect(hub.views).toHaveLength(1);
    expect(hub.deeperUrl).toBeUndefined();
    const pair = catalogOf({ 'teams/t.yaml': 'title: T\ndescription: A team.\nmembers:\n  - { name: A }\n', 'datasets/a.yaml': 'title: A\ndescription: A.\nowners: [t]\n', 'datasets/b.yaml': 'title: B\ndescription: B.\nowners: [t]\nderived_from: [{ dataset: a }]\n' });
    expect((entryPage(pair, 'b').body as DatasetBody).lineage.deeperUrl).toBeUndefined();
    expect(lineageFile(pair, ['b']).entries).toEqual({ b: [] });
  });

  it('puts every entry with a deeper view in the one file its page links, a few entries to a file', () => {
    const buckets = lineageBuckets(catalog);
    const listed = [...buckets.values()].flat();
    expect(listed.sort()).toEqual(catalog.entries.filter((e) => hasDeeperLineage(catalog, e.id)).map((e) => e.id).sort());
    for (const [bucket, ids] of buckets) for (const id of ids) expect(lineageBucket(catalog, id)).toBe(bucket);
    expect(lineageBucketCount(catalog)).toBe(Math.ceil(catalog.entries.length / LINEAGE_BUCKET_ENTRIES));
    // The ids spread over the files: no file holds more than a few times its share.
    const sizes = [...buckets.values()].map((ids) => ids.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(LINEAGE_BUCKET_ENTRIES * 3);
  });

  it('lists a lineage file for exactly the entries whose page links one', () => {
    for (const c of [catalog, demoCatalog()]) {
      for (const entry of c.entries) {
        const body = entryPage(c, entry.id).body as { lineage?: DatasetBody['lineage'] };
        if (!body.lineage) {
          expect(hasDeeperLineage(c, entry.id), entry.id).toBe(false);
          continue;
        }
        expect(hasDeeperLineage(c, entry.id), entry.id).toBe(body.lineage.deeperUrl !== undefined);
      }
    }
  });
});
