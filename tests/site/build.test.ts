/**
 * Builds real sites from small fixture catalogs: one served under a sub-path, whose every
 * link must resolve, and one with an error, which must stop the build with check's report.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSURE_INLINE } from '../../src/lib/pages/closure.ts';
import { writeProject } from '../helpers/catalog.ts';
import { buildSite, removeBuilds, type BuiltSite } from '../e2e/build.ts';

afterAll(removeBuilds);

const CONFIG = `site:
  title: Fixture catalog
  base: /catalog/
  url: https://data.example.org
  repo_url: https://github.com/acme/fixture
  edit_branch: trunk
uses:
  model-training: { description: Training models }
`;

const FILES: Record<string, string> = {
  'cardcat.config.yaml': CONFIG,
  'content/teams/data-team.yaml': 'title: Data team\ndescription: Owns the fixture.\nmembers:\n  - { name: Dee Ata, email: dee@example.com, role: lead }\n',
  'content/sources/events-api.yaml': 'title: Events API\ndescription: Where events come from.\ntype: api\nowners: [data-team]\nreviewed: 2026-11-01\nurl: https://events.example/\n',
  'content/glossary/customer.yaml': 'title: Customer\ndescription: Someone who pays.\nowners: [data-team]\n',
  'content/datasets/raw-events.md': `---
title: Raw events
description: Every event as it arrived.
owners: [data-team]
reviewed: 2020-01-01
sources: { primary: events-api }
schema:
  - { name: user_id, type: string, pii: pseudonymous, term: customer }
rights: { license: CC-BY-NC-4.0 }
---
# Motivation

Kept for replay. <script>alert("owned")</script><img src=x onerror="alert(1)">
`,
  'content/datasets/labelled-events.md': `---
title: Labelled events
description: Events with a label.
owners: [data-team]
reviewed: 2026-11-01
derived_from:
  - { dataset: raw-events, transform: join }
schema:
  - { name: user_id, type: string, term: customer }
  - { name: label, type: boolean }
splits:
  method: stratified
  stratify_by: label
  parts:
    - { name: train, rows: 80, classes: { "true": 8, "false": 72 } }
    - { name: test, rows: 20, classes: { "true": 2, "false": 18 } }
---
# Composition

\`\`\`mermaid
flowchart LR
  a --> b
\`\`\`
`,
  'content/models/scorer.md': `---
title: Scorer "v1" <beta>
description: Scores events.
owners: [data-team]
reviewed: 2026-11-01
stage: development
training:
  - { dataset: labelled-events, split: train }
metrics:
  - { name: recall, value: 0.8, dataset: labelled-events, split: test, objective: { min: 0.7 } }
---
# Model details

A scorer.
`,
};

// Enough datasets built from raw-events that its "Impacts" list outgrows the entry page.
const PARTS = CLOSURE_INLINE + 5;
for (let i = 0; i < PARTS; i++) {
  FILES[`content/datasets/part-${i}.yaml`] = `title: Part ${i}\ndescription: One slice of the events.\nowners: [data-team]\nreviewed: 2026-11-01\nderived_from: [{ dataset: raw-events, transform: slice ${i} }]\n`;
}

// A state file the site cannot read: the build warns and goes on without probe results.
FILES['probes.yaml'] = 'version: 1\nlocations:\n  https://events.example/:\n    latest: { at: last week, ok: true, method: HEAD }\n';

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const abs = path.join(dir, name);
    return statSync(abs).isDirectory() ? walk(abs) : [abs];
  });

describe('building the site from a catalog served under a sub-path', () => {
  let site: BuiltSite;
  let pages: string[];
  const read = (rel: string) => readFileSync(path.join(site.outDir, rel), 'utf8');

  beforeAll(async () => {
    const root = writeProject(FILES);
    site = await buildSite(path.join(root, 'content'), { today: '2026-11-23' });
    if (site.code !== 0) throw new Error(`The build failed:\n${site.output}`);
    pages = walk(site.outDir).filter((f) => f.endsWith('.html'));
  });

  it('builds a page for every entry, every kind index and the catalog pages', () => {
    for (const rel of [
      'index.html',
      'datasets/index.html',
      'datasets/raw-events/index.html',
      'datasets/labelled-events/index.html',
      'models/scorer/index.html',
      'sources/events-api/index.html',
      'glossary/customer/index.html',
      'teams/data-team/index.html',
      'datasets/raw-events/impacts/index.html',
      'health/index.html',
      'reference/index.html',
      'guide/index.html',
      'changes/index.html',
      'search/index.html',
    ]) {
      expect(existsSync(path.join(site.outDir, rel)), rel).toBe(true);
    }
  });

  it('prints warnings like check does and goes on', () => {
    expect(site.output).toMatch(/content\/datasets\/raw-events\.md:\d+:\d+ +warning +Last reviewed on 2020-01-01/);
    expect(site.output).toContain('staleness');
  });

  it('warns of a malformed probe state file by its line and builds on without probe results', () => {
    expect(site.output).toMatch(/probes\.yaml:4:\d+: .* at `locations\.https:\/\/events\.example\/\.latest\.at`\. Fix the file, or delete it: the next probe writes a new one\. The site shows no probe results until then\./);
    expect(read('health/index.html')).toContain('The site shows no probe results until then.');
    expect(read('sources/events-api/index.html')).not.toContain('id="probe"');
  });

  it('keeps every internal link and asset under the base path, and each resolves to a built file', () => {
    const broken: string[] = [];
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      for (const [, url] of html.matchAll(/(?:href|src)="(\/[^"#?]*)/g)) {
        if (!url!.startsWith('/catalog/')) {
          broken.push(`${path.relative(site.outDir, page)} → ${url} (outside the base)`);
          continue;
        }
        const rel = decodeURI(url!.slice('/catalog/'.length));
        const target = path.join(site.outDir, rel);
        const exists = rel === '' || rel.endsWith('/') ? existsSync(path.join(target, 'index.html')) : existsSync(target);
        if (!exists) broken.push(`${path.relative(site.outDir, page)} → ${url}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('gives every page exactly one h1, a main landmark and a labelled search box', () => {
    for (const page of pages.filter((p) => !p.includes(`${path.sep}pagefind${path.sep}`))) {
      const html = readFileSync(page, 'utf8');
      const rel = path.relative(site.outDir, page);
      expect(html.match(/<h1[\s>]/g), rel).toHaveLength(1);
      expect(html, rel).toContain('<main id="main"');
      expect(html, rel).toMatch(/<label[^>]*for="site-search"/);
    }
  });

  it('sanitizes raw HTML in bodies and escapes titles', () => {
    const raw = read('datasets/raw-events/index.html');
    expect(raw).toContain('Kept for replay.');
    expect(raw).not.toMatch(/<script>alert|onerror=/);
    const model = read('models/scorer/index.html');
    expect(model).toContain('Scorer &quot;v1&quot; &lt;beta&gt;');
    // The lineage graph of a dataset names the model by an escaped label.
    expect(read('datasets/labelled-events/index.html')).toContain('Scorer #34;v1#34; #60;beta#62;');
  });

  it('links "edit this file" to the entry in the repository on the configured branch', () => {
    expect(read('models/scorer/index.html')).toContain('href="https://github.com/acme/fixture/edit/trunk/content/models/scorer.md"');
  });

  it('marks entry content for the search index with its filters and description', () => {
    const html = read('datasets/raw-events/index.html');
    expect(html).toContain('data-pagefind-body');
    expect(html).toContain('data-pagefind-filter="kind[data-value]" data-value="Dataset"');
    expect(html).toContain('data-pagefind-filter="license[data-value]" data-value="CC-BY-NC-4.0"');
    expect(html).toContain('data-pagefind-meta="description[data-value]" data-value="Every event as it arrived."');
    expect(html).toMatch(/<section[^>]*id="lineage"[^>]*data-pagefind-ignore/);
    // Inherited restrictions repeat upstream entries' words; they would make every downstream entry match.
    expect(html).toMatch(/<div[^>]*data-rights[^>]*data-pagefind-ignore/);
    // The index skips schema cells by position: 2nd, 5th and 7th must stay Type, Personal data and From.
    const headers = [...html.matchAll(/<table class="columns[^"]*">[\s\S]*?<\/thead>/g)][0]![0].match(/<th[^>]*>([^<]*)<\/th>/g)!.map((th) => th.replace(/<[^>]+>/g, ''));
    expect([headers[1], headers[4], headers[6]]).toEqual(['Type', 'Personal data', 'From']);
    expect(read('index.html')).not.toContain('data-pagefind-body');
    // The names index, and the full text's bundle with Pagefind's search API but none of its ready-made interfaces, which the site never loads.
    expect(existsSync(path.join(site.outDir, 'names', 'index.json'))).toBe(true);
    const bundle = readdirSync(path.join(site.outDir, 'pagefind-1'));
    expect(bundle).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json', 'wasm.en.pagefind']));
    expect(bundle.filter((f) => /ui|highlight|unknown/.test(f))).toEqual([]);
  });

  it('draws the class balance as SVG at build time and shows inherited restrictions with their origin', () => {
    const html = read('datasets/labelled-events/index.html');
    expect(html).toContain('<svg class="balance-chart"');
    expect(html).toContain('train: true 10%, false 90%');
    expect(html).toMatch(/No commercial use[\s\S]*?<a href="\/catalog\/datasets\/raw-events\/"/);
    expect(html).toContain('<pre class="mermaid">flowchart LR');
  });

  it('lists a short closure on the entry page as plain HTML with depth and the step that reaches each entry, and gives it no page of its own', () => {
    const html = read('models/scorer/index.html');
    expect(html).toMatch(/data-closure-list="depends-on"[\s\S]*?Raw events<\/a>[\s\S]*?<td>2<\/td>/);
    expect(html).toContain('derived from');
    expect(existsSync(path.join(site.outDir, 'models/scorer/depends-on/index.html'))).toBe(false);
  });

  it('gives a closure longer than the entry page shows a page of its own, linked from the entry', () => {
    expect(read('datasets/raw-events/index.html')).toContain(`href="/catalog/datasets/raw-events/impacts/">All ${PARTS + 2} entries`);
    const list = read('datasets/raw-events/impacts/index.html');
    for (let i = 0; i < PARTS; i++) expect(list).toContain(`>Part ${i}</a>`);
  });

  it('writes a sitemap of the pages at the public address', () => {
    const xml = read('sitemap.xml');
    expect(xml).toContain('<loc>https://data.example.org/catalog/datasets/raw-events/</loc>');
    expect(xml).not.toContain('404');
  });

  it('embeds schema.org JSON-LD in dataset and model pages, with no way for a value to close the script', () => {
    const jsonLd = (rel: string) => {
      const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(read(rel));
      expect(match, `no JSON-LD in ${rel}`).not.toBeNull();
      return JSON.parse(match![1]!) as Record<string, unknown>;
    };
    expect(jsonLd('datasets/labelled-events/index.html')).toMatchObject({
      '@type': 'Dataset',
      name: 'Labelled events',
      url: 'https://data.example.org/catalog/datasets/labelled-events/',
      isBasedOn: [{ '@type': 'Dataset', identifier: 'raw-events' }],
    });
    expect(read('models/scorer/index.html')).toContain('"name":"Scorer \\"v1\\" \\u003cbeta>"');
    expect(jsonLd('models/scorer/index.html')).toMatchObject({ '@type': 'SoftwareApplication', name: 'Scorer "v1" <beta>' });
    expect(read('teams/data-team/index.html')).not.toContain('application/ld+json');
  });

  it('publishes catalog.json as an index of gzipped parts: every entry by kind, the typed edges and the diagnostics', () => {
    const index = JSON.parse(read('catalog.json')) as { parts: { entries: Record<string, string>; edges: string; diagnostics: string } };
    const part = (file: string) => JSON.parse(gunzipSync(readFileSync(path.join(site.outDir, file))).toString('utf8')) as never[];
    const manifest = {
      entries: Object.values(index.parts.entries).flatMap(part) as { id: string }[],
      edges: part(index.parts.edges) as { from: string; to: string; type: string }[],
      diagnostics: part(index.parts.diagnostics) as unknown[],
    };
    expect(manifest.entries.map((e) => e.id).filter((id) => !/^part-/.test(id)).sort()).toEqual(['customer', 'data-team', 'events-api', 'labelled-events', 'raw-events', 'scorer']);
    expect(manifest.entries).toHaveLength(6 + PARTS);
    expect(manifest.edges).toContainEqual(expect.objectContaining({ from: 'labelled-events', to: 'raw-events', type: 'derived_from' }));
    expect(manifest.diagnostics.length).toBeGreaterThan(0);
  });

  it('gives pages a description and Open Graph tags', () => {
    const html = read('datasets/raw-events/index.html');
    expect(html).toContain('<meta name="description" content="Every event as it arrived."');
    expect(html).toContain('<meta property="og:title" content="Raw events · Fixture catalog"');
    expect(html).toContain('<link rel="canonical" href="https://data.example.org/catalog/datasets/raw-events/"');
  });
});

describe('building the site from a catalog with errors', () => {
  it('stops with the same located diagnostics as check', async () => {
    const root = writeProject({
      'content/teams/data-team.yaml': 'title: Data team\n',
      'content/datasets/bad.md': '---\ntitle: Bad\ndescription: d\nowners: [data-team]\nderived_from:\n  - { dataset: missing-upstream }\n---\n',
    });
    const site = await buildSite(path.join(root, 'content'), { today: '2026-11-23' });
    expect(site.code).not.toBe(0);
    expect(site.output).toMatch(/content\/datasets\/bad\.md:6:\d+ +error +.*`missing-upstream`/);
    expect(site.output).toContain('1 error');
    expect(existsSync(path.join(site.outDir, 'index.html'))).toBe(false);
  }, 180_000);
});
