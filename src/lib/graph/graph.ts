/**
 * The catalog as a typed graph. Built once in time linear in the references; closure
 * queries cost time linear in what they visit, and keep one shortest path to each member.
 */
import type { Kind } from '../../../schemas/index.ts';
import type { Reference } from './references.ts';
import { RELATIONS, type RelationType } from './relations.ts';

export interface Edge {
  /** The declaring (downstream) entry. */
  from: string;
  /** The named (upstream) entry. */
  to: string;
  type: RelationType;
  version?: string;
}

export type Direction = 'up' | 'down';

export interface ClosureMember {
  id: string;
  depth: number;
  /** The edge that first reached this member, from the previous step toward it. */
  via: Edge;
}

export interface ClosureOptions {
  /** Stop after this many steps (default: no limit). */
  depth?: number;
  /** Which relations to follow (default: the dependency relations). */
  follow?: (type: RelationType) => boolean;
}

const isDependency = (type: RelationType) => RELATIONS[type].dependency;
const isLineage = (type: RelationType) => RELATIONS[type].lineage;

export class Graph {
  readonly kinds: ReadonlyMap<string, Kind>;
  private readonly out = new Map<string, Edge[]>();
  private readonly in = new Map<string, Edge[]>();
  readonly edges: Edge[] = [];

  constructor(kinds: ReadonlyMap<string, Kind>, references: Iterable<[string, Reference]>) {
    this.kinds = kinds;
    // A dataset naming the same upstream twice (two columns from it, say) is one edge of each
    // type. Nested maps rather than a key string per reference: at 10,000 entries, with a
    // reference per derived column, the strings took 0.2 s.
    const seen = new Map<string, Map<string, Set<RelationType>>>();
    for (const [from, ref] of references) {
      const kind = kinds.get(ref.to);
      if (!kind || !(RELATIONS[ref.type].targets as readonly Kind[]).includes(kind) || ref.to === from && ref.type === 'owned_by') continue;
      let targets = seen.get(from);
      if (!targets) seen.set(from, (targets = new Map()));
      let types = targets.get(ref.to);
      if (!types) targets.set(ref.to, (types = new Set()));
      if (types.has(ref.type)) continue;
      types.add(ref.type);
      const edge: Edge = ref.version === undefined ? { from, to: ref.to, type: ref.type } : { from, to: ref.to, type: ref.type, version: ref.version };
      this.edges.push(edge);
      push(this.out, from, edge);
      push(this.in, ref.to, edge);
    }
  }

  /** Edges declared by `id` (toward its upstream). */
  outgoing(id: string): readonly Edge[] {
    return this.out.get(id) ?? [];
  }

  /** Edges naming `id` (from its downstream). */
  incoming(id: string): readonly Edge[] {
    return this.in.get(id) ?? [];
  }

  /** Neighbours one step away in a direction, with the edge that joins them. */
  step(id: string, direction: Direction): readonly Edge[] {
    return direction === 'up' ? this.outgoing(id) : this.incoming(id);
  }

  /**
   * Everything reachable from `id` upstream ("depends on") or downstream ("impacts"),
   * breadth first, so each member's depth is its shortest distance.
   */
  closure(id: string, direction: Direction, options: ClosureOptions = {}): ClosureMember[] {
    const members: ClosureMember[] = [];
    this.walk(id, direction, options, (other, depth, via) => members.push({ id: other, depth, via }));
    return members;
  }

  /**
   * How many entries `closure` would list, without listing them: the site asks it of every
   * entry to know which lists need pages of their own, and a hub's closure holds thousands.
   */
  closureSize(id: string, direction: Direction, follow: (type: RelationType) => boolean = isDependency): number {
    let size = 0;
    this.walk(id, direction, { follow }, () => size++);
    return size;
  }

