/** A model: a model card with its data, inputs, metrics against objectives and operations. */
import * as z from 'zod';
import { commonOwned, date, license, reference, useId, versionLabel, webUrl } from './shared.ts';

export const dataRef = z
  .strictObject({
    dataset: reference.describe('The dataset (optionally `id@version`).'),
    split: z.string().describe('The split used, such as `train` or `test`.').optional(),
    version: versionLabel.describe('The dataset version used; pin it for production models.').optional(),
  })
  .describe('A dataset the model was trained or evaluated on.');

export const objective = z
  .strictObject({
    min: z.number().describe('The metric must be at least this.').optional(),
    max: z.number().describe('The metric must be at most this.').optional(),
  })
  .refine((o) => o.min !== undefined || o.max !== undefined, { message: 'Expected `min`, `max` or both' })
  .describe('The service level the metric must meet.');

export const metric = z
  .strictObject({
    name: z.string().min(1).describe('Metric name, such as `recall` or `auc`.'),
    value: z.number().describe('The measured value.'),
    dataset: reference.describe('The dataset it was measured on.').optional(),
    split: z.string().describe('The split it was measured on (never a training split).').optional(),
    slice: z
      .string()
      .regex(/^[^=\s]+=.+$/, 'Expected a slice written `column=value`, such as `region=EU`')
      .describe('The subset measured, as `column=value` over a column of the dataset.')
      .optional(),
    objective: objective.optional(),
  })
  .describe('One measured result.');

export const modelVersion = z
  .strictObject({
    version: versionLabel.describe('The version label of this earlier model.'),
    date: date.describe('When this version was released.').optional(),
    training: z.array(dataRef).describe('The datasets (and pinned versions) this version was trained on.').optional(),
    metrics: z.array(metric).describe('What this version measured, each against the objective it then had.').optional(),
    notes: z.string().describe('What changed in this version, or why it was replaced.').optional(),
  })
  .describe('One earlier version of the model.');

export const model = z
  .strictObject({
    ...commonOwned,
    description: z.string().min(1).describe('One line saying what this model predicts; shown in lists and search.'),
    version: versionLabel.describe('The model version this card describes.').optional(),
    task: z.string().describe('What the model does, such as `binary-classification` or `ranking`.').optional(),
    algorithm: z.string().describe('Model family, such as `gradient-boosted trees`.').optional(),
    stage: z
      .enum(['development', 'staging', 'shadow', 'canary', 'production', 'retired'])
      .default('development')
      .describe('Where the model is in its deployment lifecycle.'),
    deployment: z
      .strictObject({
        mode: z.enum(['batch', 'online', 'streaming']).describe('How predictions are served.').optional(),
        strategy: z
          .enum(['canary', 'blue-green', 'shadow', 'rolling', 'none'])
          .describe('How new versions are rolled out.')
          .optional(),
      })
      .describe('How the model is deployed.')
      .optional(),
    training: z.array(dataRef).describe('Datasets the model was trained on.').optional(),
    evaluation: z.array(dataRef).describe('Datasets the model was evaluated on.').optional(),
    inputs: z
      .array(z.strictObject({ model: reference.describe('A model whose output this one consumes.') }))
      .describe('Other models whose outputs this one consumes (composite predictors).')
      .optional(),
    features: z
      .array(z.string().min(1))
      .describe('Input features: each the id of a `features/` entry, else a column of a training dataset, written `dataset-id.column` when several training datasets have it.')
      .optional(),
    factors: z
      .array(z.string())
      .describe('Columns whose values may change performance; each needs sliced metrics.')
      .optional(),
    metrics: z.array(metric).describe('Measured results, each against its objective.').optional(),
    fallback: reference.describe('The model or rule used when this one is down or failing.').optional(),
    last_resort: z
      .string()
      .min(1)
      .describe('Why this model has no fallback by design: it is itself what answers when the others are down, such as a fixed rule. Set it instead of `fallback`, never with it.')
      .optional(),
    intended_use: z.array(useId).describe('What the model is for (ids from the uses vocabulary).').optional(),
    out_of_scope: z.array(z.string()).describe('Uses the model must not be put to.').optional(),
    certified_domain: z
      .record(z.string(), z.union([z.tuple([z.number(), z.number()]), z.array(z.union([z.string(), z.number()]))]))
      .describe('Input bounds the model is valid for, per feature (named as in `features`): a `[min, max]` range or a list of values, each within what the training data holds.')
      .optional(),
    limitations: z.array(z.string()).describe('Known limitations.').optional(),
    ethical_considerations: z.array(z.string()).describe('Risks and harms considered.').optional(),
    monitoring: z
      .array(
        z.strictObject({
          signal: z.string().describe('What is watched.'),
          threshold: z.string().describe('When it alerts.').optional(),
          alert: z.string().describe('Who or what is alerted.').optional(),
        }),
      )
      .describe('What is watched in production, and who is alerted.')
      .optional(),
    retraining: z
      .strictObject({
        cadence: z.string().describe('How often, such as `weekly`.').optional(),
        triggers: z.array(z.string()).describe('Events that trigger retraining.').optional(),
      })
      .describe('When the model is retrained.')
      .optional(),
    experiment: z
      .strictObject({
        url: webUrl.describe('Link to the experiment tracker run.').optional(),
        run_id: z.string().describe('The tracker run id.').optional(),
      })
      .describe('Where the training run is tracked.')
      .optional(),
    versions: z
      .array(modelVersion)
      .describe('Earlier versions of the model, newest last; the top-level fields describe the current one.')
      .optional(),
    hyperparameters: z
      .record(z.string(), z.unknown())
      .describe('Hyperparameters of the trained model.')
      .optional(),
    license: license.optional(),
  })
  .describe('A model: a model card in Markdown with this front matter.');

export type ModelInput = z.input<typeof model>;
export type Model = z.output<typeof model>;
export type Metric = z.output<typeof metric>;
export type ModelVersion = z.output<typeof modelVersion>;
