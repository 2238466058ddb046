/**
 * Every file of the shared corpus of real-world cards (../shared/corpus, see its
 * MANIFEST.tsv) imports, or fails with a message naming what is wrong and where; what is
 * imported passes `check`; and the figures survive.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog, Entry } from '../../src/lib/types.ts';
import { writeProject } from '../helpers/catalog.ts';
import { catalogAt, corpusDir, hasCorpus, run } from './helpers.ts';

interface Outcome {
  file: string;
  written: string[];
  skipped: string[];
  error?: { message: string; line: number; column: number };
}

const KINDS = [
  ['hf-dataset', 'hf-datasets'],
  ['hf-model', 'hf-models'],
  ['croissant', 'croissant'],
  ['frictionless', 'frictionless'],
] as const;

if (!hasCorpus) console.log(`Skipping the corpus tests: no corpus at ${corpusDir}`);

describe.skipIf(!hasCorpus)('importing the corpus of real-world cards', () => {
  let project: string;
  let catalog: Catalog;
  let errors: string[];
  const outcomes = new Map<string, Outcome[]>();

  beforeAll(async () => {
    project = writeProject({});
    // Datasets first, so model cards can resolve the datasets they name.
    for (const [format, folder] of KINDS) {
      const result = await run(project, 'import', format, path.join(corpusDir, folder), '--format', 'json');
      outcomes.set(format, (JSON.parse(result.stdout) as { files: Outcome[] }).files.map((o) => ({ ...o, file: path.basename(o.file) })));
    }
    ({ catalog, errors } = catalogAt(project));
    const lines = KINDS.map(([format]) => {
      const list = outcomes.get(format)!;
      const clean = list.filter((o) => !o.error).length;
      return `  ${format}: ${clean} of ${list.length} files imported cleanly, ${list.length - clean} refused with a reason`;
    });
    console.log(`Corpus import:\n${lines.join('\n')}\n  ${catalog.entries.length} entries in the resulting catalog, ${errors.length} errors`);
  }, 120_000);

  const entry = <K extends 'dataset' | 'model'>(id: string, kind: K) => {
    const found = catalog.byId.get(id);
    if (found?.kind !== kind) throw new Error(`\`${id}\` was not imported as a ${kind}`);
    return found as Entry<K>;
  };

  it('imports every file or names what is wrong with it, at a line and column', () => {
    const refused = [...outcomes.values()].flat().filter((o) => o.error).map((o) => `${o.file}:${o.error!.line}:${o.error!.column} ${o.error!.message}`);
    expect(refused).toMatchInlineSnapshot(`
      [
        "HuggingFace-Dataset-Card-Analysis__EmnaBou_TD_dataset.md:1:1 Front matter is never closed: no \`---\` line after the opening one",
        "HuggingFace-Dataset-Card-Analysis__LeandraFichtel_KAMEL.md:1:1 Front matter is never closed: no \`---\` line after the opening one",
        "datasets__indonlu-2021-01.md:89:1 Front matter is never closed: the closing \`---\` is indented",
        "datasets__roman_urdu-2021-01.md:1:1 Unexpected front-matter delimiter \`--\`, expected \`---\`",
        "hf-readme__TokenBender__llama2-7b-chat-hf-codeCherryPop-qLoRA-merged.md:1:1 Front matter is never closed: no \`---\` line after the opening one",
        "hf-readme__patrickvonplaten__t5-tiny-random.md:1:1 The file is empty: there is no card to import",
        "huggingface-models__osanseviero__test_tag.md:2:11 Invalid YAML in the front matter: Nested mappings are not allowed in compact mappings",
        "huggingface-models__qqhann__w2v_hf_commonvoice_from_xlsr53_pretrain_0329UTC1500.md:6:1 Invalid YAML in the front matter: Implicit keys need to be on a single line",
        "huggingface-models__vesteinn__IceBERT-QA.md:1:1 Unexpected front-matter delimiter \`----\`, expected \`---\`",
        "huggingface_hub__sample_invalid_card_data.md:2:1 Expected the front matter to be a mapping of fields, found a list",
        "huggingface_hub__sample_template.md:2:2 Invalid YAML in the front matter: Unexpected key that is a list, mapping or alias: keys are plain text",
      ]
    `);
    for (const list of outcomes.values()) for (const o of list) if (!o.error) expect(o.written.length + o.skipped.length, o.file).toBeGreaterThan(0);
  });

  it('writes entries that pass check', () => {
    expect(errors).toEqual([]);
    expect(catalog.entries.filter((e) => e.kind === 'dataset').length).toBeGreaterThan(50);
    expect(catalog.entries.filter((e) => e.kind === 'model').length).toBe(21);
  });

  it('keeps split example counts, feature types and licenses of Hugging Face dataset cards', () => {
    const squad = entry('squad', 'dataset');
    expect(squad.data.splits?.parts).toEqual([{ name: 'train', rows: 87599 }, { name: 'validation', rows: 10570 }]);
    expect(squad.data.rights?.license).toBe('CC-BY-4.0');
    const conll = entry('conll2003', 'dataset');
    expect(conll.data.splits?.parts.map((p) => [p.name, p.rows])).toEqual([['train', 14041], ['validation', 3250], ['test', 3453]]);
    expect(conll.data.schema?.map((c) => `${c.name}:${c.type}`)).toEqual(['id:string', 'tokens:array', 'pos_tags:array', 'chunk_tags:array', 'ner_tags:array']);
    expect(conll.data.schema?.[2]?.values).toHaveLength(47);
    expect(conll.data.schema?.[4]?.values).toEqual(['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC']);
    // Twelve configurations: the first gives the fields, all are tabled in the body.
    const glue = entry('glue', 'dataset');
    expect(glue.data.splits?.parts.map((p) => [p.name, p.rows])).toEqual([['test', 1063], ['train', 8551], ['validation', 1043]]);
    expect(glue.body.match(/^### Configuration `/gm)).toHaveLength(12);
    expect(glue.body).toContain('| train | 392702 |');
    expect(entry('sample-datasetcard-simple', 'dataset').data.rights?.license).toBe('BSD-3-Clause');
  });

  it('keeps every evaluation result of a model card, as a metric or in a table', () => {
    const ner = entry('distilbert-base-uncased-finetuned-ner', 'model');
    expect(ner.data.training).toEqual([{ dataset: 'conll2003' }]);
    expect(ner.body).toContain('| token-classification | conll2003 |  |  | precision | 0.925115970841617 |');
    const xsum = entry('bart-large-xsum', 'model');
    expect(xsum.body).toContain('| summarization | cnn_dailymail | 3.0.0 | test | ROUGE-1 | 25.2697 |');
    const big = entry('bilingual-embedding-large', 'model');
    const text = readFileSync(path.join(corpusDir, 'hf-models/hf-readme__Lajavaness__bilingual-embedding-large.md'), 'utf8');
    const results = (text.match(/^\s+- type: /gm) ?? []).length;
    expect(results).toBeGreaterThan(3000);
    expect(big.body.split('\n').filter((l) => /^\| [^-]/.test(l) && !l.startsWith('| task ')).length).toBe(3626);
    const nli = entry('training-nli-v2-bert-final', 'model');
    expect(nli.data.metrics).toBeUndefined();
    expect(nli.body.match(/\| NaN \|$/gm)).toHaveLength(20);
    expect(entry('qwen2-5-coder-7b-instruct', 'model').data.license).toBe('Apache-2.0');
  });

  it('keeps Croissant fields, splits and Responsible-AI properties', () => {
    const squad = entry('huggingface-squad', 'dataset');
    expect(squad.data.splits?.parts).toEqual([{ name: 'train' }, { name: 'validation' }]);
    expect(squad.data.schema?.map((c) => c.name)).toEqual(['split', 'id', 'title', 'context', 'question', 'answers']);
    const dices = entry('dices-350', 'dataset');
    expect(dices.data.rights?.license).toBe('CC-BY-SA-4.0');
    expect(dices.body).toContain('## Annotator demographics');
    const titanic = entry('titanic', 'dataset');
    expect(titanic.data.schema?.find((c) => c.name === 'survived')?.type).toBe('integer');
  });

  it('keeps Data Package fields, constraints, licenses and row counts', () => {
    const co2 = entry('co2-ppm-co2-mm-mlo', 'dataset');
    expect(co2.data.rights?.license).toBe('PDDL-1.0');
    expect(co2.data.schema?.map((c) => `${c.name}:${c.type}`)).toContain('Date:date');
    expect(entry('package-storage-article', 'dataset').data.size?.rows).toBe(2);
  });

  it('exports every imported dataset as Croissant that imports and exports again unchanged', async () => {
    expect((await run(project, 'export', 'croissant')).code).toBe(0);
    const exported = path.join(project, 'dist-export/croissant');
    const names = readdirSync(exported);
    expect(names).toHaveLength(catalog.entries.filter((e) => e.kind === 'dataset').length);
    const second = writeProject({});
    const imported = await run(second, 'import', 'croissant', exported);
    expect(imported.code).toBe(0);
    expect(catalogAt(second).errors).toEqual([]);
    await run(second, 'export', 'croissant');
    const differences = names.filter((name) => readFileSync(path.join(second, 'dist-export/croissant', name), 'utf8') !== readFileSync(path.join(exported, name), 'utf8'));
    expect(differences).toEqual([]);
  });
});
