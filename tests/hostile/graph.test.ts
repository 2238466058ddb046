import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS, KIND_NAMES, type Kind } from '../../schemas/index.ts';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { Graph, type ClosureMember } from '../../src/lib/graph/graph.ts';
import { RELATIONS, type RelationType } from '../../src/lib/graph/relations.ts';
import { inheritedRights } from '../../src/lib/rights/rights.ts';
import { OWNERS, writeProject } from '../helpers/catalog.ts';
import { hostile, show, TODAY } from './helpers.ts';

const owned = 'description: An entry.\nowners: [data-team]\nreviewed: 2026-11-01\n';

/** One valid entry of each kind, each with the id `the-<kind>`. */
const ONE_OF_EACH: Record<Kind, string> = {
  dataset: `title: D\n${owned}`,
  model: `title: M\n${owned}`,
  feature: `title: F\n${owned}`,
  source: `title: S\n${owned}type: api\n`,
  team: 'title: T\n',
  person: 'title: P\nemail: p@example.com\n',
  glossary: `title: G\n${owned}`,
  license: `title: L\n${owned}`,
};
const CHAIN_CONFIG = 'rules: { rights: off }\nuses: { advertising: { commercial: true } }\n';
const fileOf = (kind: Kind, id: string) => `${KINDS[kind].folder}/${id}.yaml`;

/** Writes `count` datasets, each derived from the one before, straight to disk. */
function chain(count: number, options: { cycle?: boolean; config?: string } = {}): string {
  const project = writeProject({ ...Object.fromEntries(Object.entries(OWNERS).map(([k, v]) => [`content/${k}`, v])), ...(options.config ? { 'cardcat.config.yaml': options.config } : {}) });
  const folder = path.join(project, 'content', 'datasets');
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < count; i++) {
    const upstream = i > 0 ? `d${i - 1}` : options.cycle ? `d${count - 1}` : undefined;
    const lineage = upstream ? `derived_from:\n  - { dataset: ${upstream}, transform: step ${i} }\n` : 'rights: { license: CC-BY-NC-4.0, personal_data: true, prohibited_uses: [advertising] }\n';
    writeFileSync(path.join(folder, `d${i}.yaml`), `title: Step ${i}\n${owned}${lineage}`);
  }
  return path.join(project, 'content');
}

