/** Every kind of entry: its folder under the content root and its schema. */
import type * as z from 'zod';
import { dataset } from './dataset.ts';
import { feature } from './feature.ts';
import { glossary } from './glossary.ts';
import { license } from './license.ts';
import { model } from './model.ts';
import { person } from './person.ts';
import { source } from './source.ts';
import { team } from './team.ts';

export const KINDS = {
  dataset: { folder: 'datasets', label: 'Dataset', plural: 'Datasets', schema: dataset },
  model: { folder: 'models', label: 'Model', plural: 'Models', schema: model },
  feature: { folder: 'features', label: 'Feature', plural: 'Features', schema: feature },
  source: { folder: 'sources', label: 'Source', plural: 'Sources', schema: source },
  team: { folder: 'teams', label: 'Team', plural: 'Teams', schema: team },
  person: { folder: 'people', label: 'Person', plural: 'People', schema: person },
  glossary: { folder: 'glossary', label: 'Glossary term', plural: 'Glossary', schema: glossary },
  license: { folder: 'licenses', label: 'License', plural: 'Licenses', schema: license },
} as const;

export type Kind = keyof typeof KINDS;
export const KIND_NAMES = Object.keys(KINDS) as Kind[];

/** What the code consumes for each kind, after parsing and defaults. */
export type KindData = { [K in Kind]: z.output<(typeof KINDS)[K]['schema']> };

export const kindOfFolder = new Map<string, Kind>(KIND_NAMES.map((kind) => [KINDS[kind].folder, kind]));
