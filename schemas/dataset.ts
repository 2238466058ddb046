/** A dataset: a datasheet with location, schema, splits, lineage and rights. */
import * as z from 'zod';
import { commonOwned, date, duration, license, reference, useId, versionLabel } from './shared.ts';

const oneOrMany = (item: z.ZodType<string>) => z.union([item, z.array(item).min(1)]);
// Checksums as exports need them: Croissant requires one on every file unless the dataset is live.
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'Expected a SHA-256 digest: 64 lowercase hex digits');
const md5 = z.string().regex(/^[0-9a-f]{32}$/, 'Expected an MD5 digest: 32 lowercase hex digits');

export const column = z
  .strictObject({
    name: z.string().min(1).describe('Column name as it appears in the data.'),
    type: z
      .enum(['string', 'integer', 'float', 'boolean', 'date', 'datetime', 'categorical', 'text', 'array', 'struct', 'binary', 'image', 'audio'])
      .describe('Logical type of the values.'),
    description: z.string().describe('What the column holds.').optional(),
    unit: z.string().describe('Unit of measure, such as `s`, `EUR` or `kg`.').optional(),
    term: reference.describe('Glossary term (id of a `glossary/` entry) this column measures.').optional(),
    nullable: z.boolean().describe('Whether values may be missing.').optional(),
    range: z
      .tuple([z.number(), z.number()])
      .describe('Inclusive allowed range `[min, max]` for numeric values.')
      .optional(),
    values: z
      .array(z.union([z.string(), z.number(), z.boolean()]))
      .describe('The allowed values, for categorical columns.')
      .optional(),
    pii: z
      .enum(['none', 'pseudonymous', 'direct', 'sensitive'])
      .describe('Personal-data category: `direct` identifies a person, `pseudonymous` does with extra data, `sensitive` is a special category (health, religion, …).')
      .optional(),
    derived_from: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\.[^\s.]+$/, 'Expected `dataset-id.column`, such as `churn-labels.cancelled`')
      .describe('Column-level lineage: the upstream column this one is computed from, as `dataset-id.column`.')
      .optional(),
  })
  .describe('One column of the dataset.');

export const splitPart = z
  .strictObject({
    name: z.string().min(1).describe('Split name, such as `train`, `validation` or `test`.'),
    rows: z.number().int().nonnegative().describe('Number of rows in this split.').optional(),
    fraction: z.number().min(0).max(1).describe('Share of all rows, between 0 and 1.').optional(),
    classes: z
      .record(z.string(), z.number().int().nonnegative())
      .describe('Rows per class of the stratification (or label) column.')
      .optional(),
    from: date.describe('Temporal splits: first day covered (inclusive).').optional(),
    to: date.describe('Temporal splits: last day covered (inclusive).').optional(),
    training: z
      .boolean()
      .describe('Whether this split is used for training. Defaults to true for a split named `train`.')
      .optional(),
  })
  .describe('One part of the split.');

export const splits = z
  .strictObject({
    method: z
      .enum(['random', 'stratified', 'temporal', 'group'])
      .describe('How rows were assigned to parts.'),
    stratify_by: z.string().describe('Stratified splits: the column whose class proportions each part keeps.').optional(),
    group_by: z.string().describe('Group splits: the column whose values never span two parts.').optional(),
    time_column: z.string().describe('Temporal splits: the column that orders rows in time.').optional(),
    seed: z.number().int().describe('Random seed, so the split can be reproduced.').optional(),
    tolerance: z
      .number()
      .min(0)
      .max(1)
      .describe('Stratified splits: allowed difference between a class share in a part and overall (default 0.02).')
      .optional(),
    parts: z.array(splitPart).min(1).describe('The parts, usually train, validation and test.'),
  })
  .describe('How the dataset is split into parts for training and evaluation.');

