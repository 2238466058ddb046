/** `cardcat.config.yaml`: rule severities, the uses vocabulary, review and completeness policy, site settings. */
import * as z from 'zod';
import { duration } from './shared.ts';

const minimum = z.number().min(0).max(1);

export const config = z
  .strictObject({
    site: z
      .strictObject({
        title: z.string().default('Data catalog').describe('Site title, shown in the header.'),
        base: z.string().default('/').describe('Path the site is served under, such as `/catalog/` on GitHub Pages.'),
        url: z.url().describe('Public address of the site, for canonical links and the sitemap.').optional(),
        repo_url: z.url().describe('Repository holding the content, for "edit this file" links.').optional(),
        edit_branch: z.string().default('main').describe('Branch that "edit this file" links open.'),
      })
      .prefault({})
      .describe('How the site is published.'),
    review_every: duration.default('365d').describe('Default review interval for entries that set none.'),
    max_file_bytes: z
      .number()
      .int()
      .positive()
      .default(1_000_000)
      .describe('Files larger than this are reported, not parsed.'),
    uses: z
      .record(
        z.string(),
        z.strictObject({
          description: z.string().describe('What the use means.').optional(),
          commercial: z.boolean().default(false).describe('Whether the use is commercial: a non-commercial license upstream forbids it, and dataset and model pages mark it as commercial in their answer for it.'),
        }),
      )
      .default({})
      .describe('The vocabulary of uses for `allowed_uses`, `prohibited_uses` and `intended_use`.'),
    rules: z
      .record(z.string(), z.enum(['error', 'warning', 'off']))
      .default({})
      .describe('Severity per rule id; rules not named keep their default.'),
    completeness: z
      .strictObject({
        dataset: z.record(z.string(), minimum).default({}).describe('Minimum section coverage per status.'),
        model: z.record(z.string(), minimum).default({}).describe('Minimum section coverage per stage.'),
      })
      .prefault({})
      .describe('Minimum share of template sections a body must cover.'),
    probe: z
      .strictObject({
        every: duration
          .default('1d')
          .describe('How often `npm run probe` checks an address whose entries set no `checked.every` (datasets, licenses, and sources without one).'),
        timeout_seconds: z.number().positive().default(20).describe('How long one request may take, headers and body, before the address counts as unreachable.'),
        max_redirects: z.number().int().min(0).default(5).describe('Redirects followed before giving up.'),
        hash_max_bytes: z
          .number()
          .int()
          .min(0)
          .default(10_000_000)
          .describe('Bodies up to this size are downloaded and their SHA-256 recorded, which shows a change that headers do not; larger ones are compared by headers only.'),
        concurrency: z.number().int().positive().default(8).describe('How many addresses are probed at once.'),
        history: z.number().int().min(0).default(10).describe('How many earlier results the state file keeps per address, besides the newest.'),
      })
      .prefault({})
      .describe('How `npm run probe` checks that sources, dataset locations and license texts are still there and unchanged.'),
    stratification_tolerance: z
      .number()
      .min(0)
      .max(1)
      .default(0.02)
      .describe('Allowed difference between a class share in a split part and in the whole dataset.'),
  })
  .describe('Cardcat configuration.');

export type ConfigInput = z.input<typeof config>;
export type Config = z.output<typeof config>;
