import { describe, expect, it } from 'vitest';
import { matchSections } from '../../src/lib/view/card-sections.ts';
import { facetOptions, facetValues } from '../../src/lib/view/facets.ts';
import { meetsObjective, modelsMissingObjectives, singleOwnerEntries, staleEntries } from '../../src/lib/view/health.ts';
import { rightRows } from '../../src/lib/view/rights-view.ts';
import { sitemapXml } from '../../src/lib/view/sitemap.ts';
import { inlineCode } from '../../src/lib/view/text.ts';
import { editUrl, href, normalizeBase } from '../../src/lib/view/urls.ts';
import { inheritedRights } from '../../src/lib/rights/rights.ts';
import { MODEL_CARD_SECTIONS } from '../../src/lib/sections.ts';
import { catalogOf, OWNERS } from '../helpers/catalog.ts';

const site = { title: 'T', base: '/', edit_branch: 'main', repo_url: 'https://github.com/acme/catalog' };

describe('site addresses', () => {
  it('puts every page under the base path, however the base is written', () => {
    expect(normalizeBase('catalog')).toBe('/catalog/');
    expect(normalizeBase('/catalog/')).toBe('/catalog/');
    expect(normalizeBase('/')).toBe('/');
    expect(href('/catalog', 'datasets/x/')).toBe('/catalog/datasets/x/');
  });

  it('links "edit this file" to the file in the repository on the configured branch', () => {
    expect(editUrl(site, 'content/datasets/x.md')).toBe('https://github.com/acme/catalog/edit/main/content/datasets/x.md');
    expect(editUrl({ ...site, repo_url: 'https://gitlab.example.com/acme/catalog/' }, 'content/a.yaml')).toBe('https://gitlab.example.com/acme/catalog/-/edit/main/content/a.yaml');
    const { repo_url: _, ...noRepo } = site;
    expect(editUrl(noRepo, 'content/a.yaml')).toBeUndefined();
  });

  it('writes a sitemap of absolute addresses', () => {
    const xml = sitemapXml('https://acme.example/catalog', ['/', 'datasets/x/', 'datasets/x/']);
    expect(xml).toContain('<loc>https://acme.example/catalog/datasets/x/</loc>');
    expect(xml.match(/<url>/g)).toHaveLength(2);
  });

  it('lists pages only, not the files published for tools and scripts', () => {
    const xml = sitemapXml('https://acme.example/', ['/', 'datasets/x/', 'datasets/x/lineage.json.gz', 'catalog.json', 'catalog/models.json.gz', 'search-records.json', 'sitemap.v2/']);
    expect([...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1])).toEqual(['https://acme.example/', 'https://acme.example/datasets/x/', 'https://acme.example/sitemap.v2/']);
  });
});

