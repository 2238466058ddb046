import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeProject } from '../helpers/catalog.ts';
import { LINEAGE } from './fixture.ts';
import { run, runBinary } from './run.ts';

function project(files: Record<string, string> = LINEAGE): { root: string; content: string } {
  const prefixed: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) prefixed[`content/${name}`] = text;
  const root = writeProject(prefixed);
  return { root, content: path.join(root, 'content') };
}

const graph = async (...args: string[]) => {
  const { root, content } = project();
  return run(['graph', ...args, '--content', content], root);
};

describe('graph', () => {
  it('lists both directions by default, each member with its depth and the path that reaches it', async () => {
    const result = await graph('clean-events');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatchInlineSnapshot(`
      "clean-events (dataset): Clean "events" <b>bold</b> [x] #1 end

      Depends on (upstream): 2 entries
         1  dataset  raw-events  clean-events derived from raw-events
         2  source   events-api  clean-events derived from raw-events collected from events-api

      Impacts (downstream): 2 entries
         1  dataset  labels       clean-events feeds labels
         2  model    churn-model  clean-events feeds labels trains churn-model"
    `);
  });

  it('follows one direction and stops at the depth asked for', async () => {
    const result = await graph('churn-model', '--up', '--depth', '2');
    expect(result.stdout).toMatchInlineSnapshot(`
      "churn-model (model): Churn model

      Depends on (upstream) within 2 steps: 3 entries
         1  dataset  labels        churn-model trained on labels
         1  model    churn-rule    churn-model falls back to churn-rule
         2  dataset  clean-events  churn-model trained on labels derived from clean-events"
    `);
  });

  it('prints JSON with the same members, depths and paths', async () => {
    const result = await graph('raw-events', '--down', '--format', 'json');
    const report = JSON.parse(result.stdout) as { id: string; up?: unknown; down: { id: string; depth: number; path: { id: string; relation: string }[] }[] };
    expect(report.id).toBe('raw-events');
    expect(report.up).toBeUndefined();
    expect(report.down.map((m) => `${m.depth} ${m.id} via ${m.path.map((s) => `${s.relation} ${s.id}`).join(', ')}`)).toEqual([
      '1 clean-events via feeds clean-events',
      '1 old-sample via feeds old-sample',
      '2 labels via feeds clean-events, feeds labels',
      '2 sample-report via feeds old-sample, feeds sample-report',
      '3 churn-model via feeds clean-events, feeds labels, trains churn-model',
    ]);
  });

  it('draws a Mermaid flowchart in the direction data flows, with labels escaped', async () => {
    const result = await graph('clean-events', '--format', 'mermaid');
    expect(result.stdout).toMatchInlineSnapshot(`
      "flowchart LR
        n0["Clean #34;events#34; #60;b#62;bold#60;#47;b#62; #91;x#93; #35;1 end #40;clean-events#41;"]:::dataset
        n1["Raw events #40;raw-events#41;"]:::dataset
        n2["Labels #40;labels#41;"]:::dataset
        n3["Events API #40;events-api#41;"]:::source
        n4["Churn model #40;churn-model#41;"]:::model
        n1 -->|"feeds"| n0
        n0 -->|"feeds"| n2
        n3 -->|"source of"| n1
        n2 -->|"trains"| n4
        class n0 focus
        classDef dataset fill:#e3f2fd,stroke:#1e88e5,color:#0d47a1
        classDef model fill:#f3e5f5,stroke:#8e24aa,color:#4a148c
        classDef source fill:#e8f5e9,stroke:#43a047,color:#1b5e20
        classDef focus stroke-width:4px"
    `);
    // Nothing from a title can close the label or open HTML.
    const labels = [...result.stdout.matchAll(/\["(.*)"\]/g)].map((m) => m[1]!);
    for (const label of labels) expect(label).not.toMatch(/["<>[\]]/);
  });

  it('caps the chart at --max-nodes, nearest first, and says how many are left out', async () => {
    const result = await graph('raw-events', '--down', '--format', 'mermaid', '--max-nodes', '3');
    const nodes = result.stdout.split('\n').filter((line) => /^ {2}n\d+\[/.test(line));
    expect(nodes).toEqual(['  n0["Raw events #40;raw-events#41;"]:::dataset', '  n1["Clean #34;events#34; #60;b#62;bold#60;#47;b#62; #91;x#93; #35;1 end #40;clean-events#41;"]:::dataset', '  n2["Old sample #40;old-sample#41;"]:::dataset']);
    expect(result.stdout).toContain('more["#8230; and 3 more#58; npm run graph -- raw-events --format text lists every one"]:::more');
  });

  it('says so when nothing is upstream or downstream', async () => {
    const result = await graph('churn-rule', '--up');
    expect(result.stdout).toBe('churn-rule (model): Churn rule\n\nDepends on (upstream): nothing');
  });

  it.each([
    [['churn-modle'], 2, /^No entry `churn-modle` in .*content\. Did you mean `churn-model`\?$/],
    [['churn-model', '--depth', '0'], 2, /^Unexpected --depth `0`, expected a whole number of 1 or more$/],
    [['churn-model', '--format', 'dot'], 2, /^Unknown format `dot`, expected one of `text`, `mermaid`, `json`$/],
    [[], 2, /^Expected one entry id\./],
  ])('rejects %j with a clear message', async (args, code, message) => {
    const result = await graph(...args);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
  });

  it('explains that an entry with schema problems is not in the graph', async () => {
    const { root, content } = project({ ...LINEAGE, 'datasets/broken.md': '---\ntitle: Broken\n---\n' });
    const result = await run(['graph', 'broken', '--content', content], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('`broken` (content/datasets/broken.md) has problems that keep it out of the graph; run `npm run check` and fix them first.');
  });

  it('works from the real command line', () => {
    const { root, content } = project();
    const result = runBinary(['graph', 'labels', '--up', '--depth', '1', '--content', content], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('labels (dataset): Labels\n\nDepends on (upstream) within 1 step: 1 entry\n   1  dataset  clean-events  labels derived from clean-events\n');
  });
});
