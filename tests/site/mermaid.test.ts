import { describe, expect, it } from 'vitest';
import { KIND_NAMES } from '../../schemas/index.ts';
import { escapeLabel, KIND_COLOURS, LINEAGE_CLASS_DEFS, lineageMermaid, lineageViews } from '../../src/lib/view/mermaid.ts';
import { catalogOf, OWNERS } from '../helpers/catalog.ts';

const dataset = (title: string, extra = '') => `---\ntitle: ${JSON.stringify(title)}\ndescription: d\nowners: [data-team]\nstatus: active\n${extra}---\n`;
const href = (id: string) => `/catalog/datasets/${id}/`;

describe('lineage graphs as Mermaid text', () => {
  it('escapes every character of a title that could break out of its label', () => {
    const label = escapeLabel('Evil "]; click n0 call alert(1) <script>');
    expect(label.replace(/#\d+;/g, '')).not.toMatch(/["<>\[\];()]/);
    expect(label).toContain('#34;');
    expect(label).toContain('#60;script#62;');
  });

  it('draws upstream datasets flowing into the entry, with the relation and a link for each neighbour', () => {
    const catalog = catalogOf({
      ...OWNERS,
      'datasets/raw.md': dataset('Raw <events>'),
      'datasets/clean.md': dataset('Clean', 'derived_from:\n  - { dataset: raw }\n'),
    });
    const { text, nodes, edges } = lineageMermaid(catalog.graph, catalog.byId, 'clean', { href });
    expect(nodes).toBe(2);
    expect(edges).toBe(1);
    expect(text).toContain('n0["Clean"]');
    expect(text).toContain('n1["Raw #60;events#62;"]');
    expect(text).toContain('n1 -->|"feeds"| n0');
    expect(text).toContain('click n1 href "/catalog/datasets/raw/"');
    expect(text).not.toMatch(/click n0 /);
    expect(text).not.toContain('call ');
  });

  it('colours nodes by kind and marks deprecated entries', () => {
    const catalog = catalogOf({
      ...OWNERS,
      'datasets/old.md': dataset('Old', 'status: deprecated\n').replace('status: active\n', ''),
      'datasets/new.md': dataset('New', 'derived_from:\n  - { dataset: old }\n'),
    });
    const { text } = lineageMermaid(catalog.graph, catalog.byId, 'new', { href });
    expect(text).toContain('class n1 k_dataset');
    expect(text).toContain('class n1 s_deprecated');
    expect(text).toMatch(/classDef k_dataset fill:#[0-9a-f]{6}/);
    // Without the classDef lines, for the site's pages, whose script appends the same lines.
    const bare = lineageMermaid(catalog.graph, catalog.byId, 'new', { href, withoutClassDefs: true }).text;
    expect(bare).not.toContain('classDef');
    expect(`${bare}\n${LINEAGE_CLASS_DEFS}`).toBe(text);
  });

  it('has a colour for every kind, in the order of the kinds', () => {
    expect(Object.keys(KIND_COLOURS)).toEqual(KIND_NAMES);
    for (const kind of KIND_NAMES) expect(LINEAGE_CLASS_DEFS).toContain(`classDef k_${kind} fill:${KIND_COLOURS[kind].fill}`);
  });

  it('caps a hub at the node limit and counts what it left out as "+N more"', () => {
    const files: Record<string, string> = { ...OWNERS, 'datasets/hub.md': dataset('Hub') };
    for (let i = 0; i < 30; i++) files[`datasets/leaf-${i}.md`] = dataset(`Leaf ${i}`, 'derived_from:\n  - { dataset: hub }\n');
    const catalog = catalogOf(files);
    const lineage = lineageMermaid(catalog.graph, catalog.byId, 'hub', { href, maxNodes: 11, moreHref: (d) => `/more/${d}/` });
    expect(lineage.nodes).toBe(11);
    expect(lineage.omitted).toEqual({ up: 0, down: 20 });
    expect(lineage.text).toContain('more_down["+20 more downstream"]');
    expect(lineage.text).toContain('click more_down href "/more/down/"');
  });

  it('reaches further with a larger depth', () => {
    const catalog = catalogOf({
      ...OWNERS,
      'datasets/a.md': dataset('A'),
      'datasets/b.md': dataset('B', 'derived_from:\n  - { dataset: a }\n'),
      'datasets/c.md': dataset('C', 'derived_from:\n  - { dataset: b }\n'),
    });
    expect(lineageMermaid(catalog.graph, catalog.byId, 'c', { href }).nodes).toBe(2);
    expect(lineageMermaid(catalog.graph, catalog.byId, 'c', { href, depth: 2 }).nodes).toBe(3);
  });

  it('draws each depth from one walk as a walk to that depth would, and stops when a depth adds nothing', () => {
    // A chain of six above the entry and a fan below it, wider at each step.
    const files: Record<string, string> = { ...OWNERS, 'datasets/u0.md': dataset('U0') };
    for (let i = 1; i <= 6; i++) files[`datasets/u${i}.md`] = dataset(`U${i}`, `derived_from:\n  - { dataset: u${i - 1} }\n`);
    files['datasets/e.md'] = dataset('E', 'derived_from:\n  - { dataset: u6 }\n');
    for (let i = 0; i < 3; i++) files[`datasets/d1-${i}.md`] = dataset(`D1 ${i}`, 'derived_from:\n  - { dataset: e }\n');
    for (let i = 0; i < 9; i++) files[`datasets/d2-${i}.md`] = dataset(`D2 ${i}`, `derived_from:\n  - { dataset: d1-${i % 3} }\n  - { dataset: u5 }\n`);
    const catalog = catalogOf(files);
    const options = { href, maxNodes: 14, moreHref: (d: string) => `/more/${d}/` };
    const views = lineageViews(catalog.graph, catalog.byId, 'e', [1, 2, 3, 5], options);
    // Depth 1 shows 5 entries, depth 2 would show 15 and is capped at 14, as is every deeper one.
    expect(views.map((v) => v.depth)).toEqual([1, 2]);
    expect(views.map((v) => v.lineage.nodes)).toEqual([5, 14]);
    for (const { depth, lineage } of views) expect(lineage).toEqual(lineageMermaid(catalog.graph, catalog.byId, 'e', { ...options, depth }));
    expect(views.at(-1)!.lineage.omitted.up + views.at(-1)!.lineage.omitted.down).toBeGreaterThan(0);
    // Cutting the whole closures a page already has gives the same views.
    const closures = { up: catalog.graph.closure('e', 'up'), down: catalog.graph.closure('e', 'down') };
    expect(lineageViews(catalog.graph, catalog.byId, 'e', [1, 2, 3, 5], { ...options, closures })).toEqual(views);
    // Drawing the first view alone outlines the deeper ones as their drawings would.
    const outlined = lineageViews(catalog.graph, catalog.byId, 'e', [1, 2, 3, 5], { ...options, drawn: 1 });
    expect(outlined[0]).toEqual(views[0]);
    expect(outlined.map((v) => v.depth)).toEqual([1, 2]);
    const { nodes, omitted, kinds } = views[1]!.lineage;
    expect(outlined[1]!.lineage).toEqual({ nodes, omitted, kinds });
  });

  it('leaves out edges that bypass the entry, from an upstream neighbour straight to a downstream one', () => {
    const catalog = catalogOf({
      ...OWNERS,
      'datasets/raw.md': dataset('Raw'),
      'datasets/mid.md': dataset('Mid', 'derived_from:\n  - { dataset: raw }\n'),
      'datasets/out.md': dataset('Out', 'derived_from:\n  - { dataset: mid }\n  - { dataset: raw }\n'),
    });
    const { text, edges } = lineageMermaid(catalog.graph, catalog.byId, 'mid', { href });
    expect(edges).toBe(2);
    expect(text).toContain('n1 -->|"feeds"| n0');
    expect(text).toContain('n0 -->|"feeds"| n2');
    expect(text).not.toContain('n1 -->|"feeds"| n2');
  });

  it('caps edges at the edge limit', () => {
    const files: Record<string, string> = { ...OWNERS };
    for (let i = 0; i < 6; i++) files[`datasets/up-${i}.md`] = dataset(`Up ${i}`);
    files['datasets/join.md'] = dataset('Join', `derived_from:\n${Array.from({ length: 6 }, (_, i) => `  - { dataset: up-${i} }\n`).join('')}`);
    const catalog = catalogOf(files);
    const lineage = lineageMermaid(catalog.graph, catalog.byId, 'join', { href, maxEdges: 4 });
    expect(lineage.edges).toBe(4);
    expect(lineage.omittedEdges).toBe(2);
  });
});
