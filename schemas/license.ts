/** A license: a custom data-use agreement beyond SPDX, with what it permits and forbids. */
import * as z from 'zod';
import { commonOwned, date, useId, webUrl } from './shared.ts';

const terms = z.array(z.string().min(1));

export const license = z
  .strictObject({
    ...commonOwned,
    permissions: terms
      .describe('What the license allows, such as `internal-use` or `modification`.')
      .optional(),
    conditions: terms
      .describe('What users must do; `share-alike` and `no-redistribution` propagate downstream.')
      .optional(),
    limitations: terms
      .describe('What users must not do; `no-commercial-use` and `no-derivatives` propagate downstream.')
      .optional(),
    prohibited_uses: z.array(useId).describe('Uses from the vocabulary that the license forbids.').optional(),
    expires: date.describe('When the agreement ends; data under it must not be used after.').optional(),
    url: webUrl.describe('Where the full text is.').optional(),
  })
  .describe('A custom license or data-use agreement.');

export type LicenseInput = z.input<typeof license>;
export type License = z.output<typeof license>;
