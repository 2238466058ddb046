import { describe, expect, it } from 'vitest';
import type { Kind } from '../../schemas/index.ts';
import { Graph, type ClosureMember } from '../../src/lib/graph/graph.ts';
import type { Reference } from '../../src/lib/graph/references.ts';
import type { RelationType } from '../../src/lib/graph/relations.ts';

/** A graph from `from -type-> to` triples, every id a dataset unless named in `kinds`. */
function graphOf(edges: [string, RelationType, string][], kinds: Record<string, Kind> = {}): Graph {
  const ids = new Set(edges.flatMap(([from, , to]) => [from, to]));
  const kindMap = new Map<string, Kind>([...ids].map((id) => [id, kinds[id] ?? 'dataset']));
  const refs: [string, Reference][] = edges.map(([from, type, to]) => [from, { type, to, path: [] }]);
  return new Graph(kindMap, refs);
}

const summary = (members: ClosureMember[]) => members.map((m) => `${m.id}@${m.depth} via ${m.via.from}→${m.via.to}`);

// raw ← clean ← features ← labelled ← model; labelled also ← labels ← raw (a shortcut of length 2).
const lineage = graphOf(
  [
    ['clean', 'derived_from', 'raw'],
    ['features', 'derived_from', 'clean'],
    ['labelled', 'derived_from', 'features'],
    ['labelled', 'derived_from', 'labels'],
    ['labels', 'derived_from', 'raw'],
    ['churn', 'trained_on', 'labelled'],
    ['churn', 'owned_by', 'team'],
  ],
  { churn: 'model', team: 'team' },
);

describe('graph', () => {
  it('finds the upstream closure breadth first, each member at its shortest depth', () => {
    expect(summary(lineage.closure('churn', 'up'))).toEqual([
      'labelled@1 via churn→labelled',
      'features@2 via labelled→features',
      'labels@2 via labelled→labels',
      'clean@3 via features→clean',
      'raw@3 via labels→raw',
    ]);
  });

  it('stops at the requested depth', () => {
    expect(lineage.closure('churn', 'up', { depth: 2 }).map((m) => m.id)).toEqual(['labelled', 'features', 'labels']);
    expect(lineage.closure('churn', 'up', { depth: 0 })).toEqual([]);
  });

  it('finds the downstream closure: everything a change would hit', () => {
    expect(summary(lineage.closure('raw', 'down'))).toEqual([
      'clean@1 via clean→raw',
      'labels@1 via labels→raw',
      'features@2 via features→clean',
      'labelled@2 via labelled→labels',
      'churn@3 via churn→labelled',
    ]);
  });

  it('traces one shortest path to a member, in either direction', () => {
    const up = new Map(lineage.closure('churn', 'up').map((m) => [m.id, m]));
    expect(Graph.path('churn', 'raw', up, 'up')).toEqual(['churn', 'labelled', 'labels', 'raw']);
    const down = new Map(lineage.closure('raw', 'down').map((m) => [m.id, m]));
    expect(Graph.path('raw', 'churn', down, 'down')).toEqual(['raw', 'labels', 'labelled', 'churn']);
  });

  it('follows only dependency relations by default, or the ones asked for', () => {
    expect(lineage.closure('churn', 'up').map((m) => m.id)).not.toContain('team');
    expect(lineage.closure('churn', 'up', { follow: (t) => t === 'owned_by' }).map((m) => m.id)).toEqual(['team']);
  });

  it('drops references to missing entries or entries of the wrong kind, and repeats of the same edge', () => {
    const kinds = new Map<string, Kind>([['a', 'dataset'], ['b', 'dataset'], ['t', 'team']]);
    const graph = new Graph(kinds, [
      ['a', { type: 'derived_from', to: 'b', path: [] }],
      ['a', { type: 'derived_from', to: 'b', path: [] }],
      ['a', { type: 'derived_from', to: 'ghost', path: [] }],
      ['a', { type: 'derived_from', to: 't', path: [] }],
    ]);
    expect(graph.edges).toEqual([{ from: 'a', to: 'b', type: 'derived_from' }]);
  });

  it('counts a closure as many as it lists, through cycles and with any relations followed', () => {
    const tangled = graphOf([
      ['a', 'derived_from', 'b'],
      ['b', 'derived_from', 'c'],
      ['c', 'derived_from', 'a'],
      ['d', 'derived_from', 'c'],
      ['d', 'owned_by', 't'],
    ], { t: 'team' });
    for (const graph of [lineage, tangled]) {
      for (const id of graph.kinds.keys()) {
        for (const direction of ['up', 'down'] as const) {
          expect(graph.closureSize(id, direction), `${id} ${direction}`).toBe(graph.closure(id, direction).length);
          const owned = (type: RelationType) => type === 'owned_by';
          expect(graph.closureSize(id, direction, owned), `${id} ${direction} owned_by`).toBe(graph.closure(id, direction, { follow: owned }).length);
        }
      }
    }
    expect(tangled.closureSize('a', 'up')).toBe(2);
  });

  it('finds each lineage cycle once, as a path from its smallest id back to itself', () => {
    const graph = graphOf([
      ['b', 'derived_from', 'c'],
      ['c', 'derived_from', 'a'],
      ['a', 'derived_from', 'b'],
      ['x', 'derived_from', 'x'],
      ['d', 'derived_from', 'a'],
    ]);
    expect(graph.cycles()).toEqual([
      ['a', 'b', 'c', 'a'],
      ['x', 'x'],
    ]);
  });

  it('picks a shortest cycle inside a tangle, and ignores relations that are not lineage', () => {
    const graph = graphOf([
      ['a', 'derived_from', 'b'],
      ['b', 'derived_from', 'c'],
      ['c', 'derived_from', 'a'],
      ['b', 'derived_from', 'a'],
      ['e', 'measured_on', 'f'],
      ['f', 'measured_on', 'e'],
    ]);
    expect(graph.cycles()).toEqual([['a', 'b', 'a']]);
  });

  it('handles a 10,000-deep chain without overflowing the stack', () => {
    const n = 10_000;
    const edges: [string, RelationType, string][] = [];
    for (let i = 1; i < n; i++) edges.push([`d${i}`, 'derived_from', `d${i - 1}`]);
    const chain = graphOf(edges);
    const up = chain.closure(`d${n - 1}`, 'up');
    expect(up).toHaveLength(n - 1);
    expect(up.at(-1)).toMatchObject({ id: 'd0', depth: n - 1 });
    const members = new Map(up.map((m) => [m.id, m]));
    expect(Graph.path(`d${n - 1}`, 'd0', members, 'up')).toHaveLength(n);
    expect(chain.cycles()).toEqual([]);

    const loop = graphOf([...edges, ['d0', 'derived_from', `d${n - 1}`]]);
    const cycles = loop.cycles();
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(n + 1);
  });
});
