import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARALLEL_FROM, parseAllYaml, YAML_WORKER } from '../../src/lib/load/yaml-pool.ts';
import { parseYaml } from '../../src/lib/load/yaml.ts';
import { catalogOf, OWNERS, problems, writeProject } from '../helpers/catalog.ts';
import { heapAfterGc } from '../helpers/heap.ts';

const N = PARALLEL_FROM + 100;

describe('parsing many YAML texts on several threads', () => {
  it('gives each text the value and problems it has when parsed alone, in order', () => {
    // Without the worker's file beside it, the pool would quietly parse on this thread.
    expect(existsSync(YAML_WORKER)).toBe(true);
    const texts = Array.from({ length: N }, (_, i) =>
      i % 97 === 0 ? `title: T${i}\ntitle: again\n` : i % 89 === 0 ? `title: [unclosed ${i}\n` : `title: T${i}\ncolumns:\n  - { name: c${i}, n: ${i} }\n`,
    );
    const parallel = parseAllYaml(texts, { threads: 3 });
    expect(parallel).toHaveLength(N);
    texts.forEach((text, i) => {
      const { value, problems: alone } = parseYaml(text);
      expect(parallel[i], `text ${i}`).toEqual({ value, problems: alone });
    });
  });

  it('parses a share here when its worker cannot start, with the same results', () => {
    // A worker file that is not even valid JavaScript dies before it can raise its flag.
    const broken = path.join(writeProject({ 'worker.ts': 'this is not code (' }), 'worker.ts');
    const texts = Array.from({ length: N }, (_, i) => `title: T${i}\n`);
    const results = parseAllYaml(texts, { threads: 2, worker: broken, startupMs: 2_000 });
    expect(results.map((r) => r.value)).toEqual(texts.map((_, i) => ({ title: `T${i}` })));
  });

  it('runs the other work given for this thread exactly once, with or without workers', () => {
    for (const [count, threads] of [[N, 2], [N, 1], [10, 2]] as const) {
      const texts = Array.from({ length: count }, (_, i) => `title: T${i}\n`);
      let calls = 0;
      const results = parseAllYaml(texts, { threads, meanwhile: () => calls++ });
      expect(calls, `${count} texts on ${threads} threads`).toBe(1);
      expect(results).toHaveLength(count);
    }
  });

  it('reads a large catalog with the same lines and columns for its problems', () => {
    const content: Record<string, string> = { ...OWNERS };
    for (let i = 0; i < N; i++) content[`datasets/d${i}.yaml`] = `title: D${i}\ndescription: d\nowners: [data-team]\n`;
    content['datasets/d300.yaml'] = 'title: D300\ndescription: d\nowners: [data-team]\ncolour: blue\n';
    content['datasets/d400.yaml'] = 'title: D400\ndescription: d\ntitle: again\nowners: [data-team]\n';
    const catalog = catalogOf(content);
    expect(catalog.entries.filter((e) => e.kind === 'dataset')).toHaveLength(N - 2);
    expect(problems(catalog, 'schema')).toEqual([expect.stringMatching(/^content\/datasets\/d300\.yaml:4:1 /)]);
    expect(problems(catalog, 'yaml')).toEqual([expect.stringMatching(/^content\/datasets\/d400\.yaml:3:1 /)]);
  });

  it('keeps none of the texts once they are parsed, on this thread or from a worker', () => {
    // Each text is long (a 40 KB comment) and its value short: a value that held on to its
    // text, as a string sliced from it does, would keep megabytes alive.
    const comment = `# ${'x'.repeat(40_000)}\n`;
    for (const [count, threads] of [[200, 1], [N, 2]] as const) {
      const made = () => Array.from({ length: count }, (_, i) => `${comment}title: Title number ${i} of the catalog\n`);
      const before = heapAfterGc();
      const values = parseAllYaml(made(), { threads }).map((r) => r.value);
      const kept = heapAfterGc() - before;
      expect(values[1]).toEqual({ title: 'Title number 1 of the catalog' });
      expect(kept, `${count} texts on ${threads} threads`).toBeLessThan((count * comment.length) / 20);
    }
  });
});