export const rights = z
  .strictObject({
    license: license,
    personal_data: z.boolean().describe('Whether the data contains personal data.').optional(),
    consent: z
      .enum(['contract', 'consent', 'legitimate-interest', 'legal-obligation', 'public', 'not-applicable'])
      .describe('Legal basis for processing personal data.')
      .optional(),
    allowed_uses: z.array(useId).describe('Uses this data may be put to (ids from the uses vocabulary).').optional(),
    prohibited_uses: z
      .array(useId)
      .describe('Uses this data and everything derived from it must not be put to.')
      .optional(),
    retention: duration.describe('How long the data may be kept.').optional(),
    access: z
      .enum(['public', 'internal', 'restricted', 'confidential'])
      .describe('Who may access the data.')
      .optional(),
  })
  .describe('Who may use the data, for what, and under which license.');

export const derivation = z
  .strictObject({
    dataset: reference.describe('Upstream dataset (optionally `id@version`).').optional(),
    model: reference.describe('Upstream model whose logged predictions became this data.').optional(),
    split: z.string().describe('The upstream split this data comes from, when only one.').optional(),
    version: versionLabel.describe('The upstream version this data was built from.').optional(),
    transform: z.string().describe('The transformation or pipeline that produced this data.').optional(),
  })
  .refine((d) => (d.dataset === undefined) !== (d.model === undefined), {
    message: 'Expected exactly one of `dataset` or `model`',
  })
  .describe('One upstream input of this dataset.');

export const dataset = z
  .strictObject({
    ...commonOwned,
    description: z.string().min(1).describe('One line saying what this dataset holds; shown in lists and search.'),
    location: z
      .strictObject({
        uri: oneOrMany(z.string()).describe('Where the data lives: one URI or several.'),
        format: z.string().describe('File or table format, such as `parquet` or `csv`.').optional(),
        backup: oneOrMany(z.string()).describe('Where a backup copy lives.').optional(),
        sha256: oneOrMany(sha256)
          .describe('SHA-256 of the file at each URI, in the order of `uri`; only for URIs that name one file, not a folder or table.')
          .optional(),
        md5: oneOrMany(md5).describe('MD5 of the file at each URI, in the order of `uri`, where no SHA-256 is known.').optional(),
      })
      .describe('Where to find the data.')
      .optional(),
    size: z
      .strictObject({
        rows: z.number().int().nonnegative().describe('Number of rows (samples).').optional(),
        bytes: z.number().int().nonnegative().describe('Size on disk in bytes.').optional(),
      })
      .describe('How large the current version is.')
      .optional(),
    versions: z
      .array(
        z.strictObject({
          version: versionLabel,
          date: date.describe('When this version was published.').optional(),
          rows: z.number().int().nonnegative().describe('Rows in this version.').optional(),
          changes: z.string().describe('What changed from the previous version.').optional(),
          sha256: sha256.describe('SHA-256 of this version\'s file, when it is one file.').optional(),
          md5: md5.describe('MD5 of this version\'s file, when it is one file and no SHA-256 is known.').optional(),
        }),
      )
      .describe('Published versions, newest last.')
      .optional(),
    sources: z
      .strictObject({
        primary: oneOrMany(reference).describe('Source(s) the data is collected from.'),
        secondary: oneOrMany(reference).describe('Fallback source(s) when the primary is unavailable.').optional(),
      })
      .describe('Where the raw data comes from (ids of `sources/` entries).')
      .optional(),
    derived_from: z.array(derivation).describe('Upstream datasets or models this one is built from.').optional(),
    sample_id: z.string().describe('The column that identifies one sample.').optional(),
    schema: z.array(column).describe('The columns.').optional(),
    splits: splits.optional(),
    rights: rights.optional(),
  })
  .describe('A dataset: a datasheet in Markdown with this front matter.');

export type DatasetInput = z.input<typeof dataset>;
export type Dataset = z.output<typeof dataset>;
export type Column = z.output<typeof column>;
export type Splits = z.output<typeof splits>;
export type Rights = z.output<typeof rights>;
