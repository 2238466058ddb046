/** A source: where raw data comes from, and how we know it is still there. */
import * as z from 'zod';
import { commonOwned, duration, reference } from './shared.ts';

export const source = z
  .strictObject({
    ...commonOwned,
    type: z.enum(['api', 'database', 'vendor', 'sensor', 'manual', 'web', 'file']).describe('What kind of source this is.'),
    url: z
      .url({
        // Any scheme a source lives at (`s3:`, `postgres:`), but none that runs script when followed from the site.
        protocol: /^(?!(javascript|data|vbscript)$)[a-z][a-z0-9+.-]*$/i,
        error: 'Expected an address such as `https://data.example.org/export.csv` or `s3://bucket/path/`',
      })
      .describe(
        'Where the source can be reached. `npm run probe` checks `https://` and `http://` addresses on the `checked.every` schedule; other schemes (`s3://`, `postgres://`) are listed as not probed.',
      )
      .optional(),
    contact: z.string().describe('Who to ask when the source breaks: an email, channel or on-call alias.').optional(),
    terms: z.string().describe('Terms the data comes under: a contract, `internal`, or a URL.').optional(),
    backup_source: reference.describe('A second source to fall back on (id of a `sources/` entry).').optional(),
    checked: z
      .strictObject({
        how: z.string().describe('How the source is verified to still be there and unchanged.'),
        every: duration.describe('How often.').optional(),
      })
      .describe('How and how often the source is verified.')
      .optional(),
  })
  .describe('A source of raw data.');

export type SourceInput = z.input<typeof source>;
export type Source = z.output<typeof source>;
