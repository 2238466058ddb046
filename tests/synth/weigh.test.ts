import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { median } from '../../bench/measure.ts';
import { sectionBytes, weigh } from '../../bench/weigh.ts';
import { writeProject } from '../helpers/catalog.ts';

const MERMAID = 'export const mermaidAPI = {}; export default { initialize() {} };';

describe('weighing a built site', () => {
  it('counts the scripts a page without a graph loads eagerly, not the Mermaid chunk it imports lazily', () => {
    const root = writeProject({
      'dist/index.html': `<html><body><ul>${'<li>entry</li>'.repeat(200)}</ul></body></html>`,
      'dist/teams/data-team/index.html': '<html><body><script type="module" src="/_astro/page.js"></script></body></html>',
      'dist/datasets/events/index.html': '<html><body><pre class="mermaid">flowchart LR</pre><script type="module">import "/_astro/graph.js";</script></body></html>',
      'dist/_astro/page.js': 'import{a}from"./shared.js";document.title=a;const m=()=>import("./mermaid.core.js");',
      'dist/_astro/shared.js': 'export const a = "x";',
      'dist/_astro/graph.js': 'import "./mermaid.core.js";',
      'dist/_astro/mermaid.core.js': MERMAID,
      'dist/pagefind/pagefind-entry.json': '{"pages": 3}',
    });
    const weight = weigh(path.join(root, 'dist'));
    expect(weight.pages).toBe(3);
    expect(weight.largestHtml.file).toBe('index.html');
    expect(weight.largestEntryHtml.file).toBe(path.join('datasets', 'events', 'index.html'));
    expect(weight.plainPage).toMatchObject({ file: path.join('teams', 'data-team', 'index.html'), files: 2, mermaid: false });
    expect(weight.searchIndexBytes).toBe('{"pages": 3}'.length);
  });

  it('counts every file and byte the site publishes, the home page and the mean entry page', () => {
    const root = writeProject({
      'dist/index.html': 'h'.repeat(300),
      'dist/datasets/a/index.html': 'a'.repeat(100),
      'dist/models/b/index.html': 'b'.repeat(200),
      'dist/datasets/a/lineage.json.gz': 'z'.repeat(50),
      'dist/catalog.json': '{}',
    });
    expect(weigh(path.join(root, 'dist'))).toMatchObject({ files: 5, bytes: 652, homeHtmlBytes: 300, meanEntryHtmlBytes: 150, pages: 3 });
  });

  it('sums the entry pages of each kind by section, and the site by part', () => {
    const head = '<html><head><title>t</title></head><body>';
    const lineage = '<section id="lineage"><section aria-labelledby="x">rows</section></section>';
    const schema = (cols: string) => `<section id="schema">${cols}</section>`;
    const page = (cols: string) => `${head}<main><h1>A</h1>${schema(cols)}${lineage}</main></body></html>`;
    const root = writeProject({ 'dist/datasets/a/index.html': page('cols'), 'dist/datasets/b/index.html': page('more cols'), 'dist/datasets/b/impacts/index.html': 'rows' });
    const weight = weigh(path.join(root, 'dist'));
    const frame = `${head}</main></body></html>`.length;
    expect(weight.entrySections).toEqual({
      datasets: { pages: 2, bytes: { 'page frame': 2 * frame, 'entry header': 2 * '<main><h1>A</h1>'.length, schema: schema('cols').length + schema('more cols').length, lineage: 2 * lineage.length } },
    });
    expect(weight.parts).toEqual([
      { part: 'dataset pages', bytes: page('cols').length + page('more cols').length, files: 2 },
      { part: 'closure list pages', bytes: 4, files: 1 },
    ]);
  });

  it('counts a page without <main> whole', () => {
    expect(sectionBytes('<p>é</p>')).toEqual(new Map([['page', 9]]));
  });

  it('says so when a page without a graph pulls Mermaid in with a static import', () => {
    const root = writeProject({
      'dist/teams/data-team/index.html': '<html><body><script type="module">import "/_astro/page.js";</script></body></html>',
      'dist/_astro/page.js': 'import m from "./mermaid.core.js"; m.initialize();',
      'dist/_astro/mermaid.core.js': MERMAID,
    });
    expect(weigh(path.join(root, 'dist')).plainPage).toMatchObject({ files: 2, mermaid: true });
  });

  it('takes the median of odd and even counts of runs', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