  /** The walk behind `closure`: `reach` is called once for each entry reached, nearest first. */
  private walk(id: string, direction: Direction, options: ClosureOptions, reach: (other: string, depth: number, via: Edge) => void): void {
    const follow = options.follow ?? isDependency;
    const maxDepth = options.depth ?? Infinity;
    const seen = new Set<string>([id]);
    let frontier = [id];
    for (let depth = 1; frontier.length > 0 && depth <= maxDepth; depth++) {
      const next: string[] = [];
      for (const node of frontier) {
        for (const edge of this.step(node, direction)) {
          if (!follow(edge.type)) continue;
          const other = direction === 'up' ? edge.to : edge.from;
          if (seen.has(other)) continue;
          seen.add(other);
          reach(other, depth, edge);
          next.push(other);
        }
      }
      frontier = next;
    }
  }

  /** The chain of ids from `start` to `member`, following the `via` edges of a closure. */
  static path(start: string, member: string, closure: ReadonlyMap<string, ClosureMember>, direction: Direction): string[] {
    const path = [member];
    let current = closure.get(member);
    while (current) {
      const previous = direction === 'up' ? current.via.from : current.via.to;
      path.push(previous);
      if (previous === start) break;
      current = closure.get(previous);
    }
    return path.reverse();
  }

  /**
   * Lineage cycles, each as a path of ids that starts and ends at the same entry: one
   * shortest cycle through the smallest id of each strongly connected component.
   */
  cycles(follow: (type: RelationType) => boolean = isLineage): string[][] {
    return this.tangles(follow).map((component) => {
      const start = [...component].sort()[0]!;
      return this.cycleThrough(start, new Set(component), follow);
    });
  }

  /**
   * The strongly connected components that hold a cycle (two or more members, or one that
   * names itself), found with Tarjan's algorithm.
   */
  tangles(follow: (type: RelationType) => boolean = isLineage): string[][] {
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const onStack = new Set<string>();
    const stack: string[] = [];
    const components: string[][] = [];
    let counter = 0;
    const successors = (node: string) => this.outgoing(node).filter((e) => follow(e.type)).map((e) => e.to);

    // Iterative, so a 10,000-deep chain does not overflow the call stack.
    for (const root of this.out.keys()) {
      if (index.has(root)) continue;
      const work: { node: string; next: string[]; i: number }[] = [];
      const open = (node: string) => {
        index.set(node, counter);
        low.set(node, counter++);
        stack.push(node);
        onStack.add(node);
        work.push({ node, next: successors(node), i: 0 });
      };
      open(root);
      while (work.length > 0) {
        const frame = work[work.length - 1]!;
        if (frame.i < frame.next.length) {
          const w = frame.next[frame.i++]!;
          if (!index.has(w)) open(w);
          else if (onStack.has(w)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(w)!));
          continue;
        }
        work.pop();
        const parent = work[work.length - 1];
        if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
        if (low.get(frame.node) === index.get(frame.node)) {
          const component: string[] = [];
          let w: string;
          do {
            w = stack.pop()!;
            onStack.delete(w);
            component.push(w);
          } while (w !== frame.node);
          const selfLoop = component.length === 1 && successors(frame.node).includes(frame.node);
          if (component.length > 1 || selfLoop) components.push(component);
        }
      }
    }
    return components;
  }

  /** A shortest cycle from `start` back to itself, staying inside `members` (its component). */
  cycleThrough(start: string, members: ReadonlySet<string>, follow: (type: RelationType) => boolean = isLineage): string[] {
    // Breadth-first from start back to start, inside the component: the shortest cycle through it.
    const parent = new Map<string, string>();
    let frontier = [start];
    while (frontier.length > 0) {
      const next: string[] = [];
      for (const node of frontier) {
        for (const edge of this.outgoing(node)) {
          if (!follow(edge.type) || !members.has(edge.to)) continue;
          if (edge.to === start) {
            const path = [start];
            for (let n: string | undefined = node; n !== undefined && n !== start; n = parent.get(n)) path.push(n);
            path.push(start);
            return path.reverse();
          }
          if (parent.has(edge.to)) continue;
          parent.set(edge.to, node);
          next.push(edge.to);
        }
      }
      frontier = next;
    }
    return [start, start];
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
