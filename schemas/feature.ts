/** A feature: one input of models as a feature store defines it, trained on one column and served from another. */
import * as z from 'zod';
import { commonOwned, reference } from './shared.ts';

/** `dataset-id.column`: a column of a catalogued dataset. */
export const columnRef = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\.[^\s.]+$/, 'Expected `dataset-id.column`, such as `viewing-sessions.watched_seconds`');

export const feature = z
  .strictObject({
    ...commonOwned,
    description: z.string().min(1).describe('One line saying what the feature measures; shown in lists and search.'),
    entity: z.string().min(1).describe('What one value describes, such as `user`, `title` or `user × title`.').optional(),
    unit: z.string().describe('Unit of the values, such as `s` or `EUR`; compared with both columns by the skew check.').optional(),
    term: reference.describe('Glossary term (id of a `glossary/` entry) the feature measures.').optional(),
    training: columnRef
      .describe('The column the feature is computed from for training, as `dataset-id.column`.')
      .optional(),
    serving: z
      .strictObject({
        column: columnRef.describe('The column that holds the values served online, as `dataset-id.column`.').optional(),
        source: reference.describe('The system that serves it online (id of a `sources/` entry), when no dataset catalogues the served values.').optional(),
      })
      .refine((s) => (s.column === undefined) !== (s.source === undefined), { message: 'Expected exactly one of `column` or `source`' })
      .describe('Where the values served to models online come from.')
      .optional(),
    freshness: z.string().min(1).describe('How old a served value may be, such as `1h` or `daily`.').optional(),
  })
  .describe('A feature: a feature definition in Markdown with this front matter; the body says how it is computed.');

export type FeatureInput = z.input<typeof feature>;
export type Feature = z.output<typeof feature>;