describe('health, facets and rights for pages', () => {
  const catalog = catalogOf(
    {
      ...OWNERS,
      'datasets/old.md': '---\ntitle: Old\ndescription: d\nowners: [dee-ata]\nreviewed: 2024-01-01\ntags: [a, b]\nrights: { license: CC-BY-NC-4.0 }\n---\n',
      'datasets/fresh.md': '---\ntitle: Fresh\ndescription: d\nowners: [data-team]\nreviewed: 2026-11-01\ntags: [a]\nderived_from:\n  - { dataset: old }\n---\n',
      'models/m.md': '---\ntitle: M\ndescription: d\nowners: [data-team]\nstage: production\nmetrics:\n  - { name: auc, value: 0.7 }\n  - { name: recall, value: 0.5, objective: { min: 0.6 } }\n---\n',
    },
    { today: '2026-11-23' },
  );

  it('finds entries overdue for review, owned by one person, and models without objectives', () => {
    expect(staleEntries(catalog).map((s) => [s.entry.id, s.overdue])).toEqual([['m', undefined], ['old', 692]]);
    expect(singleOwnerEntries(catalog).map((s) => [s.entry.id, s.owner.id])).toEqual([['old', 'dee-ata']]);
    expect(modelsMissingObjectives(catalog).map((m) => [m.entry.id, m.metrics])).toEqual([['m', ['auc']]]);
    expect(meetsObjective(0.5, { min: 0.6 })).toBe('fail');
    expect(meetsObjective(0.5, { max: 0.6 })).toBe('pass');
    expect(meetsObjective(0.5, undefined)).toBe('none');
  });

  it('gives each entry its facet values and counts the options across entries', () => {
    expect(facetValues(catalog.byId.get('old')!)).toMatchObject({ owner: ['dee-ata'], tag: ['a', 'b'], license: ['CC-BY-NC-4.0'], stage: [] });
    const datasets = catalog.entries.filter((e) => e.kind === 'dataset');
    expect(facetOptions(datasets).tag).toEqual([{ value: 'a', count: 2 }, { value: 'b', count: 1 }]);
    expect(facetOptions(datasets).stage).toBeUndefined();
  });

  it('names owners in facets by their title when given the catalog, as tables name them', () => {
    const owner = catalog.byId.get('dee-ata')!.data.title;
    expect(facetValues(catalog.byId.get('old')!, catalog.byId).owner).toEqual([owner]);
    const datasets = catalog.entries.filter((e) => e.kind === 'dataset');
    expect(facetOptions(datasets, catalog.byId).owner!.map((o) => o.value)).toContain(owner);
    expect(facetOptions(datasets, catalog.byId).owner!.map((o) => o.value)).not.toContain('dee-ata');
  });

  it('names the upstream entry a restriction comes from', () => {
    const rows = rightRows(inheritedRights(catalog, catalog.byId.get('fresh')!), {}, catalog.today);
    expect(rows).toEqual([
      { text: 'No commercial use (license `CC-BY-NC-4.0`)', own: false, from: [{ id: 'old', path: ['fresh', 'old'] }], more: 0, expired: false, condition: false },
    ]);
  });

  it('names only the nearest origins of a right that comes from many upstream entries, and counts the rest', () => {
    const files: Record<string, string> = { ...OWNERS };
    for (let i = 0; i < 8; i++) files[`datasets/nc-${i}.yaml`] = `title: NC ${i}\ndescription: d\nowners: [data-team]\nrights: { license: CC-BY-NC-4.0 }\n`;
    files['datasets/joined.yaml'] = `title: Joined\ndescription: d\nowners: [data-team]\nderived_from:\n${Array.from({ length: 8 }, (_, i) => `  - { dataset: nc-${i} }\n`).join('')}`;
    const wide = catalogOf(files, { today: '2026-11-23' });
    const [row] = rightRows(inheritedRights(wide, wide.byId.get('joined')!), {}, wide.today, 3);
    expect(row!.from.map((o) => o.id)).toEqual(['nc-0', 'nc-1', 'nc-2']);
    expect(row!.more).toBe(5);
  });
});

describe('model card sections', () => {
  it('matches the body parts to template sections by heading or alias and keeps the rest in order', () => {
    const body = 'Intro line.\n\n# Details\n\nWho built it.\n\n# Extra\n\nMore.\n\n# Metrics\n\nRecall.\n\n## Sub\n\nx\n';
    const matched = matchSections(body, MODEL_CARD_SECTIONS);
    expect(matched.intro).toBe('Intro line.');
    expect(matched.sections.get('Model details')?.markdown).toBe('Who built it.');
    expect(matched.sections.get('Metrics')?.markdown).toBe('Recall.\n\n## Sub\n\nx');
    expect(matched.rest).toEqual([{ heading: 'Extra', markdown: 'More.' }]);
  });
});

describe('inline code in messages', () => {
  it('turns backticked values into code and escapes everything else', () => {
    expect(inlineCode('Unexpected `<b>`, expected `x` & y')).toBe('Unexpected <code>&lt;b&gt;</code>, expected <code>x</code> &amp; y');
    expect(inlineCode('an unpaired ` backtick <')).toBe('an unpaired ` backtick &lt;');
  });
});
