/** The exports by format: each turns a catalog into files (paths relative to the output folder). */
import type { Catalog, Entry } from '../../types.ts';
import { checkCroissant } from '../croissant-check.ts';
import { catalogManifest } from './catalog-json.ts';
import { croissantOf } from './croissant.ts';
import { dataPackageOf } from './frictionless.ts';
import { hfDatasetCard, hfModelCard } from './hf.ts';
import { entryJsonLd } from './jsonld.ts';
import { mctOf } from './mct.ts';

export interface ExportFile {
  path: string;
  text: string;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const datasets = (catalog: Catalog) => catalog.entries.filter((e): e is Entry<'dataset'> => e.kind === 'dataset');
const models = (catalog: Catalog) => catalog.entries.filter((e): e is Entry<'model'> => e.kind === 'model');

export const EXPORTERS = {
  catalog: { label: 'one catalog.json manifest', run: (c: Catalog): ExportFile[] => [{ path: 'catalog.json', text: json(catalogManifest(c)) }] },
  croissant: { label: 'Croissant 1.0 JSON-LD per dataset', run: (c: Catalog): ExportFile[] => datasets(c).map((e) => ({ path: `croissant/${e.id}.json`, text: json(croissantOf(c, e)) })) },
  jsonld: {
    label: 'schema.org JSON-LD per dataset and model',
    run: (c: Catalog): ExportFile[] =>
      c.entries.flatMap((e) => {
        const ld = entryJsonLd(c, e);
        return ld ? [{ path: `jsonld/${e.kind}s/${e.id}.jsonld`, text: json(ld) }] : [];
      }),
  },
  hf: {
    label: 'Hugging Face README.md per dataset and model',
    run: (c: Catalog): ExportFile[] => [
      ...datasets(c).map((e) => ({ path: `hf/datasets/${e.id}/README.md`, text: hfDatasetCard(c, e) })),
      ...models(c).map((e) => ({ path: `hf/models/${e.id}/README.md`, text: hfModelCard(c, e) })),
    ],
  },
  frictionless: {
    label: 'Frictionless Data Package (v2) per dataset with a location',
    run: (c: Catalog): ExportFile[] =>
      datasets(c).flatMap((e) => {
        const pkg = dataPackageOf(c, e);
        return pkg ? [{ path: `frictionless/${e.id}/datapackage.json`, text: json(pkg) }] : [];
      }),
  },
  mct: { label: 'Model Card Toolkit JSON (v0.0.2) per model', run: (c: Catalog): ExportFile[] => models(c).map((e) => ({ path: `mct/${e.id}.json`, text: json(mctOf(c, e)) })) },
} as const;

export type ExportFormat = keyof typeof EXPORTERS;

/**
 * What the format's own validator would reject in the written files, as `path: message`
 * lines: the mlcroissant checks for Croissant (`../croissant-check.ts`); none for the rest.
 */
export function exportProblems(format: ExportFormat, files: readonly ExportFile[]): string[] {
  if (format !== 'croissant') return [];
  return files.flatMap((file) => checkCroissant(JSON.parse(file.text)).errors.map((e) => `${file.path}: ${e.at}: ${e.message}`));
}
export const EXPORT_FORMATS = Object.keys(EXPORTERS) as ExportFormat[];
