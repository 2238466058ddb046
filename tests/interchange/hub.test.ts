import { PIPELINE_TYPES } from '@huggingface/tasks';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hfDatasetCard, hfModelCard } from '../../src/lib/interchange/export/hf.ts';
import { HUB_LICENSES, HUB_PIPELINE_OF, hubLicenseFields, hubLicenseId, hubPipeline } from '../../src/lib/interchange/hub.ts';
import type { Entry } from '../../src/lib/types.ts';
import { catalogOf } from '../helpers/catalog.ts';
import { demoCatalog, syntheticCatalog } from './catalogs.ts';

const meta = (card: string) => parse(card.split('---\n')[1]!) as Record<string, any>;

describe('the Hub task table', () => {
  it('maps only to pipeline types of @huggingface/tasks', () => {
    for (const [task, pipeline] of Object.entries(HUB_PIPELINE_OF)) expect(PIPELINE_TYPES, task).toContain(pipeline);
  });

  it('keeps a task that is already a pipeline type, and maps none where nothing fits', () => {
    expect(hubPipeline('text-classification')).toBe('text-classification');
    expect(hubPipeline('binary-classification')).toBe('tabular-classification');
    expect(hubPipeline('regression')).toBe('tabular-regression');
    expect(hubPipeline('ranking')).toBeUndefined();
    expect(hubPipeline(undefined)).toBeUndefined();
  });
});

describe('the Hub license fields', () => {
  it('use the Hub id of an SPDX license the Hub lists', () => {
    expect(hubLicenseId('CC-BY-4.0')).toBe('cc-by-4.0');
    expect(hubLicenseId('GPL-3.0-only')).toBe('gpl-3.0');
    expect(hubLicenseId('ODbL-1.0')).toBe('odbl');
    expect(hubLicenseId('0BSD')).toBeUndefined();
    expect(HUB_LICENSES.has('apache-2.0')).toBe(true);
  });

  it('give `other` with a kebab-case name and the link for the rest', () => {
    expect(hubLicenseFields('MIT', undefined)).toEqual({ license: 'mit' });
    expect(hubLicenseFields('0BSD', 'https://spdx.org/licenses/0BSD.html')).toEqual({ license: 'other', license_name: '0bsd', license_link: 'https://spdx.org/licenses/0BSD.html' });
    expect(hubLicenseFields('lumen-internal', 'https://catalog.example.com/licenses/lumen-internal/')).toEqual({ license: 'other', license_name: 'lumen-internal', license_link: 'https://catalog.example.com/licenses/lumen-internal/' });
  });
});

describe('Hugging Face cards', () => {
  const config = 'site:\n  url: https://catalog.example.com/\n';
  const team = 'title: Data team\ndescription: Keeps the data.\nmembers:\n  - { name: Dee Ata }\n';
  const catalog = catalogOf(
    {
      'teams/data-team.yaml': team,
      'licenses/lumen-internal.yaml': 'title: Lumen internal\ndescription: Internal use only.\nowners: [data-team]\n',
      'datasets/squad.md': '---\ntitle: SQuAD\ndescription: Questions.\nowners: [data-team]\nlinks: [{ title: Hub, url: "https://huggingface.co/datasets/rajpurkar/squad" }]\n---\n',
      'datasets/clicks.md': '---\ntitle: Clicks\ndescription: Clicks.\nowners: [data-team]\nrights: { license: lumen-internal }\nderived_from: [{ dataset: squad }]\n---\n',
      'models/bert.md': '---\ntitle: BERT\ndescription: Base.\nowners: [data-team]\nlinks: [{ title: Hub, url: "https://huggingface.co/google-bert/bert-base-uncased" }]\n---\n',
      'models/reader.md': '---\ntitle: Reader\ndescription: Reads.\nowners: [data-team]\ntask: ranking\ntraining: [{ dataset: squad }, { dataset: clicks }]\ninputs: [{ model: bert }]\n---\n',
    },
    { config },
  );
  const card = (id: string) => {
    const entry = catalog.byId.get(id)!;
    return meta(entry.kind === 'model' ? hfModelCard(catalog, entry as Entry<'model'>) : hfDatasetCard(catalog, entry as Entry<'dataset'>));
  };

  it('name Hub ids only for entries whose Hub page the catalog links', () => {
    const reader = card('reader');
    expect(reader['datasets']).toEqual(['rajpurkar/squad']);
    expect(reader['base_model']).toBe('google-bert/bert-base-uncased');
    expect(card('clicks')['source_datasets']).toEqual(['extended|rajpurkar/squad']);
  });

  it('write no pipeline_tag where no Hub task fits, and keep the task in the cardcat block', () => {
    const reader = card('reader');
    expect(reader['pipeline_tag']).toBeUndefined();
    expect(reader['cardcat']).toMatchObject({ task: 'ranking', title: 'Reader' });
  });

  it('write a custom license as `other` with its name and its page', () => {
    expect(card('clicks')).toMatchObject({ license: 'other', license_name: 'lumen-internal', license_link: 'https://catalog.example.com/licenses/lumen-internal/' });
  });

  it.each([
    ['the demo', () => demoCatalog()],
    ['a synthetic catalog', () => syntheticCatalog().catalog],
  ])('give every model of %s a pipeline type of the Hub or none, and Hub license ids', (_, load) => {
    const all = load();
    const models = all.entries.filter((e): e is Entry<'model'> => e.kind === 'model');
    expect(models.length).toBeGreaterThan(3);
    for (const model of models) {
      const m = meta(hfModelCard(all, model));
      if (m['pipeline_tag'] !== undefined) expect(PIPELINE_TYPES, model.id).toContain(m['pipeline_tag']);
      for (const result of m['model-index']?.[0]?.results ?? []) expect(PIPELINE_TYPES, model.id).toContain(result.task.type);
      if (m['license'] !== undefined) expect(HUB_LICENSES.has(m['license']), `${model.id}: ${m['license']}`).toBe(true);
      if (m['license'] === 'other') expect(m['license_name'], model.id).toMatch(/^[a-z0-9.-]+$/);
    }
  });
});