describe('hostile graphs', () => {
  it('reports an entry that names itself in every field that takes a reference', () => {
    const { catalog } = hostile({
      'datasets/d.yaml': `title: D\n${owned}derived_from: [{ dataset: d, transform: x }]\nreplaced_by: d\nschema: [{ name: a, type: string, derived_from: d.a }]\n`,
      'models/m.yaml': `title: M\n${owned}inputs: [{ model: m }]\nfallback: m\n`,
      'sources/s.yaml': `title: S\n${owned}type: api\nbackup_source: s\n`,
      'glossary/g.yaml': `title: G\n${owned}related: [g]\n`,
      'teams/t.yaml': 'title: T\nowners: [t]\n',
    });
    // Lineage self-references are cycles; every other self-reference is a references error.
    expect(show(catalog.diagnostics.filter((d) => d.rule !== 'completeness'))).toMatchInlineSnapshot(`
      "content/datasets/d.yaml:5:27 error [lineage-acyclic] Lineage cycle: \`d\` → \`d\`
        hint: An entry cannot depend on itself; remove or reverse one of these references.
      content/datasets/d.yaml:6:1 warning [replaced-by] \`replaced_by\` on an entry that is active
        hint: Set \`status: deprecated\` (or \`retired\`), or remove \`replaced_by\`.
      content/datasets/d.yaml:6:14 error [references] Self-reference: \`d\` replaced by itself
        hint: Name another entry, or remove the reference.
      content/glossary/g.yaml:5:11 error [references] Self-reference: \`g\` related to itself
        hint: Name another entry, or remove the reference.
      content/models/m.yaml:5:19 error [lineage-acyclic] Lineage cycle: \`m\` → \`m\`
        hint: An entry cannot depend on itself; remove or reverse one of these references.
      content/models/m.yaml:6:11 error [references] Self-reference: \`m\` falls back to itself
        hint: Name another entry, or remove the reference.
      content/sources/s.yaml:6:16 error [references] Self-reference: \`s\` backed up by itself
        hint: Name another entry, or remove the reference.
      content/teams/t.yaml:2:10 error [references] Self-reference: \`t\` owned by itself
        hint: Name another entry, or remove the reference."
    `);
  });

  it('checks a catalog whose lineage is one 10,000-long chain without overflowing the stack, and finds its inherited rights', () => {
    // The rights rule walks each entry's whole ancestry, which is quadratic on a chain; the
    // rights themselves are computed below for the deepest entry.
    const catalog = buildCatalog(chain(10_000, { config: CHAIN_CONFIG }), { today: TODAY });
    expect(show(catalog.diagnostics)).toBe('');
    expect(catalog.graph.closure('d0', 'down')).toHaveLength(9_999);
    expect(catalog.graph.closure('d9999', 'up').map((m) => m.id).at(-1)).toBe('d0');
    const rights = inheritedRights(catalog, catalog.byId.get('d9999')!);
    expect(rights.map((r) => `${r.right.type} from ${r.origin.id} over ${r.path.length} ids`)).toEqual([
      'restriction from d0 over 10000 ids',
      'prohibited-use from d0 over 10000 ids',
      'personal-data from d0 over 10000 ids',
    ]);
  });

  it('finds closures, paths, cycles and inherited rights along a 10,000-long chain', () => {
    const kinds = new Map<string, Kind>();
    const references: [string, { type: RelationType; to: string; path: [] }][] = [];
    for (let i = 0; i < 10_000; i++) {
      kinds.set(`d${i}`, 'dataset');
      if (i > 0) references.push([`d${i}`, { type: 'derived_from', to: `d${i - 1}`, path: [] }]);
    }
    const graph = new Graph(kinds, references);
    const up = graph.closure('d9999', 'up');
    expect(up.at(-1)).toMatchObject({ id: 'd0', depth: 9_999 });
    const members = new Map<string, ClosureMember>(up.map((m) => [m.id, m]));
    expect(Graph.path('d9999', 'd0', members, 'up')).toHaveLength(10_000);
    expect(graph.cycles()).toEqual([]);
    expect(graph.closure('d0', 'down', { depth: 3 }).map((m) => m.id)).toEqual(['d1', 'd2', 'd3']);

    references.push(['d0', { type: 'derived_from', to: 'd9999', path: [] }]);
    const cycles = new Graph(kinds, references).cycles();
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(10_001);
    expect(cycles[0]![0]).toBe(cycles[0]!.at(-1));
  });

  it('reports a 1,000-long lineage cycle once, as a path, with every rule running', () => {
    const catalog = buildCatalog(chain(1_000, { cycle: true, config: 'uses: { advertising: { commercial: true } }\n' }), { today: TODAY });
    const cycles = catalog.diagnostics.filter((d) => d.rule === 'lineage-acyclic');
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.message).toContain('`d0` → `d999` → `d998`');
  });

  describe('a reference to every kind from every field', () => {
    /** Every field that names another entry, as a template with `ID` where the id goes, and the relation it stands for. */
    const FIELDS: { kind: Kind; field: string; yaml: string; relation: RelationType }[] = [
      { kind: 'dataset', field: 'owners', yaml: 'owners: [ID]\n', relation: 'owned_by' },
      { kind: 'dataset', field: 'replaced_by', yaml: 'replaced_by: ID\n', relation: 'replaced_by' },
      { kind: 'dataset', field: 'sources.primary', yaml: 'sources: { primary: ID }\n', relation: 'source' },
      { kind: 'dataset', field: 'sources.secondary', yaml: 'sources: { primary: ID, secondary: [ID] }\n', relation: 'secondary_source' },
      { kind: 'dataset', field: 'derived_from.dataset', yaml: 'derived_from: [{ dataset: ID, transform: t }]\n', relation: 'derived_from' },
      { kind: 'dataset', field: 'derived_from.model', yaml: 'derived_from: [{ model: ID, transform: t }]\n', relation: 'predictions_of' },
      { kind: 'dataset', field: 'schema.term', yaml: 'schema: [{ name: c, type: string, term: ID }]\n', relation: 'uses_term' },
      { kind: 'dataset', field: 'schema.derived_from', yaml: 'schema: [{ name: c, type: string, derived_from: ID.c }]\n', relation: 'column_from' },
      { kind: 'dataset', field: 'rights.license', yaml: 'rights: { license: ID }\n', relation: 'licensed_under' },
      { kind: 'model', field: 'training', yaml: 'training: [{ dataset: ID }]\n', relation: 'trained_on' },
      { kind: 'model', field: 'evaluation', yaml: 'evaluation: [{ dataset: ID }]\n', relation: 'evaluated_on' },
      { kind: 'model', field: 'inputs', yaml: 'inputs: [{ model: ID }]\n', relation: 'input' },
      { kind: 'model', field: 'fallback', yaml: 'fallback: ID\n', relation: 'fallback' },
      { kind: 'model', field: 'metrics.dataset', yaml: 'metrics: [{ name: recall, value: 0.5, dataset: ID }]\n', relation: 'measured_on' },
      { kind: 'model', field: 'license', yaml: 'license: ID\n', relation: 'licensed_under' },
      { kind: 'feature', field: 'training', yaml: 'training: ID.c\n', relation: 'computed_from' },
      { kind: 'feature', field: 'serving.column', yaml: 'serving: { column: ID.c }\n', relation: 'served_from' },
      { kind: 'feature', field: 'serving.source', yaml: 'serving: { source: ID }\n', relation: 'served_by' },
      { kind: 'feature', field: 'term', yaml: 'term: ID\n', relation: 'uses_term' },
      { kind: 'source', field: 'backup_source', yaml: 'backup_source: ID\n', relation: 'backup_source' },
      { kind: 'person', field: 'teams', yaml: 'teams: [ID]\n', relation: 'member_of' },
      { kind: 'glossary', field: 'related', yaml: 'related: [ID]\n', relation: 'related_term' },
    ];

    for (const { kind, field, yaml, relation } of FIELDS) {
      it(`accepts only a ${RELATIONS[relation].targets.join(' or ')} in ${kind} \`${field}\``, () => {
        for (const target of KIND_NAMES) {
          const targetId = `the-${target}`;
          const base = ONE_OF_EACH[kind].replace(/^owners: .*\n/m, yaml.startsWith('owners') ? '' : '$&');
          const content: Record<string, string> = { [fileOf(target, targetId)]: ONE_OF_EACH[target] + (target === 'dataset' ? 'schema: [{ name: c, type: string }]\n' : ''), [fileOf(kind, 'referrer')]: base + yaml.replaceAll('ID', targetId) };
          const { catalog } = hostile(content);
          const file = `content/${fileOf(kind, 'referrer')}`;
          const loadProblems = catalog.diagnostics.filter((d) => ['yaml', 'schema', 'parse'].includes(d.rule));
          // A license field only takes an id that is not an SPDX id; the schema says why when it is not one.
          if (loadProblems.length > 0) {
            expect(relation, show(loadProblems)).toBe('licensed_under');
            continue;
          }
          const wrongKind = catalog.diagnostics.filter((d) => d.file === file && d.rule === 'references');
          const line = (base + yaml).split('\n').findIndex((l) => l.includes('ID')) + 1;
          if ((RELATIONS[relation].targets as readonly Kind[]).includes(target)) {
            expect(wrongKind.map((d) => d.message), `${field} → ${target}`).toEqual([]);
            expect(catalog.graph.outgoing('referrer').some((e) => e.to === targetId && e.type === relation), `${field} → ${target}`).toBe(true);
          } else {
            // One diagnostic per place the id is written (`sources` names it as primary and secondary).
            expect(wrongKind.map((d) => `${d.line} ${d.message}`), `${field} → ${target}`).toEqual(Array(yaml.split('ID').length - 1).fill(
              `${line} Unexpected ${KINDS[target].label.toLowerCase()} \`${targetId}\`, expected a ${RELATIONS[relation].targets.length === KIND_NAMES.length ? 'entry' : RELATIONS[relation].targets.map((k) => KINDS[k].label.toLowerCase()).join(' or ')}`,
            ));
            expect(catalog.graph.outgoing('referrer').some((e) => e.to === targetId), `${field} → ${target}`).toBe(false);
          }
        }
      });
    }
  });
});
